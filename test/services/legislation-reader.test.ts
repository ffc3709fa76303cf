import { expect } from '@open-wc/testing';
import { articleContext, highlightParts, matchArticles, prepareDraft, resolvePlace, searchTerms } from '../../src/services/legislation-reader.js';
import { parseLegalText } from '../../src/services/legal-text.js';
import { CIVIL_CODE } from './civil-code.fixture.js';
import type { Draft } from '../../src/services/schemas/legislation.js';
import { draftHeader } from '../helpers/drafts.js';

const draft = (over: Partial<Draft> = {}): Draft => ({
  ...draftHeader(),
  text: { format: 'plain', content: '第一章　总则\n第一条　为了规范养犬行为，制定本条例。\n第二条　本条例适用于本市。\n第二章　登记\n第三条【登记】养犬人应当办理登记：\n（一）携带犬只；\n（二）提供证明。' },
  ...over,
});

describe('legislation-reader: prepareDraft', () => {
  it('a plain draft is parsed: articles in reading order, label → index, a search index with captions and items', () => {
    const p = prepareDraft(draft(), parseLegalText);
    expect(p.issues).to.deep.equal([]);
    expect(p.text.chapters.map((c) => c.label)).to.deep.equal(['第一章', '第二章']);
    expect(p.articles.map((a) => [a.index, a.article.label, a.chapter?.label])).to.deep.equal([[0, '第一条', '第一章'], [1, '第二条', '第一章'], [2, '第三条', '第二章']]);
    expect([...p.order]).to.deep.equal([['第一条', 0], ['第二条', 1], ['第三条', 2]]);
    expect(p.search[2]!.label).to.equal('第三条');
    expect(p.search[2]!.text).to.contain('登记').and.to.contain('提供证明');
  });

  it('a structured draft is taken as it is, without a parser report', () => {
    const p = prepareDraft(draft({
      text: { format: 'structured', preamble: ['序言'], chapters: [], articles: [{ label: '第一条', number: 1, paragraphs: [{ text: '甲。' }] }] },
    }), parseLegalText);
    expect(p.issues).to.deep.equal([]);
    expect(p.text.preamble).to.deep.equal(['序言']);
    expect('format' in p.text).to.equal(false);
    expect(p.articles.map((a) => a.article.label)).to.deep.equal(['第一条']);
  });

  it('a numbering mistake is reported with its line; a repeated label keeps its first position', () => {
    const p = prepareDraft(draft({ text: { format: 'plain', content: '第一条　甲。\n第三条　乙。\n第三条　丙。' } }), parseLegalText);
    expect(p.issues.length).to.be.above(0);
    expect(p.issues.every((i) => typeof i.line === 'number')).to.equal(true);
    expect(p.order.get('第三条')).to.equal(p.articles.findIndex((a) => a.article.label === '第三条'));
  });

  it('focus questions are grouped by the article they are about', () => {
    const p = prepareDraft(draft({
      focusQuestions: [
        { id: 'q1', kind: 'text', prompt: '甲？', article: '第三条' },
        { id: 'q2', kind: 'text', prompt: '乙？' },
        { id: 'q3', kind: 'text', prompt: '丙？', article: '第三条' },
      ],
    }), parseLegalText);
    expect([...p.questionsByArticle].map(([k, qs]) => [k, qs.map((q) => q.id)])).to.deep.equal([['第三条', ['q1', 'q3']]]);
  });
});

