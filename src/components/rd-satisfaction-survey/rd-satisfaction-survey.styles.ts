import { css } from 'lit';

export const surveyStyles = css`
  .survey__meta { color: var(--_muted); margin-bottom: var(--_space-3); }
  .survey__kind {
    display: inline-block; padding: 0 0.5em; margin-inline-end: 0.5em; border: 1px solid currentColor;
    border-radius: var(--_radius); font-size: 0.875em; color: var(--_primary);
  }
  .survey__desc { white-space: pre-line; }
  .survey__progress { margin: 0 0 var(--_space-4); }
  .survey__progress progress {
    display: block; width: 100%; height: 0.6em; accent-color: var(--rd-satisfaction-survey-progress, var(--_primary));
  }
  .survey__page-title { outline: none; }
  .q { margin: 0 0 var(--_space-6); }
  .q__title { font-weight: 600; }
  .q__help { color: var(--_muted); margin: 0 0 var(--_space-2); white-space: pre-line; }
  .q--error { border-inline-start: 4px solid var(--_error); padding-inline-start: var(--_space-3); }
  fieldset.q, fieldset.m-group, fieldset.m-row { border: 0; padding: 0; margin-inline: 0; min-width: 0; }
  fieldset.q > legend, fieldset.m-group > legend { padding: 0; margin-bottom: var(--_space-1); }

  /* Scale choices: big, clearly separated targets (large mode makes them 48px+). */
  .scale { display: flex; flex-wrap: wrap; gap: var(--_space-2); margin: 0; padding: 0; }
  .scale__opt { position: relative; display: inline-flex; }
  .scale__opt input {
    position: absolute; opacity: 0; inset: 0; width: 100%; height: 100%; margin: 0; cursor: pointer;
  }
  .scale__opt span {
    display: inline-flex; align-items: center; justify-content: center; gap: 0.35em;
    min-height: var(--_target, 44px); min-width: 5.5em; padding: 0.3em 0.9em;
    border: 2px solid var(--_border); border-radius: var(--_radius); background: var(--_surface);
    line-height: 1.25; text-align: center;
  }
  .scale__opt span::before {
    content: ''; width: 0.9em; height: 0.9em; border: 2px solid currentColor; border-radius: 50%; flex: none;
  }
  @media (max-width: 480px) {
    .scale__opt { flex: 1 1 4.5em; min-width: 0; }
    .scale__opt span { min-width: 0; width: 100%; padding-inline: 0.25em; }
    .scale__opt span::before { display: none; }
  }
  .scale__opt input:checked + span {
    background: var(--rd-satisfaction-survey-selected, var(--_primary)); color: var(--_primary-contrast);
    border-color: var(--rd-satisfaction-survey-selected, var(--_primary)); font-weight: 600;
  }
  .scale__opt input:checked + span::before { background: currentColor; box-shadow: inset 0 0 0 2px var(--_primary); }
  .scale__opt input:focus-visible + span { outline: 3px solid var(--_focus); box-shadow: 0 0 0 5px var(--_text); }
  .scale__opt input[aria-invalid='true'] + span { border-color: var(--_error); }
  @media (forced-colors: active) {
    @media (max-width: 480px) {
    .scale__opt { flex: 1 1 4.5em; min-width: 0; }
    .scale__opt span { min-width: 0; width: 100%; padding-inline: 0.25em; }
    .scale__opt span::before { display: none; }
  }
  .scale__opt input:checked + span { border: 4px solid Highlight; }
    .scale__opt input:checked + span::before { background: Highlight; }
  }

  /* Matrix: one group per subject, one row per dimension; rows stack on narrow screens. */
  .m-group { margin: 0 0 var(--_space-4); padding: var(--_space-3); background: var(--_subtle); border-radius: var(--_radius); }
  .m-group > legend { font-weight: 600; float: left; width: 100%; }
  .m-group > legend + * { clear: both; }
  .m-subject-desc { color: var(--_muted); margin: 0 0 var(--_space-2); font-size: 0.9375em; }
  .m-row { display: grid; grid-template-columns: minmax(6em, 10em) 1fr; gap: var(--_space-2); align-items: center;
    padding: var(--_space-1) 0; border-top: 1px solid #d8dde0; }
  .m-row > legend { float: left; padding: 0; font-weight: 400; }
  .m-row--error > legend { color: var(--_error); font-weight: 600; }
  @container (max-width: 30em) { .m-row { grid-template-columns: 1fr; } }
  @media (max-width: 480px) { .m-row { grid-template-columns: 1fr; } }

  .counter { font-weight: 600; margin: 0 0 var(--_space-2); }
  .counter--full { color: var(--_primary); }
  .writein { margin-top: var(--_space-3); }
  .rank-list { list-style: none; padding: 0; margin: 0 0 var(--_space-3); }
  .rank-list li { display: flex; flex-wrap: wrap; align-items: center; gap: var(--_space-2); padding: var(--_space-1) 0; border-bottom: 1px solid #d8dde0; }
  .rank-pos { font-weight: 700; min-width: 4em; }
  .rank-label { flex: 1 1 8em; }
  .rank-list .rd-button { min-height: 36px; padding: 0.2em 0.6em; }
  :host([data-rd-large]) .rank-list .rd-button { min-height: 48px; }

  .muted { color: var(--_muted); }

  .rd-input.sv__number { max-width: 8em; }
`;
