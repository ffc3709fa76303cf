// The results view of <rd-satisfaction-survey>: per section an SVG chart (role="img" with a
// title and a description that says the same in words) and a data table. Numbers come from
// services/survey-results.ts; nothing here computes a result.
import { html, svg, nothing, type TemplateResult } from 'lit';
import type { SurveyResults, PassRule } from '../../services/schemas/survey.js';
import {
  summarise, turnout, type ScaleSummary, type BallotSummary, type ChoiceSummary, type TierCount, type SummaryOptions,
} from '../../services/survey-results.js';
import { formatDateTime, type Locale } from '../../services/i18n/index.js';
import type { ResolvedTier } from '../../services/survey-logic.js';
import { catalogues } from '../../services/i18n/index.js';
import { tierLabel } from './survey-question-view.js';
import { zh } from './survey-results.messages.js';

// This module is a chunk of its own, imported when the results are first shown (README
// "Figures"), with its strings and its look; the tier names it shares with the form live in
// survey-question-view.ts.
export { tierLabel };
export { resultsStyles } from './survey-results.styles.js';
export { surveyResults } from '../../services/schemas/survey-results.js';
/** The view's strings: zh-CN with it, English loaded when first shown in English. */
export const resultsCatalogues = catalogues(zh, () => import('./survey-results.messages.en.js'));

/** A colour key as SVG `fill` (an attribute, not a style="": allowed under a strict CSP). */
const swatch = (colour: string) =>
  html`<svg class="swatch" viewBox="0 0 1 1" aria-hidden="true" focusable="false">${svg`<rect width="1" height="1" fill=${colour}></rect>`}</svg>`;

type T = (key: string, params?: Readonly<Record<string, string | number>>) => string;

/** Tier colours from best to worst (paired with text everywhere, never colour alone). */
const PALETTES: Record<number, string[]> = {
  2: ['#00703c', '#c00000'],
  3: ['#00703c', '#1d70b8', '#c00000'],
  4: ['#005a30', '#00703c', '#1d70b8', '#c00000'],
  5: ['#005a30', '#00703c', '#1d70b8', '#b35c00', '#c00000'],
};
export function tierColour(i: number, n: number): string {
  const p = PALETTES[n];
  if (p) return p[i];
  const hue = Math.round(140 - (140 * i) / Math.max(1, n - 1));
  return `hsl(${hue} 70% 30%)`;
}


export interface ResultsViewOptions {
  t: T;
  locale: Locale;
  results: SurveyResults;
  passTiers?: readonly string[];
  rule?: PassRule;
  /** Prefix for element ids (unique inside the shadow root). */
  idPrefix?: string;
}

export function renderResults(o: ResultsViewOptions): TemplateResult {
  const { t, locale, results } = o;
  const pct = percent(locale);
  const to = turnout(results);
  const opts: SummaryOptions = { ...(o.passTiers?.length ? { passTiers: o.passTiers } : {}), ...(o.rule ? { rule: o.rule } : {}) };
  const id = o.idPrefix ?? 'r';
  return html`<section class="results" part="results" aria-labelledby="${id}-title">
    <h2 id="${id}-title" tabindex="-1">${t('survey.results.title', { title: results.title })}</h2>
    <p class="results__meta">
      ${t('survey.results.respondents', { n: results.respondents })}${results.eligible
        ? html`${t('common.listSep')}${t('survey.results.eligible', { n: results.eligible, rate: to === null ? '—' : pct(to) })}` : nothing}
      <br />${t('survey.results.generated', { time: formatDateTime(results.generatedAt, locale, { dateStyle: 'medium', timeStyle: 'short' }) })}
    </p>
    ${results.note ? html`<p class="results__note">${results.note}</p>` : nothing}
    ${results.sections.length === 0 ? html`<p>${t('survey.results.none')}</p>` : nothing}
    ${results.sections.map((sec, i) => {
      const s = summarise(sec, opts);
      const sid = `${id}-s${i}`;
      if (s.kind === 'scale') return scaleSection(t, locale, s, sid);
      if (s.kind === 'ballot') return ballotSection(t, locale, s, sid);
      return choiceSection(t, locale, s, sid);
    })}
  </section>`;
}

function percent(locale: Locale) {
  const f = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  return (v: number | null) => (v === null ? '—' : f.format(v));
}
function decimal(locale: Locale) {
  const f = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  return (v: number | null) => (v === null ? '—' : f.format(v));
}

function ruleText(t: T, s: ScaleSummary, tiers: TierCount[] | ResolvedTier[]): string {
  const r = s.rule;
  const tierName = r.tier ? tierLabel(t, (tiers as ResolvedTier[]).find((x) => x.value === r.tier) ?? { value: r.tier, label: r.tier, score: 0, pass: false }) : '';
  const metric = r.metric === 'share' ? t('survey.results.rule.share', { tier: tierName }) : t(`survey.results.rule.${r.metric}`);
  const value = r.metric === 'average' ? String(r.value) : `${Math.round(r.value * 1000) / 10}%`;
  let dim = '';
  if (r.dimension) {
    const label = s.rows.flatMap((row) => row.dimensions).find((d) => d.id === r.dimension)?.label ?? r.dimension;
    dim = t('survey.results.rule.dimension', { dimension: label });
  }
  return `${metric} ${t(`survey.results.rule.${r.op}`)} ${value}${dim}`;
}

