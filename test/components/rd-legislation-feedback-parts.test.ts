// <rd-legislation-feedback> on a code with 编 and 分编 (docs/domain.md#structure-of-a-legal-text):
// contents, deep links, go-to, search hits and the comment target know every level.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/rd-legislation-feedback/rd-legislation-feedback.js';
import type { RdLegislationFeedback } from '../../src/components/rd-legislation-feedback/rd-legislation-feedback.js';
import type { Draft } from '../../src/services/schemas/legislation.js';
import { byLabel, chaosLog, chaosUrl, typeInto, uid, until } from '../helpers/env.js';
import { CIVIL_CODE } from '../services/civil-code.fixture.js';

let demo: Draft;
before(async () => {
  demo = await (await fetch('/demo/content/drafts/2026-yq-01.json')).json();
});
const DAY = 86_400_000;
const civil = (): Draft => ({
  ...structuredClone(demo),
  id: uid('mfd'),
  title: '中华人民共和国民法典（草案）',
  focusQuestions: [],
  window: { opens: new Date(Date.now() - DAY).toISOString(), closes: new Date(Date.now() + 10 * DAY).toISOString() },
  text: { format: 'plain', content: CIVIL_CODE },
});
async function mount(data: Draft, run = uid('run')) {
  const el = await fixture<RdLegislationFeedback>(html`<rd-legislation-feedback lang="zh-CN" drafts="off" submit-url=${chaosUrl('ok', run)}
    privacy-version="2026-11" .data=${data}></rd-legislation-feedback>`);
  await until(() => el.shadowRoot!.querySelector('.lf-text'), 8000, 'text');
  await el.updateComplete;
  return el;
}
const root = (el: HTMLElement) => el.shadowRoot!;

