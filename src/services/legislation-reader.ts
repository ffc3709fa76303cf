// The reading side of <rd-legislation-feedback> as plain data: a draft's text made ready to show
// (parsed when it came as plain text, its articles in reading order, label → position for deep
// links and sorting, a search index), the search itself, and where to mark the searched words.
// The structure is docs/domain.md#structure-of-a-legal-text; the references people type or link
// (`第十二条`, `12`, `#第十二条`) are docs/domain.md#numbering-and-references. No DOM, no Lit: the
// views that render this are src/components/rd-legislation-feedback/legislation-*-view.ts.
import { articleLines, listArticles, normalizeArticleRef, normalizePlaceRef, type ArticleRef, type LegalTextIssue } from './legal-structure.js';
import type { parseLegalText } from './legal-text.js';
import type { Draft, FocusQuestion, LegalChapter, LegalText } from './schemas/legislation.js';

/**
 * A heading of the text (编, 分编, 章, 节) with what it holds, in reading order: the contents and
 * the reader are drawn from this tree. `id` is the element id of its heading in the reader;
 * `depth` 0 is the outermost level the text has.
 */
export interface OutlineNode {
  kind: 'part' | 'division' | 'chapter' | 'section';
  id: string;
  /** 第三编, 第一分编, 第二章, 第一节, or 附则 */
  label: string;
  /** The label is numbered (a bare 附则 is not) */
  numbered: boolean;
  title: string;
  depth: number;
  /** Reading-order index of the first article under this heading, sub-headings included */
  first?: number;
  /** The articles right under this heading (before its first sub-heading) */
  articles: ArticleRef[];
  children: OutlineNode[];
}

/** A draft ready to read and comment on. */
export interface PreparedDraft {
  draft: Draft;
  text: LegalText;
  /** The parser's report for a plain-text draft (empty for a structured one). */
  issues: LegalTextIssue[];
  articles: ArticleRef[];
  /** label → first index in reading order (deep links, sorting) */
  order: Map<string, number>;
  /** Articles outside every heading (texts without chapters), then the headings as a tree */
  loose: ArticleRef[];
  outline: OutlineNode[];
  /** Every heading, in reading order */
  headings: OutlineNode[];
  /** Heading references (`第三编`, `第三编第一分编`, `第三编第二章`, `第二章` when unique, `附则`) → element id */
  places: Map<string, string>;
  /** The text has 编 */
  hasParts: boolean;
  /** label → searchable text (label, caption, every line), and that text lower-cased once */
  search: Array<{ label: string; text: string; lower?: string }>;
  /** article label → the focus questions about it */
  questionsByArticle: Map<string, FocusQuestion[]>;
}

/** Whether a draft's text is plain and needs the parser (services/legal-text.ts) first. */
export const needsParser = (draft: Draft): boolean => draft.text.format === 'plain';

/**
 * Parses (when plain, with `parse`: the parser is a chunk of its own that the widget imports only
 * for a plain-text draft), lists and indexes a draft's text.
 */
export function prepareDraft(draft: Draft, parse?: typeof parseLegalText): PreparedDraft {
  let text: LegalText;
  let issues: LegalTextIssue[] = [];
  if (draft.text.format === 'plain') {
    if (!parse) throw new Error('prepareDraft: a plain-text draft needs the parser');
    const r = parse(draft.text.content);
    text = r.text;
    issues = r.issues;
  } else {
    const { format: _f, ...rest } = draft.text;
    text = rest;
  }
  const articles = listArticles(text);
  const order = new Map<string, number>();
  for (const a of articles) if (!order.has(a.article.label)) order.set(a.article.label, a.index);
  const search = articles.map((a) => {
    const text = [a.article.label, a.article.caption ?? '', ...articleLines(a.article)].join('\n');
    return { label: a.article.label, text, lower: text.toLowerCase() };
  });
  const questionsByArticle = new Map<string, FocusQuestion[]>();
  for (const q of draft.focusQuestions ?? []) {
    if (!q.article) continue;
    questionsByArticle.set(q.article, [...(questionsByArticle.get(q.article) ?? []), q]);
  }
  return { draft, text, issues, articles, order, search, questionsByArticle, ...outline(text, articles) };
}

