import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/rd-legislation-feedback/rd-legislation-feedback.js';
import type { RdLegislationFeedback } from '../../src/components/rd-legislation-feedback/rd-legislation-feedback.js';
import type { Draft } from '../../src/services/schemas/legislation.js';
import type { RdSubmitEvent, RdSubmittedEvent } from '../../src/events/events.js';
import { lfFormReady } from '../helpers/drafts.js';
import { button, byLabel, chaosLog, chaosUrl, env, installPrototypeArrays, overlappingTargets, readDraft, readOutbox, typeInto, uid, until } from '../helpers/env.js';
import { lfCatalogues } from '../../src/components/rd-legislation-feedback/rd-legislation-feedback.component.js';
import { lfFormCatalogues } from '../../src/components/rd-legislation-feedback/legislation-form-half.js';
import { lfTextCatalogues } from '../../src/components/rd-legislation-feedback/legislation-text-part.js';
import { missingKeys } from '../../src/services/i18n/index.js';

let demo: Draft;
let demoPlain: Draft;
before(async () => {
  demo = await (await fetch('/demo/content/drafts/2026-yq-01.json')).json();
  demoPlain = await (await fetch('/demo/content/drafts/2026-yq-01-text.json')).json();
});

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
/** The demo draft with a unique id (drafts are per id) and a window around now. */
function draft(over: Partial<Draft> = {}, base: Draft = demo): Draft {
  return {
    ...structuredClone(base),
    id: uid('yq'),
    window: { opens: iso(Date.now() - DAY), closes: iso(Date.now() + 10 * DAY) },
    ...over,
  };
}

/**
 * The form half (everything of the form besides the comment buttons) loads as the citizen
 * scrolls near the rest of the form: scrolled there, it is waited for.
 */
const formReady = lfFormReady;

/** `form: false`: the first screen as it comes, the form half not loaded by the test. */
interface MountOptions { run?: string; scenario?: string; proxy?: boolean; lang?: string; drafts?: string; channel?: string; form?: boolean }
async function mount(data: Draft, o: MountOptions = {}) {
  const run = o.run ?? uid('run');
  const el = await fixture<RdLegislationFeedback>(html`<rd-legislation-feedback lang=${o.lang ?? 'zh-CN'} drafts=${o.drafts ?? 'on'}
    ?proxy=${!!o.proxy} channel=${o.channel ?? 'online'} submit-url=${chaosUrl(o.scenario ?? 'ok', run)} privacy-version="2026-11"
    .data=${data}></rd-legislation-feedback>`);
  await until(() => el.shadowRoot!.querySelector('.lf-text'), 8000, 'text');
  await el.updateComplete;
  if (o.form !== false && root(el).querySelector('.lf-rest')) await formReady(el);
  // A part being loaded (the 采纳情况 of a closed window) is waited for.
  await until(() => !root(el).querySelector('.rd-loading'), 8000, 'no part loading');
  await el.updateComplete;
  return el;
}
const root = (el: HTMLElement) => el.shadowRoot!;
const articleEl = (el: HTMLElement, label: string) => root(el).querySelector<HTMLElement>(`article[data-label="${label}"]`)!;
const commentOn = async (el: RdLegislationFeedback, label: string) => {
  const b = articleEl(el, label).querySelector<HTMLButtonElement>('.lf-add')!;
  b.click();
  await el.updateComplete;
  // Pressed before the form half is in: its text box comes (focused) once the half has loaded.
  await until(() => root(el).activeElement?.localName === 'textarea', 8000, `the text box of a comment on ${label}`).catch(() => {});
  return root(el).activeElement as HTMLTextAreaElement;
};
const submit = async (el: RdLegislationFeedback) => {
  root(el).querySelector<HTMLButtonElement>('[part="submit-button"]')!.click();
  await el.updateComplete;
};
/**
 * Accessible, and every drawn button a target of its own measured from the layout: in WebKit
 * this stands for axe's target-size rule (test/helpers/a11y.ts; README "Browser baseline").
 */
const accessibleWithComments = async (el: RdLegislationFeedback) => {
  expect(overlappingTargets(root(el))).to.deep.equal([]);
  await expect(el).to.be.accessible();
};
/** A comment typed on an article and saved as a draft on this device; the widget then leaves the page. */
async function savedComment(d: Draft, label: string, text: string) {
  const el = await mount(d);
  const saved = oneEvent(el, 'rd-draft-saved');
  typeInto(await commentOn(el, label), text);
  await saved;
  el.remove();
}
/** The widget put on the page again (a reload) with `d`, once its saved draft is back. */
async function restoredWith(d: Draft, attrs: Record<string, string> = {}) {
  const again = document.createElement('rd-legislation-feedback');
  for (const [k, v] of Object.entries(attrs)) again.setAttribute(k, v);
  again.data = d;
  const restored = oneEvent(again, 'rd-draft-restored');
  document.body.append(again);
  await restored;
  await again.updateComplete;
  return again;
}
const mineTargets = (el: HTMLElement) => [...root(el).querySelectorAll('.lf-mine__target')].map((x) => x.textContent!.trim());

