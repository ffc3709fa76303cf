// Legal-text parser: the plain text a webmaster pastes from Word → 编 / 分编 / 章 / 节 / 条 / 款 /
// 项 / 目 (docs/domain.md#structure-of-a-legal-text). No DOM, no Lit. It never guesses silently: whatever it cannot place, or places by assumption
// (a line joined to the one before), is reported as {line, code, messageKey}.
import type {
  LegalArticle,
  LegalChapter,
  LegalDivision,
  LegalItem,
  LegalPart,
  LegalParagraph,
  LegalSection,
  LegalSubItem,
  LegalText,
} from './schemas/legislation.js';
import { CHINESE_NUMERAL_CHARS, parseChineseNumeral, toAsciiDigits } from './chinese-numeral.js';
import {
  NUM, articleLabel, chapterLabel, sectionLabel, partLabel, divisionLabel, itemLabel, subItemLabel, listArticles,
  type LegalTextIssue, type LegalTextIssueCode, type LegalTextResult, type LegalTextSeverity,
} from './legal-structure.js';

export * from './legal-structure.js';

const SEVERITY: Readonly<Record<LegalTextIssueCode, LegalTextSeverity>> = {
  'no-articles': 'error',
  'article-missing': 'error',
  'article-duplicate': 'error',
  'article-out-of-order': 'error',
  'article-empty': 'error',
  'article-split': 'warning',
  'part-missing': 'error',
  'part-duplicate': 'error',
  'part-out-of-order': 'error',
  'part-empty': 'warning',
  'division-missing': 'error',
  'division-duplicate': 'error',
  'division-out-of-order': 'error',
  'division-outside-part': 'error',
  'chapter-missing': 'error',
  'chapter-duplicate': 'error',
  'chapter-out-of-order': 'error',
  'chapter-empty': 'warning',
  'section-missing': 'error',
  'section-duplicate': 'error',
  'section-out-of-order': 'error',
  'section-outside-chapter': 'error',
  'item-missing': 'warning',
  'item-duplicate': 'warning',
  'item-out-of-order': 'warning',
  'subitem-missing': 'warning',
  'subitem-duplicate': 'warning',
  'subitem-out-of-order': 'warning',
  'subitem-outside-item': 'warning',
  'bad-number': 'error',
  'stray-line': 'error',
  'line-joined': 'warning',
  'possible-heading': 'warning',
  'article-unseparated': 'warning',
  'toc-unmarked': 'warning',
  'page-number': 'warning',
  'toc-unterminated': 'error',
};

// ---------------------------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------------------------

const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
const SPACES = /[\s\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+/g;
const CJK_GAP = /(?<=[\u3400-\u9fff\uf900-\ufaff])\s+(?=[\u3400-\u9fff\uf900-\ufaff])/g;
/** Characters that may end a complete 款 / 项 / 目 line. */
const TERMINAL = /[。；;：:！!？?…”’」』）)】\]]$/;
/** Separator between an article number and its text: a space, a colon, a full stop. */
const ARTICLE_RE = new RegExp(`^第\\s*(${NUM})\\s*条(?:\\s*之\\s*(${NUM}))?(.*)$`);
const CHAPTER_RE = new RegExp(`^第\\s*(${NUM})\\s*章(.*)$`);
const PART_RE = new RegExp(`^第\\s*(${NUM})\\s*编(.*)$`);
const DIVISION_RE = new RegExp(`^第\\s*(${NUM})\\s*分\\s*编(.*)$`);
/**
 * Another article starting inside a line, after the end of a sentence: "……制定本条例。第二条 本市……".
 * Only a number that comes next (or a 之一 of the one before) followed by a space, a colon or a
 * caption is split off; "依照本条例第二条规定" is never.
 */