describe('rd-legislation-feedback: a code with 编 and 分编', () => {
  it('shows 编 and 分编 as headings (not article text) and counts them; the contents nest 编 → 分编 → 章 → 节', async () => {
    const el = await mount(civil());
    const r = root(el);
    expect(r.querySelector('.lf-count')!.textContent).to.equal('共 3 编 8 章 14 条');
    expect([...r.querySelectorAll('.lf-part__title')].map((h) => [h.localName, h.textContent!.replace(/\s+/g, '')])).to.deep.equal([
      ['h3', '第一编总则'], ['h3', '第二编物权'], ['h3', '第三编合同'],
    ]);
    expect(r.querySelector('#pt-1-d-0')!.localName).to.equal('h4');
    expect(r.querySelector('#ch-3')!.localName).to.equal('h5');
    for (const a of r.querySelectorAll('article')) expect(a.textContent).not.to.match(/第[一二三]编|分编/);
    const top = [...r.querySelectorAll('.lf-toc__list > li > a')].map((a) => a.textContent!.trim()).slice(0, 4);
    expect(top).to.deep.equal(['第一编 总则', '第二编 物权', '第三编 合同', '附则']);
    const third = [...r.querySelectorAll('.lf-toc__list > li')][2]!;
    expect([...third.querySelectorAll(':scope > ol > li > a')].map((a) => a.textContent!.trim())).to.deep.equal(['第一分编 通则', '第二分编 典型合同']);
    expect([...third.querySelectorAll(':scope > ol > li > ol > li > a')].map((a) => a.textContent!.trim())).to.deep.equal(['第一章 一般规定', '第二章 买卖合同']);
    await expect(el).to.be.accessible();
  });

  it('a contents link focuses the 编 heading', async () => {
    const el = await mount(civil());
    [...root(el).querySelectorAll<HTMLAnchorElement>('.lf-toc__list a')].find((a) => a.textContent!.includes('第二编'))!.click();
    await el.updateComplete;
    expect(root(el).activeElement!.id).to.equal('pt-1');
  });

  it('deep links #第三编 and #第三编第二分编 focus those headings, #第十二条 the article', async () => {
    for (const [hash, check] of [
      ['第三编', (a: Element | null) => a?.id === 'pt-2'],
      ['第三编第二分编', (a: Element | null) => a?.id === 'pt-2-d-1'],
      ['第十二条', (a: Element | null) => a?.getAttribute('data-label') === '第十二条'],
    ] as const) {
      history.replaceState(null, '', `#${encodeURIComponent(hash)}`);
      try {
        const el = await mount(civil());
        await until(() => check(root(el).activeElement), 3000, `deep link ${hash}`);
        el.remove();
      } finally {
        history.replaceState(null, '', location.pathname + location.search);
      }
    }
  });

  it('go to: 第二编 focuses the 编; 第八编 is not in the draft', async () => {
    const el = await mount(civil());
    typeInto(byLabel(root(el), '跳转到条文'), '第二编');
    root(el).querySelector<HTMLFormElement>('.lf-jump')!.requestSubmit();
    await el.updateComplete;
    expect(root(el).activeElement!.id).to.equal('pt-1');
    typeInto(byLabel(root(el), '跳转到条文'), '第八编');
    root(el).querySelector<HTMLFormElement>('.lf-jump')!.requestSubmit();
    await el.updateComplete;
    expect(root(el).querySelector('#lf-jump-error')!.textContent).to.contain('草案中没有第八编');
  });

  it('search hits say where the article stands (编 › 分编 › 章)', async () => {
    const el = await mount(civil());
    typeInto(byLabel(root(el), '在草案中搜索'), '买卖合同');
    await el.updateComplete;
    const hit = root(el).querySelector('.lf-search__hits a')!;
    expect(hit.textContent).to.match(/^第十二条第三编/);
    expect(hit.querySelector('.lf-toc__context')!.textContent).to.equal('第三编 合同 › 第二分编 典型合同 › 第二章 买卖合同');
  });

  it('a comment on an article in a 编 names its 编 and chapter in the target sent', async () => {
    const run = uid('run');
    const el = await mount(civil(), run);
    root(el).querySelector<HTMLButtonElement>('article[data-label="第十二条"] .lf-add')!.click();
    await el.updateComplete;
    // The form half loads on the press; the comment's text box is focused once it is in.
    await until(() => root(el).activeElement?.localName === 'textarea', 8000, 'the text box').catch(() => {});
    typeInto(root(el).activeElement as HTMLTextAreaElement, '建议明确电子合同。');
    const s = byLabel<HTMLSelectElement>(root(el), '身份');
    s.value = 'citizen';
    s.dispatchEvent(new Event('change'));
    await el.updateComplete;
    root(el).querySelector<HTMLButtonElement>('[part="submit-button"]')!.click();
    await until(() => root(el).querySelector('[data-rd-receipt]'), 5000, 'receipt');
    const body = JSON.parse((await chaosLog(run))[0]!.body);
    expect(body.data.comments[0].target).to.deep.equal({ kind: 'article', part: '第三编', chapter: '第二章', article: '第十二条' });
  });
});

