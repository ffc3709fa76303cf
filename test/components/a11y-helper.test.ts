// The suite's accessibility assertion checks WCAG 2.2 AA (test/helpers/a11y.ts): a target smaller
// than 24 × 24 px with a neighbour closer than 24 px (2.5.8 Target Size, which axe checks only when
// asked for wcag22aa) fails it; the same buttons spaced apart pass.
import { expect, fixture, html } from '@open-wc/testing';
import { axeViolations } from '../helpers/a11y.js';

describe('expect(el).to.be.accessible(): WCAG 2.2 AA', () => {
  it('finds crowded small targets (target-size), and passes them once spaced', async () => {
    const crowded = await fixture(html`<div><button style="width:16px;height:16px;padding:0" aria-label="上一页"></button><button style="width:16px;height:16px;padding:0;margin-left:2px" aria-label="下一页"></button></div>`);
    expect((await axeViolations(crowded)).map((v) => v.id)).to.include('target-size');
    await expect(crowded).not.to.be.accessible();
    const spaced = await fixture(html`<div><button style="width:16px;height:16px;padding:0" aria-label="上一页"></button><button style="width:16px;height:16px;padding:0;margin-left:30px" aria-label="下一页"></button></div>`);
    await expect(spaced).to.be.accessible();
  });
});
