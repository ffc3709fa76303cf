import { expect } from '@open-wc/testing';
import { DeputyDirectory, normalizeSearchText, type DirectoryQuery } from '../../src/services/directory.js';
import type { Deputy } from '../../src/services/schemas/deputy.js';

const base = { term: { number: 18 }, status: { code: 'serving' as const } };
const deputies: Deputy[] = [
  {
    ...base, id: 'd1', name: '张伟', pinyin: 'zhang wei', level: 'county',
    stations: [{ id: 's-east', name: '东关街道代表联络站' }],
    deputyGroup: { id: 'g-east', name: '东关代表小组' },
    expertise: ['农业技术'], occupation: '青禾县农业农村局农艺师',
  },
  {
    ...base, id: 'd2', name: '吕晓红', pinyin: 'lv xiao hong', level: 'township',
    stations: [{ id: 's-west', name: '西岭镇人大代表之家' }],
    deputyGroup: { id: 'g-west', name: '西岭代表小组' },
    sectorGroups: [{ id: 'sg-law', name: '法制专业代表小组' }],
    expertise: ['法律援助'],
  },
  {
    ...base, id: 'd3', name: '单国强', pinyin: 'shan guo qiang', level: 'provincial',
    stations: [{ id: 's-east', name: '东关街道代表联络站' }, { id: 's-west', name: '西岭镇人大代表之家' }],
    sectorGroups: [{ id: 'sg-law', name: '法制专业代表小组' }], residentIn: '驻青禾县',
  },
  {
    ...base, id: 'd4', name: '张伟强', pinyin: 'zhang wei qiang', level: 'county',
    stations: [{ id: 's-north', name: '北塘社区联络点' }], expertise: ['中医'],
  },
  { ...base, id: 'd5', name: '阿依古丽·买买提', pinyin: 'a yi gu li mai mai ti', level: 'municipal' },
  { ...base, id: 'd6', name: 'ＡＢＣ测试', level: 'national' },
];
const dir = new DeputyDirectory(deputies);
const ids = (q: DirectoryQuery) => dir.search(q).map((d) => d.id);

describe('directory: normalizeSearchText', () => {
  const cases: Array<[string, string]> = [
    ['  Zhang  Wei ', 'zhang wei'],
    ['ＺＷ', 'zw'],
    ['lü', 'lv'],
    ['lu:', 'lv'],
    ['阿依古丽·买买提', '阿依古丽 买买提'],
    ['\t张\n伟', '张 伟'],
    ['', ''],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => expect(normalizeSearchText(input)).to.equal(expected));
  }
});

