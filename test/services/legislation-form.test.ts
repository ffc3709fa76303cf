import { expect } from '@open-wc/testing';
import {
  answerSummary,
  buildFeedback,
  carryProxy,
  checkFeedback,
  countComments,
  emptyForm,
  excerpt,
  formPath,
  identityChoices,
  reviveForm,
  sortedItems,
  windowState,
  type FeedbackForm,
} from '../../src/services/legislation-form.js';
import type { Draft } from '../../src/services/schemas/legislation.js';
import { legislationFeedbackData } from '../../src/services/schemas/legislation-feedback.js';
import { draftHeader } from '../helpers/drafts.js';

const draft = (over: Partial<Draft> = {}): Draft => ({
  ...draftHeader(),
  focusQuestions: [
    { id: 'q1', kind: 'single', prompt: '赞成吗？', options: [{ id: 'yes', label: '赞成' }, { id: 'no', label: '不赞成' }] },
    { id: 'q2', kind: 'multiple', prompt: '哪些？', maxChoices: 2, options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }, { id: 'c', label: 'C' }] },
    { id: 'q3', kind: 'text', prompt: '建议？' },
  ],
  text: { format: 'plain', content: '第一条　甲。' },
  ...over,
});
const order = new Map([['第一条', 0], ['第二条', 1], ['第十二条', 11]]);
const ctx = { channel: 'online' as const, consentVersion: 'v3', now: new Date('2026-11-25T02:00:00Z'), order };

const form = (patch: (f: FeedbackForm) => void): FeedbackForm => {
  const f = emptyForm();
  f.respondent.identity = 'citizen';
  patch(f);
  return f;
};
const paths = (f: FeedbackForm, d = draft(), c: Parameters<typeof checkFeedback>[2] = ctx) => {
  const r = checkFeedback(f, d, c);
  return r.ok ? [] : r.problems.map((p) => `${p.path}:${p.key}`);
};

describe('legislation-form: windowState', () => {
  const w = { opens: '2026-11-01T00:00:00+08:00', closes: '2026-12-01T00:00:00+08:00' };
  const table: Array<[string, string]> = [
    ['2026-10-31T15:59:59.999Z', 'before'],
    ['2026-10-31T16:00:00.000Z', 'open'],
    ['2026-11-30T15:59:59.999Z', 'open'],
    ['2026-11-30T16:00:00.000Z', 'closed'],
    ['2027-01-01T00:00:00.000Z', 'closed'],
  ];
  for (const [now, state] of table) {
    it(`${now} → ${state}`, () => expect(windowState(w, new Date(now))).to.equal(state));
  }
});

describe('legislation-form: identity choices', () => {
  it('defaults first, then the draft’s own', () => {
    const c = identityChoices(draft({ identity: { options: [{ code: 'owner', label: '业主' }, { code: 'lawyer', label: '律师（本地）' }] } }));
    expect(c.map((x) => x.value)).to.deep.equal(['citizen', 'deputy', 'cppcc-member', 'scholar', 'enterprise', 'social-organization', 'regulated-party', 'contact-point', 'owner', 'lawyer']);
    expect(c[0]!.labelKey).to.equal('lf.identity.citizen');
    expect(c.at(-1)!.label).to.equal('律师（本地）');
  });
  it('replaceDefaults keeps only the draft’s', () => {
    expect(identityChoices(draft({ identity: { replaceDefaults: true, options: [{ code: 'owner', label: '业主' }] } })).map((x) => x.value)).to.deep.equal(['owner']);
  });
});

