// Deputy directory search (代表名录): by name, pinyin (full or initials), station, group,
// expertise and occupation; filters by level, station and group. Plain data in, plain data out.
//
// Built for 1,000+ deputies: every searchable string is lower-cased and normalised once, when the
// directory is built; a keystroke is then one pass of `includes`/`startsWith` over flat strings.
import type { Deputy, DeputyLevel } from './schemas/deputy.js';

export interface DirectoryQuery {
  /** Free text: a name or part of it, pinyin ("zhangwei", "zhang wei"), initials ("zw"), a station, group or expertise. */
  text?: string;
  level?: DeputyLevel | '';
  stationId?: string;
  /** Matches the deputy group (代表小组) or any sector group (专业代表小组). */
  groupId?: string;
}

export interface FacetOption {
  value: string;
  label: string;
  count: number;
}

export interface GroupFacetOption extends FacetOption {
  kind: 'deputy' | 'sector';
}

interface Entry {
  deputy: Deputy;
  order: number;
  name: string;
  /** Pinyin without spaces: "zhangwei". */
  pinyin: string;
  /** Pinyin syllables, for matching "zhang wei" and "wei". */
  syllables: readonly string[];
  initials: string;
  /** Station names, group names, expertise, occupation, services, electing unit: joined by \u0001. */
  other: string;
  stationIds: readonly string[];
  groupIds: readonly string[];
}

/** Rank of a match, lower is better. */
const RANK = {
  nameExact: 0,
  namePrefix: 1,
  pinyinExact: 2,
  initialsExact: 2,
  pinyinPrefix: 3,
  initialsPrefix: 4,
  nameContains: 5,
  syllable: 6,
  other: 8,
} as const;

/**
 * Lower case, full-width → half-width (NFKC), ü → v, and collapsed whitespace. Used on both sides
 * of every comparison.
 */
export function normalizeSearchText(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ü|u:/g, 'v')
    .replace(/[\s\u00b7\u30fb·•・]+/g, ' ')
    .trim();
}

const ASCII_WORD = /^[a-z]+$/;

function syllablesOf(pinyin: string | undefined): string[] {
  if (!pinyin) return [];
  return normalizeSearchText(pinyin)
    .split(' ')
    .filter((s) => ASCII_WORD.test(s));
}

function buildEntry(deputy: Deputy, order: number): Entry {
  const syllables = syllablesOf(deputy.pinyin);
  const groups = [deputy.deputyGroup, ...(deputy.sectorGroups ?? [])].filter((g): g is NonNullable<typeof g> => !!g);
  const stations = deputy.stations ?? [];
  const other = [
    ...stations.map((s) => s.name),
    ...groups.map((g) => g.name),
    ...(deputy.expertise ?? []),
    deputy.occupation ?? '',
    ...(deputy.services ?? []).map((s) => s.name),
    deputy.electedFrom?.name ?? '',
    deputy.residentIn ?? '',
  ]
    .filter(Boolean)
    .map(normalizeSearchText)
    .join('\u0001');
  return {
    deputy,
    order,
    name: normalizeSearchText(deputy.name).replace(/ /g, ''),
    pinyin: syllables.join(''),
    syllables,
    initials: syllables.map((s) => s[0]).join(''),
    other,
    stationIds: stations.map((s) => s.id),
    groupIds: groups.map((g) => g.id),
  };
}

function rankToken(e: Entry, token: string): number {
  if (e.name === token) return RANK.nameExact;
  if (e.name.startsWith(token)) return RANK.namePrefix;
  if (ASCII_WORD.test(token)) {
    if (e.pinyin === token) return RANK.pinyinExact;
    if (e.initials === token) return RANK.initialsExact;
    if (e.pinyin.startsWith(token)) return RANK.pinyinPrefix;
    if (e.initials.startsWith(token)) return RANK.initialsPrefix;
  }
  if (e.name.includes(token)) return RANK.nameContains;
  if (ASCII_WORD.test(token) && token.length >= 2) {
    for (const s of e.syllables) if (s.startsWith(token)) return RANK.syllable;
  }
  if (e.other.includes(token)) return RANK.other;
  return -1;
}

