// The legislation reader of <rd-legislation-feedback>: the draft's text as 编/分编/章/节/条/款/项/目 (with
// the searched words marked), the explanatory note, the parser's report for webmasters, and going
// to a place in the text (scroll, focus, and scroll again while lazily laid-out articles settle).
// The structure is docs/domain.md#structure-of-a-legal-text; the data comes prepared from
// services/legislation-reader.ts. Plain functions taking what they show, rendered inside the
// element's shadow root (docs/architecture.md, "view modules"); the contents, go-to-article and
// search are legislation-toc-view.ts, the comment editors inside each article legislation-form-view.ts.
import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { T } from '../shared/form.js';
import { itemLabel, subItemLabel, type ArticleRef } from '../../services/legal-structure.js';
import { highlightParts, matchArticles, searchTerms, type OutlineNode, type PreparedDraft } from '../../services/legislation-reader.js';
import type { LegalArticle } from '../../services/schemas/legislation.js';

export interface TextViewOptions {
  t: T;
  p: PreparedDraft;
  /** The search box's text: the words are marked in the articles that contain all of them. */
  query: string;
  /** Rendered at the end of each article (the comment editors while commenting is open). */
  extra?: (ref: ArticleRef) => unknown;
  /** Rendered at the start of each article (its comment count once the adoption report is out). */
  badge?: (ref: ArticleRef) => unknown;
  /**
   * Whether an article (by reading-order index) is drawn now; the others of a long text stand as
   * one empty block per run, `.lf-pending`, drawn when reached (the element decides). Default: all.
   */
  shown?: (index: number) => boolean;
}

type Draw = (list: readonly ArticleRef[]) => unknown[];

/** The draft text: preamble, articles outside chapters, then 编 / 分编 / 章 / 节 with their articles. */
export function renderText(o: TextViewOptions): TemplateResult {
  const { t, p } = o;
  const terms = searchTerms(o.query);
  const hitSet = new Set(terms.length ? matchArticles(p.search, o.query) : []);
  const article = (ref: ArticleRef) => {
    const hl = hitSet.has(ref.article.label) ? terms.join(' ') : '';
    return html`<article class="lf-article ${hl ? 'lf-article--hit' : ''}" part="article" id="a-${ref.index}" data-label=${ref.article.label}
        tabindex="-1" aria-labelledby="a-${ref.index}-h">
      ${guard([ref.article, hl], () => articleBody(ref, hl))}
      ${o.badge ? o.badge(ref) : nothing}
      ${o.extra ? o.extra(ref) : nothing}
    </article>`;
  };
  const draw: Draw = (list) => drawList(list, o.shown, article);
  const total = p.articles.length;
  const chapterCount = p.headings.filter((h) => h.kind === 'chapter').length;
  const parts = p.headings.filter((h) => h.kind === 'part').length;
  const count = parts
    ? t('lf.articleCountParts', { parts, chapters: chapterCount, articles: total })
    : chapterCount ? t('lf.articleCount', { chapters: chapterCount, articles: total }) : t('lf.articleCountNoChapters', { articles: total });
  return html`<section class="lf-text" part="text" aria-labelledby="lf-text-title">
    <h3 id="lf-text-title" tabindex="-1">${t('lf.text')} <span class="lf-count">${count}</span></h3>
    ${p.text.preamble.length
      ? html`<div class="lf-preamble" id="lf-preamble" tabindex="-1">${p.text.preamble.map((x) => html`<p>${x}</p>`)}</div>`
      : nothing}
    ${draw(p.loose)}
    ${p.outline.map((n) => heading(n, draw))}
  </section>`;
}

/** Articles, with each run of those not drawn yet standing as one sized, empty block. */
function drawList(list: readonly ArticleRef[], shown: ((index: number) => boolean) | undefined, article: (ref: ArticleRef) => TemplateResult): unknown[] {
  if (!shown) return list.map(article);
  const out: unknown[] = [];
  let run: ArticleRef[] = [];
  const flush = () => {
    if (!run.length) return;
    out.push(html`<div class="lf-pending" aria-hidden="true" data-from=${run[0]!.index} data-to=${run.at(-1)!.index}
      style=${styleMap({ '--lf-pending': String(run.length) })}></div>`);
    run = [];
  };
  for (const ref of list) {
    if (shown(ref.index)) {
      flush();
      out.push(article(ref));
    } else run.push(ref);
  }
  flush();
  return out;
}

/**
 * One 编 / 分编 / 章 / 节: its heading (h3 at the outermost level the text has), articles,
 * sub-headings. Its region is named by the headings above it too (第二编 物权 第一分编 通则): every
 * 编 of a code has its own 第一章.
 */
