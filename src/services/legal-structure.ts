// The structure of a legal text (docs/domain.md#structure-of-a-legal-text) as the widget reads
// it: labels (第十二条, 第三章 …), article references, the articles in order and their lines. The
// parser of plain text (legal-text.ts) is apart: a widget whose draft is already structured never
// loads it (README "Figures"); legal-text.ts re-exports all of this.
import type {
  LegalArticle,
  LegalChapter,
  LegalDivision,
  LegalPart,
  LegalSection,
  LegalText,
} from './schemas/legislation.js';
import { CHINESE_NUMERAL_CHARS, parseChineseNumeral, toAsciiDigits, toChineseNumeral } from './chinese-numeral.js';

export type LegalTextIssueCode =
  | 'no-articles'
  | 'article-missing'
  | 'article-duplicate'
  | 'article-out-of-order'
  | 'article-empty'
  | 'article-split'
  | 'part-missing'
  | 'part-duplicate'
  | 'part-out-of-order'
  | 'part-empty'
  | 'division-missing'
  | 'division-duplicate'
  | 'division-out-of-order'
  | 'division-outside-part'
  | 'chapter-missing'
  | 'chapter-duplicate'
  | 'chapter-out-of-order'
  | 'chapter-empty'
  | 'section-missing'
  | 'section-duplicate'
  | 'section-out-of-order'
  | 'section-outside-chapter'
  | 'item-missing'
  | 'item-duplicate'
  | 'item-out-of-order'
  | 'subitem-missing'
  | 'subitem-duplicate'
  | 'subitem-out-of-order'
  | 'subitem-outside-item'
  | 'bad-number'
  | 'stray-line'
  | 'line-joined'
  | 'possible-heading'
  | 'article-unseparated'
  | 'toc-unmarked'
  | 'page-number'
  | 'toc-unterminated';

export type LegalTextSeverity = 'error' | 'warning';

export interface LegalTextIssue {
  /** 1-based line of the input; 0 for the text as a whole */
  line: number;
  code: LegalTextIssueCode;
  /** Message catalogue key: `legalText.<code>` */
  messageKey: `legalText.${LegalTextIssueCode}`;
  severity: LegalTextSeverity;
  /** Values for the message: labels (第十三条), counts, the line's text (shortened) */
  params: Record<string, string | number>;
}

export interface LegalTextResult {
  text: LegalText;
  issues: LegalTextIssue[];
  /** Headings listed in the 目录 block (skipped, kept for checking) */
  toc: string[];
  /** Number of articles placed */
  articleCount: number;
}


// ---------------------------------------------------------------------------------------------
// Labels
// ---------------------------------------------------------------------------------------------

/** 第十二条, 第一百零一条, 第十条之一 */
export function articleLabel(number: number, sub?: number): string {
  return `第${toChineseNumeral(number)}条${sub ? `之${toChineseNumeral(sub)}` : ''}`;
}
export const chapterLabel = (n: number) => `第${toChineseNumeral(n)}章`;
export const sectionLabel = (n: number) => `第${toChineseNumeral(n)}节`;
export const partLabel = (n: number) => `第${toChineseNumeral(n)}编`;
export const divisionLabel = (n: number) => `第${toChineseNumeral(n)}分编`;
/** 项 label: （一） */
export const itemLabel = (n: number) => `（${toChineseNumeral(n)}）`;
/** 目 label: 1. */
export const subItemLabel = (n: number) => `${n}.`;

/** A number in a label (Chinese numerals or digits); also the parser's. */
export const NUM = `[0-9０-９${CHINESE_NUMERAL_CHARS}]+`;
const REF = new RegExp(`^第\\s*(${NUM})\\s*条(?:\\s*之\\s*(${NUM}))?$`);

