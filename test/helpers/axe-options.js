// The one set of axe-core options every accessibility check of the suite uses: the component
// tests' `expect(el).to.be.accessible()` (test/helpers/a11y.ts) and the end-to-end sweep
// (test/e2e/a11y.test.mjs). WCAG 2.0/2.1/2.2 A and AA, asked for by tag because axe runs its
// WCAG 2.2 rules (target-size: 2.5.8) only when asked; 'best-practice' keeps the rules axe runs by
// default (landmarks, heading order, …) that no WCAG tag names, so nothing checked before is lost.
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
export const AXE_OPTIONS = { runOnly: { type: 'tag', values: [...WCAG_TAGS, 'best-practice'] }, resultTypes: ['violations'] };