function passText(t: T, pass: boolean | null) {
  return pass === true ? t('survey.results.pass') : pass === false ? t('survey.results.fail') : t('survey.results.undecided');
}

function scaleSection(t: T, locale: Locale, s: ScaleSummary, id: string): TemplateResult {
  const pct = percent(locale);
  const dec = decimal(locale);
  const tiers = s.scale.kind === 'tiers' ? s.scale.tiers : [];
  const n = tiers.length;
  const passNames = tiers.filter((x) => s.passTiers.includes(x.value)).map((x) => tierLabel(t, x)).join('+');
  const rateLabel = passNames ? t('survey.results.rateOf', { tiers: passNames }) : t('survey.results.rate');
  const rowText = (name: string, parts: TierCount[], rate: number | null) =>
    t('survey.results.chartRow', {
      name,
      parts: parts.map((p) => t('survey.results.part', { tier: tierLabel(t, p), count: p.count, share: pct(p.share) })).join('，'),
      rateLabel,
      rate: pct(rate),
    });
  const chartRows = s.scale.kind === 'tiers' ? s.rows : [];
  return html`<section class="results__section" aria-labelledby="${id}-h">
    <h3 id="${id}-h">${s.title}</h3>
    <p class="results__rule">${t('survey.results.rule', { rule: ruleText(t, s, tiers) })}
      ${s.rows.length > 1 ? t('survey.results.summary', { passed: s.overall.passed, failed: s.overall.failed }) : ''}</p>
    ${chartRows.length
      ? html`<figure class="results__chart" aria-labelledby="${id}-h">
          <ul class="results__legend" aria-hidden="true">
            ${tiers.map((x, i) => html`<li>${swatch(tierColour(i, n))}${tierLabel(t, x)}</li>`)}
          </ul>
          <ul class="results__bars">
            ${chartRows.map((r) => {
              let x = 0;
              const label = rowText(r.name, r.tiers, r.rate) + (r.pass === null ? '' : `${t('common.listSep')}${passText(t, r.pass)}`);
              return html`<li class="results__bar">
                <span class="results__bar-name">${r.name}</span>
                <svg role="img" aria-label=${label} viewBox="0 0 100 10" preserveAspectRatio="none" class="results__svg" part="chart">
                  ${r.total === 0
                    ? svg`<rect x="0" y="0" width="100" height="10" fill="#f3f2f1" stroke="#6f777b" stroke-width="0.3"></rect>`
                    : r.tiers.map((p, i) => {
                      const w = (p.share ?? 0) * 100;
                      const rect = svg`<rect x=${x} y="0" width=${w} height="10" fill=${tierColour(i, n)}></rect>`;
                      x += w;
                      return rect;
                    })}
                </svg>
                <span class="results__bar-text" aria-hidden="true">${r.total === 0 ? t('survey.results.noVotes')
                  : html`${r.tiers.map((p, i) => html`<span class="results__part">${swatch(tierColour(i, n))}${tierLabel(t, p)} ${p.count}</span>`)}
                    <span class="results__rate">${rateLabel} ${pct(r.rate)}</span>
                    ${r.pass === null ? nothing : html`<span class="results__verdict results__verdict--${r.pass ? 'pass' : 'fail'}">${passText(t, r.pass)}</span>`}`}</span>
              </li>`;
            })}
          </ul>
        </figure>`
      : nothing}
    <div class="results__table-wrap" tabindex="0" role="region" aria-labelledby="${id}-tc">
      <table class="results__table" part="table">
        <caption id="${id}-tc">${t('survey.results.tableCaption', { title: s.title })}</caption>
        <thead><tr>
          <th scope="col">${t('survey.results.subject')}</th>
          ${tiers.map((x) => html`<th scope="col">${tierLabel(t, x)}</th>`)}
          <th scope="col">${t('survey.results.total')}</th>
          <th scope="col">${rateLabel}</th>
          <th scope="col">${t('survey.results.average')}</th>
          <th scope="col">${t('survey.results.result')}</th>
        </tr></thead>
        <tbody>
          ${s.rows.map((r) => html`<tr>
              <th scope="row">${r.name}</th>
              ${r.tiers.map((p) => html`<td>${p.count}</td>`)}
              <td>${r.total}</td><td>${pct(r.rate)}</td><td>${dec(r.average)}</td><td>${passText(t, r.pass)}</td>
            </tr>
            ${r.dimensions.map((d) => html`<tr class="results__dim">
              <th scope="row"><span class="rd-visually-hidden">${r.name} · </span>${d.label}</th>
              ${d.tiers.map((p) => html`<td>${p.count}</td>`)}
              <td>${d.total}</td><td>${pct(d.rate)}</td><td>${dec(d.average)}</td><td></td>
            </tr>`)}`)}
        </tbody>
        ${s.rows.length > 1
          ? html`<tfoot><tr>
              <th scope="row">${t('survey.results.overall')}</th>
              ${s.overall.tiers.map((p) => html`<td>${p.count}</td>`)}
              <td>${s.overall.total}</td><td>${pct(s.overall.rate)}</td><td>${dec(s.overall.average)}</td>
              <td>${t('survey.results.summary', { passed: s.overall.passed, failed: s.overall.failed })}</td>
            </tr></tfoot>`
          : nothing}
      </table>
    </div>
  </section>`;
}

