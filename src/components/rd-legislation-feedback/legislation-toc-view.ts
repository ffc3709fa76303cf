// The contents (目录) of <rd-legislation-feedback>, with "go to article" and search-as-you-type:
// one <details> beside the text on wide containers, folded above it on phones. References people
// type — `25`, `第25条`, `第二十五条` — are read as docs/domain.md#numbering-and-references says;
// the search and its matching are services/legislation-reader.ts. A view module (plain functions
// taking a context object, docs/architecture.md): the element keeps the state and does the jumps.
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { T } from '../../services/form-errors.js';
import { normalizeArticleRef, normalizePlaceRef } from '../../services/legal-structure.js';
import { articleContext, matchArticles, resolvePlace, type OutlineNode, type PreparedDraft } from '../../services/legislation-reader.js';

/**
 * The go-to and search boxes: the markup of the shared text field (components/shared/form.ts,
 * `textField`: label, hint, inline error, aria-describedby), drawn here so that the first
 * screen does not carry the form pieces, which come with the form half (README "Figures").
 */
function field(o: { t: T; id: string; label: string; hint: string; value: string; error?: string; type?: string; inputmode?: string; onInput: (v: string) => void }) {
  const aria = [`${o.id}-hint`, o.error ? `${o.id}-error` : ''].filter(Boolean).join(' ');
  const onInput = (e: Event) => o.onInput((e.target as HTMLInputElement).value);
  return html`<div class="rd-field ${o.error ? 'rd-field--error' : ''}">
    <label class="rd-label" part="label" for=${o.id}>${o.label}</label>
    <p id="${o.id}-hint" class="rd-hint" part="hint">${o.hint}</p>
    ${o.error ? html`<p id="${o.id}-error" class="rd-error-message" part="error-message"><span class="rd-visually-hidden">${o.t('common.errorPrefix')}</span>${o.error}</p>` : nothing}
    <input id=${o.id} class="rd-input" part="input" type=${o.type ?? 'text'} .value=${live(o.value)} @input=${onInput} @compositionend=${onInput}
      autocomplete="off" inputmode=${ifDefined(o.inputmode)} aria-invalid=${o.error ? 'true' : 'false'} aria-describedby=${aria} />
  </div>`;
}

/** Search hits listed (more are counted and marked in the text). */
const SEARCH_SHOWN = 30;

/** What the citizen has typed in the contents, and whether it is open. */
export interface TocState {
  query: string;
  jumpValue: string;
  jumpError: string;
  /** Unset until the element has measured itself (open on wide containers). */
  tocOpen?: boolean;
}

export const emptyToc = (): TocState => ({ query: '', jumpValue: '', jumpError: '' });

export interface TocContext {
  t: T;
  p: PreparedDraft;
  /** The current state (read when an event comes, not only at render). */
  readonly state: TocState;
  /** Changes the state (the element re-renders). */
  set(patch: Partial<TocState>): void;
  /** Goes to an article by its label; false when the draft has none such. */
  jumpTo(label: string): boolean;
  /** Goes to an element by id (preamble, chapter, section, a block of the form). */
  goTo(id: string): void;
  /** Commenting is open: the contents also list the focus questions and "my comments". */
  commenting: boolean;
}

export function renderToc(c: TocContext): TemplateResult {
  const { t, p, state } = c;
  const hits = state.query.trim() ? matchArticles(p.search, state.query) : [];
  const link = (id: string, text: string) => html`<a href="#${id}" @click=${(e: Event) => { e.preventDefault(); c.goTo(id); }}>${text}</a>`;
  return html`<details class="lf-toc" part="toc" ?open=${state.tocOpen ?? false}
      @toggle=${(e: Event) => { const open = (e.target as HTMLDetailsElement).open; if (open !== c.state.tocOpen) c.set({ tocOpen: open }); }}>
    <summary>${t('lf.tocAndSearch')}</summary>
    <nav aria-labelledby="lf-toc-title">
      <h3 id="lf-toc-title" class="lf-toc__title">${t('lf.toc')}</h3>
      <ol class="lf-toc__list">
        ${p.text.preamble.length ? html`<li>${link('lf-preamble', t('lf.preamble'))}</li>` : nothing}
        ${p.outline.map(function entry(n: OutlineNode): TemplateResult {
          return html`<li class="lf-toc__${n.kind}">
            ${link(n.id, `${n.numbered ? `${n.label} ` : ''}${n.title}`)}
            ${n.children.length ? html`<ol>${n.children.map(entry)}</ol>` : nothing}
          </li>`;
        })}
        ${!p.outline.length ? html`<li>${link('lf-text-title', t('lf.text'))}</li>` : nothing}
        ${p.draft.focusQuestions?.length && c.commenting ? html`<li>${link('lf-q-title', t('lf.questions'))}</li>` : nothing}
        ${c.commenting ? html`<li>${link('lf-mine-title', t('lf.mine'))}</li>` : nothing}
      </ol>
    </nav>
    <form class="lf-jump" @submit=${(e: Event) => submitJump(c, e)} novalidate role="search" aria-label=${t('lf.jump')}>
      ${field({
        t, id: 'lf-jump', label: t('lf.jump'), hint: t('lf.jumpHint'), value: state.jumpValue, error: state.jumpError || undefined,
        inputmode: 'text', onInput: (v) => c.set({ jumpValue: v, jumpError: '' }),
      })}
      <button type="submit" class="rd-button rd-button--secondary">${t('lf.jumpButton')}</button>
    </form>
    <div class="lf-search" role="search" aria-label=${t('lf.search')}>
      ${field({ t, id: 'lf-search', type: 'search', label: t('lf.search'), hint: t('lf.searchHint'), value: state.query, onInput: (v) => c.set({ query: v }) })}
      <p class="lf-search__count" role="status">${state.query.trim()
        ? hits.length ? t('lf.searchCount', { count: hits.length }) : t('lf.searchNone', { query: state.query.trim() })
        : ''}</p>
      ${hits.length
        ? html`<ul class="lf-search__hits">
            ${hits.slice(0, SEARCH_SHOWN).map((label) => {
              const ref = p.articles[p.order.get(label) ?? -1];
              // In a code with 编 the same 第一章 recurs: a hit says where it stands.
              const where = ref && p.hasParts ? articleContext(ref) : '';
              return html`<li><a href="#${label}" @click=${(e: Event) => { e.preventDefault(); c.jumpTo(label); }}>${label}${where ? html`<span class="lf-toc__context">${where}</span>` : nothing}</a></li>`;
            })}
          </ul>
          ${hits.length > SEARCH_SHOWN ? html`<p class="rd-hint">${t('lf.searchMore', { shown: SEARCH_SHOWN })}</p>` : nothing}`
        : nothing}
    </div>
  </details>`;
}

/** "Go to": an article or a heading people type (`25`, `第二十五条`, `第三编`) → there, or an error at the box. */
function submitJump(c: TocContext, e: Event) {
  e.preventDefault();
  const value = c.state.jumpValue.trim();
  const label = normalizeArticleRef(value);
  const key = label ?? normalizePlaceRef(value);
  if (!key) {
    c.set({ jumpError: c.t('lf.jumpInvalid') });
    return;
  }
  const place = resolvePlace(c.p, value);
  if (!place) c.set({ jumpError: c.t('lf.jumpNotFound', { ref: key }) });
  else {
    if (place.kind === 'article') c.jumpTo(place.label);
    else c.goTo(place.id);
    c.set({ jumpError: '' });
  }
}
