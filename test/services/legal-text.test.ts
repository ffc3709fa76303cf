import { expect } from '@open-wc/testing';
import {
  parseLegalText,
  normalizeArticleRef,
  normalizePlaceRef,
  parseArticleLabel,
  listArticles,
  articleLines,
  articleLabel,
  hasErrors,
  type LegalTextIssue,
  type LegalTextResult,
} from '../../src/services/legal-text.js';
import { legalTextSchema } from '../../src/services/schemas/legislation.js';
import { generateDraft, articleRange, type GeneratedDraft } from './legal-text.fixtures.js';
import { CIVIL_CODE, CIVIL_CODE_LINES } from './civil-code.fixture.js';

const parse = (lines: string[] | string) => parseLegalText(Array.isArray(lines) ? lines.join('\n') : lines);
const codes = (r: LegalTextResult) => r.issues.map((i) => i.code);
const only = (r: LegalTextResult, code: string) => r.issues.filter((i) => i.code === code);

/** Checks a parse against what the generator says the draft contains. */
function expectMatches(r: LegalTextResult, d: GeneratedDraft) {
  expect(r.issues, JSON.stringify(r.issues.slice(0, 3))).to.deep.equal([]);
  expect(r.articleCount).to.equal(d.expected.length);
  expect(r.text.title).to.equal(d.title);
  expect(r.text.preamble).to.deep.equal(d.preamble);
  expect(r.text.articles).to.deep.equal([]);
  expect(r.text.chapters.map((c) => [c.label, c.title, (c.sections ?? []).map((s) => s.label)])).to.deep.equal(
    d.chapters.map((c) => [c.label, c.title, c.sections]),
  );
  expect(r.text.chapters.at(-1)!.supplementary).to.equal(true);
  const got = listArticles(r.text);
  expect(got.map((a) => a.article.label)).to.deep.equal(d.expected.map((e) => e.label));
  got.forEach((g, i) => {
    const e = d.expected[i]!;
    expect(g.index).to.equal(i);
    expect(g.chapter?.label, e.label).to.equal(e.chapter);
    expect(g.section?.label, e.label).to.equal(e.section);
    expect(g.article.paragraphs[0]!.text, e.label).to.equal(e.first);
    expect(g.article.paragraphs.map((p) => ({ items: (p.items ?? []).map((it) => it.subItems?.length ?? 0) })), e.label)
      .to.deep.equal(e.shape);
  });
  expect(legalTextSchema.safeParse(r.text).success).to.equal(true);
}

describe('legal-text: parseLegalText on generated drafts', () => {
  for (const n of [60, 61, 101, 120, 199, 200, 201]) {
    it(`parses a ${n}-article draft with 目录, sections, items and 附则, with no issues`, () => {
      const d = generateDraft({ articles: n, seed: n });
      const r = parse(d.lines);
      expectMatches(r, d);
      expect(r.toc[0]).to.equal('第一章 总则');
      expect(r.toc).to.include('第二节 业主大会');
      expect(r.toc.at(-1)).to.equal('第八章 附则');
    });
  }

  it('names large article numbers canonically: 第十条, 第一百零一条, 第一百九十九条, 第二百条', () => {
    const r = parse(generateDraft({ articles: 201, seed: 3 }).lines);
    const labels = listArticles(r.text).map((a) => a.article.label);
    expect(labels[9]).to.equal('第十条');
    expect(labels[10]).to.equal('第十一条');
    expect(labels[19]).to.equal('第二十条');
    expect(labels[100]).to.equal('第一百零一条');
    expect(labels[109]).to.equal('第一百一十条');
    expect(labels[198]).to.equal('第一百九十九条');
    expect(labels[199]).to.equal('第二百条');
    expect(labels[200]).to.equal('第二百零一条');
  });

  const variants: Array<[string, (d: GeneratedDraft) => string]> = [
    ['half-width spaces', (d) => d.lines.join('\n').replace(/\u3000/g, ' ')],
    ['two half-width spaces and tabs', (d) => d.lines.join('\n').replace(/\u3000/g, '\t ')],
    ['CRLF line endings and a BOM', (d) => '\ufeff' + d.lines.join('\r\n')],
    ['old Mac CR line endings', (d) => d.lines.join('\r')],
    ['non-breaking spaces and zero-width characters', (d) => d.lines.join('\n').replace(/\u3000/g, '\u00a0').replace(/条/g, '条\u200b')],
    ['Word first-line indent (full-width spaces before every line)', (d) => d.lines.map((l) => (l ? `\u3000\u3000${l}` : l)).join('\n')],
    ['trailing spaces', (d) => d.lines.map((l) => `${l}  \u3000`).join('\n')],
    ['stray blank lines between every line', (d) => d.lines.join('\n\n\n')],
    ['half-width parentheses for items', (d) => d.lines.join('\n').replace(/（([一二三四五六七八九十]+)）/g, '($1)')],
    ['full-width digits and 1．目', (d) => d.lines.join('\n').replace(/^(\d)\./gm, (_, x: string) => `${String.fromCharCode(x.charCodeAt(0) + 0xfee0)}．`)],
  ];
  for (const [name, write] of variants) {
    it(`gives the same structure with ${name}`, () => {
      const d = generateDraft({ articles: 80, seed: 11 });
      expectMatches(parse(write(d)), d);
    });
  }

  it('needs no 目录 and no preamble', () => {
    const d = generateDraft({ articles: 60, toc: false, preamble: false, seed: 5 });
    const r = parse(d.lines);
    expectMatches(r, d);
    expect(r.toc).to.deep.equal([]);
  });

  it('reads Arabic article numbers (第12条) and writes the canonical label', () => {
    const d = generateDraft({ articles: 60, seed: 9 });
    const arabic = d.lines.map((l) => l.replace(/^第([一二三四五六七八九十百零]+)条/, (_, x: string) => `第${parseArticleLabel(`第${x}条`)!.number}条`));
    expectMatches(parse(arabic), d);
  });
});