describe('rd-legislation-feedback: reading', () => {
  it('renders the structured draft: title, stage, legislature, contents, every article; fires rd-ready; accessible', async () => {
    const d = draft();
    const el = document.createElement('rd-legislation-feedback');
    el.data = d;
    const ready = oneEvent(el, 'rd-ready');
    document.body.append(el);
    await ready;
    await el.updateComplete;
    const r = root(el);
    expect(r.querySelector('h2')!.textContent).to.equal('云州市文明养犬条例（草案）');
    expect(r.querySelector('.lf-stage')!.textContent).to.equal('草案一审');
    expect(r.querySelector('.lf-kicker')!.textContent).to.contain('云州市人大常委会法制工作委员会');
    expect(r.querySelector('.lf-window')!.textContent).to.match(/征求意见时间：\d{4}年\d+月\d+日 至 \d{4}年\d+月\d+日/);
    const toc = [...r.querySelectorAll('.lf-toc__list > li > a')].map((a) => a.textContent!.trim());
    expect(toc.slice(0, 7)).to.deep.equal(['第一章 总则', '第二章 犬只登记与免疫', '第三章 养犬行为规范', '第四章 犬只经营、收容与领养', '第五章 监督管理', '第六章 法律责任', '第七章 附则']);
    expect(r.querySelectorAll('.lf-toc__list ol a').length).to.equal(3);
    const labels = [...r.querySelectorAll('article')].map((a) => a.dataset.label);
    expect(labels.length).to.equal(61);
    expect(labels[0]).to.equal('第一条');
    expect(labels.at(-1)).to.equal('第六十一条');
    expect(articleEl(el, '第十条').querySelectorAll('.lf-items > li').length).to.equal(4);
    expect(articleEl(el, '第十条').textContent).to.contain('（一）具有完全民事行为能力；');
    await expect(el).to.be.accessible();
    el.remove();
  });

  it('the plain-text draft renders the same articles as the structured one', async () => {
    const a = await mount(draft());
    const b = await mount(draft({}, demoPlain));
    const text = (el: HTMLElement) => [...root(el).querySelectorAll('article')].map((x) => x.querySelector('.lf-article__p')!.textContent!.replace(/\s+/g, ''));
    expect(text(b)).to.deep.equal(text(a));
  });

  it('opens the 草案说明 and shows the 审议情况', async () => {
    const el = await mount(draft());
    const note = root(el).querySelector<HTMLDetailsElement>('#lf-note')!;
    expect(note.querySelector('summary')!.textContent).to.equal('关于《云州市文明养犬条例（草案）》的说明');
    note.querySelector('summary')!.click();
    await el.updateComplete;
    expect(note.open).to.equal(true);
    expect(note.textContent).to.contain('制定条例的必要性');
  });

  it('a deep link #第十二条 focuses that article on load', async () => {
    history.replaceState(null, '', `#${encodeURIComponent('第十二条')}`);
    try {
      const el = await mount(draft());
      await until(() => root(el).activeElement?.getAttribute('data-label') === '第十二条', 3000, 'deep link focus');
    } finally {
      history.replaceState(null, '', location.pathname + location.search);
    }
  });

  it('keyboard: a contents link focuses the chapter; Tab reaches its first comment button; Enter opens a comment; typing fills it', async () => {
    const el = await mount(draft());
    const link = [...root(el).querySelectorAll<HTMLAnchorElement>('.lf-toc__list a')].find((a) => a.textContent!.includes('第二章'))!;
    link.click();
    await el.updateComplete;
    expect(root(el).activeElement!.id).to.equal('ch-1');
    expect(root(el).activeElement!.textContent).to.contain('犬只登记与免疫');
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement!.textContent!.trim()).to.equal('对第九条提意见');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const ta = root(el).activeElement as HTMLTextAreaElement;
    expect(ta.localName).to.equal('textarea');
    await sendKeys({ type: '登记期限' });
    await el.updateComplete;
    expect(ta.value).to.equal('登记期限');
    expect(root(el).querySelector('.lf-mine__text')!.textContent).to.equal('登记期限');
  });

  it('go to article: 25, 第25条 and 第二十五条 focus it; a missing one says so', async () => {
    const el = await mount(draft());
    for (const v of ['25', '第25条', '第二十五条']) {
      typeInto(byLabel(root(el), '跳转到条文'), v);
      await el.updateComplete;
      root(el).querySelector<HTMLButtonElement>('.lf-jump button')!.click();
      await el.updateComplete;
      expect(root(el).activeElement!.getAttribute('data-label'), v).to.equal('第二十五条');
    }
    typeInto(byLabel(root(el), '跳转到条文'), '99');
    await el.updateComplete;
    root(el).querySelector<HTMLButtonElement>('.lf-jump button')!.click();
    await el.updateComplete;
    expect(root(el).querySelector('#lf-jump-error')!.textContent).to.contain('草案中没有第九十九条');
    expect(byLabel(root(el), '跳转到条文').getAttribute('aria-invalid')).to.equal('true');
  });

  it('search finds articles, marks the words (as text) and links to them', async () => {
    const el = await mount(draft());
    typeInto(byLabel(root(el), '在草案中搜索'), '犬牌');
    await el.updateComplete;
    const hits = [...root(el).querySelectorAll('.lf-search__hits a')].map((a) => a.textContent);
    expect(hits).to.include.members(['第九条', '第十二条', '第十四条', '第二十条']);
    expect(root(el).querySelector('.lf-search__count')!.textContent).to.equal(`找到 ${hits.length} 条相关条文`);
    expect(articleEl(el, '第十四条').querySelector('mark')!.textContent).to.equal('犬牌');
    (root(el).querySelector('.lf-search__hits a') as HTMLAnchorElement).click();
    await el.updateComplete;
    expect(root(el).activeElement!.getAttribute('data-label')).to.equal('第九条');
    typeInto(byLabel(root(el), '在草案中搜索'), '<img src=x onerror=alert(1)>');
    await el.updateComplete;
    expect(root(el).querySelector('.lf-search__count')!.textContent).to.contain('没有找到包含“<img src=x onerror=alert(1)>”的条文');
    expect(root(el).querySelector('img')).to.equal(null);
  });

  it('a 200-article draft: every article rendered; going to 第一百九十九条 lands on it exactly', async () => {
    const d = draft();
    if (d.text.format !== 'structured') throw new Error('structured');
    const source = d.text.chapters.flatMap((c) => [...c.articles, ...(c.sections ?? []).flatMap((x) => x.articles)]);
    const { articleLabel } = await import('../../src/services/legal-text.js');
    const chapters = Array.from({ length: 10 }, (_, ci) => ({
      label: `第${['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'][ci]}章`, number: ci + 1, title: `第${ci + 1}部分`,
      articles: Array.from({ length: 20 }, (_, k) => {
        const n = ci * 20 + k + 1;
        return { ...source[(n - 1) % source.length]!, label: articleLabel(n), number: n };
      }),
    }));
    const el = await mount({ ...d, focusQuestions: [], text: { format: 'structured', preamble: [], chapters, articles: [] } });
    expect(root(el).querySelectorAll('article').length).to.equal(200);
    expect(el.jumpTo('199')).to.equal(true);
    const target = articleEl(el, '第一百九十九条');
    expect(root(el).activeElement).to.equal(target);
    await new Promise((r) => setTimeout(r, 600));
    expect(Math.abs(target.getBoundingClientRect().top)).to.be.below(2);
    expect(el.jumpTo('第二百零一条')).to.equal(false);
    el.remove();
  });

  it('before the window opens: text readable, no comment buttons, says when it opens', async () => {
    const el = await mount(draft({ window: { opens: iso(Date.now() + 3 * DAY), closes: iso(Date.now() + 30 * DAY) } }));
    expect(root(el).querySelectorAll('article').length).to.equal(61);
    expect(root(el).querySelector('.lf-add')).to.equal(null);
    expect(root(el).querySelector('form[part="form"]')).to.equal(null);
    expect(root(el).querySelector('.lf-header [role="status"]')!.textContent).to.contain('开始征求意见');
    await expect(el).to.be.accessible();
  });

  it('after the window closes: text readable, says it has closed', async () => {
    const el = await mount(draft({ window: { opens: iso(Date.now() - 30 * DAY), closes: iso(Date.now() - DAY) } }));
    expect(root(el).querySelectorAll('article').length).to.equal(61);
    expect(root(el).querySelector('.lf-add')).to.equal(null);
    expect(root(el).querySelector('.lf-header [role="status"]')!.textContent).to.contain('已于');
    expect(root(el).querySelector('.lf-header [role="status"]')!.textContent).to.contain('截止');
  });

  it('after the window closes, the 采纳情况 in the data: totals, summary, per article, and the count beside each article', async () => {
    const adoption = {
      publishedAt: '2026-07-15T10:00:00+08:00', comments: 412, people: 356, summary: '<b>逐条研究</b>，感谢参与。',
      articles: [
        { article: '第十条', comments: 128, outcome: 'adopted' as const, explanation: '规定了犬链长度。' },
        { article: '第十二条', comments: 37, outcome: 'not-adopted' as const, explanation: '上位法未作规定，暂不采纳。' },
        { article: '第三条', comments: 5 },
      ],
    };
    const closed = { opens: iso(Date.now() - 30 * DAY), closes: iso(Date.now() - DAY) };
    const el = await mount(draft({ window: closed, adoption }));
    const section = root(el).querySelector('[part="adoption"]')!;
    const said = section.textContent!.replace(/\s+/g, ' ');
    expect(said).to.contain('意见采纳情况');
    expect(said).to.contain('共有 356 人次提出意见 412 条');
    expect(said).to.contain('采纳 1 条，部分采纳 0 条，未采纳 1 条');
    expect(said).to.contain('第十二条 · 收到意见 37 条 · 未采纳');
    expect(said).to.contain('上位法未作规定，暂不采纳。');
    expect(said).to.contain('第三条 · 收到意见 5 条 · 正在研究');
    expect(section.querySelector('.lf-adoption__summary')!.textContent).to.equal('<b>逐条研究</b>，感谢参与。');
    expect(section.querySelector('b')).to.equal(null);
    expect(articleEl(el, '第十条').querySelector('.lf-adoption__badge')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('收到意见 128 条 · 已采纳');
    expect(articleEl(el, '第一条').querySelector('.lf-adoption__badge')).to.equal(null);
    // The article's label in the report goes to the article in the text.
    button(section as unknown as ShadowRoot, '第十二条').click();
    await until(() => root(el).activeElement === articleEl(el, '第十二条'));
    await expect(el).to.be.accessible();
    // While the window is open the report is not shown (comments are still being taken).
    const open = await mount(draft({ adoption }));
    expect(root(open).querySelector('[part="adoption"]')).to.equal(null);
  });

  it('invalid data: a localized alert naming the path', async () => {
    const bad = { ...draft(), stage: '二审' };
    const el = await fixture<RdLegislationFeedback>(html`<rd-legislation-feedback .data=${bad}></rd-legislation-feedback>`);
    const alert = await until(() => root(el).querySelector('[role="alert"]'));
    expect(alert.textContent).to.contain('stage');
    await expect(el).to.be.accessible();
  });

  it('check-text shows the parser report for a broken plain-text draft', async () => {
    const broken = draft({ text: { format: 'plain', content: '第一条　甲。\n第三条　丙。\n无主的一行' } });
    const el = await fixture<RdLegislationFeedback>(html`<rd-legislation-feedback check-text .data=${broken}></rd-legislation-feedback>`);
    await until(() => root(el).querySelector('.lf-issues'));
    const items = [...root(el).querySelectorAll('.lf-issues li')].map((li) => li.textContent);
    expect(items[0]).to.equal('第 2 行：缺少第二条至第二条（共 1 条），此处是第三条');
  });

  it('check-text in English: the report (its strings travel with the parser) in English', async () => {
    const broken = draft({ text: { format: 'plain', content: '第一条　甲。\n第三条　丙。\n无主的一行' } });
    const el = await fixture<RdLegislationFeedback>(html`<rd-legislation-feedback lang="en" check-text .data=${broken}></rd-legislation-feedback>`);
    await until(() => root(el).querySelector('.lf-issues'));
    expect(root(el).querySelector('.lf-issues li')!.textContent).to.equal('Line 2: 第二条 to 第二条 (1) are missing; this is 第三条');
    expect(await missingKeys(lfTextCatalogues)).to.deep.equal([]);
  });

  it('English: labels and stage in English; the draft text stays Chinese', async () => {
    const el = await mount(draft(), { lang: 'en' });
    expect(root(el).querySelector('.lf-stage')!.textContent).to.equal('Draft, first reading');
    expect(articleEl(el, '第三条').querySelector('.lf-add')!.textContent!.trim()).to.equal('Comment on 第三条');
    expect(root(el).querySelector('h2')!.textContent).to.equal('云州市文明养犬条例（草案）');
  });

  it('catalogues are complete in both languages (the first screen\'s and the form half\'s)', async () => {
    expect(await missingKeys(lfCatalogues)).to.deep.equal([]);
    expect(await missingKeys(lfFormCatalogues)).to.deep.equal([]);
  });

  it('English: the form half speaks English too, and the page switching language switches it', async () => {
    const el = await mount(draft(), { lang: 'en' });
    expect(root(el).querySelector('[part="submit-button"]')!.textContent!.trim()).to.equal('Send comments');
    expect(byLabel(root(el), 'Comments on the draft as a whole')).to.exist;
    el.setAttribute('lang', 'zh-CN');
    await until(() => root(el).querySelector('[part="submit-button"]')!.textContent!.trim() === '提交意见', 3000, 'Chinese');
    expect(byLabel(root(el), '对草案的总体意见')).to.exist;
  });
});

