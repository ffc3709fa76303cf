// The directory of <rd-deputy-card directory> (代表名录): search by name, pinyin or initials,
// filters by level, station and group, and the list — with its search index (services/directory.ts)
// a chunk of its own, loaded only in directory mode (README "Figures"). The card keeps the state;
// this draws it.
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { selectField, type T } from '../shared/form.js';
import type { Deputy } from '../../services/schemas/deputy.js';
import type { DeputyDirectory, FacetOption, GroupFacetOption } from '../../services/directory.js';
import { avatar, type ProfileContext } from './deputy-profile-view.js';

import { catalogues } from '../../services/i18n/index.js';
import { zh } from './deputy-directory.messages.js';

export { DeputyDirectory } from '../../services/directory.js';

/** The directory's strings (the card adds them when this part arrives). */
export const directoryCatalogues = catalogues(zh, () => import('./deputy-directory.messages.en.js'));

export interface DirectoryFilter {
  query: string;
  level: string;
  station: string;
  group: string;
}

export interface DirectoryContext extends DirectoryFilter {
  t: T;
  profile: ProfileContext;
  /** The list's own title, if the data has one. */
  title: string | undefined;
  index: DeputyDirectory;
  facets: { levels: FacetOption[]; stations: FacetOption[]; groups: GroupFacetOption[] };
  results: readonly Deputy[];
  /** How many of the results are drawn. */
  limit: number;
  setFilter: (patch: Partial<DirectoryFilter>) => void;
  open: (id: string) => void;
  showMore: () => void;
}

const CLEARED: DirectoryFilter = { query: '', level: '', station: '', group: '' };

export function renderDirectory(c: DirectoryContext): TemplateResult {
  const { t, facets: f, results } = c;
  const total = c.index.size;
  const filtered = !!(c.query.trim() || c.level || c.station || c.group);
  const shown = results.slice(0, c.limit);
  const all = t('deputy.directory.all');
  return html`<section part="base" aria-labelledby="dir-title">
    <h2 id="dir-title">${c.title || t('deputy.directory.title')}</h2>
    <div class="rd-field" part="search">
      <label class="rd-label" for="f-search">${t('deputy.directory.search')}</label>
      <p id="f-search-hint" class="rd-hint">${t('deputy.directory.searchHint')}</p>
      <input id="f-search" class="rd-input" type="search" part="input" autocomplete="off" enterkeyhint="search"
        aria-describedby="f-search-hint" aria-controls="results" .value=${live(c.query)}
        @input=${(e: Event) => c.setFilter({ query: (e.target as HTMLInputElement).value })} />
    </div>
    <div class="filters">
      ${selectField({ t, id: 'f-level', label: t('deputy.directory.level'), value: c.level, placeholder: all, options: f.levels.map((l) => ({ value: l.value, label: `${t(`deputy.levelShort.${l.value}`)}（${l.count}）` })), onChange: (v) => c.setFilter({ level: v }) })}
      ${selectField({ t, id: 'f-station', label: t('deputy.directory.station'), value: c.station, placeholder: all, options: f.stations.map((s) => ({ value: s.value, label: `${s.label}（${s.count}）` })), onChange: (v) => c.setFilter({ station: v }) })}
      ${selectField({ t, id: 'f-group', label: t('deputy.directory.group'), value: c.group, placeholder: all, options: f.groups.map((g) => ({ value: g.value, label: `${g.label}（${g.count}）` })), onChange: (v) => c.setFilter({ group: v }) })}
    </div>
    <p class="count" role="status">${filtered ? t('deputy.directory.countFiltered', { count: results.length, total }) : t('deputy.directory.count', { count: total })}</p>
    ${filtered ? html`<div class="rd-actions"><button type="button" class="rd-button rd-button--link" @click=${() => c.setFilter(CLEARED)}>${t('deputy.directory.clear')}</button></div>` : nothing}
    ${results.length
      ? html`<ul class="results" id="results" part="results">
          ${shown.map((d) => entry(c, d))}
        </ul>`
      : html`<p class="rd-notice" id="results">${t('deputy.directory.none')}</p>`}
    ${results.length > c.limit
      ? html`<div class="rd-actions"><button type="button" class="rd-button rd-button--secondary" @click=${() => c.showMore()}>${t('deputy.directory.more', { count: results.length - c.limit })}</button></div>`
      : nothing}
  </section>`;
}

function entry(c: DirectoryContext, d: Deputy): TemplateResult {
  const station = d.stations?.[0]?.name;
  return html`<li>
    <button type="button" class="entry" part="entry" data-entry=${d.id} @click=${() => c.open(d.id)}>
      ${avatar(c.profile, d, true)}
      <span class="entry-text">
        <span class="entry-name">${d.name}</span>
        <span class="entry-meta">${c.t(`deputy.level.${d.level}`)}${station ? ` · ${station}` : ''}</span>
        ${d.status.code !== 'serving' ? html`<span class="entry-former">${c.t(`deputy.status.${d.status.code}`)}</span>` : nothing}
      </span>
    </button>
  </li>`;
}