describe('legal-text: broken drafts are reported, not guessed', () => {
  const base = () => generateDraft({ articles: 120, seed: 42 });

  it('a missing article: article-missing at the next heading, with the gap', () => {
    const d = base();
    const [s, e] = articleRange(d, '第五十条');
    const lines = [...d.lines.slice(0, s), ...d.lines.slice(e)];
    const r = parse(lines);
    expect(codes(r)).to.deep.equal(['article-missing']);
    const issue = r.issues[0]!;
    expect(issue.line).to.equal(s + 1);
    expect(lines[issue.line - 1]).to.match(/^第五十一条/);
    expect(issue.params).to.deep.include({ label: '第五十一条', from: '第五十条', to: '第五十条', count: 1 });
    expect(issue.severity).to.equal('error');
    expect(issue.messageKey).to.equal('legalText.article-missing');
    expect(r.articleCount).to.equal(119);
  });

  it('three missing articles in a row: one issue with count 3', () => {
    const d = base();
    const [s] = articleRange(d, '第九十八条');
    const [, e] = articleRange(d, '第一百条');
    const r = parse([...d.lines.slice(0, s), ...d.lines.slice(e)]);
    expect(codes(r)).to.deep.equal(['article-missing']);
    expect(r.issues[0]!.params).to.deep.include({ from: '第九十八条', to: '第一百条', count: 3, label: '第一百零一条' });
  });

  it('a draft that does not start at 第一条', () => {
    const d = base();
    const [s, e] = articleRange(d, '第一条');
    const r = parse([...d.lines.slice(0, s), ...d.lines.slice(e)]);
    expect(codes(r)).to.deep.equal(['article-missing']);
    expect(r.issues[0]!.params).to.deep.include({ from: '第一条', to: '第一条', label: '第二条' });
  });

  it('a duplicate number: article-duplicate there, then the gap it leaves', () => {
    const d = base();
    const lines = [...d.lines];
    const at = d.articleLine.get('第三十条')! - 1;
    lines[at] = lines[at]!.replace(/^第三十条/, '第二十九条');
    const r = parse(lines);
    expect(codes(r)).to.deep.equal(['article-duplicate', 'article-missing']);
    expect(r.issues[0]!.line).to.equal(at + 1);
    expect(r.issues[0]!.params).to.deep.include({ label: '第二十九条' });
    expect(r.issues[1]!.params).to.deep.include({ from: '第三十条', to: '第三十条', label: '第三十一条' });
    // the text is kept (a citizen may still read and comment on it), under the number it was given
    expect(listArticles(r.text).filter((a) => a.article.label === '第二十九条')).to.have.length(2);
  });

  it('two articles swapped: a gap, then one out of order', () => {
    const d = base();
    const [s1, e1] = articleRange(d, '第七十条');
    const [s2, e2] = articleRange(d, '第七十一条');
    const lines = [...d.lines.slice(0, s1), ...d.lines.slice(s2, e2), ...d.lines.slice(s1, e1), ...d.lines.slice(e2)];
    const r = parse(lines);
    expect(codes(r)).to.deep.equal(['article-missing', 'article-out-of-order']);
    expect(r.issues[1]!.params).to.deep.include({ label: '第七十条', previous: '第七十一条' });
  });

  it('a line between a chapter heading and its first article is a stray line, with its line number', () => {
    const d = base();
    const lines = [...d.lines];
    const at = d.chapterLine.get('第三章')!;
    lines.splice(at, 0, '本章适用于新建住宅小区。');
    const r = parse(lines);
    expect(codes(r)).to.deep.equal(['stray-line']);
    expect(r.issues[0]!.line).to.equal(at + 1);
    expect(r.issues[0]!.params).to.deep.include({ text: '本章适用于新建住宅小区。', chapter: '第三章' });
    expect(JSON.stringify(r.text)).not.to.contain('本章适用于新建住宅小区');
  });

  it('items before any article are stray lines', () => {
    const r = parse(['第一章　总则', '（一）无主的项；', '第一条　为了规范，制定本条例。']);
    expect(codes(r)).to.deep.equal(['stray-line']);
    expect(r.issues[0]!.line).to.equal(2);
  });

  it('a paragraph broken by stray blank lines is joined back, and the join is reported', () => {
    const d = base();
    const lines = [...d.lines];
    const at = d.articleLine.get('第六十条')! - 1;
    const whole = lines[at]!;
    const cut = whole.length - 6;
    lines.splice(at, 1, whole.slice(0, cut), '', '', whole.slice(cut));
    const r = parse(lines);
    expect(codes(r)).to.deep.equal(['line-joined']);
    expect(r.issues[0]!.line).to.equal(at + 4);
    expect(r.issues[0]!.severity).to.equal('warning');
    expectSameArticle(r, parse(d.lines), '第六十条');
  });

  it('an item broken across two lines is joined back', () => {
    const r = parse(['第一条　下列事项由业主共同决定：', '（一）制定和修改', '管理规约；', '（二）选聘物业服务人。']);
    expect(codes(r)).to.deep.equal(['line-joined']);
    expect(r.text.articles[0]!.paragraphs[0]!.items!.map((i) => i.text)).to.deep.equal(['制定和修改管理规约；', '选聘物业服务人。']);
  });

  it('a line ending in a full stop after a broken line is a new 款, not joined', () => {
    const r = parse(['第一条　本条例适用于本市。', '前款所称物业，是指房屋。']);
    expect(r.issues).to.deep.equal([]);
    expect(r.text.articles[0]!.paragraphs.map((p) => p.text)).to.deep.equal(['本条例适用于本市。', '前款所称物业，是指房屋。']);
  });

  it('an unreadable article number (第十十条) is reported and its text kept with the article before', () => {
    const r = parse(['第一条　甲。', '第十十条　乙。', '第二条　丙。']);
    expect(codes(r)).to.deep.equal(['bad-number']);
    expect(r.issues[0]!.line).to.equal(2);
    expect(r.text.articles.map((a) => a.label)).to.deep.equal(['第一条', '第二条']);
    expect(r.text.articles[0]!.paragraphs.map((p) => p.text)).to.deep.equal(['甲。', '第十十条 乙。']);
  });

  it('a missing chapter heading number: chapter-missing', () => {
    const d = base();
    const lines = d.lines.filter((_, i) => i !== d.chapterLine.get('第五章')! - 1);
    const r = parse(lines);
    expect(codes(r)).to.deep.equal(['chapter-missing']);
    expect(r.issues[0]!.params).to.deep.include({ from: '第五章', to: '第五章', label: '第六章' });
    expect(r.articleCount).to.equal(120);
  });

  it('an article with no text: article-empty, kept with an empty 款', () => {
    const r = parse(['第一条　甲。', '第二条', '第三条　丙。']);
    expect(codes(r)).to.deep.equal(['article-empty']);
    expect(r.issues[0]!.line).to.equal(2);
    expect(r.text.articles[1]!.paragraphs).to.deep.equal([{ text: '' }]);
  });

  it('an article heading alone on its line takes the next line as its first 款', () => {
    const r = parse(['第一条', '为了规范物业管理活动，制定本条例。']);
    expect(r.issues).to.deep.equal([]);
    expect(r.text.articles[0]!.paragraphs).to.deep.equal([{ text: '为了规范物业管理活动，制定本条例。' }]);
  });

  it('item numbering gaps and repeats are warnings tied to the article', () => {
    const r = parse(['第一条　下列行为禁止：', '（一）甲；', '（三）乙；', '（三）丙。']);
    expect(codes(r)).to.deep.equal(['item-missing', 'item-duplicate']);
    expect(r.issues[0]!.params).to.deep.include({ article: '第一条', from: '（二）' });
    expect(r.issues.every((i) => i.severity === 'warning')).to.equal(true);
  });

  it('a 1. 目 without a （一）项 is placed as a 款 and reported', () => {
    const r = parse(['第一条　包括：', '1.甲；', '2.乙。']);
    expect(codes(r)).to.deep.equal(['subitem-outside-item', 'subitem-outside-item']);
    expect(r.text.articles[0]!.paragraphs.map((p) => p.text)).to.deep.equal(['包括：', '1.甲；', '2.乙。']);
  });

  it('a 目录 that never gives way to the text: toc-unterminated and no-articles', () => {
    const r = parse(['某市文明养犬条例', '目录', '第一章 总则', '第二章 犬只登记', '第三章 附则']);
    expect(codes(r).sort()).to.deep.equal(['no-articles', 'toc-unterminated']);
    expect(only(r, 'toc-unterminated')[0]!.line).to.equal(2);
  });

  it('a table of contents without the word 目录 is recognised when the headings start over', () => {
    const d = generateDraft({ articles: 60, seed: 8, toc: false });
    const tocLines = ['第一章　总则', '第二章　业主及业主大会', '第三章　前期物业管理', '第四章　物业服务', '第五章　物业的使用和维护', '第六章　监督管理', '第七章　法律责任', '第八章　附则'];
    const lines = [...d.lines.slice(0, 4), ...tocLines, ...d.lines.slice(4)];
    const r = parse(lines);
    expect(codes(r)).to.deep.equal(['toc-unmarked']);
    expect(r.issues[0]!.line).to.equal(5);
    expect(r.toc).to.have.length(8);
    expect(r.text.chapters).to.have.length(8);
    expect(r.articleCount).to.equal(60);
  });

  it('"第十二条规定的……" at the start of a line is text unless it is the article expected next', () => {
    const r = parse(['第十条　甲。', '第十一条　乙。', '第十条规定的情形除外。', '第十二条丙。']);
    expect(codes(r)).to.deep.equal(['article-missing', 'possible-heading', 'article-unseparated']);
    expect(r.text.articles.map((a) => a.label)).to.deep.equal(['第十条', '第十一条', '第十二条']);
    expect(r.text.articles[1]!.paragraphs.map((p) => p.text)).to.deep.equal(['乙。', '第十条规定的情形除外。']);
    expect(r.text.articles[2]!.paragraphs[0]!.text).to.equal('丙。');
  });

  it('a section heading in a draft without chapters is reported', () => {
    const r = parse(['第一条　甲。', '第一节　一般规定', '第二条　乙。']);
    expect(codes(r)).to.deep.equal(['section-outside-chapter']);
    expect(r.articleCount).to.equal(2);
  });

  it('section numbering restarts in every chapter; a gap inside one chapter is reported', () => {
    const r = parse(['第一章 甲', '第一节 子', '第一条　a。', '第三节 丑', '第二条　b。', '第二章 乙', '第一节 寅', '第三条　c。']);
    expect(codes(r)).to.deep.equal(['section-missing']);
    expect(r.issues[0]!.params).to.deep.include({ chapter: '第一章', from: '第二节' });
  });

  it('a chapter with no articles is a warning', () => {
    const r = parse(['第一章 总则', '第一条　甲。', '第二章 空章', '第三章 附则', '第二条　乙。']);
    expect(codes(r)).to.deep.equal(['chapter-empty']);
    expect(r.issues[0]!.line).to.equal(3);
    expect(hasErrors(r.issues)).to.equal(false);
  });

  it('issues come sorted by line, each with a catalogue key', () => {
    const d = base();
    const lines = [...d.lines];
    lines.splice(d.chapterLine.get('第四章')!, 0, '多余的一行。');
    lines.splice(d.articleLine.get('第二十条')! - 1, 1);
    const r = parse(lines);
    const sorted = [...r.issues].sort((a, b) => a.line - b.line);
    expect(r.issues).to.deep.equal(sorted);
    for (const i of r.issues) expect(i.messageKey).to.equal(`legalText.${i.code}`);
    expect(hasErrors(r.issues)).to.equal(true);
  });
});

