// The look of <rd-satisfaction-survey>'s review step: adopted by the element with the form half
// (survey-form-half.ts), not on the first screen (README "First screens against their budgets").
import { css } from 'lit';

export const reviewStyles = css`
  .review { margin: 0 0 var(--_space-4); }
  .review dt { font-weight: 600; margin-top: var(--_space-3); }
  .review dd { margin: 0; white-space: pre-wrap; }
  .review__row { display: flex; flex-wrap: wrap; justify-content: space-between; gap: var(--_space-2); align-items: baseline;
    border-bottom: 1px solid #d8dde0; padding-bottom: var(--_space-2); }
  .review__row > div { flex: 1 1 16em; }
  .review__item dt { margin-top: var(--_space-3); }
  .review ul { margin: 0; padding-inline-start: 1.2em; }
`;