describe('legislation-form: build and check', () => {
  it('builds comments in reading order, then general, then answers; trims; drops empty answers', () => {
    const f = form((f) => {
      f.items = [
        { id: 'x', article: '第十二条', chapter: '第二章', paragraph: 2, text: ' 二款 ' },
        { id: 'y', article: '第一条', text: '一条' },
        { id: 'z', article: '第十二条', text: '全条' },
      ];
      f.general = '  总体 ';
      f.answers = { q3: { choices: [], text: '建议' }, q1: { choices: ['yes', 'bogus'], text: '' }, q2: { choices: [], text: '  ' } };
    });
    const b = buildFeedback(f, draft(), ctx);
    expect(b.data.comments).to.deep.equal([
      { target: { kind: 'article', article: '第一条' }, text: '一条' },
      { target: { kind: 'article', article: '第十二条' }, text: '全条' },
      { target: { kind: 'article', chapter: '第二章', article: '第十二条', paragraph: 2 }, text: '二款' },
      { target: { kind: 'general' }, text: '总体' },
      { target: { kind: 'question', questionId: 'q1' }, text: '', choices: ['yes'] },
      { target: { kind: 'question', questionId: 'q3' }, text: '建议' },
    ]);
    expect(b.sources).to.deep.equal(['items.y', 'items.z', 'items.x', 'general', 'answers.q1', 'answers.q3']);
    expect(b.data.stage).to.equal('second-reading');
    expect(legislationFeedbackData.safeParse(b.data).success).to.equal(true);
  });

  it('a comment in a code with 编 names its 编 in the target; a restored draft keeps it', () => {
    const f = form((f) => {
      f.items = [{ id: 'x', article: '第五百九十五条', part: '第三编', chapter: '第九章', text: '买卖' }];
    });
    const b = buildFeedback(f, draft(), ctx);
    expect(b.data.comments[0]).to.deep.equal({ target: { kind: 'article', part: '第三编', chapter: '第九章', article: '第五百九十五条' }, text: '买卖' });
    expect(legislationFeedbackData.safeParse(b.data).success).to.equal(true);
    expect(reviveForm({ items: [{ id: 'x', article: '第一条', part: '第一编', text: 'a' }, { id: 'y', article: '第二条', part: 3, text: 'b' }] }).items)
      .to.deep.equal([{ id: 'x', article: '第一条', part: '第一编', text: 'a' }, { id: 'y', article: '第二条', text: 'b' }]);
  });

  it('contact details only go out when a reply is wanted; consent carries version and time', () => {
    const f = form((f) => {
      f.general = 'x';
      f.respondent = { name: '', identity: 'citizen', region: '', wantsReply: false, phone: '13800000000', email: 'a@b.cn' };
    });
    expect(buildFeedback(f, draft(), ctx).data.respondent).to.deep.equal({ identity: 'citizen', wantsReply: false });
    f.respondent.wantsReply = true;
    f.consent = true;
    const d = buildFeedback(f, draft(), ctx).data;
    expect(d.respondent).to.deep.equal({ identity: 'citizen', wantsReply: true, phone: '13800000000', email: 'a@b.cn' });
    expect(d.consent).to.deep.equal({ version: 'v3', at: '2026-11-25T02:00:00.000Z' });
  });

  it('proxy channel carries the proxy record', () => {
    const f = form((f) => {
      f.general = 'x';
      f.proxy = { collectorName: ' 孙某 ', place: '联系点', date: '2026-11-20', channel: 'letter' };
    });
    const d = buildFeedback(f, draft(), { ...ctx, channel: 'proxy' }).data;
    expect(d.proxy).to.deep.equal({ collectorName: '孙某', place: '联系点', date: '2026-11-20', channel: 'letter' });
    expect(buildFeedback(f, draft(), ctx).data.proxy).to.equal(undefined);
  });

  // [name, form patch, expected problems (path:key), draft override, channel]
  type Case = [name: string, patch: (f: FeedbackForm) => void, expected: string[], over?: Partial<Draft>, channel?: 'online' | 'proxy'];
  const cases: Case[] = [
    ['a valid general comment', (f) => (f.general = '赞成'), []],
    ['nothing at all', () => {}, ['general:lf.error.noComments']],
    ['no identity', (f) => { f.general = 'x'; f.respondent.identity = ''; }, ['respondent.identity:errors.requiredChoice']],
    ['an empty article comment is an error, not dropped', (f) => { f.general = 'x'; f.items = [{ id: 'a', article: '第一条', text: '  ' }]; }, ['items.a:lf.error.commentEmpty']],
    ['a 5,001-character comment', (f) => { f.items = [{ id: 'a', article: '第一条', text: '意'.repeat(5001) }]; }, ['items.a:errors.tooLong']],
    ['a 5,000-character comment', (f) => { f.items = [{ id: 'a', article: '第一条', text: '意'.repeat(5000) }]; }, []],
    ['a long general comment', (f) => (f.general = 'x'.repeat(5001)), ['general:errors.tooLong']],
    ['too many choices', (f) => { f.answers = { q2: { choices: ['a', 'b', 'c'], text: '' } }; }, ['answers.q2:lf.error.tooManyChoices']],
    ['a reply wanted without contact', (f) => { f.general = 'x'; f.respondent.wantsReply = true; }, ['respondent.phone:lf.error.contactRequired']],
    ['a bad e-mail', (f) => { f.general = 'x'; f.respondent.wantsReply = true; f.respondent.email = 'nope'; f.consent = true; }, ['respondent.email:errors.invalid']],
    ['a name without consent', (f) => { f.general = 'x'; f.respondent.name = '王某'; }, ['consent:errors.consent']],
    ['a name with consent', (f) => { f.general = 'x'; f.respondent.name = '王某'; f.consent = true; }, []],
    ['a region alone needs no consent', (f) => { f.general = 'x'; f.respondent.region = '河东区'; }, []],
    ['required name and region', (f) => (f.general = 'x'), ['respondent.name:lf.error.nameRequired', 'respondent.region:lf.error.regionRequired'], { identity: { requireName: true, requireRegion: true } }],
    ['proxy details missing', (f) => (f.general = 'x'), ['proxy.collectorName:errors.required', 'proxy.place:errors.required', 'proxy.date:errors.required', 'proxy.channel:errors.requiredChoice'], {}, 'proxy'],
    ['proxy complete', (f) => { f.general = 'x'; f.proxy = { collectorName: '孙某', place: '联系点', date: '2026-11-20', channel: 'forum' }; }, [], {}, 'proxy'],
    ['problems in form order', (f) => { f.respondent.identity = ''; f.respondent.name = '王某'; f.items = [{ id: 'a', article: '第一条', text: '' }]; },
      ['items.a:lf.error.commentEmpty', 'respondent.identity:errors.requiredChoice', 'consent:errors.consent']],
  ];
  for (const [name, patch, expected, over, channel] of cases) {
    it(name, () => {
      expect(paths(form(patch), draft(over ?? {}), { ...ctx, channel: channel ?? 'online' })).to.deep.equal(expected);
    });
  }

  it('a valid check returns data the payload schema accepts', () => {
    const r = checkFeedback(form((f) => { f.items = [{ id: 'a', article: '第二条', text: '意见' }]; }), draft(), ctx);
    expect(r.ok).to.equal(true);
    if (r.ok) expect(legislationFeedbackData.safeParse(r.data).success).to.equal(true);
  });
});

