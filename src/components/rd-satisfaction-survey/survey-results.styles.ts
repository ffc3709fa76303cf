// The look of <rd-satisfaction-survey>'s results view: adopted by the element with the view's chunk,
// not on the first screen (README "First screens against their budgets").
import { css } from 'lit';

export const resultsStyles = css`
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
`;