describe('legal-text: small shapes', () => {
  // [input, expected article label, expected first 款, expected issue codes]
  const headings: Array<[string, string, string, string[]]> = [
    ['第一条　为了规范。', '第一条', '为了规范。', []],
    ['第一条 为了规范。', '第一条', '为了规范。', []],
    ['第一条\t为了规范。', '第一条', '为了规范。', []],
    ['第 一 条　为了规范。', '第一条', '为了规范。', []],
    ['第一条：为了规范。', '第一条', '为了规范。', []],
    ['第一条、为了规范。', '第一条', '为了规范。', []],
    ['第1条 为了规范。', '第一条', '为了规范。', []],
    ['第１条　为了规范。', '第一条', '为了规范。', []],
    ['第一条为了规范。', '第一条', '为了规范。', ['article-unseparated']],
    ['第一条【立法目的】为了规范。', '第一条', '为了规范。', []],
    ['第一条　　　为了　规范。', '第一条', '为了 规范。', []],
  ];
  for (const [input, label, first, issueCodes] of headings) {
    it(`reads ${JSON.stringify(input)}`, () => {
      const r = parse(input);
      expect(codes(r)).to.deep.equal(issueCodes);
      expect(r.text.articles[0]!.label).to.equal(label);
      expect(r.text.articles[0]!.paragraphs[0]!.text).to.equal(first);
    });
  }

  it('keeps the 【】 caption', () => {
    expect(parse('第一条【立法目的】为了规范。').text.articles[0]!.caption).to.equal('立法目的');
  });

  it('reads inserted articles (第十条之一) without breaking the numbering', () => {
    const lines = Array.from({ length: 11 }, (_, i) => `${articleLabel(i + 1)}　条文${i + 1}。`);
    lines.splice(10, 0, '第十条之一　插入的条文。');
    const r = parse(lines);
    expect(r.issues).to.deep.equal([]);
    expect(r.text.articles.map((a) => a.label).slice(9, 12)).to.deep.equal(['第十条', '第十条之一', '第十一条']);
    expect(r.text.articles[10]).to.deep.include({ number: 10, sub: 1 });
  });

  it('a draft without chapters: articles at the top level, preamble before 第一条', () => {
    const r = parse(['某县村规民约示范文本', '', '为了推进基层治理，结合本县实际，制定本办法。', '第一条　甲。', '第二条　乙。']);
    expect(r.issues).to.deep.equal([]);
    expect(r.text.title).to.equal('某县村规民约示范文本');
    expect(r.text.preamble).to.deep.equal(['为了推进基层治理，结合本县实际，制定本办法。']);
    expect(r.text.chapters).to.deep.equal([]);
    expect(r.text.articles.map((a) => a.label)).to.deep.equal(['第一条', '第二条']);
  });

  it('title lines: （草案） and (征求意见稿) are added to the title, a long line is preamble', () => {
    const r = parse(['某市文明养犬条例', '(草案)', '（征求意见稿）', '（2026年11月25日某市人大常委会法制工作委员会公布）', '第一条　甲。']);
    expect(r.text.title).to.equal('某市文明养犬条例（草案）（征求意见稿）');
    expect(r.text.preamble).to.deep.equal(['（2026年11月25日某市人大常委会法制工作委员会公布）']);
  });

  it('a bare 附则 heading starts a supplementary chapter', () => {
    const r = parse(['第一章　总则', '第一条　甲。', '附　　则', '第二条　本条例自公布之日起施行。']);
    expect(r.issues).to.deep.equal([]);
    expect(r.text.chapters[1]).to.deep.include({ label: '附则', title: '附则', supplementary: true });
  });

  it('page numbers left from a PDF copy are skipped and reported, not joined into the text', () => {
    const d = generateDraft({ articles: 60, seed: 21 });
    const lines = [...d.lines];
    const at = d.articleLine.get('第三十条')! - 1;
    lines.splice(at, 0, '— 7 —', '', '第8页，共20页', '8/20', '9');
    const r = parse(lines);
    expect(codes(r)).to.deep.equal(['page-number', 'page-number', 'page-number', 'page-number']);
    expect(r.issues.map((i) => i.params.text)).to.deep.equal(['— 7 —', '第8页，共20页', '8/20', '9']);
    expect(listArticles(r.text).map((a) => a.article.paragraphs)).to.deep.equal(listArticles(parse(d.lines).text).map((a) => a.article.paragraphs));
  });

  it('a chapter or section number alone on its line takes its title from the next line', () => {
    const r = parse(['第一章', '', '总　　则', '第一条　甲。', '第二章', '管理', '第一节', '一般规定', '第二条　乙。', '第三章', '附　则', '第三条　丙。']);
    expect(r.issues).to.deep.equal([]);
    expect(r.text.chapters.map((c) => [c.label, c.title, !!c.supplementary])).to.deep.equal([['第一章', '总则', false], ['第二章', '管理', false], ['第三章', '附则', true]]);
    expect(r.text.chapters[1]!.sections![0]).to.deep.include({ label: '第一节', title: '一般规定' });
  });

  it('a chapter number alone before an article keeps an empty title', () => {
    const r = parse(['第一章', '第一条　甲。']);
    expect(r.issues).to.deep.equal([]);
    expect(r.text.chapters[0]!.title).to.equal('');
    expect(r.text.chapters[0]!.articles).to.have.length(1);
  });

  it('chapter titles lose the spacing Word puts between their characters', () => {
    const r = parse(['第一章　总　　则', '第一条　甲。', '第二章 法律 责任', '第二条　乙。']);
    expect(r.text.chapters.map((c) => c.title)).to.deep.equal(['总则', '法律责任']);
  });

  it('a sentence that starts with 第三章 is text, reported as a possible heading', () => {
    const r = parse(['第一条　甲：', '第三章规定的行为，由城市管理部门处罚。']);
    expect(codes(r)).to.deep.equal(['possible-heading']);
    expect(r.text.chapters).to.deep.equal([]);
    expect(r.text.articles[0]!.paragraphs[1]!.text).to.equal('第三章规定的行为，由城市管理部门处罚。');
  });

  it('decimals such as 1.5米 are not sub-items', () => {
    const r = parse(['第一条　牵引绳长度：', '（一）不超过', '1.5米；', '（二）其他。']);
    expect(r.text.articles[0]!.paragraphs[0]!.items!.map((i) => i.text)).to.deep.equal(['不超过1.5米；', '其他。']);
  });

  it('（1） is read as a 目 like 1.', () => {
    const r = parse(['第一条　包括：', '（一）甲，包括：', '（1）子；', '（2）丑；', '（二）乙。']);
    expect(r.issues).to.deep.equal([]);
    expect(r.text.articles[0]!.paragraphs[0]!.items![0]!.subItems).to.deep.equal([{ number: 1, text: '子；' }, { number: 2, text: '丑；' }]);
  });

  const nothing: Array<[string, string]> = [['empty', ''], ['blank lines', '\n\n \u3000\n'], ['prose', '这是一段说明。\n没有条文。']];
  for (const [name, input] of nothing) {
    it(`text with no articles (${name}) reports no-articles at line 0`, () => {
      const r = parse(input);
      expect(codes(r)).to.deep.equal(['no-articles']);
      expect(r.issues[0]!.line).to.equal(0);
    });
  }

  it('never throws, and reports lines inside the input, on random junk', () => {
    let s = 12345;
    const rand = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const alphabet = ['第', '一', '十', '百', '条', '章', '节', '（', '）', '(', ')', '1', '.', '。', '：', '\n', '\n', ' ', '\u3000', '目', '录', '附', '则', '之', '【', '】', '甲'];
    for (let k = 0; k < 300; k++) {
      const input = Array.from({ length: Math.floor(rand() * 200) }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
      const r = parseLegalText(input);
      const count = input.split(/\r\n?|\n/).length;
      for (const i of r.issues as LegalTextIssue[]) {
        if (i.line < 0 || i.line > count) throw new Error(`line ${i.line} of ${count}: ${JSON.stringify(input)}`);
      }
    }
  });
});

describe('legal-text: 编 and 分编 (a text laid out like the 民法典)', () => {
  const where = (r: LegalTextResult) => listArticles(r.text).map((a) =>
    [a.article.label, a.part?.label ?? '', a.division?.label ?? '', a.chapter?.label ?? '', a.section?.label ?? ''].join('/'));

  it('reads 编, 分编, 章 (restarting in each 编, running on through its 分编), 节, and the closing 附则 outside every 编', () => {
    const r = parse(CIVIL_CODE);
    expect(r.text.title).to.equal('中华人民共和国民法典（草案）');
    expect(r.text.preamble).to.deep.equal([]);
    expect(r.text.chapters).to.deep.equal([]);
    expect(r.text.articles).to.deep.equal([]);
    expect(r.text.parts!.map((p) => [p.label, p.title, p.chapters.length, (p.divisions ?? []).map((d) => `${d.label} ${d.title}`)])).to.deep.equal([
      ['第一编', '总则', 2, []],
      ['第二编', '物权', 0, ['第一分编 通则', '第二分编 所有权']],
      ['第三编', '合同', 0, ['第一分编 通则', '第二分编 典型合同']],
    ]);
    expect(r.text.closing!.map((c) => [c.label, c.supplementary])).to.deep.equal([['附则', true]]);
    expect(where(r)).to.deep.equal([
      '第一条/第一编//第一章/', '第二条/第一编//第一章/', '第三条/第一编//第一章/',
      '第四条/第一编//第二章/第一节', '第五条/第一编//第二章/第一节', '第六条/第一编//第二章/第二节', '第七条/第一编//第二章/第二节',
      '第八条/第二编/第一分编/第一章/', '第九条/第二编/第一分编/第二章/第一节', '第十条/第二编/第二分编/第三章/',
      '第十一条/第三编/第一分编/第一章/', '第十二条/第三编/第二分编/第二章/',
      '第十三条////', '第十四条////',
    ].map((x, i) => (i >= 12 ? x.replace('////', '///附则/') : x)));
    // the 目录 is skipped, every level of it listed
    expect(r.toc.slice(0, 3)).to.deep.equal(['第一编 总则', '第一章 基本规定', '第二章 自然人']);
    expect(r.toc).to.include.members(['第二编 物权', '第一分编 通则', '第二分编 所有权', '第三编 合同', '附则']);
    expect(r.toc).to.have.length(18);
    expect(legalTextSchema.safeParse(r.text).success).to.equal(true);
  });

  it('keeps what was right: a sentence broken by a PDF copy is one 款, "前款" follows the items of the 款 before', () => {
    const r = parse(CIVIL_CODE);
    expect(codes(r)).to.deep.equal(['line-joined']);
    expect(r.issues[0]!.line).to.equal(CIVIL_CODE_LINES.indexOf('政部门同意。') + 1);
    const a7 = listArticles(r.text)[6]!.article;
    expect(a7.paragraphs).to.have.length(2);
    expect(a7.paragraphs[0]!.items!.map((i) => i.number)).to.deep.equal([1, 2, 3]);
    expect(a7.paragraphs[0]!.items![2]!.text).to.equal('其他愿意担任监护人的个人或者组织，但是须经未成年人住所地的居民委员会、村民委员会或者民政部门同意。');
    expect(a7.paragraphs[1]!.text).to.match(/^前款规定的人员/);
  });

  it('"第三编 合同" and "第一分编 通则" are never text inside the article before them', () => {
    const r = parse(CIVIL_CODE);
    for (const a of listArticles(r.text)) {
      expect(articleLines(a.article).join(''), a.article.label).not.to.match(/第[一二三]编|分编/);
    }
  });

  it('chapters that run on through the whole code (第一编 第一章…第二章, 第二编 第三章) are accepted too', () => {
    const r = parse(['第一编 总则', '第一章 甲', '第一条　a。', '第二章 乙', '第二条　b。', '第二编 分则', '第三章 丙', '第三条　c。', '第四章 丁', '第四条　d。']);
    expect(r.issues).to.deep.equal([]);
    expect(r.text.parts![1]!.chapters.map((c) => c.label)).to.deep.equal(['第三章', '第四章']);
  });

  const broken: Array<[string, string[], string[], number, Record<string, unknown>]> = [
    ['a missing 编', ['第一编 甲', '第一条　a。', '第三编 丙', '第二条　b。'], ['part-missing'], 3, { label: '第三编', from: '第二编', to: '第二编' }],
    ['a repeated 编', ['第一编 甲', '第一条　a。', '第二编 乙', '第二条　b。', '第二编 乙', '第三条　c。'], ['part-duplicate'], 5, { label: '第二编' }],
    ['编 out of order', ['第二编 乙', '第一条　a。', '第一编 甲', '第二条　b。'], ['part-missing', 'part-out-of-order'], 3, { label: '第一编', previous: '第二编' }],
    ['a 编 with no articles', ['第一编 甲', '第一条　a。', '第二编 乙', '第三编 丙', '第二条　b。'], ['part-empty'], 3, { label: '第二编' }],
    ['a missing 分编', ['第一编 甲', '第一分编 子', '第一条　a。', '第三分编 寅', '第二条　b。'], ['division-missing'], 4, { part: '第一编', from: '第二分编' }],
    ['a repeated 分编', ['第一编 甲', '第一分编 子', '第一条　a。', '第一分编 子', '第二条　b。'], ['division-duplicate'], 4, { part: '第一编', label: '第一分编' }],
    ['分编 restart in each 编; out of order inside one', ['第一编 甲', '第二分编 丑', '第一条　a。', '第一分编 子', '第二条　b。', '第二编 乙', '第一分编 子', '第三条　c。'],
      ['division-missing', 'division-out-of-order'], 4, { part: '第一编', label: '第一分编' }],
    ['a 分编 outside any 编', ['第一章 甲', '第一分编 子', '第一条　a。'], ['division-outside-part'], 2, { text: '第一分编 子' }],
    ['a chapter gap inside a 编', ['第一编 甲', '第一章 子', '第一条　a。', '第三章 寅', '第二条　b。'], ['chapter-missing'], 4, { part: '第一编', from: '第二章' }],
  ];
  for (const [name, lines, want, line, params] of broken) {
    it(`${name}: ${want.join(', ')}`, () => {
      const r = parse(lines);
      expect(codes(r)).to.deep.equal(want);
      const last = r.issues.at(-1)!;
      expect(last.line).to.equal(line);
      expect(last.params).to.deep.include(params);
      expect(last.messageKey).to.equal(`legalText.${last.code}`);
    });
  }

  it('a 目录 of 编 without the word 目录 is recognised when the 编 start over', () => {
    const body = CIVIL_CODE_LINES.slice(CIVIL_CODE_LINES.indexOf('') + 1);
    const r = parse(['中华人民共和国民法典', ...CIVIL_CODE_LINES.slice(2, 19), ...body]);
    expect(codes(r)).to.deep.equal(['toc-unmarked', 'line-joined']);
    expect(r.issues[0]!.line).to.equal(2);
    expect(r.toc[0]).to.equal('第一编 总则');
    expect(r.text.parts).to.have.length(3);
    expect(r.articleCount).to.equal(14);
  });

  it('a 编 heading too long to be one is text, reported as a possible heading', () => {
    const r = parse(['第一条　甲。', '第三编规定的合同，适用本条的规定，但是当事人另有约定的除外，以及法律另有规定的也除外，等等情形。']);
    expect(codes(r)).to.deep.equal(['possible-heading']);
    expect(r.text.parts).to.equal(undefined);
  });

  it('a text without 编 has neither parts nor closing, and its schema is what it was', () => {
    const r = parse(['第一章 总则', '第一条　甲。', '附则', '第二条　乙。']);
    expect('parts' in r.text).to.equal(false);
    expect('closing' in r.text).to.equal(false);
    expect(r.text.chapters.map((c) => c.label)).to.deep.equal(['第一章', '附则']);
    expect(legalTextSchema.safeParse({ preamble: [], chapters: [], articles: [{ label: '第一条', number: 1, paragraphs: [{ text: '甲' }] }] }).success).to.equal(true);
  });

  it('the schema checks 编 and 分编 labels', () => {
    const article = { label: '第一条', number: 1, paragraphs: [{ text: '甲' }] };
    const ok = { preamble: [], chapters: [], articles: [], parts: [{ label: '第一编', number: 1, title: '总则', chapters: [], articles: [article], divisions: [{ label: '第一分编', number: 1, title: '通则', chapters: [] }] }] };
    expect(legalTextSchema.safeParse(ok).success).to.equal(true);
    expect(legalTextSchema.safeParse({ ...ok, parts: [{ ...ok.parts[0], label: '第1编' }] }).success).to.equal(false);
    expect(legalTextSchema.safeParse({ ...ok, parts: [{ ...ok.parts[0], divisions: [{ label: '第一编', number: 1, title: '', chapters: [] }] }] }).success).to.equal(false);
  });
});

describe('legal-text: several articles on one line, captions', () => {
  it('articles run together on one line are split, each split reported at that line', () => {
    const r = parse(['某市物业管理条例', '第一条　为了规范物业管理活动，制定本条例。第二条　本市行政区域内的物业管理活动，适用本条例。第三条 市住房城乡建设主管部门负责全市物业管理的监督管理工作。', '第四条　业主依法享有权利。']);
    expect(r.text.articles.map((a) => a.label)).to.deep.equal(['第一条', '第二条', '第三条', '第四条']);
    expect(r.text.articles.map((a) => a.paragraphs[0]!.text)).to.deep.equal([
      '为了规范物业管理活动，制定本条例。', '本市行政区域内的物业管理活动，适用本条例。', '市住房城乡建设主管部门负责全市物业管理的监督管理工作。', '业主依法享有权利。',
    ]);
    expect(r.issues.map((i) => [i.code, i.line, i.params.label, i.params.previous])).to.deep.equal([
      ['article-split', 2, '第二条', '第一条'], ['article-split', 2, '第三条', '第二条'],
    ]);
    expect(r.issues[0]!.severity).to.equal('warning');
  });

  const notSplit: Array<[string, string]> = [
    ['a reference inside a sentence', '第一条　依照本条例第二条 规定执行。'],
    ['a reference at the start of a sentence to an article that is not next', '第一条　甲。第五条 规定的除外。'],
    ['an article number glued to text', '第一条　甲。第二条规定的情形除外。'],
  ];
  for (const [name, line] of notSplit) {
    it(`is not split: ${name}`, () => {
      const r = parse([line, '第二条　乙。']);
      expect(r.text.articles.map((a) => a.label)).to.deep.equal(['第一条', '第二条']);
      expect(codes(r)).not.to.include('article-split');
    });
  }

  it('a split 之一 article, and a split after a line that carried its article heading alone', () => {
    const r = parse(['第十条', '甲。第十条之一　乙。第十一条　丙。']);
    expect(r.text.articles.map((a) => a.label)).to.deep.equal(['第十条', '第十条之一', '第十一条']);
  });

  const captions: Array<[string, string, string]> = [
    ['第一条（立法目的）为了规范养犬行为，制定本条例。', '立法目的', '为了规范养犬行为，制定本条例。'],
    ['第一条(立法目的) 为了规范养犬行为，制定本条例。', '立法目的', '为了规范养犬行为，制定本条例。'],
    ['第一条【立法目的】为了规范养犬行为，制定本条例。', '立法目的', '为了规范养犬行为，制定本条例。'],
    ['第一条　【立法目的】为了规范养犬行为，制定本条例。', '立法目的', '为了规范养犬行为，制定本条例。'],
    ['第一条　（立法目的）　为了规范养犬行为，制定本条例。', '立法目的', '为了规范养犬行为，制定本条例。'],
  ];
  for (const [line, caption, first] of captions) {
    it(`keeps the caption of ${JSON.stringify(line)}`, () => {
      const r = parse([line, '第二条（适用范围）本条例适用于本市。']);
      expect(r.issues).to.deep.equal([]);
      expect(r.text.articles[0]!.caption).to.equal(caption);
      expect(r.text.articles[0]!.paragraphs[0]!.text).to.equal(first);
      expect(r.text.articles[1]!.caption).to.equal('适用范围');
    });
  }

  it('（一） after the article number is an item-like text, not a caption', () => {
    const r = parse(['第一条　下列行为禁止：', '（一）甲；', '第二条　（一）项所列行为，由公安机关处理。']);
    expect(r.text.articles[1]!.caption).to.equal(undefined);
    expect(r.text.articles[1]!.paragraphs[0]!.text).to.equal('（一）项所列行为，由公安机关处理。');
  });
});

describe('legal-text: references and helpers', () => {
  const refs: Array<[string, string | null]> = [
    ['第十二条', '第十二条'],
    ['#第十二条', '第十二条'],
    ['第12条', '第十二条'],
    ['第１２条', '第十二条'],
    [' 第 十二 条 ', '第十二条'],
    ['12', '第十二条'],
    ['article-12', '第十二条'],
    ['a101', '第一百零一条'],
    ['第一百零一条', '第一百零一条'],
    ['第二百条', '第二百条'],
    ['第两百条', '第二百条'],
    ['第十条之一', '第十条之一'],
    ['article-10-1', '第十条之一'],
    [`#${encodeURIComponent('第十二条')}`, '第十二条'],
    ['%E7%AC%AC', null],
    ['%ZZ', null],
    ['第零条', null],
    ['0', null],
    ['第十十条', null],
    ['第十二章', null],
    ['十二', null],
    ['', null],
  ];
  for (const [input, out] of refs) {
    it(`normalizeArticleRef(${JSON.stringify(input)}) → ${out}`, () => {
      expect(normalizeArticleRef(input)).to.equal(out);
    });
  }

  const places: Array<[string, string | null]> = [
    ['第三编', '第三编'],
    ['#第三编', '第三编'],
    [`#${encodeURIComponent('第三编')}`, '第三编'],
    ['第3编', '第三编'],
    ['第三编第一分编', '第三编第一分编'],
    ['第三编 第二章', '第三编第二章'],
    ['第二章', '第二章'],
    ['第二章第一节', '第二章第一节'],
    ['附则', '附则'],
    ['#附　则', '附则'],
    ['第零编', null],
    ['第十二条', null],
    ['第二章第三编', null],
    ['', null],
  ];
  for (const [input, out] of places) {
    it(`normalizePlaceRef(${JSON.stringify(input)}) → ${out}`, () => {
      expect(normalizePlaceRef(input)).to.equal(out);
    });
  }

  it('parseArticleLabel', () => {
    expect(parseArticleLabel('第一百九十九条')).to.deep.equal({ number: 199 });
    expect(parseArticleLabel('第十条之二')).to.deep.equal({ number: 10, sub: 2 });
    expect(parseArticleLabel('第X条')).to.equal(null);
  });

  it('articleLines gives 款, （一）项 and 1. 目 as text lines', () => {
    const r = parse(['第一条　下列事项：', '（一）甲，包括：', '1.子；', '（二）乙。', '前款规定以外的事项。']);
    expect(articleLines(r.text.articles[0]!)).to.deep.equal(['下列事项：', '（一）甲，包括：', '1.子；', '（二）乙。', '前款规定以外的事项。']);
  });
});

/** The article has the same content in both parses. */
function expectSameArticle(a: LegalTextResult, b: LegalTextResult, label: string) {
  const find = (r: LegalTextResult) => listArticles(r.text).find((x) => x.article.label === label)!.article;
  expect(find(a)).to.deep.equal(find(b));
}