/**
 * Rank of an entry for a normalised query, or -1 when it does not match. An ASCII query is first
 * tried as one pinyin run with its spaces removed ("zhang wei" → "zhangwei"); otherwise every
 * space-separated token must match somewhere (AND).
 */
function rankEntry(e: Entry, q: string, tokens: readonly string[], compact: string | null): number {
  if (compact !== null && tokens.length > 1) {
    if (e.pinyin === compact) return RANK.pinyinExact;
    if (e.pinyin.startsWith(compact)) return RANK.pinyinPrefix;
  }
  if (tokens.length === 1) return rankToken(e, q);
  let total = 0;
  for (const t of tokens) {
    const r = rankToken(e, t);
    if (r < 0) return -1;
    total += r;
  }
  return total / tokens.length;
}

export class DeputyDirectory {
  private readonly entries: Entry[];
  private readonly byId = new Map<string, Deputy>();

  constructor(deputies: readonly Deputy[]) {
    this.entries = deputies.map(buildEntry);
    for (const d of deputies) if (!this.byId.has(d.id)) this.byId.set(d.id, d);
  }

  get size(): number {
    return this.entries.length;
  }

  get(id: string): Deputy | undefined {
    return this.byId.get(id);
  }

  /** Deputies matching every given filter and the text, best matches first (ties: list order). */
  search(query: DirectoryQuery = {}): Deputy[] {
    const q = normalizeSearchText(query.text ?? '');
    const tokens = q ? q.split(' ') : [];
    const compactCandidate = q.replace(/ /g, '');
    const compact = ASCII_WORD.test(compactCandidate) ? compactCandidate : null;
    const level = query.level || undefined;
    const stationId = query.stationId || undefined;
    const groupId = query.groupId || undefined;

    const hits: Array<{ e: Entry; rank: number }> = [];
    for (const e of this.entries) {
      if (level && e.deputy.level !== level) continue;
      if (stationId && !e.stationIds.includes(stationId)) continue;
      if (groupId && !e.groupIds.includes(groupId)) continue;
      if (!q) {
        hits.push({ e, rank: 0 });
        continue;
      }
      const rank = rankEntry(e, q, tokens, compact);
      if (rank >= 0) hits.push({ e, rank });
    }
    if (q) hits.sort((a, b) => a.rank - b.rank || a.e.order - b.e.order);
    return hits.map((h) => h.e.deputy);
  }

  /** Filter options with counts over the whole directory, in a stable order. */
  facets(): { levels: FacetOption[]; stations: FacetOption[]; groups: GroupFacetOption[] } {
    const levels = new Map<string, number>();
    const stations = new Map<string, FacetOption>();
    const groups = new Map<string, GroupFacetOption>();
    for (const { deputy: d } of this.entries) {
      levels.set(d.level, (levels.get(d.level) ?? 0) + 1);
      for (const s of d.stations ?? []) {
        const f = stations.get(s.id);
        if (f) f.count++;
        else stations.set(s.id, { value: s.id, label: s.name, count: 1 });
      }
      const gs: Array<[{ id: string; name: string }, 'deputy' | 'sector']> = [];
      if (d.deputyGroup) gs.push([d.deputyGroup, 'deputy']);
      for (const g of d.sectorGroups ?? []) gs.push([g, 'sector']);
      for (const [g, kind] of gs) {
        const f = groups.get(g.id);
        if (f) f.count++;
        else groups.set(g.id, { value: g.id, label: g.name, count: 1, kind });
      }
    }
    const byLabel = (a: FacetOption, b: FacetOption) => a.label.localeCompare(b.label, 'zh-CN') || a.value.localeCompare(b.value);
    const LEVEL_ORDER = ['national', 'provincial', 'municipal', 'county', 'township'];
    return {
      levels: LEVEL_ORDER.filter((l) => levels.has(l)).map((l) => ({ value: l, label: l, count: levels.get(l)! })),
      stations: [...stations.values()].sort(byLabel),
      groups: [...groups.values()].sort((a, b) => (a.kind === b.kind ? byLabel(a, b) : a.kind === 'deputy' ? -1 : 1)),
    };
  }
}
