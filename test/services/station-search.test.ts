import { expect } from '@open-wc/testing';
import { StationIndex, normalizeSearch } from '../../src/services/station-search.js';
import { distanceMeters } from '../../src/services/geo.js';
import type { Station } from '../../src/services/schemas/station.js';

const st = (id: string, name: string, extra: Partial<Station> = {}): Station => ({ id, name, types: ['point'], tier: 'village', ...extra });
const stations: Station[] = [
  st('a', '东关街道人大代表联络站', { types: ['station', 'legislative'], tier: 'township', district: '东关街道', address: '青禾县东关街道人民路8号', pinyin: { full: 'dong guan jie dao ren da dai biao lian luo zhan', initials: 'dgjdrddblllz' }, location: { lng: 118.262, lat: 35.13, crs: 'gcj02' } }),
  st('b', '后洼村人大代表联络点', { district: '东关街道', address: '青禾县东关街道后洼村村委会', pinyin: { full: 'hou wa cun ren da dai biao lian luo dian', initials: 'hwcrddblld' }, location: { lng: 118.3, lat: 35.15, crs: 'wgs84' } }),
  st('c', '南湖镇人大代表联络站', { types: ['station'], tier: 'township', district: '南湖镇', venue: '南湖镇党群服务中心', pinyin: { full: 'nan hu zhen ren da dai biao lian luo zhan', initials: 'nhzrddbllz' }, location: { lng: 118.28, lat: 34.95, crs: 'bd09' } }),
  st('d', '青禾人大“码上联络”线上联络站', { types: ['online'], tier: 'county', pinyin: { full: 'qing he ren da ma shang lian luo xian shang lian luo zhan', initials: 'qhrdmsllxsllz' } }),
];
const index = new StationIndex(stations);
const ids = (hits: { station: Station }[]) => hits.map((h) => h.station.id);

describe('station search', () => {
  const table: [string, Parameters<StationIndex['query']>[0], string[]][] = [
    ['no query: all', {}, ['a', 'b', 'c', 'd']],
    ['Chinese name', { text: '南湖' }, ['c']],
    ['address', { text: '人民路' }, ['a']],
    ['venue', { text: '党群服务中心' }, ['c']],
    ['district name', { text: '东关街道' }, ['a', 'b']],
    ['full pinyin without spaces', { text: 'nanhu' }, ['c']],
    ['full pinyin with spaces', { text: 'hou wa' }, ['b']],
    ['pinyin initials', { text: 'dgjd' }, ['a']],
    ['upper case / full-width letters', { text: 'ＮＡＮＨＵ' }, ['c']],
    ['two words must both match', { text: '东关 联络点' }, ['b']],
    ['quotes are ignored', { text: '码上联络' }, ['d']],
    ['no match', { text: '不存在' }, []],
    ['type filter', { type: 'station' }, ['a', 'c']],
    ['tier filter', { tier: 'village' }, ['b']],
    ['district filter + text', { district: '东关街道', text: 'lianluozhan' }, ['a']],
    ['only set', { only: new Set(['b', 'd']) }, ['b', 'd']],
  ];
  for (const [name, q, want] of table) {
    it(name, () => expect(ids(index.query(q))).to.deep.equal(want));
  }

  it('sorts by distance from an origin, unlocated stations last', () => {
    const hits = index.query({ origin: { lng: 118.28, lat: 34.95, crs: 'bd09' }, distance: distanceMeters });
    expect(ids(hits)).to.deep.equal(['c', 'a', 'b', 'd']);
    expect(hits[0].distance).to.be.below(1);
    expect(hits[3].distance).to.equal(undefined);
  });

  it('locates a typed place (township station first)', () => {
    expect(index.locate('东关街道')).to.deep.equal(stations[0].location);
    expect(index.locate('houwa')).to.deep.equal(stations[1].location);
    expect(index.locate('火星')).to.equal(undefined);
  });

  it('lists districts', () => {
    expect(index.districts()).to.deep.equal(['东关街道', '南湖镇']);
    expect(index.districts(['南湖镇', '西岭镇'])).to.deep.equal(['南湖镇', '西岭镇', '东关街道']);
  });

  it('normalizes', () => {
    expect(normalizeSearch(' Dong Guan·街道 ')).to.equal('dongguan街道');
  });
});
