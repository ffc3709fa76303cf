import { expect } from '@open-wc/testing';
import {
  draftSchema,
  COMMENT_MAX,
  STAGES,
  type Draft,
} from '../../src/services/schemas/legislation.js';
import { legislationFeedbackData, legislationFeedbackPayload } from '../../src/services/schemas/legislation-feedback.js';
import { parseLegalText } from '../../src/services/legal-text.js';
import { draftHeader } from '../helpers/drafts.js';

const loadDraft = async (id: string) => (await (await fetch(`/demo/content/drafts/${id}.json`)).json()) as Draft;

const minimalDraft = (): Record<string, unknown> => ({
  ...draftHeader(),
  id: 'test-01',
  title: '某市测试条例（草案）',
  stage: 'first-reading',
  text: { format: 'plain', content: '第一条　甲。' },
});

const goodData = (): Record<string, unknown> => ({
  draftId: 'test-01',
  stage: 'first-reading',
  respondent: { identity: 'citizen', wantsReply: false },
  channel: 'online',
  comments: [{ target: { kind: 'article', chapter: '第一章', article: '第十二条', paragraph: 2 }, text: '建议删除。' }],
  publish: false,
});

type Patch = (d: Record<string, any>) => void;

describe('schemas/legislation: draft', () => {
  it('accepts the demo drafts (structured and plain text)', async () => {
    for (const id of ['2026-yq-01', '2026-yq-01-text']) {
      const r = draftSchema.safeParse(await loadDraft(id));
      expect(r.success, `${id}: ${JSON.stringify(r.error?.issues?.slice(0, 2))}`).to.equal(true);
    }
  });

  it('the demo structured draft is exactly the parse of the demo plain text, with no issues', async () => {
    const structured = await loadDraft('2026-yq-01');
    const plain = await loadDraft('2026-yq-01-text');
    if (plain.text.format !== 'plain' || structured.text.format !== 'structured') throw new Error('formats');
    const r = parseLegalText(plain.text.content);
    expect(r.issues).to.deep.equal([]);
    const { title: _title, ...rest } = r.text;
    const { format: _f, ...s } = structured.text;
    expect(s).to.deep.equal(rest);
    expect(r.articleCount).to.be.within(55, 70);
    expect(structured.focusQuestions!.length).to.be.at.least(3);
    expect(structured.explanatoryNote!.text!.length).to.be.at.least(3);
  });

  it('accepts a minimal draft and every stage code', () => {
    for (const stage of STAGES) expect(draftSchema.safeParse({ ...minimalDraft(), stage }).success, stage).to.equal(true);
  });

  const bad: Array<[string, Patch]> = [
    ['a Chinese stage label instead of the code', (d) => (d.stage = '草案一审')],
    ['an unknown level', (d) => (d.level = 'county')],
    ['a window that closes before it opens', (d) => (d.window = { opens: '2026-12-01T00:00:00+08:00', closes: '2026-11-01T00:00:00+08:00' })],
    ['a window date without time zone', (d) => (d.window = { opens: '2026-11-01T00:00:00', closes: '2026-12-01T00:00:00+08:00' })],
    ['an id with a slash', (d) => (d.id = '../etc')],
    ['empty plain text', (d) => (d.text = { format: 'plain', content: '' })],
    ['an unknown text format', (d) => (d.text = { format: 'word', content: 'x' })],
    ['a structured article with a non-canonical label', (d) => (d.text = { format: 'structured', preamble: [], chapters: [], articles: [{ label: '第12条', number: 12, paragraphs: [{ text: 'x' }] }] })],
    ['a structured article without paragraphs', (d) => (d.text = { format: 'structured', preamble: [], chapters: [], articles: [{ label: '第一条', number: 1, paragraphs: [] }] })],
    ['a choice question with one option', (d) => (d.focusQuestions = [{ id: 'q', kind: 'single', prompt: '？', options: [{ id: 'a', label: 'A' }] }])],
    ['a choice question without options', (d) => (d.focusQuestions = [{ id: 'q', kind: 'multiple', prompt: '？' }])],
    ['a question tied to a malformed article', (d) => (d.focusQuestions = [{ id: 'q', kind: 'text', prompt: '？', article: '十二条' }])],
    ['an explanatory note with neither text nor url', (d) => (d.explanatoryNote = { title: '说明' })],
    ['an identity option with an empty label', (d) => (d.identity = { options: [{ code: 'owner', label: ' ' }] })],
    ['a postcode that is not six digits', (d) => (d.contact = { postcode: '12345' })],
  ];
  for (const [name, patch] of bad) {
    it(`refuses ${name}`, () => {
      const d = minimalDraft();
      patch(d);
      expect(draftSchema.safeParse(d).success).to.equal(false);
    });
  }
});

