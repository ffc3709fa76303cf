// The reading side of <rd-legislation-feedback> as plain data: a draft's text made ready to show
// (parsed when it came as plain text, its articles in reading order, label → position for deep
// links and sorting, a search index), the search itself, and where to mark the searched words.
// The structure is docs/domain.md#structure-of-a-legal-text; the references people type or link
// (`第十二条`, `12`, `#第十二条`) are docs/domain.md#numbering-and-references. No DOM, no Lit: the
// views that render this are src/components/rd-legislation-feedback/legislation-*-view.ts.
import { articleLines, listArticles, parseLegalText, type ArticleRef, type LegalTextIssue } from './legal-text.js';
import type { Draft, FocusQuestion, LegalText } from './schemas/legislation.js';

/** A draft ready to read and comment on. */
export interface PreparedDraft {
  draft: Draft;
  text: LegalText;
  /** The parser's report for a plain-text draft (empty for a structured one). */
  issues: LegalTextIssue[];
  articles: ArticleRef[];
  /** label → first index in reading order (deep links, sorting) */
  order: Map<string, number>;
  /** label → searchable text (label, caption, every line) */
  search: Array<{ label: string; text: string }>;
  /** article label → the focus questions about it */
  questionsByArticle: Map<string, FocusQuestion[]>;
}

/** Parses (when plain), lists and indexes a draft's text. */
export function prepareDraft(draft: Draft): PreparedDraft {
  let text: LegalText;
  let issues: LegalTextIssue[] = [];
  if (draft.text.format === 'plain') {
    const r = parseLegalText(draft.text.content);
    text = r.text;
    issues = r.issues;
  } else {
    const { format: _f, ...rest } = draft.text;
    text = rest;
  }
  const articles = listArticles(text);
  const order = new Map<string, number>();
  for (const a of articles) if (!order.has(a.article.label)) order.set(a.article.label, a.index);
  const search = articles.map((a) => ({
    label: a.article.label,
    text: [a.article.label, a.article.caption ?? '', ...articleLines(a.article)].join('\n'),
  }));
  const questionsByArticle = new Map<string, FocusQuestion[]>();
  for (const q of draft.focusQuestions ?? []) {
    if (!q.article) continue;
    questionsByArticle.set(q.article, [...(questionsByArticle.get(q.article) ?? []), q]);
  }
  return { draft, text, issues, articles, order, search, questionsByArticle };
}

/** The words of a search, lower-cased, split at spaces (ASCII or the ideographic 　). */
export function searchTerms(query: string): string[] {
  return query.trim().toLowerCase().split(/[\s\u3000]+/).filter(Boolean);
}

/** Search: article labels whose text (or label/caption) contains every space-separated term. */
export function matchArticles(index: ReadonlyArray<{ label: string; text: string }>, query: string): string[] {
  const terms = searchTerms(query);
  if (!terms.length) return [];
  return index.filter((a) => terms.every((t) => a.text.toLowerCase().includes(t))).map((a) => a.label);
}

/**
 * `text` cut around every occurrence of any of `terms` (case-insensitive; terms are plain text,
 * never patterns): the parts at odd positions are the matches, to be marked. No terms → `[text]`.
 */
export function highlightParts(text: string, terms: readonly string[]): string[] {
  const list = terms.filter(Boolean).map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (!list.length) return [text];
  return text.split(new RegExp(`(${list.join('|')})`, 'gi'));
}