describe('legislation-form: helpers', () => {
  const sources = ['items.y', 'general', 'answers.q1'];
  const table: Array<[string, string]> = [
    ['comments.0.text', 'items.y'],
    ['comments.1', 'general'],
    ['comments.2.choices', 'answers.q1'],
    ['comments.9.text', 'general'],
    ['comments', 'general'],
    ['respondent.phone', 'respondent.phone'],
    ['proxy', 'proxy.collectorName'],
  ];
  for (const [path, out] of table) it(`formPath(${path}) → ${out}`, () => expect(formPath(path, sources)).to.equal(out));

  it('sortedItems: reading order, whole article before its 款, then insertion order; unknown last', () => {
    const items = [
      { id: '1', article: '第十二条', paragraph: 1, text: '' },
      { id: '2', article: '第九十九条', text: '' },
      { id: '3', article: '第十二条', text: '' },
      { id: '4', article: '第一条', text: '' },
      { id: '5', article: '第十二条', text: '' },
    ];
    expect(sortedItems(items, order).map((i) => i.id)).to.deep.equal(['4', '3', '5', '1', '2']);
  });

  it('countComments counts 条 the way they will be sent', () => {
    const f = form((f) => {
      f.items = [{ id: 'a', article: '第一条', text: '' }, { id: 'b', article: '第二条', text: 'x' }];
      f.general = ' ';
      f.answers = { q1: { choices: ['yes'], text: '' }, q3: { choices: [], text: '' } };
    });
    expect(countComments(f, draft())).to.equal(3);
  });

  it('reviveForm repairs partial or foreign drafts', () => {
    expect(reviveForm(null)).to.deep.equal(emptyForm());
    expect(reviveForm('x')).to.deep.equal(emptyForm());
    const r = reviveForm({ items: [{ id: 'a', article: '第一条', text: 'x', paragraph: 0 }, { id: 3 }, null], answers: { q1: { choices: ['yes', 2] }, q2: 'bad' }, respondent: { name: '王某', wantsReply: 'yes' }, consent: 'true' });
    expect(r.items).to.deep.equal([{ id: 'a', article: '第一条', text: 'x' }]);
    expect(r.answers).to.deep.equal({ q1: { choices: ['yes'], text: '' } });
    expect(r.respondent).to.deep.equal({ name: '王某', identity: '', region: '', wantsReply: false, phone: '', email: '' });
    expect(r.consent).to.equal(false);
  });

  // Proxy entry: the collector's details stay for the next opinion; the date defaults to today.
  const collector = { collectorName: '孙某', place: '河东区基层立法联系点', date: '2026-11-20', channel: 'forum' };
  const withProxy = (p: Partial<FeedbackForm['proxy']>) => form((f) => { f.proxy = { ...f.proxy, ...p }; });
  const carry: Array<[string, FeedbackForm, FeedbackForm, FeedbackForm['proxy']]> = [
    ['empty next keeps the previous collector', emptyForm(), withProxy(collector), collector],
    ['empty both: only the date, today', emptyForm(), emptyForm(), { collectorName: '', place: '', date: '2026-12-06', channel: '' }],
    ['next with a name wins (date filled in)', withProxy({ collectorName: '李某' }), withProxy(collector), { collectorName: '李某', place: '', date: '2026-12-06', channel: '' }],
    ['next with only a place wins', withProxy({ place: '某站' }), withProxy(collector), { collectorName: '', place: '某站', date: '2026-12-06', channel: '' }],
    ['a date of its own is kept', withProxy({ collectorName: '李某', date: '2026-01-02' }), emptyForm(), { collectorName: '李某', place: '', date: '2026-01-02', channel: '' }],
    ['a channel alone does not count as details', withProxy({ channel: 'letter' }), withProxy(collector), collector],
  ];
  for (const [name, next, prev, out] of carry) it(`carryProxy: ${name}`, () => expect(carryProxy(next, prev, '2026-12-06').proxy).to.deep.equal(out));
  it('carryProxy leaves everything but the proxy record alone', () => {
    const next = form((f) => { f.general = '总体意见'; f.items = [{ id: 'a', article: '第一条', text: 'x' }]; });
    const r = carryProxy(next, withProxy(collector), '2026-12-06');
    expect({ ...r, proxy: next.proxy }).to.deep.equal(next);
  });

  const q = { options: [{ id: 'yes', label: '赞成' }, { id: 'no', label: '不赞成' }, { id: 'x', label: '其他' }] };
  const summaries: Array<[string, typeof q | undefined, string[] | undefined, string, string]> = [
    ['choice and text', q, ['yes'], '理由', '赞成；理由'],
    ['labels in the options\' order', q, ['x', 'yes'], '', '赞成、其他'],
    ['text only, trimmed', q, [], '  只有文字 ', '只有文字'],
    ['unknown choice ids are left out', q, ['gone'], '', ''],
    ['no question (removed from the draft)', undefined, ['yes'], '文字', '文字'],
    ['no choices (text question)', { options: [] }, undefined, '', ''],
  ];
  for (const [name, question, choices, text, out] of summaries) it(`answerSummary: ${name}`, () => expect(answerSummary(question, choices, text)).to.equal(out));

  const excerpts: Array<[string, number | undefined, string]> = [
    ['', undefined, ''],
    ['  短句  ', undefined, '短句'],
    ['第一行\n\n第二行\t结束', undefined, '第一行 第二行 结束'],
    ['一二三四五', 5, '一二三四五'],
    ['一二三四五六', 5, '一二三四五…'],
    ['😀😀😀', 2, '😀😀…'],
    ['x'.repeat(61), undefined, `${'x'.repeat(60)}…`],
    ['x'.repeat(60), undefined, 'x'.repeat(60)],
  ];
  for (const [s, n, out] of excerpts) it(`excerpt(${JSON.stringify(s)}, ${n}) → ${JSON.stringify(out)}`, () => expect(excerpt(s, n)).to.equal(out));
});