describe('schemas/legislation: payload', () => {
  it('accepts a minimal anonymous submission', () => {
    expect(legislationFeedbackData.safeParse(goodData()).success).to.equal(true);
  });

  const good: Array<[string, Patch]> = [
    ['a general comment', (d) => (d.comments = [{ target: { kind: 'general' }, text: '总体赞成。' }])],
    ['a question answered by choice only', (d) => (d.comments = [{ target: { kind: 'question', questionId: 'q-limit' }, text: '', choices: ['one'] }])],
    ['a comment of exactly 5,000 characters', (d) => (d.comments = [{ target: { kind: 'general' }, text: '意'.repeat(COMMENT_MAX) }])],
    ['an inserted article 第十条之一', (d) => (d.comments[0].target = { kind: 'article', article: '第十条之一' })],
    ['a reply wanted with a phone number, with consent', (d) => {
      d.respondent = { identity: 'citizen', wantsReply: true, phone: '138 0000 0000' };
      d.consent = { version: '2026-1', at: '2026-11-25T10:00:00+08:00' };
    }],
    ['name with consent', (d) => {
      d.respondent = { name: '张某', identity: 'lawyer', wantsReply: false };
      d.consent = { version: '2026-1', at: '2026-11-25T10:00:00+08:00' };
    }],
    ['a proxy entry', (d) => {
      d.channel = 'proxy';
      d.proxy = { collectorName: '李某', place: '河东区基层立法联系点', date: '2026-11-20', channel: 'forum' };
    }],
    ['a QR-code channel', (d) => (d.channel = 'qr')],
  ];
  for (const [name, patch] of good) {
    it(`accepts ${name}`, () => {
      const d = goodData();
      patch(d);
      const r = legislationFeedbackData.safeParse(d);
      expect(r.success, JSON.stringify(r.error?.issues)).to.equal(true);
    });
  }

  // [name, patch, path of the issue]
  const bad: Array<[string, Patch, string]> = [
    ['no comments', (d) => (d.comments = []), 'comments'],
    ['a comment over 5,000 characters', (d) => (d.comments[0].text = '意'.repeat(COMMENT_MAX + 1)), 'comments.0.text'],
    ['an empty article comment', (d) => (d.comments[0].text = '   '), 'comments.0.text'],
    ['choices on an article comment', (d) => (d.comments[0].choices = ['a']), 'comments.0.choices'],
    ['an article label in Arabic digits', (d) => (d.comments[0].target.article = '第12条'), 'comments.0.target.article'],
    ['paragraph 0', (d) => (d.comments[0].target.paragraph = 0), 'comments.0.target.paragraph'],
    ['an unknown target kind', (d) => (d.comments[0].target = { kind: 'chapter' }), 'comments.0.target.kind'],
    ['a reply wanted without contact', (d) => (d.respondent = { identity: 'citizen', wantsReply: true }), 'respondent.phone'],
    ['contact given without wanting a reply', (d) => (d.respondent = { identity: 'citizen', wantsReply: false, email: 'a@b.cn' }), 'respondent.phone'],
    ['a malformed e-mail', (d) => (d.respondent = { identity: 'citizen', wantsReply: true, email: 'a@b' }), 'respondent.email'],
    ['a malformed phone', (d) => (d.respondent = { identity: 'citizen', wantsReply: true, phone: 'call me' }), 'respondent.phone'],
    ['a phone number without consent', (d) => (d.respondent = { identity: 'citizen', wantsReply: true, phone: '13800000000' }), 'consent'],
    ['a name without consent', (d) => (d.respondent = { name: '张某', identity: 'citizen', wantsReply: false }), 'consent'],
    ['proxy channel without proxy details', (d) => (d.channel = 'proxy'), 'proxy'],
    ['proxy details on an online submission', (d) => (d.proxy = { collectorName: '李某', place: '某地', date: '2026-11-20', channel: 'letter' }), 'proxy'],
    ['an unknown proxy channel', (d) => {
      d.channel = 'proxy';
      d.proxy = { collectorName: '李某', place: '某地', date: '2026-11-20', channel: 'wechat' };
    }, 'proxy.channel'],
    ['an unknown channel', (d) => (d.channel = 'email'), 'channel'],
    ['publish missing', (d) => delete d.publish, 'publish'],
    ['a stage label instead of a code', (d) => (d.stage = '二审'), 'stage'],
    ['more than 300 comments', (d) => (d.comments = Array.from({ length: 301 }, () => ({ target: { kind: 'general' }, text: 'x' }))), 'comments'],
  ];
  for (const [name, patch, path] of bad) {
    it(`refuses ${name} (at ${path})`, () => {
      const d = goodData();
      patch(d);
      const r = legislationFeedbackData.safeParse(d);
      expect(r.success).to.equal(false);
      expect(r.error!.issues.map((i) => i.path.join('.'))).to.include(path);
    });
  }

  it('the envelope has type legislation-feedback and version 1', () => {
    const body = {
      type: 'legislation-feedback',
      version: 1,
      id: '0b7e7d3a-3c1e-4b7a-9d2f-2a8f3c4d5e6f',
      createdAt: '2026-11-25T10:00:00.000Z',
      locale: 'zh-CN',
      source: { url: 'https://rd.example.gov.cn/zqyj/2026-yq-01.html' },
      data: goodData(),
    };
    expect(legislationFeedbackPayload.safeParse(body).success).to.equal(true);
    expect(legislationFeedbackPayload.safeParse({ ...body, type: 'deputy-message' }).success).to.equal(false);
  });
});