describe('directory: search', () => {
  const cases: Array<[string, DirectoryQuery, string[]]> = [
    ['empty query lists everyone in list order', {}, ['d1', 'd2', 'd3', 'd4', 'd5', 'd6']],
    ['blank text is no filter', { text: '   ' }, ['d1', 'd2', 'd3', 'd4', 'd5', 'd6']],
    ['exact name first, then name prefix', { text: '张伟' }, ['d1', 'd4']],
    ['name contains', { text: '晓红' }, ['d2']],
    ['single character', { text: '强' }, ['d3', 'd4']],
    ['pinyin initials exact', { text: 'zw' }, ['d1', 'd4']],
    ['pinyin initials exact outranks prefix', { text: 'zwq' }, ['d4']],
    ['initials are case-insensitive and full-width', { text: 'ＺＷＱ' }, ['d4']],
    ['full pinyin exact first', { text: 'zhangwei' }, ['d1', 'd4']],
    ['full pinyin with spaces', { text: 'zhang wei qiang' }, ['d4']],
    ['pinyin prefix', { text: 'zhangw' }, ['d1', 'd4']],
    ['ü typed as v', { text: 'lvxiao' }, ['d2']],
    ['ü typed as ü', { text: 'lü' }, ['d2']],
    ['polyphonic surname precomputed (单 = shan)', { text: 'shan' }, ['d3']],
    ['syllable inside the name (equal rank: list order)', { text: 'qiang' }, ['d3', 'd4']],
    ['station name', { text: '西岭镇' }, ['d2', 'd3']],
    ['group name', { text: '法制专业' }, ['d2', 'd3']],
    ['expertise', { text: '中医' }, ['d4']],
    ['occupation', { text: '农艺师' }, ['d1']],
    ['resident higher-level deputy', { text: '驻青禾' }, ['d3']],
    ['name with middle dot, typed with a space', { text: '阿依古丽 买买提' }, ['d5']],
    ['name with middle dot, typed with the dot', { text: '阿依古丽·买买提' }, ['d5']],
    ['full-width latin in a name', { text: 'abc' }, ['d6']],
    ['several tokens must all match (AND)', { text: '张 中医' }, ['d4']],
    ['no match', { text: '王' }, []],
    ['no match for unknown pinyin', { text: 'xyz' }, []],
    ['one letter does not match inside syllables', { text: 'q' }, []],
    ['regex characters are literal', { text: '.*' }, []],
    ['level filter', { level: 'county' }, ['d1', 'd4']],
    ['empty level means all', { level: '' }, ['d1', 'd2', 'd3', 'd4', 'd5', 'd6']],
    ['station filter', { stationId: 's-east' }, ['d1', 'd3']],
    ['deputy group filter', { groupId: 'g-west' }, ['d2']],
    ['sector group filter', { groupId: 'sg-law' }, ['d2', 'd3']],
    ['filters combine', { stationId: 's-west', level: 'provincial' }, ['d3']],
    ['filter and text', { stationId: 's-east', text: 'zw' }, ['d1']],
    ['unknown station', { stationId: 'nope' }, []],
  ];
  for (const [title, q, expected] of cases) {
    it(title, () => expect(ids(q)).to.deep.equal(expected));
  }

  it('get by id and size', () => {
    expect(dir.size).to.equal(6);
    expect(dir.get('d3')?.name).to.equal('单国强');
    expect(dir.get('missing')).to.equal(undefined);
  });

  it('an empty directory answers with nothing', () => {
    const empty = new DeputyDirectory([]);
    expect(empty.search({ text: 'a' })).to.deep.equal([]);
    expect(empty.facets()).to.deep.equal({ levels: [], stations: [], groups: [] });
  });
});

describe('directory: facets', () => {
  const f = dir.facets();
  it('levels in hierarchy order with counts', () => {
    expect(f.levels.map((l) => [l.value, l.count])).to.deep.equal([
      ['national', 1], ['provincial', 1], ['municipal', 1], ['county', 2], ['township', 1],
    ]);
  });
  it('stations with counts, sorted by name', () => {
    expect(f.stations.map((s) => [s.value, s.count])).to.deep.equal([['s-north', 1], ['s-east', 2], ['s-west', 2]]);
  });
  it('deputy groups before sector groups', () => {
    expect(f.groups.map((g) => [g.value, g.kind, g.count])).to.deep.equal([
      ['g-east', 'deputy', 1], ['g-west', 'deputy', 1], ['sg-law', 'sector', 2],
    ]);
  });
});

describe('directory: scale', () => {
  it('searches 5,000 deputies and returns each once', () => {
    const many: Deputy[] = Array.from({ length: 5000 }, (_, i) => ({
      ...base, id: `m${i}`, name: i % 2 ? `李${i}` : `王${i}`, pinyin: i % 2 ? 'li' : 'wang', level: 'township',
    }));
    const big = new DeputyDirectory(many);
    const li = big.search({ text: 'li' });
    expect(li.length).to.equal(2500);
    expect(new Set(li.map((d) => d.id)).size).to.equal(2500);
    expect(big.search({ text: '王4998' }).map((d) => d.id)).to.deep.equal(['m4998']);
  });
});
