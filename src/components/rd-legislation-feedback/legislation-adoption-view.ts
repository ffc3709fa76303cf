// 意见采纳情况 of <rd-legislation-feedback>: once the window has closed and the draft's data
// carries the legislature's report (`adoption`, docs/contract.md#looking-up-a-submission), the
// totals and summary for the whole draft, then article by article how many comments, the outcome
// and the explanation; and beside each article in the text, its comment count. Plain functions
// rendered in the element's shadow root (docs/architecture.md#elements).
import { html, nothing, type TemplateResult } from 'lit';
import type { T } from '../shared/form.js';
import type { ArticleRef } from '../../services/legal-structure.js';
import type { AdoptionReport } from '../../services/schemas/loop.js';

type ArticleAdoption = AdoptionReport['articles'][number];

/** Per-article entries of the report, by label. */
export const adoptionByArticle = (r: AdoptionReport): Map<string, ArticleAdoption> => new Map(r.articles.map((a) => [a.article, a]));

const outcomeLabel = (t: T, a: ArticleAdoption) => (a.outcome ? t(`lf.adoption.outcome.${a.outcome}`) : t('lf.adoption.outcome.none'));

/** The report: totals, the legislature's summary, then the articles that received comments. */
export function renderAdoption(t: T, r: AdoptionReport, when: (iso: string) => string, jumpTo: (label: string) => void): TemplateResult {
  const count = (o: ArticleAdoption['outcome']) => r.articles.filter((a) => a.outcome === o).length;
  const listed = r.articles.filter((a) => a.comments > 0 || a.outcome || a.explanation);
  return html`<section class="lf-adoption" part="adoption" aria-labelledby="lf-adoption-title">
    <h3 id="lf-adoption-title" tabindex="-1">${t('lf.adoption.title')}</h3>
    <p>${t('lf.adoption.published', { date: when(r.publishedAt) })}
      ${r.people !== undefined ? t('lf.adoption.totalsPeople', { people: r.people, comments: r.comments }) : t('lf.adoption.totals', { comments: r.comments })}</p>
    ${r.summary ? html`<p class="lf-adoption__summary">${r.summary}</p>` : nothing}
    <p>${t('lf.adoption.outcomes', { adopted: count('adopted'), partly: count('partly-adopted'), not: count('not-adopted') })}</p>
    ${listed.length
      ? html`<ol class="lf-adoption__list">${listed.map((a) => html`<li>
          <p><button type="button" class="rd-button rd-button--link" @click=${() => jumpTo(a.article)}>${a.article}</button>
            · ${t('lf.adoption.comments', { count: a.comments })} · <strong>${outcomeLabel(t, a)}</strong></p>
          ${a.explanation ? html`<p class="lf-adoption__why">${a.explanation}</p>` : nothing}
        </li>`)}</ol>`
      : nothing}
  </section>`;
}

/** The line shown with an article in the text: how many comments, and the outcome. */
export function adoptionBadge(t: T, byLabel: Map<string, ArticleAdoption>, ref: ArticleRef): TemplateResult | typeof nothing {
  const a = byLabel.get(ref.article.label);
  if (!a) return nothing;
  return html`<p class="lf-adoption__badge">${t('lf.adoption.comments', { count: a.comments })}${a.outcome ? html` · ${outcomeLabel(t, a)}` : nothing}</p>`;
}