function ballotSection(t: T, locale: Locale, s: BallotSummary, id: string): TemplateResult {
  const pct = percent(locale);
  const max = Math.max(1, ...s.candidates.map((c) => c.votes));
  const status = (c: BallotSummary['candidates'][number]) => (c.chosen ? t('survey.results.chosen') : c.tie ? t('survey.results.tie') : t('survey.results.notChosen'));
  return html`<section class="results__section" aria-labelledby="${id}-h">
    <h3 id="${id}-h">${s.title}</h3>
    <p>${s.ballots === null ? t('survey.results.seatsNoBallots', { n: s.seats }) : t('survey.results.seats', { n: s.seats, ballots: s.ballots })}
      ${s.writeIns ? html`<br />${t('survey.results.writeIns', { n: s.writeIns })}` : nothing}</p>
    <figure class="results__chart" aria-labelledby="${id}-h">
      <ol class="results__bars">
        ${s.candidates.map((c) => html`<li class="results__bar" value=${c.rank}>
          <span class="results__bar-name">${c.rank}. ${c.name}</span>
          <svg role="img" aria-label="${c.rank}. ${t('common.labelValue', { label: c.name, value: c.votes })}${t('common.paren', { x: status(c) })}" viewBox="0 0 100 10" preserveAspectRatio="none" class="results__svg" part="chart">
            <rect x="0" y="0" width=${(c.votes / max) * 100} height="10" fill=${c.chosen ? 'var(--rd-color-primary, #b4001e)' : c.tie ? '#b35c00' : '#6f777b'}></rect>
          </svg>
          <span class="results__bar-text" aria-hidden="true">${c.votes}${s.ballots ? t('common.paren', { x: pct(c.share) }) : ''}
            <span class="results__verdict results__verdict--${c.chosen ? 'pass' : c.tie ? 'tie' : 'none'}">${status(c)}</span></span>
        </li>`)}
      </ol>
    </figure>
    <div class="results__table-wrap" tabindex="0" role="region" aria-labelledby="${id}-tc">
      <table class="results__table" part="table">
        <caption id="${id}-tc">${t('survey.results.tableCaption', { title: s.title })}</caption>
        <thead><tr>
          <th scope="col">${t('survey.results.rank')}</th><th scope="col">${t('survey.results.candidate')}</th>
          <th scope="col">${t('survey.results.votes')}</th><th scope="col">${t('survey.results.share')}</th><th scope="col">${t('survey.results.result')}</th>
        </tr></thead>
        <tbody>${s.candidates.map((c) => html`<tr><td>${c.rank}</td><th scope="row">${c.name}</th><td>${c.votes}</td><td>${pct(c.share)}</td><td>${status(c)}</td></tr>`)}</tbody>
      </table>
    </div>
  </section>`;
}

function choiceSection(t: T, locale: Locale, s: ChoiceSummary, id: string): TemplateResult {
  const pct = percent(locale);
  const rows = [...s.options.map((o) => ({ label: o.label, count: o.count, share: o.share })), ...(s.other ? [{ label: t('survey.results.otherCount'), count: s.other, share: s.total ? s.other / s.total : null }] : [])];
  const max = Math.max(1, ...rows.map((r) => r.count));
  return html`<section class="results__section" aria-labelledby="${id}-h">
    <h3 id="${id}-h">${s.title}</h3>
    <figure class="results__chart" aria-labelledby="${id}-h">
      <ul class="results__bars">
        ${rows.map((r) => html`<li class="results__bar">
          <span class="results__bar-name">${r.label}</span>
          <svg role="img" aria-label="${t('common.labelValue', { label: r.label, value: r.count })}${t('common.paren', { x: pct(r.share) })}" viewBox="0 0 100 10" preserveAspectRatio="none" class="results__svg" part="chart">
            <rect x="0" y="0" width=${(r.count / max) * 100} height="10" fill="#1d70b8"></rect>
          </svg>
          <span class="results__bar-text" aria-hidden="true">${r.count}${t('common.paren', { x: pct(r.share) })}</span>
        </li>`)}
      </ul>
    </figure>
    <div class="results__table-wrap" tabindex="0" role="region" aria-labelledby="${id}-tc">
      <table class="results__table" part="table">
        <caption id="${id}-tc">${t('survey.results.tableCaption', { title: s.title })}</caption>
        <thead><tr><th scope="col">${t('survey.results.option')}</th><th scope="col">${t('survey.results.count')}</th><th scope="col">${t('survey.results.share')}</th></tr></thead>
        <tbody>${rows.map((r) => html`<tr><th scope="row">${r.label}</th><td>${r.count}</td><td>${pct(r.share)}</td></tr>`)}</tbody>
      </table>
    </div>
  </section>`;
}