/** The heading tree of a text, with the articles placed under it and the heading references. */
function outline(text: LegalText, articles: readonly ArticleRef[]) {
  let k = 0;
  const take = (n: number) => articles.slice(k, (k += n));
  const headings: OutlineNode[] = [];
  const places = new Map<string, string>();
  const ambiguous = new Set<string>();
  const place = (key: string, id: string) => {
    if (places.has(key)) ambiguous.add(key);
    else places.set(key, id);
  };
  const node = (n: Omit<OutlineNode, 'children'>): OutlineNode => {
    const out = { ...n, children: [] };
    headings.push(out);
    return out;
  };
  let ci = 0;
  const chapters = (list: readonly LegalChapter[], depth: number, prefix: string): OutlineNode[] =>
    list.map((c) => {
      const id = `ch-${ci++}`;
      const ch = node({ kind: 'chapter', id, label: c.label, numbered: c.number !== undefined, title: c.title, depth, articles: take(c.articles.length) });
      place(`${prefix}${c.label}`, id);
      if (prefix) place(c.label, id);
      (c.sections ?? []).forEach((s, si) => {
        const sid = `${id}-s-${si}`;
        ch.children.push(node({ kind: 'section', id: sid, label: s.label, numbered: true, title: s.title, depth: depth + 1, articles: take(s.articles.length) }));
        place(`${prefix}${c.label}${s.label}`, sid);
        if (prefix) place(`${c.label}${s.label}`, sid);
      });
      return ch;
    });
  const loose = take(text.articles.length);
  const top = chapters(text.chapters, 0, '');
  (text.parts ?? []).forEach((p, pi) => {
    const id = `pt-${pi}`;
    const part = node({ kind: 'part', id, label: p.label, numbered: true, title: p.title, depth: 0, articles: take(p.articles?.length ?? 0) });
    place(p.label, id);
    part.children.push(...chapters(p.chapters, 1, p.label));
    (p.divisions ?? []).forEach((d, di) => {
      const did = `${id}-d-${di}`;
      const division = node({ kind: 'division', id: did, label: d.label, numbered: true, title: d.title, depth: 1, articles: take(d.articles?.length ?? 0) });
      place(`${p.label}${d.label}`, did);
      division.children.push(...chapters(d.chapters, 2, p.label));
      part.children.push(division);
    });
    top.push(part);
  });
  top.push(...chapters(text.closing ?? [], 0, ''));
  for (const key of ambiguous) places.delete(key);
  // Headings were pushed as made (a chapter before its sections): put them in reading order.
  const ordered: OutlineNode[] = [];
  const walk = (list: readonly OutlineNode[]) => list.forEach((n) => { ordered.push(n); walk(n.children); });
  walk(top);
  const firstOf = (n: OutlineNode): number | undefined => {
    let first: number | undefined = n.articles.length ? n.articles[0]!.index : undefined;
    for (const c of n.children) {
      const f = firstOf(c);
      if (first === undefined) first = f;
    }
    if (first !== undefined) n.first = first;
    return first;
  };
  top.forEach(firstOf);
  return { loose, outline: top, headings: ordered, places, hasParts: !!text.parts?.length };
}

/** Where a reference (a deep link's hash, what was typed) points: an article, or a heading's id. */
export type Place = { kind: 'article'; label: string } | { kind: 'heading'; id: string };

/** `第十二条`, `12`, `#第三编`, `第三编第一分编`, `附则` → the place in this draft; undefined when none. */
export function resolvePlace(p: Pick<PreparedDraft, 'order' | 'places'>, ref: string): Place | undefined {
  const label = normalizeArticleRef(ref);
  if (label) return p.order.has(label) ? { kind: 'article', label } : undefined;
  const key = normalizePlaceRef(ref);
  const id = key ? p.places.get(key) : undefined;
  return id ? { kind: 'heading', id } : undefined;
}

/** Where an article stands, for a search hit or a comment: `第三编 合同 › 第九章 买卖合同`. */
export function articleContext(ref: ArticleRef): string {
  const parts = [ref.part, ref.division, ref.chapter].filter((x) => !!x)
    .map((x) => (x!.label === x!.title ? x!.title : `${x!.label} ${x!.title}`.trim()));
  return parts.join(' › ');
}

/** The words of a search, lower-cased, split at spaces (ASCII or the ideographic 　). */
export function searchTerms(query: string): string[] {
  return query.trim().toLowerCase().split(/[\s\u3000]+/).filter(Boolean);
}

const lastMatch = new WeakMap<object, { query: string; hits: string[] }>();

/**
 * Search: article labels whose text (or label/caption) contains every space-separated term. The
 * index is lower-cased once (`lower`), and the last answer per index is kept: the contents and the
 * text both ask for it on every keystroke of a 1,260-article code.
 */
export function matchArticles(index: ReadonlyArray<{ label: string; text: string; lower?: string }>, query: string): string[] {
  const terms = searchTerms(query);
  if (!terms.length) return [];
  const key = terms.join(' ');
  const last = lastMatch.get(index);
  if (last && last.query === key) return last.hits;
  const hits = index.filter((a) => {
    const text = a.lower ?? a.text.toLowerCase();
    return terms.every((t) => text.includes(t));
  }).map((a) => a.label);
  lastMatch.set(index, { query: key, hits });
  return hits;
}

/**
 * Long texts are drawn in blocks of articles as they are reached (a jump, a search hit, scrolling,
 * printing); shorter ones all at once. docs/domain.md#structure-of-a-legal-text: the 民法典 has 1,260.
 */
export const RENDER_ALL_UP_TO = 200;
export const RENDER_BLOCK = 20;
/** The block an article (by reading-order index) is drawn with. */
export const blockOf = (index: number) => Math.floor(index / RENDER_BLOCK);

/**
 * `text` cut around every occurrence of any of `terms` (case-insensitive; terms are plain text,
 * never patterns): the parts at odd positions are the matches, to be marked. No terms → `[text]`.
 */
export function highlightParts(text: string, terms: readonly string[]): string[] {
  const list = terms.filter(Boolean).map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (!list.length) return [text];
  return text.split(new RegExp(`(${list.join('|')})`, 'gi'));
}