function heading(n: OutlineNode, draw: Draw, above: readonly string[] = []): TemplateResult {
  const level = Math.min(3 + n.depth, 6);
  const title = html`${n.numbered ? html`<span>${n.label}</span> ` : nothing}${n.title}`;
  const ids = [...above, n.id];
  return html`<section class="lf-${n.kind}" aria-labelledby=${ids.join(' ')}>
    ${headingTag(level, `lf-${n.kind}__title`, n.id, title)}
    ${draw(n.articles)}
    ${n.children.map((c) => heading(c, draw, ids))}
  </section>`;
}

function headingTag(level: number, cls: string, id: string, body: TemplateResult): TemplateResult {
  switch (level) {
    case 3: return html`<h3 class=${cls} id=${id} tabindex="-1">${body}</h3>`;
    case 4: return html`<h4 class=${cls} id=${id} tabindex="-1">${body}</h4>`;
    case 5: return html`<h5 class=${cls} id=${id} tabindex="-1">${body}</h5>`;
    default: return html`<h6 class=${cls} id=${id} tabindex="-1">${body}</h6>`;
  }
}

/** Article heading and text; `hl` = search terms to mark, separated by spaces. */
function articleBody(ref: ArticleRef, hl: string): TemplateResult {
  const a: LegalArticle = ref.article;
  const terms = hl ? hl.split(' ') : [];
  const mark = (s: string) => highlight(s, terms);
  const [first, ...rest] = a.paragraphs;
  return html`<p class="lf-article__p">
      <strong class="lf-article__label" id="a-${ref.index}-h">${a.label}</strong>${a.caption ? html`<span class="lf-article__caption">【${a.caption}】</span>` : nothing}
      ${first ? mark(first.text) : nothing}
    </p>
    ${first ? items(first.items, mark) : nothing}
    ${rest.map((p) => html`<p class="lf-article__p">${mark(p.text)}</p>${items(p.items, mark)}`)}`;
}

/** 项 （一）（二）… with their 目 1. 2. … */
function items(list: LegalArticle['paragraphs'][number]['items'], mark: (s: string) => unknown) {
  if (!list?.length) return nothing;
  return html`<ol class="lf-items">
    ${list.map((it) => html`<li><span class="lf-items__n">${itemLabel(it.number)}</span>${mark(it.text)}
      ${it.subItems?.length
        ? html`<ol class="lf-subitems">${it.subItems.map((s) => html`<li><span class="lf-items__n">${subItemLabel(s.number)}</span>${mark(s.text)}</li>`)}</ol>`
        : nothing}</li>`)}
  </ol>`;
}

/** Text with every search term wrapped in <mark> (as text nodes, never HTML). */
function highlight(text: string, terms: readonly string[]): unknown {
  if (!terms.length) return text;
  return highlightParts(text, terms).map((part, i) => (i % 2 === 1 ? html`<mark>${part}</mark>` : part));
}

/** The explanatory note (说明) and the deliberation report, folded. */
export function renderNote(t: T, p: PreparedDraft): TemplateResult {
  const d = p.draft;
  const note = d.explanatoryNote;
  return html`
    ${note
      ? html`<details class="lf-note" id="lf-note">
          <summary>${note.title ?? t('lf.note')}</summary>
          ${note.text?.map((para) => html`<p>${para}</p>`)}
          ${note.url ? html`<p><a href=${note.url} target="_blank" rel="noopener">${t('lf.noteLink')}</a></p>` : nothing}
        </details>`
      : nothing}
    ${d.deliberation
      ? html`<details class="lf-note"><summary>${t('lf.deliberation')}</summary><p>${d.deliberation}</p></details>`
      : nothing}`;
}

/**
 * Scrolls to the element with `id` in `root` and focuses it. Articles are laid out lazily
 * (content-visibility): once those around the target get their real height the target moves, so
 * scroll again until it stays put (a few frames at most). False when there is no such element.
 */
export function goTo(root: ShadowRoot | null | undefined, id: string): boolean {
  const el = root?.getElementById(id);
  if (!el) return false;
  el.scrollIntoView({ block: 'start' });
  el.focus({ preventScroll: true });
  void settle(root!, el);
  return true;
}

async function settle(root: ShadowRoot, el: HTMLElement) {
  const want = el.getBoundingClientRect().top;
  let stable = 0;
  for (let k = 0; k < 20 && stable < 4; k++) {
    await new Promise<void>((r) => requestAnimationFrame(() => r()));
    if (root.activeElement !== el) return;
    if (Math.abs(el.getBoundingClientRect().top - want) < 2) {
      stable++;
    } else {
      stable = 0;
      el.scrollIntoView({ block: 'start' });
    }
  }
}