const SPLIT_RE = new RegExp(`(?<=[。；;！!？?])[\\s]*第\\s*(${NUM})\\s*条(?:\\s*之\\s*(${NUM}))?(?=[\\s:：【\\[（(])`, 'g');
/** A caption after the article number: 【立法目的】, ［…］, （立法目的）; not a bare numeral like （一）. */
const CAPTION_RE = new RegExp(`^(?:[【[]([^】\\]]{1,100})[】\\]]|[（(](?![${CHINESE_NUMERAL_CHARS}0-9０-９]+[）)])([^（）()。；;，,]{1,30})[）)])\\s*`);
const SECTION_RE = new RegExp(`^第\\s*(${NUM})\\s*节(.*)$`);
const ITEM_RE = new RegExp(`^[（(]\\s*([${CHINESE_NUMERAL_CHARS}]+)\\s*[）)]\\s*(.*)$`);
const SUBITEM_RE = /^(?:([0-9０-９]{1,3})\s*[.．、](?![0-9０-９])|[（(]([0-9０-９]{1,3})[）)])\s*(.*)$/;
const TOC_RE = /^目\s*录$/;
/** A page number left over from a PDF or a printed copy: 3, - 3 -, — 3 —, 第3页, 3/12. */
const PAGE_RE = /^(?:[-—–－\s]*[0-9０-９]{1,4}[-—–－\s]*|第\s*[0-9０-９]{1,4}\s*页(?:\s*[，,]?\s*共\s*[0-9０-９]{1,4}\s*页)?|[0-9０-９]{1,4}\s*[/／]\s*[0-9０-９]{1,4})$/;
const SUPPLEMENTARY_RE = /^附\s*则$/;
const LEADER = /\s*[.。·•…．_\-—\s]{2,}\s*[0-9０-９]*\s*$|\s+[0-9０-９]+\s*$/;
const HEADING_MAX = 40;

type Line =
  | { kind: 'blank' }
  | { kind: 'toc' }
  | { kind: 'page'; text: string }
  | { kind: 'chapter'; number: number | null; raw: string; title: string; supplementary: boolean }
  | { kind: 'section'; number: number | null; raw: string; title: string }
  | { kind: 'part'; number: number | null; raw: string; title: string }
  | { kind: 'division'; number: number | null; raw: string; title: string }
  | { kind: 'article'; number: number | null; sub: number | null | undefined; raw: string; rest: string; glued: boolean }
  | { kind: 'item'; number: number | null; text: string }
  | { kind: 'subitem'; number: number; text: string }
  | { kind: 'text'; text: string; heading?: 'part' | 'division' | 'chapter' | 'section' };

const cleanText = (s: string) => s.replace(SPACES, ' ').trim();
const headingTitle = (s: string) => cleanText(s.replace(/^[\s:：、.．]+/, '')).replace(CJK_GAP, '');
const short = (s: string, n = 40) => ([...s].length > n ? `${[...s].slice(0, n).join('')}…` : s);
const num = (s: string | undefined) => (s === undefined ? undefined : parseChineseNumeral(s));

