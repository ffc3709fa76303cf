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

  .review { margin: 0 0 var(--_space-4); }
  .review dt { font-weight: 600; margin-top: var(--_space-3); }
  .review dd { margin: 0; white-space: pre-wrap; }
  .review__row { display: flex; flex-wrap: wrap; justify-content: space-between; gap: var(--_space-2); align-items: baseline;
    border-bottom: 1px solid #d8dde0; padding-bottom: var(--_space-2); }
  .review__row > div { flex: 1 1 16em; }
  .review__item dt { margin-top: var(--_space-3); }
  .review ul { margin: 0; padding-inline-start: 1.2em; }
  .muted { color: var(--_muted); }

  .results__meta, .results__rule { color: var(--_muted); }
  .results__section { margin: 0 0 var(--_space-6); }
  .results__chart { margin: 0 0 var(--_space-3); }
  .results__bars { list-style: none; padding: 0; margin: 0 0 var(--_space-3); }
  /* Columns in % of the list too: a narrow widget on a wide page (a side column, where the phone
     media query below does not apply) keeps name and bar inside its box. */
  .results__bar { display: grid; grid-template-columns: minmax(min(8em, 40%), min(16em, 50%)) minmax(0, 1fr); gap: var(--_space-1) var(--_space-3);
    align-items: center; padding: var(--_space-2) 0; border-bottom: 1px solid #d8dde0; }
  .results__bar-name { font-weight: 600; }
  .results__bar-text { grid-column: 2; }
  .results__svg { display: block; width: 100%; min-width: 0; height: 1.4em; }
  @media (max-width: 480px) { .results__bar { grid-template-columns: 1fr; } .results__bar-text { grid-column: 1; } }
  .results__legend, .results__rows { padding: 0; margin: var(--_space-2) 0; }
  .results__legend { list-style: none; display: flex; flex-wrap: wrap; gap: var(--_space-3); }
  .results__rows { padding-inline-start: 1.4em; }
  ul.results__rows { list-style: none; padding-inline-start: 0; }
  .results__rows li { margin-bottom: var(--_space-1); }
  /* Kept on one line when it fits (inline-block), wrapped inside when the widget is narrower. */
  .results__part { display: inline-block; max-width: 100%; margin-inline-end: 0.8em; }
  .swatch { display: inline-block; width: 0.8em; height: 0.8em; margin-inline-end: 0.3em; vertical-align: -0.05em; }
  .results__rate { font-weight: 600; margin-inline-end: 0.6em; }
  .results__verdict { font-weight: 700; }
  .results__verdict--pass { color: var(--_success); }
  .results__verdict--fail { color: var(--_error); }
  .results__verdict--tie { color: #8a4500; }
  .results__table-wrap { overflow-x: auto; }
  .results__table { border-collapse: collapse; width: 100%; font-size: 0.9375em; }
  .results__table caption { text-align: start; font-weight: 600; margin-bottom: var(--_space-2); }
  /* Minimum cell widths: in a narrow widget the table scrolls inside its region (tabindex=0)
     instead of squeezing Chinese headers and figures to one character per line. */
  .results__table th, .results__table td { border-bottom: 1px solid #b1b4b6; padding: 0.35em 0.5em; text-align: end; min-width: 3.5em; overflow-wrap: normal; }
  .results__table tbody th[scope='row'] { min-width: 7em; }
  .results__table th[scope='row'], .results__table thead th:first-child { text-align: start; }
  .results__table thead th { border-bottom-width: 2px; }
  .results__dim th { font-weight: 400; padding-inline-start: 1.5em; }
  .results__table tfoot th, .results__table tfoot td { font-weight: 600; border-top: 2px solid #b1b4b6; }
  .rd-input.sv__number { max-width: 8em; }
`;
