// `expect(el).to.be.accessible()` with the suite's axe options (WCAG 2.2 AA, test/helpers/
// axe-options.js). chai-a11y-axe (registered by @open-wc/testing) runs axe with its defaults and
// takes no tags, so this module replaces its `accessible` assertion. web-test-runner.config.mjs
// loads it before every test file, so every call — including new ones — checks the same rules.
// It registers chai-a11y-axe itself first (chai.use skips a plugin it already has, so
// @open-wc/testing's later registration keeps this override), and does not import
// @open-wc/testing: loaded before mocha, that would skip its fixture cleanup after each test.
// @ts-ignore -- the ES module bundle exports chai as default; its types say `export =`.
import chaiBundle from '@esm-bundle/chai';
import { chaiA11yAxe } from 'chai-a11y-axe';
import { AXE_OPTIONS } from './axe-options.js';

const chai = chaiBundle as Chai.ChaiStatic;
chai.use(chaiA11yAxe);

interface AxeNode { target: unknown; html: string; failureSummary?: string; any?: Array<{ relatedNodes?: Array<{ target: unknown }> }> }
interface AxeViolation { id: string; impact: string; help: string; helpUrl: string; nodes: AxeNode[] }
interface Axe { run(context: Element | Document, options: object): Promise<{ violations: AxeViolation[] }> }

async function loadAxe(): Promise<Axe> {
  const w = window as unknown as { axe?: Axe };
  if (!w.axe) await import('axe-core/axe.min.js' as string);
  return w.axe!;
}

/** Axe violations inside `el` (through its shadow roots) under the suite's options. */
export async function axeViolations(el: Element | Document, ignoredRules: string[] = []): Promise<AxeViolation[]> {
  const axe = await loadAxe();
  // axe 4.14 mis-measures target spacing in WebKitGTK (two 16 px buttons 30 px apart are "14 px"
  // apart; test/components/a11y-helper.test.ts shows it): target sizes are measured there from
  // the layout instead (overlappingTargets in test/helpers/env.ts; README "Browser baseline").
  if ((window as { __RD_TEST__?: { engine?: string } }).__RD_TEST__?.engine === 'webkit') ignoredRules = [...ignoredRules, 'target-size'];
  const rules = Object.fromEntries(ignoredRules.map((r) => [r, { enabled: false }]));
  const { violations } = await axe.run(el, { ...AXE_OPTIONS, ...(ignoredRules.length ? { rules } : {}) });
  return violations;
}

const describe = (violations: AxeViolation[]) => ['Accessibility violations (WCAG 2.2 AA)', ...violations.flatMap((v) => [
  `Rule: ${v.id} (${v.impact}) — ${v.help} (${v.helpUrl})`,
  ...v.nodes.map((n) => {
    // The elements a check names beside the target (e.g. what obscures a target: target-size).
    const related = [...new Set((n.any ?? []).flatMap((c) => (c.relatedNodes ?? []).map((r) => String(r.target))))];
    return `  ${String(n.target)}: ${n.html.slice(0, 160)}\n    ${(n.failureSummary ?? '').replace(/\n/g, '\n    ')}${related.length ? `\n    related: ${related.join(' | ')}` : ''}`;
  }),
])].join('\n');

chai.use((c, utils) => {
  utils.overwriteMethod(c.Assertion.prototype, 'accessible', () => function (this: Chai.AssertionStatic, options: { ignoredRules?: string[] } = {}) {
    const el = utils.flag(this, 'object') as Element;
    const negate = !!utils.flag(this, 'negate');
    const result = axeViolations(el, options.ignoredRules).then((violations) => {
      if (!negate && violations.length) throw new Error(describe(violations));
      if (negate && !violations.length) throw new Error('Expected accessibility violations, found none');
    });
    (this as unknown as { then: unknown }).then = result.then.bind(result);
    return this;
  });
});