describe('legislation-reader: a code with 编 and 分编', () => {
  const p = prepareDraft(draft({ text: { format: 'plain', content: CIVIL_CODE } }), parseLegalText);

  it('outlines 编 → 分编 → 章 → 节 in reading order, each with the articles right under it', () => {
    const line = (n: { label: string; title: string; depth: number; articles: Array<{ article: { label: string } }> }) =>
      `${'  '.repeat(n.depth)}${n.label} ${n.title}: ${n.articles.map((a) => a.article.label).join(',')}`;
    expect(p.hasParts).to.equal(true);
    expect(p.loose).to.deep.equal([]);
    expect(p.headings.map(line)).to.deep.equal([
      '第一编 总则: ', '  第一章 基本规定: 第一条,第二条,第三条', '  第二章 自然人: ', '    第一节 民事权利能力和民事行为能力: 第四条,第五条', '    第二节 监护: 第六条,第七条',
      '第二编 物权: ', '  第一分编 通则: ', '    第一章 一般规定: 第八条', '    第二章 物权的设立、变更、转让和消灭: ', '      第一节 不动产登记: 第九条',
      '  第二分编 所有权: ', '    第三章 一般规定: 第十条',
      '第三编 合同: ', '  第一分编 通则: ', '    第一章 一般规定: 第十一条', '  第二分编 典型合同: ', '    第二章 买卖合同: 第十二条',
      '附则 附则: 第十三条,第十四条',
    ]);
    expect(p.outline.map((n) => n.label)).to.deep.equal(['第一编', '第二编', '第三编', '附则']);
    expect(new Set(p.headings.map((h) => h.id)).size).to.equal(p.headings.length);
  });

  const places: Array<[string, string | undefined]> = [
    ['第三编', 'pt-2'],
    ['#%E7%AC%AC%E4%B8%89%E7%BC%96', 'pt-2'],
    ['第二编第二分编', 'pt-1-d-1'],
    ['第三编第二章', 'ch-6'],
    ['第二编第二章第一节', 'ch-3-s-0'],
    ['第三章', 'ch-4'],
    ['附则', 'ch-7'],
    ['第一章', undefined],
    ['第四编', undefined],
  ];
  for (const [ref, id] of places) {
    it(`resolvePlace(${JSON.stringify(ref)}) → ${id ?? 'nothing'}${ref === '第一章' ? ' (ambiguous: every 编 has one)' : ''}`, () => {
      expect(resolvePlace(p, ref)).to.deep.equal(id ? { kind: 'heading', id } : undefined);
    });
  }

  it('articles resolve by label; one the text lacks resolves to nothing', () => {
    expect(resolvePlace(p, '#第十二条')).to.deep.equal({ kind: 'article', label: '第十二条' });
    expect(resolvePlace(p, '12')).to.deep.equal({ kind: 'article', label: '第十二条' });
    expect(resolvePlace(p, '第一千二百六十条')).to.equal(undefined);
  });

  it('a search hit says where the article stands', () => {
    const hits = matchArticles(p.search, '合同');
    expect(hits).to.include('第十二条');
    expect(articleContext(p.articles[p.order.get('第十二条')!]!)).to.equal('第三编 合同 › 第二分编 典型合同 › 第二章 买卖合同');
    expect(articleContext(p.articles[p.order.get('第十三条')!]!)).to.equal('附则');
  });

  it('a text without 编 keeps its ids: ch-0, ch-1, sections ch-N-s-M', () => {
    const q = prepareDraft(draft(), parseLegalText);
    expect(q.hasParts).to.equal(false);
    expect(q.headings.map((h) => [h.id, h.label, h.depth])).to.deep.equal([['ch-0', '第一章', 0], ['ch-1', '第二章', 0]]);
    expect(resolvePlace(q, '第二章')).to.deep.equal({ kind: 'heading', id: 'ch-1' });
  });
});

describe('legislation-reader: search', () => {
  const terms: Array<[string, string[]]> = [
    ['', []],
    ['   ', []],
    ['犬牌', ['犬牌']],
    ['犬牌 遗失', ['犬牌', '遗失']],
    ['犬牌\u3000遗失', ['犬牌', '遗失']],
    ['  ABC  def ', ['abc', 'def']],
    ['a\t\nb', ['a', 'b']],
  ];
  for (const [q, out] of terms) it(`searchTerms(${JSON.stringify(q)})`, () => expect(searchTerms(q)).to.deep.equal(out));

  const search: Array<[string, string[]]> = [
    ['犬牌', ['第九条', '第十四条']],
    ['犬牌 遗失', ['第十四条']],
    ['  ', []],
    ['ＡＢＣ', []],
    ['abc', ['第二十条']],
    ['第九条', ['第九条']],
  ];
  const index = [
    { label: '第九条', text: '第九条\n领取犬只登记证和犬牌。' },
    { label: '第十四条', text: '第十四条\n犬牌和犬只登记证遗失、损毁的' },
    { label: '第二十条', text: '第二十条\nABC 测试' },
  ];
  for (const [q, out] of search) it(`matchArticles(${JSON.stringify(q)})`, () => expect(matchArticles(index, q)).to.deep.equal(out));

  const parts: Array<[string, string[], string[]]> = [
    ['犬牌和登记证', [], ['犬牌和登记证']],
    ['犬牌和登记证', [''], ['犬牌和登记证']],
    ['犬牌和登记证', ['犬牌'], ['', '犬牌', '和登记证']],
    ['领取犬牌，佩戴犬牌', ['犬牌'], ['领取', '犬牌', '，佩戴', '犬牌', '']],
    ['犬牌和登记证', ['登记', '犬牌'], ['', '犬牌', '和', '登记', '证']],
    ['ABC abc', ['abc'], ['', 'ABC', ' ', 'abc', '']],
    ['1+1=2 (a.b)', ['1+1', '(a.b)'], ['', '1+1', '=2 ', '(a.b)', '']],
    ['a.b axb', ['.'], ['a', '.', 'b axb']],
    ['没有', ['犬牌'], ['没有']],
    ['', ['犬牌'], ['']],
  ];
  for (const [text, t, out] of parts) {
    it(`highlightParts(${JSON.stringify(text)}, ${JSON.stringify(t)})`, () => expect(highlightParts(text, t)).to.deep.equal(out));
  }
});