function classify(raw: string): Line {
  const t = raw.replace(INVISIBLE, '').replace(SPACES, ' ').trim();
  if (!t) return { kind: 'blank' };
  if (TOC_RE.test(t)) return { kind: 'toc' };
  if (PAGE_RE.test(t)) return { kind: 'page', text: t };
  if (SUPPLEMENTARY_RE.test(t)) return { kind: 'chapter', number: null, raw: t, title: '附则', supplementary: true };
  for (const [re, kind] of [[PART_RE, 'part'], [DIVISION_RE, 'division']] as const) {
    const h = re.exec(t);
    if (!h) continue;
    const title = headingTitle(h[2]!);
    if (title.length <= HEADING_MAX && !/[。；;，,]$/.test(title)) return { kind, number: num(h[1]) ?? null, raw: t, title };
    return { kind: 'text', text: t, heading: kind };
  }
  let m = CHAPTER_RE.exec(t);
  if (m) {
    const title = headingTitle(m[2]!);
    if (title.length <= HEADING_MAX && !/[。；;]$/.test(title)) {
      return { kind: 'chapter', number: num(m[1]) ?? null, raw: t, title, supplementary: title === '附则' };
    }
    return { kind: 'text', text: t, heading: 'chapter' };
  }
  m = SECTION_RE.exec(t);
  if (m) {
    const title = headingTitle(m[2]!);
    if (title.length <= HEADING_MAX && !/[。；;]$/.test(title)) {
      return { kind: 'section', number: num(m[1]) ?? null, raw: t, title };
    }
    return { kind: 'text', text: t, heading: 'section' };
  }
  m = ARTICLE_RE.exec(t);
  if (m) {
    const rest = m[3]!;
    const glued = rest.length > 0 && !/^[\s:：.．、【[]/.test(rest) && !CAPTION_RE.test(rest);
    return { kind: 'article', number: num(m[1]) ?? null, sub: m[2] === undefined ? undefined : num(m[2]), raw: t, rest, glued };
  }
  m = ITEM_RE.exec(t);
  if (m) return { kind: 'item', number: parseChineseNumeral(m[1]!), text: cleanText(m[2]!) };
  m = SUBITEM_RE.exec(t);
  if (m) return { kind: 'subitem', number: Number(toAsciiDigits(m[1] ?? m[2]!)), text: cleanText(m[3]!) };
  return { kind: 'text', text: t };
}

/** Checks a number against the one expected next; reports gaps, repeats and going backwards. */
class Sequence {
  private last = 0;
  private readonly seen = new Set<number>();
  constructor(
    private readonly what: 'article' | 'part' | 'division' | 'chapter' | 'section' | 'item' | 'subitem',
    private readonly label: (n: number) => string,
    private readonly report: (code: LegalTextIssueCode, params: Record<string, string | number>) => void,
  ) {}
  accept(n: number): void {
    const expected = this.last + 1;
    if (this.seen.has(n)) {
      this.report(`${this.what}-duplicate` as LegalTextIssueCode, { label: this.label(n), previous: this.label(this.last || n) });
    } else if (n < expected) {
      this.report(`${this.what}-out-of-order` as LegalTextIssueCode, { label: this.label(n), previous: this.label(this.last) });
    } else if (n > expected) {
      this.report(`${this.what}-missing` as LegalTextIssueCode, {
        label: this.label(n),
        from: this.label(expected),
        to: this.label(n - 1),
        count: n - expected,
      });
    }
    this.seen.add(n);
    this.last = Math.max(this.last, n);
  }
  get expected(): number {
    return this.last + 1;
  }
  /** The highest number accepted so far (0 before any). */
  get highest(): number {
    return this.last;
  }
  /** Continues from `n` (chapters that run on through the 编 instead of restarting). */
  continueFrom(n: number): void {
    this.last = n;
  }
}

interface Open {
  part?: LegalPart;
  division?: LegalDivision;
  chapter?: LegalChapter;
  section?: LegalSection;
  article?: LegalArticle;
  articleLine: number;
  paragraph?: LegalParagraph;
  item?: LegalItem;
  subItem?: LegalSubItem;
  /** The last text-bearing thing, for joining a broken line onto it */
  last?: { get(): string; set(s: string): void };
  items?: Sequence;
  subItems?: Sequence;
}

/**
 * Parses pasted legal text. Never throws on any string; problems come back in `issues`.
 * The first short line before anything else is the title (a short parenthesised line after it,
 * such as （草案）, is added to it); other text before the first chapter or article is the preamble.
 */
export function parseLegalText(input: string): LegalTextResult {
  const rawLines = String(input ?? '').replace(/\r\n?|\u2028|\u2029|\u000b|\f/g, '\n').split('\n');
  const issues: LegalTextIssue[] = [];
  let lineNo = 0;
  const report = (code: LegalTextIssueCode, params: Record<string, string | number> = {}, line = lineNo) =>
    issues.push({ line, code, messageKey: `legalText.${code}`, severity: SEVERITY[code], params });

  // Several articles run together on one line are split first, each part keeping the line's number.
  const lines: string[] = [];
  const lineOf: number[] = [];
  let lastArticle = 0;
  for (let k = 0; k < rawLines.length; k++) {
    const raw = rawLines[k]!;
    const head = ARTICLE_RE.exec(raw.replace(INVISIBLE, '').replace(SPACES, ' ').trim());
    if (head && !/^[^\s:：.．、【[（(]/.test(head[3]!)) lastArticle = num(head[1]) ?? lastArticle;
    let from = 0;
    if (raw.includes('条')) {
      SPLIT_RE.lastIndex = 0;
      for (let m = SPLIT_RE.exec(raw); m; m = SPLIT_RE.exec(raw)) {
        const n = num(m[1]);
        const sub = m[2] === undefined ? undefined : num(m[2]);
        const next = sub === undefined ? n === lastArticle + 1 : !!sub && n === lastArticle && lastArticle > 0;
        if (!n || !next) continue;
        lines.push(raw.slice(from, m.index));
        lineOf.push(k + 1);
        report('article-split', { label: articleLabel(n, sub ?? undefined), previous: articleLabel(lastArticle) }, k + 1);
        from = m.index;
        lastArticle = n;
      }
    }
    lines.push(raw.slice(from));
    lineOf.push(k + 1);
  }

  const text: LegalText = { preamble: [], chapters: [], articles: [] };
  const toc: string[] = [];
  let phase: 'front' | 'toc' | 'body' = 'front';
  let tocStart = 0;
  let tocFirst: string | null = null;
  let titleClosed = false;
  const articles = new Sequence('article', articleLabel, (c, p) => report(c, p));
  let parts = new Sequence('part', partLabel, (c, p) => report(c, p));
  let divisions: Sequence | undefined;
  let chapters = new Sequence('chapter', chapterLabel, (c, p) => report(c, p));
  /** Chapters met in the open 编 (the first one decides: restart at 第一章, or run on). */
  let chaptersInPart = 0;
  let chaptersBefore = 0;
  let sections: Sequence | undefined;
  let open: Open = { articleLine: 0 };
  let articleCount = 0;
  const headingLines = new Map<object, number>();

  const closeArticle = () => {
    const a = open.article;
    if (a && a.paragraphs.length === 0) {
      a.paragraphs.push({ text: '' });
      report('article-empty', { label: a.label }, open.articleLine);
    }
  };
  const startContainer = () => {
    closeArticle();
    open = { part: open.part, division: open.division, chapter: open.chapter, section: open.section, articleLine: 0 };
  };

  const addParagraph = (t: string) => {
    const p: LegalParagraph = { text: t };
    open.article!.paragraphs.push(p);
    open.paragraph = p;
    open.item = undefined;
    open.subItem = undefined;
    open.items = new Sequence('item', itemLabel, (c, pr) => report(c, { ...pr, article: open.article!.label }));
    open.last = { get: () => p.text, set: (s) => (p.text = s) };
  };

  const HEADING_KEY = { part: 'p', division: 'd', chapter: 'c', section: 's' } as const;
  const HEADING_LABEL = { part: partLabel, division: divisionLabel, chapter: chapterLabel, section: sectionLabel } as const;
  const isHeading = (l: Line): l is Extract<Line, { kind: 'part' | 'division' | 'chapter' | 'section' }> =>
    l.kind === 'part' || l.kind === 'division' || l.kind === 'chapter' || l.kind === 'section';

  for (let i = 0; i < lines.length; i++) {
    lineNo = lineOf[i]!;
    let line = classify(lines[i]!);
    if (line.kind === 'blank') continue;
    if (line.kind === 'page') {
      report('page-number', { text: line.text });
      continue;
    }
    // 第一章 alone on its line, its title (总则) on the next: Word's centred headings often break so.
    if (isHeading(line) && line.number !== null && !line.title) {
      let j = i + 1;
      while (j < lines.length && classify(lines[j]!).kind === 'blank') j++;
      const next = j < lines.length ? classify(lines[j]!) : undefined;
      const bareSupplementary = line.kind === 'chapter' && next?.kind === 'chapter' && next.number === null && next.supplementary;
      if (bareSupplementary || (next?.kind === 'text' && !next.heading && [...next.text].length <= 20 && !/[。；;，,：:、]/.test(next.text))) {
        const title = next!.kind === 'text' ? headingTitle(next.text) : '附则';
        line = line.kind === 'chapter' ? { ...line, title, supplementary: title === '附则' } : { ...line, title };
        i = j;
      }
    }

    if (phase === 'toc') {
      if (isHeading(line)) {
        const key = `${HEADING_KEY[line.kind]}${line.number ?? line.title}`;
        if (tocFirst === null) tocFirst = key;
        else if (key === tocFirst) phase = 'body';
        if (phase === 'toc') {
          const title = line.title.replace(LEADER, '');
          toc.push(line.number === null ? title : `${HEADING_LABEL[line.kind](line.number)} ${title}`.trim());
          continue;
        }
      } else if (line.kind === 'text' && LEADER.test(line.text) && toc.length > 0) {
        toc.push(line.text.replace(LEADER, ''));
        continue;
      } else {
        // The 目录 ended without the headings starting over: what follows is preamble or body.
        phase = 'front';
        titleClosed = true;
      }
    }

    if (phase === 'front') {
      if (line.kind === 'toc') {
        phase = 'toc';
        tocStart = lineNo;
        continue;
      }
      if (line.kind === 'text' || line.kind === 'item' || line.kind === 'subitem') {
        const t = line.kind === 'text' ? line.text : lines[i]!.replace(SPACES, ' ').trim();
        if (text.title === undefined && text.preamble.length === 0 && [...t].length <= 100 && !/[。；;]$/.test(t)) {
          text.title = t;
        } else if (!titleClosed && text.title !== undefined && text.preamble.length === 0 && /^[（(][^（()）]{1,12}[）)]$/.test(t)) {
          text.title += t.replace(/^\(/, '（').replace(/\)$/, '）');
        } else {
          titleClosed = true;
          text.preamble.push(t);
        }
        continue;
      }
      phase = 'body';
    }

    // ---- body ----
    switch (line.kind) {
      case 'toc':
        report('stray-line', { text: short(lines[i]!.trim()) });
        break;

      case 'part': {
        // 编 headings starting over before any article: what came before was an unmarked 目录.
        if (line.number !== null && articleCount === 0 && (text.parts ?? []).some((x) => x.number === line.number)) {
          const listed = walkHeadings(text);
          report('toc-unmarked', { count: listed.length }, headingLines.get(text.parts![0]!) ?? lineNo);
          toc.push(...listed);
          text.chapters = [];
          delete text.parts;
          delete text.closing;
          headingLines.clear();
          parts = new Sequence('part', partLabel, (c, p) => report(c, p));
          chapters = new Sequence('chapter', chapterLabel, (c, p) => report(c, p));
          for (let k = issues.length - 1; k >= 0; k--) {
            if (/^(part|division|chapter|section)-/.test(issues[k]!.code)) issues.splice(k, 1);
          }
        }
        startContainer();
        if (line.number === null) {
          report('bad-number', { text: short(line.raw) });
          break;
        }
        parts.accept(line.number);
        const part: LegalPart = { label: partLabel(line.number), number: line.number, title: line.title, chapters: [] };
        (text.parts ??= []).push(part);
        headingLines.set(part, lineNo);
        chaptersBefore = chapters.highest;
        chaptersInPart = 0;
        chapters = new Sequence('chapter', chapterLabel, (c, p) => report(c, { ...p, part: part.label }));
        divisions = new Sequence('division', divisionLabel, (c, p) => report(c, { ...p, part: part.label }));
        sections = undefined;
        open = { part, articleLine: 0 };
        break;
      }

      case 'division': {
        if (!open.part) {
          report('division-outside-part', { text: short(line.raw) });
          break;
        }
        startContainer();
        if (line.number === null) {
          report('bad-number', { text: short(line.raw) });
          break;
        }
        divisions!.accept(line.number);
        const division: LegalDivision = { label: divisionLabel(line.number), number: line.number, title: line.title, chapters: [] };
        (open.part.divisions ??= []).push(division);
        headingLines.set(division, lineNo);
        sections = undefined;
        open = { part: open.part, division, articleLine: 0 };
        break;
      }

      case 'chapter': {
        // A run of empty chapters that restarts at a number already seen was an unmarked 目录.
        if (line.number !== null && !text.parts && text.chapters.length > 0 && articleCount === 0 &&
            text.chapters.some((c) => c.number === line.number)) {
          report('toc-unmarked', { count: text.chapters.length }, headingLines.get(text.chapters[0]!) ?? lineNo);
          toc.push(...text.chapters.map((c) => `${c.label} ${c.title}`.trim()));
          text.chapters = [];
          headingLines.clear();
          chapters = new Sequence('chapter', chapterLabel, (c, p) => report(c, p));
          // issues about those TOC headings no longer apply
          for (let k = issues.length - 1; k >= 0; k--) {
            if (issues[k]!.code === 'chapter-empty' || issues[k]!.code.startsWith('section-')) issues.splice(k, 1);
          }
        }
        startContainer();
        // A bare 附则 after the 编 (the 民法典's last heading) belongs to no 编.
        const closing = !!text.parts && (!open.part || (line.number === null && line.supplementary));
        const where = closing ? (text.closing ??= []) : open.part ? (open.division ?? open.part).chapters : text.chapters;
        let chapter: LegalChapter;
        if (line.number === null && !line.supplementary) {
          report('bad-number', { text: short(line.raw) });
          chapter = { label: line.raw.slice(0, 20), title: line.title, articles: [] };
        } else if (line.number === null) {
          chapter = { label: '附则', title: '附则', supplementary: true, articles: [] };
        } else {
          // In a 编 chapters restart at 第一章, or run on from the 编 before: the first one says which.
          if (open.part && !closing && chaptersInPart === 0 && line.number !== 1 && line.number === chaptersBefore + 1) {
            chapters.continueFrom(chaptersBefore);
          }
          chapters.accept(line.number);
          chapter = { label: chapterLabel(line.number), number: line.number, title: line.title, articles: [] };
          if (line.supplementary) chapter.supplementary = true;
        }
        if (open.part && !closing) chaptersInPart++;
        where.push(chapter);
        headingLines.set(chapter, lineNo);
        open = closing ? { chapter, articleLine: 0 } : { part: open.part, division: open.division, chapter, articleLine: 0 };
        sections = new Sequence('section', sectionLabel, (c, p) => report(c, { ...p, chapter: chapter.label }));
        break;
      }

      case 'section': {
        if (!open.chapter) {
          report('section-outside-chapter', { text: short(line.raw) });
          break;
        }
        startContainer();
        if (line.number === null) {
          report('bad-number', { text: short(line.raw) });
          break;
        }
        sections!.accept(line.number);
        const section: LegalSection = { label: sectionLabel(line.number), number: line.number, title: line.title, articles: [] };
        (open.chapter.sections ??= []).push(section);
        open = { part: open.part, division: open.division, chapter: open.chapter, section, articleLine: 0 };
        break;
      }

      case 'article': {
        if (line.number === null || line.sub === null || line.sub === 0) {
          report('bad-number', { text: short(line.raw) });
          placeText(line.raw);
          break;
        }
        const sub = line.sub ?? undefined;
        // "第十二条规定的……" at the start of a line is text unless it is the very article expected.
        if (line.glued && !(sub === undefined && line.number === articles.expected)) {
          report('possible-heading', { text: short(line.raw) });
          placeText(line.raw);
          break;
        }
        if (line.glued) report('article-unseparated', { label: articleLabel(line.number) });
        if (sub === undefined) articles.accept(line.number);
        closeArticle();
        let rest = line.rest.replace(/^[\s:：.．、]+/, '');
        const article: LegalArticle = { label: articleLabel(line.number, sub), number: line.number, paragraphs: [] };
        if (sub !== undefined) article.sub = sub;
        const cap = CAPTION_RE.exec(rest);
        if (cap) {
          article.caption = cleanText(cap[1] ?? cap[2]!);
          rest = rest.slice(cap[0].length);
        }
        const home = open.section?.articles ?? open.chapter?.articles ??
          (open.division ? (open.division.articles ??= []) : open.part ? (open.part.articles ??= []) : text.articles);
        home.push(article);
        articleCount++;
        open = { part: open.part, division: open.division, chapter: open.chapter, section: open.section, article, articleLine: lineNo };
        if (cleanText(rest)) addParagraph(cleanText(rest));
        break;
      }

      case 'item': {
        if (!open.article) {
          report('stray-line', { text: short(lines[i]!.trim()) });
          break;
        }
        if (!open.paragraph) addParagraph('');
        if (line.number === null) {
          report('bad-number', { text: short(lines[i]!.trim()) });
          placeText(lines[i]!.trim());
          break;
        }
        open.items!.accept(line.number);
        const item: LegalItem = { number: line.number, text: line.text };
        (open.paragraph!.items ??= []).push(item);
        open.item = item;
        open.subItem = undefined;
        open.subItems = new Sequence('subitem', subItemLabel, (c, p) =>
          report(c, { ...p, article: open.article!.label, item: itemLabel(item.number) }));
        open.last = { get: () => item.text, set: (s) => (item.text = s) };
        break;
      }

      case 'subitem': {
        if (!open.article) {
          report('stray-line', { text: short(lines[i]!.trim()) });
          break;
        }
        if (!open.item) {
          report('subitem-outside-item', { article: open.article.label, text: short(lines[i]!.trim()) });
          addParagraph(lines[i]!.replace(SPACES, ' ').trim());
          break;
        }
        open.subItems!.accept(line.number);
        const subItem: LegalSubItem = { number: line.number, text: line.text };
        (open.item.subItems ??= []).push(subItem);
        open.subItem = subItem;
        open.last = { get: () => subItem.text, set: (s) => (subItem.text = s) };
        break;
      }

      case 'text':
        if (line.heading) report('possible-heading', { text: short(line.text) });
        placeText(line.text);
        break;
    }
  }
  if (phase === 'toc') report('toc-unterminated', {}, tocStart);
  closeArticle();

  const emptyChapters = (list: readonly LegalChapter[]) => {
    for (const c of list) {
      if (c.articles.length === 0 && !(c.sections ?? []).some((s) => s.articles.length > 0)) {
        report('chapter-empty', { label: c.label }, headingLines.get(c) ?? 0);
      }
    }
  };
  emptyChapters(text.chapters);
  const byPart = new Map<LegalPart, number>();
  for (const a of listArticles(text)) if (a.part) byPart.set(a.part, (byPart.get(a.part) ?? 0) + 1);
  for (const part of text.parts ?? []) {
    if (!byPart.get(part)) report('part-empty', { label: part.label }, headingLines.get(part) ?? 0);
    emptyChapters(part.chapters);
    for (const d of part.divisions ?? []) emptyChapters(d.chapters);
  }
  emptyChapters(text.closing ?? []);
  if (articleCount === 0) report('no-articles', {}, 0);
  issues.sort((a, b) => a.line - b.line);
  return { text, issues, toc, articleCount };

  /** A line of running text in the body: a new 款, or the rest of a line broken in two. */
  function placeText(t: string): void {
    const body = cleanText(t);
    if (!open.article) {
      const where = open.chapter ?? open.division ?? open.part;
      report('stray-line', { text: short(body), ...(where ? { chapter: where.label } : {}) });
      return;
    }
    const prev = open.last?.get();
    if (open.last && prev && !TERMINAL.test(prev)) {
      open.last.set(prev + body);
      report('line-joined', { article: open.article.label, text: short(body) });
      return;
    }
    addParagraph(body);
  }
}

/** Every heading of a parsed text in reading order, as `第一编 总则` (for the 目录 found unmarked). */
function walkHeadings(text: LegalText): string[] {
  const out: string[] = [];
  const chapters = (list: readonly LegalChapter[]) => {
    for (const c of list) {
      out.push(`${c.label} ${c.title}`.trim());
      for (const s of c.sections ?? []) out.push(`${s.label} ${s.title}`.trim());
    }
  };
  chapters(text.chapters);
  for (const p of text.parts ?? []) {
    out.push(`${p.label} ${p.title}`.trim());
    chapters(p.chapters);
    for (const d of p.divisions ?? []) {
      out.push(`${d.label} ${d.title}`.trim());
      chapters(d.chapters);
    }
  }
  return out;
}

/** True when any issue is an error (the structure may be wrong, not just untidy). */
export const hasErrors = (issues: readonly LegalTextIssue[]) => issues.some((i) => i.severity === 'error');