describe('rd-legislation-feedback: a 1,260-article code is drawn as it is reached', () => {
  let code: Draft;
  before(async () => {
    const source: string = '/demo/lf-long-draft.mjs';
    const { expandDraft } = await import(source);
    code = { ...expandDraft(demo, 1260, { parts: true }), window: civil().window, focusQuestions: [] };
  });
  const big = async () => {
    const el = await mount({ ...code, id: uid('mfd-1260') });
    await el.updateComplete;
    return el;
  };
  const articles = (el: HTMLElement) => root(el).querySelectorAll('article').length;

  it('first screen: the contents of every 编 and chapter, the first articles, and at most 4,000 nodes', async () => {
    const el = await big();
    const r = root(el);
    expect(r.querySelector('.lf-count')!.textContent).to.equal('共 7 编 91 章 1260 条');
    expect(r.querySelectorAll('.lf-toc__list a').length).to.be.above(95);
    expect(articles(el)).to.be.within(20, 100);
    expect(r.querySelector('article[data-label="第一条"]')).not.to.equal(null);
    expect(r.querySelector('article[data-label="第一千二百六十条"]')).to.equal(null);
    expect(r.querySelectorAll('.lf-pending').length).to.be.above(0);
    expect(r.querySelectorAll('*').length).to.be.at.most(4000);
  });

  it('go to 第一千二百六十条: drawn and focused at once', async () => {
    const el = await big();
    expect(el.jumpTo('第一千二百六十条')).to.equal(true);
    expect(root(el).activeElement?.getAttribute('data-label')).to.equal('第一千二百六十条');
    expect(root(el).querySelectorAll('*').length).to.be.at.most(4000);
  });

  it('a deep link #第一千二百六十条 focuses it on load; #第七编 the 编', async () => {
    for (const [hash, check] of [
      ['第一千二百六十条', (a: Element | null) => a?.getAttribute('data-label') === '第一千二百六十条'],
      ['第七编', (a: Element | null) => a?.id === 'pt-6'],
    ] as const) {
      history.replaceState(null, '', `#${encodeURIComponent(hash)}`);
      try {
        const el = await big();
        await until(() => check(root(el).activeElement), 3000, `deep link ${hash}`);
        el.remove();
      } finally {
        history.replaceState(null, '', location.pathname + location.search);
      }
    }
  });

  it('a search hit far down the text is drawn when followed; a contents link draws the 编 it opens', async () => {
    const el = await big();
    typeInto(byLabel(root(el), '在草案中搜索'), '第一千二百五十条');
    await el.updateComplete;
    const hit = [...root(el).querySelectorAll<HTMLAnchorElement>('.lf-search__hits a')].find((a) => a.textContent!.startsWith('第一千二百五十条'))!;
    expect(hit.querySelector('.lf-toc__context')!.textContent).to.match(/^第七编 侵权责任 › 第\S+章/);
    hit.click();
    await el.updateComplete;
    expect(root(el).activeElement?.getAttribute('data-label')).to.equal('第一千二百五十条');
    [...root(el).querySelectorAll<HTMLAnchorElement>('.lf-toc__list > li > a')].find((a) => a.textContent!.startsWith('第五编'))!.click();
    await el.updateComplete;
    expect(root(el).activeElement?.id).to.equal('pt-4');
    const first = root(el).querySelector('#pt-4')!.closest('section')!.querySelector('article');
    expect(first).not.to.equal(null);
  });

  it('scrolling to a block not drawn yet draws it', async () => {
    const el = await big();
    const pending = root(el).querySelector<HTMLElement>('.lf-pending')!;
    const from = Number(pending.dataset.from);
    pending.scrollIntoView({ block: 'start' });
    await until(() => root(el).querySelector(`#a-${from}`), 3000, 'block drawn on scroll');
    window.scrollTo(0, 0);
  });

  it('printing prints the whole text: every article is drawn before the print', async () => {
    const el = await big();
    expect(articles(el)).to.be.below(1260);
    window.dispatchEvent(new Event('beforeprint'));
    expect(articles(el)).to.equal(1260);
    expect(root(el).querySelector('.lf-pending')).to.equal(null);
  });

  it('a comment on an article far down stays drawn with its text box', async () => {
    const el = await big();
    el.jumpTo('第一千条');
    root(el).querySelector<HTMLButtonElement>('article[data-label="第一千条"] .lf-add')!.click();
    await el.updateComplete;
    await until(() => root(el).activeElement?.localName === 'textarea', 8000, 'the text box').catch(() => {});
    expect((root(el).activeElement as HTMLElement).localName).to.equal('textarea');
    typeInto(root(el).activeElement as HTMLTextAreaElement, '意见');
    await el.updateComplete;
    expect(root(el).querySelector('article[data-label="第一千条"] textarea')).not.to.equal(null);
  });
});