describe('rd-legislation-feedback: the first screen, before the form half (README "Figures")', () => {
  it('the text with a comment button in each article; none of the form parts yet; accessible', async () => {
    const el = await mount(draft(), { form: false });
    const r = root(el);
    expect(r.querySelectorAll('article .lf-add').length).to.equal(61);
    expect(articleEl(el, '第二十六条').querySelector('.lf-question-link')!.textContent).to.contain('每户限养犬只的数量');
    expect(r.querySelector('[part="submit-button"]')).to.equal(null);
    expect(r.querySelector('textarea, select#f-respondent-identity')).to.equal(null);
    expect(r.querySelector('.lf-rest')!.textContent!.trim()).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('a comment button pressed first: the half loads, the comment is added there and its text box focused', async () => {
    const el = await mount(draft(), { form: false });
    const ta = await commentOn(el, '第三条');
    expect(ta.localName).to.equal('textarea');
    expect(ta.closest('article')!.getAttribute('data-label')).to.equal('第三条');
    expect(articleEl(el, '第三条').querySelector('.lf-add')!.textContent!.trim()).to.equal('对第三条再提一条意见');
    expect(mineTargets(el)).to.deep.equal(['第三条']);
    expect(root(el).querySelector('[part="submit-button"]')).to.exist;
  });

  it('a focus question\'s link followed first: the half loads, then the question\'s field has the focus', async () => {
    const el = await mount(draft(), { form: false });
    articleEl(el, '第二十六条').querySelector<HTMLAnchorElement>('.lf-question-link a')!.click();
    await until(() => (root(el).activeElement as HTMLInputElement | null)?.name === 'f-answers-q-limit', 8000, 'the question focused');
  });

  it('the contents\' links to blocks of the form (重点问题, 我的意见) load the half, then go there', async () => {
    const el = await mount(draft(), { form: false });
    const link = (text: string) => [...root(el).querySelectorAll<HTMLAnchorElement>('.lf-toc__list a')].find((a) => a.textContent!.trim() === text)!;
    link('我的意见').click();
    await until(() => root(el).activeElement?.id === 'lf-mine-title', 8000, '我的意见 focused');
    link('重点问题').click();
    await el.updateComplete;
    expect(root(el).activeElement!.id).to.equal('lf-q-title');
  });

  it('the focus reaching a control of the form (Tab to a comment button) loads the half', async () => {
    const el = await mount(draft(), { form: false });
    root(el).querySelector<HTMLButtonElement>('.lf-add')!.focus();
    await until(() => root(el).querySelector('[part="submit-button"]'), 8000, 'the form half');
  });

  it('a draft waiting on this device: the half loads at once and the draft comes back, without any interaction', async () => {
    const d = draft();
    await savedComment(d, '第九条', '登记期限建议放宽。');
    const again = await restoredWith(d, { 'deep-link': 'off' });
    expect(articleEl(again, '第九条').querySelector('textarea')!.value).to.equal('登记期限建议放宽。');
    expect(root(again).querySelector('[part="draft-notice"]')!.textContent).to.contain('已恢复');
    again.remove();
  });

  it('proxy mode: the form at once (staff entering opinions need it)', async () => {
    const el = await mount(draft(), { form: false, proxy: true });
    await until(() => root(el).querySelector('.lf-proxy'), 8000, 'the proxy block');
    expect(root(el).textContent).to.contain('代录信息');
  });
});

describe('rd-legislation-feedback: commenting', () => {
  it('several comments on one article, a chosen 款, "my comments" with edit and remove', async () => {
    const el = await mount(draft());
    const first = await commentOn(el, '第十二条');
    expect(first.localName).to.equal('textarea');
    expect(root(el).querySelector(`label[for="${first.id}"]`)!.textContent).to.contain('对第十二条的意见');
    typeInto(first, '有效期一年太短，建议延长为三年。');
    const second = await commentOn(el, '第十二条');
    expect(second).not.to.equal(first);
    typeInto(second, '建议延续登记可以网上办理。');
    const select = root(el).getElementById(`${second.id}-paragraph`) as HTMLSelectElement;
    select.value = '2';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    typeInto(await commentOn(el, '第三条'), '分区管理应当写明标准。');
    await el.updateComplete;
    expect(mineTargets(el)).to.deep.equal(['第三条', '第十二条', '第十二条第2款']);
    expect(root(el).querySelector('#lf-mine-title')!.textContent).to.equal('我的意见（3 条）');
    // edit: focus goes to that comment
    const edit = [...root(el).querySelectorAll<HTMLButtonElement>('.lf-mine__item button')].find((b) => b.getAttribute('aria-label') === '修改对第十二条第2款的意见')!;
    edit.click();
    await el.updateComplete;
    expect(root(el).activeElement).to.equal(second);
    // remove: gone from the article and the list; announced
    [...root(el).querySelectorAll<HTMLButtonElement>('.lf-mine__item button')].find((b) => b.getAttribute('aria-label') === '删除对第三条的意见')!.click();
    await el.updateComplete;
    expect(mineTargets(el)).to.deep.equal(['第十二条', '第十二条第2款']);
    expect(articleEl(el, '第三条').querySelector('textarea')).to.equal(null);
    expect(root(el).querySelector('.lf > [role="status"]')!.textContent).to.equal('已删除对第三条的意见。');
    await accessibleWithComments(el);
  });

  it('the remove button under a comment removes it and returns focus to the article button', async () => {
    const el = await mount(draft());
    await commentOn(el, '第五条');
    button(root(el), '删除这条意见').click();
    await el.updateComplete;
    expect(articleEl(el, '第五条').querySelector('textarea')).to.equal(null);
    expect(root(el).activeElement!.textContent!.trim()).to.equal('对第五条提意见');
  });

  it('a focus question tied to an article is linked from it', async () => {
    const el = await mount(draft());
    const link = articleEl(el, '第二十六条').querySelector<HTMLAnchorElement>('.lf-question-link a')!;
    expect(articleEl(el, '第二十六条').querySelector('.lf-question-link')!.textContent).to.contain('每户限养犬只的数量');
    link.click();
    await el.updateComplete;
    expect((root(el).activeElement as HTMLInputElement).name).to.equal('f-answers-q-limit');
  });

  it('multiple choice stops at maxChoices', async () => {
    const el = await mount(draft());
    const boxes = [...root(el).querySelectorAll<HTMLInputElement>('input[name="f-answers-q-places"]')];
    for (const b of boxes.slice(0, 3)) { b.click(); await el.updateComplete; }
    expect(boxes[3]!.disabled).to.equal(true);
    expect(boxes[0]!.disabled).to.equal(false);
  });
});

describe('rd-legislation-feedback: validation', () => {
  it('nothing entered: summary focused with what to do; accessible with errors shown', async () => {
    const el = await mount(draft());
    await submit(el);
    const summary = root(el).querySelector<HTMLElement>('[part="error-summary"]')!;
    expect(root(el).activeElement).to.equal(summary);
    expect([...summary.querySelectorAll('a')].map((a) => a.textContent)).to.deep.equal([
      '请至少提出一条意见：对条文提意见、填写总体意见或回答重点问题',
      '请选择一项',
    ]);
    summary.querySelectorAll('a')[1]!.click();
    await el.updateComplete;
    expect(root(el).activeElement!.id).to.equal('f-respondent-identity');
    await expect(el).to.be.accessible();
  });

  it('an empty added comment, a reply without contact, a name without consent', async () => {
    const el = await mount(draft());
    const ta = await commentOn(el, '第八条');
    const s = byLabel<HTMLSelectElement>(root(el), '身份');
    s.value = 'citizen';
    s.dispatchEvent(new Event('change'));
    typeInto(byLabel(root(el), '姓名'), '王某');
    byLabel(root(el), '希望得到答复').click();
    await el.updateComplete;
    await submit(el);
    const links = [...root(el).querySelectorAll('[part="error-summary"] a')].map((a) => a.textContent);
    expect(links).to.deep.equal(['请填写意见内容，或删除这条意见', '希望得到答复时，请填写手机、电话或电子邮箱', '请阅读并同意个人信息处理说明']);
    expect(ta.getAttribute('aria-invalid')).to.equal('true');
    expect(ta.getAttribute('aria-describedby')).to.contain(`${ta.id}-error`);
    expect(root(el).getElementById(`${ta.id}-error`)!.textContent).to.equal('错误：请填写意见内容，或删除这条意见');
    // fixing re-checks as you type
    typeInto(ta, '建议增加志愿者条款。');
    await el.updateComplete;
    expect(ta.getAttribute('aria-invalid')).to.equal('false');
  });

  it('comments are limited to 5,000 characters in the field, counted as people count them (an emoji is one)', async () => {
    const el = await mount(draft());
    const ta = await commentOn(el, '第一条');
    typeInto(ta, '好'.repeat(5001));
    await el.updateComplete;
    expect(ta.value.length).to.equal(5000);
    typeInto(ta, '👍'.repeat(5000));
    await el.updateComplete;
    expect([...ta.value].length, 'not cut at 2,500 emoji').to.equal(5000);
    typeInto(ta, `${'👍'.repeat(4999)}好好`);
    await el.updateComplete;
    expect([...ta.value].length).to.equal(5000);
  });

  it('server field errors (422) land on the right comment and field', async () => {
    const run = uid('run');
    const el = await mount(draft(), { run, scenario: '422' });
    typeInto(await commentOn(el, '第二条'), '意见。');
    const s = byLabel<HTMLSelectElement>(root(el), '身份');
    s.value = 'lawyer';
    s.dispatchEvent(new Event('change'));
    await el.updateComplete;
    await submit(el);
    await until(() => root(el).querySelector('[part="error-summary"]'));
    const links = [...root(el).querySelectorAll('[part="error-summary"] a')];
    expect(links.map((a) => a.textContent)).to.deep.equal(['手机号码格式不正确', '意见内容过长']);
    expect(links[1]!.getAttribute('href')).to.equal(`#${articleEl(el, '第二条').querySelector('textarea')!.id}`);
  });
});

describe('rd-legislation-feedback: submission', () => {
  it('sends the exact payload with headers; shows 意见编号 and a summary; clears the draft', async () => {
    const run = uid('run');
    const d = draft();
    const el = await mount(d, { run, scenario: 'slow' });
    typeInto(await commentOn(el, '第二十六条'), '建议每户限养两只。');
    const para = root(el).getElementById(`${(root(el).activeElement as HTMLElement).id}-paragraph`) as HTMLSelectElement;
    para.value = '1';
    para.dispatchEvent(new Event('change'));
    typeInto(await commentOn(el, '第十二条'), '有效期建议三年。');
    typeInto(byLabel<HTMLTextAreaElement>(root(el), '对草案的总体意见'), '总体赞成，建议尽快出台。');
    root(el).querySelector<HTMLInputElement>('input[name="f-answers-q-zones"][value="mostly"]')!.click();
    await el.updateComplete;
    typeInto(root(el).querySelector<HTMLTextAreaElement>('#f-answers-q-zones-text')!, '郊区应当放宽。');
    for (const v of ['market', 'playground']) {
      root(el).querySelector<HTMLInputElement>(`input[name="f-answers-q-places"][value="${v}"]`)!.click();
      await el.updateComplete;
    }
    typeInto(root(el).querySelector<HTMLTextAreaElement>('#f-answers-q-injury')!, '应当先行垫付。');
    const s = byLabel<HTMLSelectElement>(root(el), '身份');
    s.value = 'dog-owner';
    s.dispatchEvent(new Event('change'));
    const region = byLabel<HTMLSelectElement>(root(el), '所在地区');
    region.value = '河东区';
    region.dispatchEvent(new Event('change'));
    typeInto(byLabel(root(el), '姓名'), '  赵某  ');
    byLabel(root(el), '希望得到答复').click();
    await el.updateComplete;
    typeInto(byLabel(root(el), '手机或固定电话'), '13800000000');
    await el.updateComplete;
    byLabel(root(el), '个人信息处理说明').click();
    byLabel(root(el), '同意公开我的意见').click();
    await el.updateComplete;

    let submitDetail: RdSubmitEvent['detail'] | undefined;
    el.addEventListener('rd-submit', (e) => { submitDetail = e.detail; e.detail.headers['X-CSRF-Token'] = 'tok'; });
    const submitted = oneEvent(el, 'rd-submitted') as Promise<RdSubmittedEvent>;
    await submit(el);
    await until(() => root(el).querySelector('[part="submit-button"]')!.textContent!.includes('正在提交'), 3000, 'submitting');
    await accessibleWithComments(el);
    const ev = await submitted;
    await el.updateComplete;

    const log = await chaosLog(run);
    expect(log).to.have.length(1);
    const body = JSON.parse(log[0]!.body);
    expect(log[0]!.headers['content-type']).to.equal('application/json');
    expect(log[0]!.headers['idempotency-key']).to.equal(body.id);
    expect(log[0]!.headers['x-csrf-token']).to.equal('tok');
    expect(body).to.deep.include({ type: 'legislation-feedback', version: 1, locale: 'zh-CN' });
    expect(body.source.url).to.equal(location.href);
    expect(body.data.consent.version).to.equal('2026-11');
    expect(Date.parse(body.data.consent.at)).to.be.closeTo(Date.now(), 60_000);
    delete body.data.consent.at;
    expect(body.data).to.deep.equal({
      draftId: d.id,
      stage: 'first-reading',
      respondent: { name: '赵某', identity: 'dog-owner', region: '河东区', wantsReply: true, phone: '13800000000' },
      channel: 'online',
      comments: [
        { target: { kind: 'article', chapter: '第二章', article: '第十二条' }, text: '有效期建议三年。' },
        { target: { kind: 'article', chapter: '第三章', article: '第二十六条', paragraph: 1 }, text: '建议每户限养两只。' },
        { target: { kind: 'general' }, text: '总体赞成，建议尽快出台。' },
        { target: { kind: 'question', questionId: 'q-zones' }, text: '郊区应当放宽。', choices: ['mostly'] },
        { target: { kind: 'question', questionId: 'q-places' }, text: '', choices: ['playground', 'market'] },
        { target: { kind: 'question', questionId: 'q-injury' }, text: '应当先行垫付。' },
      ],
      consent: { version: '2026-11' },
      publish: true,
    });
    expect(submitDetail!.payload).to.deep.equal(ev.detail.payload);
    expect(ev.detail.receipt).to.match(/^FK-2026-\d{5}$/);

    const receipt = root(el).querySelector<HTMLElement>('[data-rd-receipt]')!;
    expect(root(el).activeElement).to.equal(receipt);
    expect(receipt.textContent).to.contain('意见已提交');
    expect(receipt.textContent).to.contain('意见编号');
    expect(receipt.textContent).to.contain(ev.detail.receipt);
    expect(receipt.textContent).to.contain('6 条');
    expect(receipt.textContent).to.contain('第二十六条第1款');
    expect(receipt.textContent).to.contain('基本赞成；郊区应当放宽。');
    expect(receipt.textContent).to.contain('重点问题1（您是否赞成将城市建成区划为重点管…）');
    expect(root(el).querySelectorAll('article').length).to.equal(61);
    await until(async () => (await readDraft(`rd:rd-legislation-feedback:${d.id}`)) === undefined, 3000, 'draft cleared');
    await expect(el).to.be.accessible();
  });

  it('channel="qr" is recorded; no personal data needs no consent', async () => {
    const run = uid('run');
    const el = await mount(draft(), { run, channel: 'qr' });
    typeInto(byLabel<HTMLTextAreaElement>(root(el), '对草案的总体意见'), '赞成。');
    const s = byLabel<HTMLSelectElement>(root(el), '身份');
    s.value = 'citizen';
    s.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(root(el).querySelector('[part="consent"]')).to.equal(null);
    await submit(el);
    await until(() => root(el).querySelector('[data-rd-receipt]'));
    const body = JSON.parse((await chaosLog(run))[0]!.body);
    expect(body.data.channel).to.equal('qr');
    expect(body.data.consent).to.equal(undefined);
    expect(body.data.respondent).to.deep.equal({ identity: 'citizen', wantsReply: false });
  });

  it('proxy mode: collector, place, date, channel; several submissions in a row keep the collector', async () => {
    const run = uid('run');
    const el = await mount(draft(), { run, proxy: true });
    expect(root(el).textContent).to.contain('代录信息');
    expect(byLabel(root(el), '收集日期').value).to.match(/^\d{4}-\d{2}-\d{2}$/);
    for (const [i, who] of [[0, '市民甲'], [1, '市民乙']] as const) {
      if (i === 0) {
        typeInto(byLabel(root(el), '录入人姓名'), '孙某');
        typeInto(byLabel(root(el), '收集地点'), '河东区基层立法联系点');
        typeInto(byLabel(root(el), '收集日期'), '2026-11-20');
        byLabel(root(el), '座谈会').click();
      }
      typeInto(await commentOn(el, '第三十条'), `${who}：粪便清理要加强。`);
      const s = byLabel<HTMLSelectElement>(root(el), '身份');
      s.value = 'citizen';
      s.dispatchEvent(new Event('change'));
      await el.updateComplete;
      await submit(el);
      await until(() => root(el).querySelector('[data-rd-receipt]'), 8000, `receipt ${i}`);
      button(root(el), '继续录入下一份').click();
      await el.updateComplete;
      expect(root(el).activeElement!.id).to.equal('lf-title');
      expect(byLabel(root(el), '录入人姓名').value).to.equal('孙某');
      expect(root(el).querySelectorAll('.lf-comment').length).to.equal(0);
    }
    const bodies = (await chaosLog(run)).map((l) => JSON.parse(l.body));
    expect(bodies).to.have.length(2);
    expect(bodies[0].id).not.to.equal(bodies[1].id);
    for (const b of bodies) {
      expect(b.data.channel).to.equal('proxy');
      expect(b.data.proxy).to.deep.equal({ collectorName: '孙某', place: '河东区基层立法联系点', date: '2026-11-20', channel: 'forum' });
    }
    expect(bodies[1].data.comments[0].text).to.equal('市民乙：粪便清理要加强。');
  });
});

describe('rd-legislation-feedback: offline', () => {
  it('cannot send: queued in the outbox with its key, the citizen is told, the draft stays', async () => {
    const d = draft();
    const el = await fixture<RdLegislationFeedback>(html`<rd-legislation-feedback submit-url=${`${env().refused}/legislation-feedback`} .data=${d}></rd-legislation-feedback>`);
    await until(() => root(el).querySelector('.lf-text'));
    typeInto(await commentOn(el, '第三十条'), '离线时写的意见。');
    const s = byLabel<HTMLSelectElement>(root(el), '身份');
    s.value = 'citizen';
    s.dispatchEvent(new Event('change'));
    await el.updateComplete;
    const queued = oneEvent(el, 'rd-queued');
    await submit(el);
    const ev = await queued;
    await el.updateComplete;
    expect(root(el).querySelector('[part="queued-notice"]')!.textContent).to.contain('已保存在本设备上');
    const entries = (await readOutbox()) as Array<{ key: string; owner: string; body: { data: { comments: Array<{ text: string }> } } }>;
    const mine = entries.find((e) => e.key === ev.detail.idempotencyKey)!;
    expect(mine.owner).to.equal(`rd:rd-legislation-feedback:${d.id}`);
    expect(mine.body.data.comments[0]!.text).to.equal('离线时写的意见。');
    expect(await readDraft(`rd:rd-legislation-feedback:${d.id}`)).to.not.equal(undefined);
    await expect(el).to.be.accessible();
  });
});

describe('rd-legislation-feedback: drafts', () => {
  it('a citizen form and a proxy form for the same draft keep separate drafts', async () => {
    const d = draft();
    const wrap = await fixture(html`<div>
      <rd-legislation-feedback submit-url="x" deep-link="off" .data=${d}></rd-legislation-feedback>
      <rd-legislation-feedback proxy submit-url="x" deep-link="off" .data=${d}></rd-legislation-feedback></div>`);
    const [citizen, proxy] = [...wrap.querySelectorAll('rd-legislation-feedback')] as RdLegislationFeedback[];
    await until(() => root(citizen).querySelector('.lf-text') && root(proxy).querySelector('.lf-text'));
    await formReady(citizen);
    await until(() => root(proxy).querySelector('[part="submit-button"]'), 8000, 'the proxy form, at once');
    typeInto(byLabel<HTMLTextAreaElement>(root(citizen), '对草案的总体意见'), '市民本人的意见');
    await until(() => readDraft(`rd:rd-legislation-feedback:${d.id}`));
    typeInto(byLabel<HTMLTextAreaElement>(root(proxy), '对草案的总体意见'), '座谈会上收集的意见');
    const p = await until(() => readDraft(`rd:rd-legislation-feedback:${d.id}:proxy`)) as { value: { general: string } };
    expect(p.value.general).to.equal('座谈会上收集的意见');
    const c = await readDraft(`rd:rd-legislation-feedback:${d.id}`) as { value: { general: string } };
    expect(c.value.general).to.equal('市民本人的意见');
  });

  it('the same draft set again keeps the comments; another draft id starts empty', async () => {
    const d = draft();
    const el = await mount(d);
    typeInto(byLabel<HTMLTextAreaElement>(root(el), '对草案的总体意见'), '还没写完');
    el.data = structuredClone(d);
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 100));
    expect(byLabel<HTMLTextAreaElement>(root(el), '对草案的总体意见').value).to.equal('还没写完');
    el.data = draft();
    await until(() => byLabel<HTMLTextAreaElement>(root(el), '对草案的总体意见').value === '', 3000, 'empty for the other draft');
    expect(mineTargets(el)).to.deep.equal([]);
  });

  it('comments survive a reload: saved to IndexedDB (no phone), restored with a notice', async () => {
    const d = draft();
    const key = `rd:rd-legislation-feedback:${d.id}`;
    const el = await mount(d);
    typeInto(await commentOn(el, '第二十条'), '建议增加犬只保险。');
    typeInto(byLabel<HTMLTextAreaElement>(root(el), '对草案的总体意见'), '未写完的意见');
    byLabel(root(el), '希望得到答复').click();
    await el.updateComplete;
    typeInto(byLabel(root(el), '手机或固定电话'), '13900000000');
    await oneEvent(el, 'rd-draft-saved');
    const saved = await until(() => readDraft(key));
    const value = (saved as { value: { items: Array<{ article: string; text: string }>; general: string; respondent: Record<string, unknown> } }).value;
    expect(value.items.map((i) => [i.article, i.text])).to.deep.equal([['第二十条', '建议增加犬只保险。']]);
    expect(value.general).to.equal('未写完的意见');
    expect(value.respondent).not.to.have.property('phone');
    el.remove();

    const again = await restoredWith(d);
    expect(articleEl(again, '第二十条').querySelector('textarea')!.value).to.equal('建议增加犬只保险。');
    expect(byLabel<HTMLTextAreaElement>(root(again), '对草案的总体意见').value).to.equal('未写完的意见');
    expect(root(again).querySelector('[part="draft-notice"]')!.textContent).to.contain('已恢复');
    expect(mineTargets(again)).to.deep.equal(['第二十条', '总体意见']);
    again.remove();
  });

  it('a comment pressed while a saved draft is still being read: the draft comes back and the new comment joins it, focused (pressed twice: one comment)', async () => {
    const d2 = draft({ title: '另一部条例（草案）' });
    const key = `rd:rd-legislation-feedback:${d2.id}`;
    await savedComment(d2, '第二十条', '建议增加犬只保险。');

    const el = await mount(draft());
    let answered = false;
    const restored = oneEvent(el, 'rd-draft-restored').then(() => { answered = true; });
    el.data = d2;
    await el.updateComplete;
    expect(root(el).querySelector('#lf-title')!.textContent).to.equal('另一部条例（草案）');
    // Pressed at once, twice on two articles: the draft store has not answered yet.
    expect(answered).to.equal(false);
    articleEl(el, '第九条').querySelector<HTMLButtonElement>('.lf-add')!.click();
    articleEl(el, '第十条').querySelector<HTMLButtonElement>('.lf-add')!.click();
    await until(() => answered, 5000, 'the saved draft restored (not saved over)');
    await restored;
    await until(() => root(el).activeElement?.closest('article')?.getAttribute('data-label') === '第十条', 3000, 'the new comment\'s text box focused');
    expect(root(el).activeElement!.localName).to.equal('textarea');
    expect(articleEl(el, '第二十条').querySelector('textarea')!.value).to.equal('建议增加犬只保险。');
    expect(articleEl(el, '第九条').querySelector('textarea'), 'one comment, on the article pressed last').to.equal(null);
    typeInto(root(el).activeElement as HTMLTextAreaElement, '第十条的意见');
    const both = await until(async () => {
      const r = await readDraft(key) as { value: { items: Array<{ article: string; text: string }> } } | undefined;
      return r && r.value.items.length === 2 ? r.value.items : undefined;
    }, 5000, 'both comments saved');
    expect(both.map((i) => [i.article, i.text])).to.have.deep.members([['第二十条', '建议增加犬只保险。'], ['第十条', '第十条的意见']]);
  });

  it('a restored comment on an article the revised text no longer has stays editable, apart', async () => {
    const d = draft();
    await savedComment(d, '第六十一条', '施行日期建议提前。');
    // the draft is revised: the last article is gone
    const revised = structuredClone(d);
    if (revised.text.format !== 'structured') throw new Error('structured');
    revised.text.chapters.at(-1)!.articles.pop();
    const again = await restoredWith(revised);
    const block = root(again).querySelector('.lf-orphans')!;
    expect(block.querySelector('h3')!.textContent).to.equal('针对已调整条文的意见');
    expect(block.querySelector('textarea')!.value).to.equal('施行日期建议提前。');
    [...root(again).querySelectorAll<HTMLButtonElement>('.lf-mine__item button')].find((b) => b.textContent === '修改')!.click();
    await again.updateComplete;
    expect(root(again).activeElement).to.equal(block.querySelector('textarea'));
    await expect(again).to.be.accessible();
    again.remove();
  });
});

describe('rd-legislation-feedback: a page with Prototype.js', () => {
  it('Array.from without its mapping function: commenting on 第十二条 (two 款) offers 全条, 第1款, 第2款; no error notice', async () => {
    const restore = installPrototypeArrays();
    let options: string[];
    let alerts: number;
    try {
      const el = await mount(draft(), { drafts: 'off' });
      const box = await commentOn(el, '第十二条');
      await el.updateComplete;
      const select = root(el).getElementById(`${box.id}-paragraph`) as HTMLSelectElement | null;
      options = select ? [...select.options].map((o) => `${o.value}:${o.textContent!.trim()}`) : [];
      alerts = root(el).querySelectorAll('[role="alert"]').length;
    } finally {
      restore();
    }
    expect(options).to.deep.equal([':全条', '1:第1款', '2:第2款']);
    expect(alerts).to.equal(0);
  });
});
