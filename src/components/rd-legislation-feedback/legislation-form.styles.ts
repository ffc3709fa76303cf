// Styles of <rd-legislation-feedback>'s comment form (comment editors, the blocks after the text,
// "my comments", the dock): adopted into the element's shadow root by the form half
// (legislation-form-half.ts) when it is loaded, not carried by the first screen (README "Figures").
import { css } from 'lit';

export const lfFormStyles = css`
  .lf-comment {
    margin-bottom: var(--_space-3); padding: var(--_space-3); background: var(--_subtle);
    border-radius: var(--_radius); max-width: var(--_measure);
  }
  .lf-comment .rd-field { margin-bottom: var(--_space-2); }
  .lf-comment__target .rd-select { max-width: 14em; }

  .lf-block { margin-top: var(--_space-6); max-width: var(--_measure); }
  .lf-block legend { padding: 0; }
  .lf-block legend h3 { margin-bottom: var(--_space-2); }
  .lf-question { margin-bottom: var(--_space-4); }
  .lf-mine__list { padding-inline-start: 1.5em; }
  .lf-mine__item { margin-bottom: var(--_space-3); }
  .lf-mine__target { font-weight: 700; margin-inline-end: 0.5em; }
  .lf-mine__text { color: var(--_text); }
  .lf-mine__actions { display: inline-flex; gap: var(--_space-2); margin-inline-start: 0.3em; }
  .lf-mine__actions .rd-button { min-height: 32px; padding-block: 0; }
  .lf-contact { padding-inline-start: var(--_space-4); border-inline-start: 4px solid var(--_border); margin-bottom: var(--_space-4); }
  .lf-letters ul { padding-inline-start: 1.2em; }

  .lf-dock {
    position: sticky; bottom: 0; z-index: 1; margin-top: var(--_space-4);
    padding: var(--_space-2) 0; background: var(--_surface); border-top: 1px solid var(--_border);
  }
  .lf-dock__button { width: 100%; }
  @container (min-width: 900px) {
    .lf-dock { display: none; }
  }
  @media print {
    .lf-dock, .lf-rest > .rd-actions { display: none; }
  }
`;