/** A reference as typed or linked: trimmed, without `#`, percent-decoded (null when undecodable). */
function refText(input: string): string | null {
  const s = input.trim().replace(/^#/, '');
  if (!/%[0-9a-f]{2}/i.test(s)) return s;
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

/**
 * Reads an article reference as people and links write it — `第十二条`, `第12条`, `#第十二条`,
 * the percent-encoded hash `%E7%AC%AC…`, `12`, `article-12`, `第十条之一` — into its canonical label
 * (`第十二条`). Returns null when it is not one.
 */
export function normalizeArticleRef(input: string): string | null {
  let s = refText(input);
  if (s === null) return null;
  s = toAsciiDigits(s.replace(/[\s\u3000]+/g, ''));
  const bare = /^(?:article-|art-?|a)?(\d+)(?:-(\d+))?$/i.exec(s);
  if (bare) {
    const n = Number(bare[1]);
    const sub = bare[2] ? Number(bare[2]) : undefined;
    return n >= 1 && (sub === undefined || sub >= 1) ? articleLabel(n, sub) : null;
  }
  const m = REF.exec(s);
  if (!m) return null;
  const n = parseChineseNumeral(m[1]!);
  const sub = m[2] ? parseChineseNumeral(m[2]) : undefined;
  if (!n || sub === null || sub === 0) return null;
  return articleLabel(n, sub);
}

/** `第十二条` → {number: 12}; `第十条之一` → {number: 10, sub: 1}; anything else → null. */
export function parseArticleLabel(label: string): { number: number; sub?: number } | null {
  const canonical = normalizeArticleRef(label);
  if (!canonical) return null;
  const m = REF.exec(canonical)!;
  const number = parseChineseNumeral(m[1]!)!;
  return m[2] ? { number, sub: parseChineseNumeral(m[2])! } : { number };
}

const PLACE_RE = new RegExp(`^(?:第(${NUM})编)?(?:第(${NUM})分编)?(?:第(${NUM})章)?(?:第(${NUM})节)?$`);

/**
 * Reads a reference to a heading — `第三编`, `#第三编第一分编`, `第3章`, `第三编第二章`,
 * `第二章第一节`, `附则`, percent-encoded or not — into its canonical key (Chinese numerals, no
 * spaces). Null when it names no heading (an article reference is not one).
 */
export function normalizePlaceRef(input: string): string | null {
  let s = refText(input);
  if (s === null) return null;
  s = s.replace(/[\s\u3000]+/g, '');
  if (s === '附则') return s;
  const m = PLACE_RE.exec(s);
  if (!m || !s) return null;
  let out = '';
  const units = ['编', '分编', '章', '节'];
  for (let k = 0; k < 4; k++) {
    if (m[k + 1] === undefined) continue;
    const n = parseChineseNumeral(m[k + 1]!);
    if (!n) return null;
    out += `第${toChineseNumeral(n)}${units[k]}`;
  }
  return out || null;
}

// ---------------------------------------------------------------------------------------------
// Walking a parsed text
// ---------------------------------------------------------------------------------------------

export interface ArticleRef {
  article: LegalArticle;
  part?: LegalPart;
  division?: LegalDivision;
  chapter?: LegalChapter;
  section?: LegalSection;
  /** Position in reading order, 0-based */
  index: number;
}

/**
 * Every article in reading order (`articles`, `chapters`, `parts` with their 分编, `closing`), with
 * its 编, 分编, chapter and section.
 */
export function listArticles(text: LegalText): ArticleRef[] {
  const out: ArticleRef[] = [];
  type Where = Omit<ArticleRef, 'article' | 'index'>;
  const push = (article: LegalArticle, where: Where) => out.push({ article, index: out.length, ...where });
  const chapters = (list: readonly LegalChapter[], where: Where) => {
    for (const chapter of list) {
      for (const a of chapter.articles) push(a, { ...where, chapter });
      for (const section of chapter.sections ?? []) for (const a of section.articles) push(a, { ...where, chapter, section });
    }
  };
  for (const a of text.articles) push(a, {});
  chapters(text.chapters, {});
  for (const part of text.parts ?? []) {
    for (const a of part.articles ?? []) push(a, { part });
    chapters(part.chapters, { part });
    for (const division of part.divisions ?? []) {
      for (const a of division.articles ?? []) push(a, { part, division });
      chapters(division.chapters, { part, division });
    }
  }
  chapters(text.closing ?? [], {});
  return out;
}

/** The article as plain lines (款 text, （一） items, 1. sub-items), for search and summaries. */
export function articleLines(article: LegalArticle): string[] {
  const lines: string[] = [];
  for (const p of article.paragraphs) {
    if (p.text) lines.push(p.text);
    for (const it of p.items ?? []) {
      lines.push(`${itemLabel(it.number)}${it.text}`);
      for (const s of it.subItems ?? []) lines.push(`${subItemLabel(s.number)}${s.text}`);
    }
  }
  return lines;
}

