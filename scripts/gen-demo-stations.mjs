#!/usr/bin/env node
// Generates demo/content/stations.json: the liaison stations of an invented county (青禾县), with
// schedules of every kind, deputies referenced by id ("dep-001".."dep-300", the ids the deputy-card
// demo uses), locations mostly in GCJ-02 with some WGS-84 / BD-09, a few online stations without a
// location and two overseas liaison points. Deterministic (fixed seed): running it twice gives the
// same file.
//
//   node scripts/gen-demo-stations.mjs [--count-only] [--out demo/content/stations.json] [--stations 2000]
//
// Pinyin (full syllables and initials) is precomputed here with pinyin-pro (Node-only, too big for
// browsers) into each station's `pinyin` field, so the widget can search 拼音 without shipping a
// dictionary. Deputy names/levels are taken from demo/content/deputies.json when that file exists,
// otherwise invented here.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import gcoord from 'gcoord';
import { pinyin } from 'pinyin-pro';
import { seeded } from './demo-random.mjs';

const args = process.argv.slice(2);
const arg = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const OUT = arg('--out', 'demo/content/stations.json');
const BULK = Number(arg('--stations', '0')); // >0: a prefecture-sized synthetic set for benchmarks

// ---------------------------------------------------------------------------------------------
const { rand, pick, int, chance } = seeded(20261125);
const shuffle = (arr) => {
  const a = [...arr];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
};
const round6 = (n) => Math.round(n * 1e6) / 1e6;

// ---------------------------------------------------------------------------------------------
// Invented people (no real persons).
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文'.split('');
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志文林云海亮德成玲燕宁凤春晓东雪梅荣新利清飞彬斌波宇浩凯健俊帆帅旭鹏振辉力坤瑞'.split('');
const personName = () => pick(SURNAMES) + pick(GIVEN) + (chance(0.6) ? pick(GIVEN) : '');

const LEVELS = ['township', 'county', 'municipal', 'provincial'];
const deputies = new Map();
const deputyFile = 'demo/content/deputies.json';
if (existsSync(deputyFile)) {
  try {
    const raw = JSON.parse(readFileSync(deputyFile, 'utf8'));
    for (const d of Array.isArray(raw) ? raw : raw.deputies ?? []) {
      if (d?.id && d?.name) deputies.set(d.id, { id: d.id, name: d.name, levels: [d.level ?? 'county'], stations: (d.stations ?? []).map((x) => x.id) });
    }
  } catch {
    /* invented below */
  }
}
for (let i = 1; i <= 300; i++) {
  const id = `dep-${String(i).padStart(3, '0')}`;
  if (!deputies.has(id)) {
    const level = i <= 3 ? 'provincial' : i <= 12 ? 'municipal' : i <= 80 ? 'county' : 'township';
    // Many township deputies are also county deputies (multi-level deputies).
    const levels = level === 'township' && i % 7 === 0 ? ['county', 'township'] : [level];
    deputies.set(id, { id, name: personName(), levels });
  }
}
/** Deputy numbers assigned to a station id in deputies.json (编组进站), if any. */
const assigned = (stationId) =>
  [...deputies.values()].filter((d) => d.stations?.includes(stationId)).map((d) => Number(d.id.slice(4)));
const dep = (n) => {
  const id = `dep-${String(n).padStart(3, '0')}`;
  const d = deputies.get(id);
  return { id: d.id, name: d.name, levels: d.levels.filter((l) => LEVELS.includes(l) || l === 'national') };
};

// ---------------------------------------------------------------------------------------------
// Geography: an invented county around an arbitrary point (GCJ-02).
const CENTER = { lng: 118.262, lat: 35.118 };
// Same towns and station ids as scripts/gen-demo-deputies.mjs (the deputies' 编组进站 links).
const TOWNS = [
  { key: 'dongguan', name: '东关街道', kind: '街道', station: '东关街道人大代表联络站', dx: 0, dy: 0.012 },
  { key: 'fengming', name: '凤鸣街道', kind: '街道', station: '凤鸣街道人大代表之家', dx: 0.045, dy: -0.02 },
  { key: 'xiling', name: '西岭镇', kind: '镇', station: '西岭镇人大代表之家', dx: -0.2, dy: 0.03 },
  { key: 'nanhu', name: '南湖镇', kind: '镇', station: '南湖镇人大代表联络站', dx: 0.02, dy: -0.17 },
  { key: 'baishi', name: '白石镇', kind: '镇', station: '白石镇人大代表联络站', dx: 0.19, dy: 0.05 },
  { key: 'taoyuan', name: '桃源镇', kind: '镇', station: '桃源镇人大代表联络站', dx: -0.03, dy: 0.18 },
  { key: 'jinsha', name: '金沙镇', kind: '镇', station: '金沙镇人大代表之家', dx: 0.14, dy: -0.12 },
  { key: 'shiqiao', name: '石桥镇', kind: '镇', station: '石桥镇人大代表联络站', dx: 0.12, dy: 0.16 },
  { key: 'longquan', name: '龙泉镇', kind: '镇', station: '龙泉镇人大代表联络站', dx: 0.27, dy: -0.03 },
  { key: 'beitang', name: '北塘乡', kind: '乡', station: '北塘乡人大代表联络站', dx: -0.16, dy: 0.15 },
  { key: 'liuxi', name: '柳溪乡', kind: '乡', station: '柳溪乡人大代表联络站', dx: -0.15, dy: -0.13 },
  { key: 'qingshui', name: '清水乡', kind: '乡', station: '清水乡人大代表联络站', dx: -0.28, dy: -0.04 },
];
const VILLAGE_WORDS = '前后东西南北上下大小新老王李张刘赵孙高马杨柳桃杏枣槐松竹梅兰石河湖泉溪岭坡岗庄屯堡寨营沟湾洼塘田坪桥店集'.split('');
const villageName = (used) => {
  for (;;) {
    const n = pick(VILLAGE_WORDS) + pick(VILLAGE_WORDS) + (chance(0.5) ? '村' : pick(['庄村', '屯村', '家村', '社区']));
    if (!used.has(n)) {
      used.add(n);
      return n;
    }
  }
};
const ROADS = ['人民路', '建设路', '解放路', '和平路', '青禾大道', '文化路', '胜利街', '迎宾路', '府前街', '育才路', '工业路', '兴农路'];
const jitter = (p, r) => ({ lng: p.lng + (rand() - 0.5) * r, lat: p.lat + (rand() - 0.5) * r * 0.8 });

/** Location in GCJ-02 mostly; ~12% given in WGS-84 and ~8% in BD-09 (converted, same place). */
function located(p) {
  const r = rand();
  if (r < 0.12) {
    const [lng, lat] = gcoord.transform([p.lng, p.lat], gcoord.GCJ02, gcoord.WGS84);
    return { lng: round6(lng), lat: round6(lat), crs: 'wgs84' };
  }
  if (r < 0.2) {
    const [lng, lat] = gcoord.transform([p.lng, p.lat], gcoord.GCJ02, gcoord.BD09);
    return { lng: round6(lng), lat: round6(lat), crs: 'bd09' };
  }
  return { lng: round6(p.lng), lat: round6(p.lat), crs: 'gcj02' };
}

const phone = () => `0123-${int(6, 8)}${String(int(0, 999999)).padStart(6, '0')}`;
const FACILITIES = ['接待室', '会议室', '代表信息公示栏', '意见箱', '无障碍通道', '饮水', '老花镜', '触摸屏查询机', '母婴室', '停车场', 'WiFi', '雨伞'];
const facilities = () => shuffle(FACILITIES).slice(0, int(3, 7));

// ---------------------------------------------------------------------------------------------
// Schedules of every kind.
const AM = [{ start: '09:00', end: '11:30' }];
const PM = [{ start: '14:30', end: '17:00' }];
const DAY = [...AM, ...PM];
const MONTHLY_SETS = [[4], [10], [20], [28], [4, 20], [10, 25], [5, 15, 25]];

function rota(ids, perSession = 1, anchor = '2026-01-01') {
  return { deputyIds: ids, perSession, anchor };
}

function stationSchedule(ids) {
  const days = pick(MONTHLY_SETS);
  const rules = [
    {
      id: 'monthly',
      kind: 'monthly',
      days,
      times: chance(0.4) ? DAY : AM,
      onHoliday: chance(0.8) ? 'next-workday' : 'skip',
      duty: rota(ids, Math.min(2, ids.length)),
    },
  ];
  if (chance(0.35)) rules.push({ id: 'quarterly', kind: 'quarterly', period: 'mid', times: AM, topic: '季度集中接待', deputyIds: ids.slice(0, 3) });
  const s = { rules };
  if (chance(0.25)) s.cancelled = [{ date: '2026-12-10', ruleId: 'monthly', reason: '代表参加县人代会，本次接待取消' }];
  if (chance(0.15)) s.closures = [{ from: '2026-12-14', until: '2026-12-18', reason: '场所改造' }];
  if (chance(0.3)) {
    s.extra = [
      {
        id: 'daji',
        date: pick(['2026-12-05', '2026-12-12', '2026-12-19']),
        start: '08:00',
        end: '11:00',
        topic: '代表大集 · 赶集日接待',
        place: { name: `${pick(['镇', '乡'])}集贸市场东门`, address: '集贸市场' },
        deputyIds: ids.slice(0, 2),
      },
    ];
  }
  return s;
}

function villageSchedule(ids) {
  const r = rand();
  if (r < 0.35) return { rules: [{ id: 'weekly', kind: 'weekly', weekdays: [pick([1, 2, 3, 4, 5])], times: pick([AM, PM]), deputyIds: ids }] };
  if (r < 0.6) {
    return {
      rules: [{ id: 'biweekly', kind: 'weekly', weekdays: [3], interval: 2, anchor: '2026-11-04', times: PM, duty: rota(ids, 1, '2026-11-04') }],
    };
  }
  if (r < 0.8) return { rules: [{ id: 'monthly', kind: 'monthly', days: [pick([15, 18, 25])], times: AM, onHoliday: 'next-workday', deputyIds: ids }] };
  if (r < 0.9) return { rules: [{ id: 'month-end', kind: 'monthly', days: [-1], times: PM, onHoliday: 'previous-workday', deputyIds: ids }] };
  return { rules: [{ id: 'quarterly', kind: 'quarterly', period: pick(['early', 'mid', 'late']), times: AM, deputyIds: ids }] };
}

// ---------------------------------------------------------------------------------------------
const stations = [];
const usedVillages = new Set();
let nextDeputy = 13; // 1–12: provincial/municipal, spread over the county-level sites
const takeDeputies = (n) => {
  const out = [];
  for (let i = 0; i < n; i++) {
    out.push(nextDeputy);
    nextDeputy = nextDeputy >= 300 ? 13 : nextDeputy + 1;
  }
  return out;
};
const ids = (list) => list.map((n) => `dep-${String(n).padStart(3, '0')}`);

function add(s) {
  const py = pinyin(s.name, { toneType: 'none', type: 'array', v: true });
  s.pinyin = { full: py.join(' '), initials: py.map((x) => x[0]).join('') };
  stations.push(s);
  return s;
}

const COUNTY = '青禾县';
const orFallback = (list, fallback) => (list.length ? list : fallback);
const centralDeps = orFallback(assigned('st-center'), [1, 2, 4, 5, 6, 13, 14, 15, 16, 17]);
const centralRota = ids(centralDeps.slice(2));
const central = add({
  id: 'st-center',
  name: `${COUNTY}人大代表联络总站`,
  types: ['central', 'legislative'],
  tier: 'county',
  district: '城关街道',
  address: `${COUNTY}城关街道人民路8号县人大常委会机关一楼`,
  venue: '县人大常委会机关',
  location: located(jitter(CENTER, 0.004)),
  phone: phone(),
  head: { name: personName(), title: '县人大常委会副主任' },
  liaisons: [{ name: personName(), title: '联络员', phone: phone() }],
  deputies: centralDeps.map(dep),
  schedule: {
    rules: [
      {
        id: 'county-monthly',
        kind: 'monthly',
        days: [10],
        times: DAY,
        onHoliday: 'next-workday',
        duty: rota(centralRota, 2, '2026-01-01'),
        note: '请携带身份证件，可提前电话预约',
      },
      { id: 'legislation-week', kind: 'daily', from: '2026-12-07', until: '2026-12-18', workdaysOnly: true, times: PM, topic: '《青禾县乡村清洁条例（草案）》意见征集集中接待' },
      { id: 'quarterly', kind: 'quarterly', period: 'mid', times: AM, topic: '季度代表集中接待日', deputyIds: ids(centralDeps.slice(0, 2)) },
    ],
    extra: [
      { id: 'daji-1205', date: '2026-12-05', start: '08:00', end: '11:00', topic: '代表大集', place: { name: '城关农贸市场', address: `${COUNTY}城关街道解放路66号` }, deputyIds: centralRota.slice(0, 2) },
    ],
    cancelled: [{ date: '2027-01-11', ruleId: 'county-monthly', reason: '与县人代会会期冲突' }],
    note: '如遇临时调整，以站内公告为准',
  },
  events: [
    {
      id: 'ev-001',
      title: '“民生实事”项目征集座谈会',
      start: '2026-12-15T09:30:00+08:00',
      end: '2026-12-15T11:30:00+08:00',
      place: { name: '县政务服务中心三楼会议室', address: `${COUNTY}青禾大道199号` },
    },
  ],
  facilities: ['接待室', '会议室', '代表信息公示栏', '意见箱', '无障碍通道', '触摸屏查询机', '母婴室'],
  description: '全县代表联络工作的枢纽，兼作县级基层立法联系点，承担省、市人大法规草案征求意见工作。',
});

add({
  id: 'st-home',
  name: `${COUNTY}人大代表之家`,
  types: ['home'],
  tier: 'county',
  parentId: central.id,
  district: '城关街道',
  address: `${COUNTY}城关街道文化路21号`,
  venue: '县文化中心',
  location: located(jitter(CENTER, 0.012)),
  phone: phone(),
  head: { name: personName(), title: '县人大常委会代表工作委员会主任' },
  deputies: [3, 7, 8, 18, 19, 20].map(dep),
  schedule: {
    rules: [
      { id: 'weekly', kind: 'weekly', weekdays: [3], times: DAY, duty: rota(ids([7, 8, 18, 19, 20]), 1, '2026-01-07') },
      { id: 'monthly-topic', kind: 'monthly', days: [28], times: PM, onHoliday: 'previous-workday', topic: '议题式接待：教育与托育' },
    ],
  },
  facilities: facilities(),
});

add({
  id: 'st-legis',
  name: '青禾县人大常委会基层立法联系点（县司法局）',
  types: ['legislative'],
  tier: 'county',
  parentId: central.id,
  district: '禾丰街道',
  address: `${COUNTY}禾丰街道迎宾路35号`,
  venue: '县司法局',
  location: located(jitter({ lng: CENTER.lng + 0.04, lat: CENTER.lat - 0.015 }, 0.01)),
  phone: phone(),
  schedule: { rules: [{ id: 'dates', kind: 'dates', dates: ['2026-12-03', '2026-12-17', '2027-01-07', '2027-01-21'], times: AM, topic: '法规草案意见座谈' }] },
  facilities: facilities(),
});

add({
  id: 'st-yuanqu',
  name: '青禾经济开发区代表工作室',
  types: ['studio', 'business'],
  tier: 'enterprise',
  parentId: central.id,
  district: '禾丰街道',
  address: `${COUNTY}经济开发区创业路1号服务大厦`,
  venue: '开发区企业服务中心',
  location: located(jitter({ lng: CENTER.lng + 0.06, lat: CENTER.lat - 0.03 }, 0.01)),
  phone: phone(),
  deputies: orFallback(assigned('st-yuanqu'), [9, 21, 22, 23]).map(dep),
  schedule: {
    rules: [{ id: 'weekly', kind: 'weekly', weekdays: [2, 4], times: PM, topic: '营商环境', duty: rota(ids(orFallback(assigned('st-yuanqu'), [9, 21, 22, 23])), 1, '2026-01-06') }],
  },
  facilities: facilities(),
  description: '行业代表工作室：收集企业对营商环境的意见建议。',
});

// Towns.
let seq = 1;
let sidPrefix = 'st';
const sid = () => `${sidPrefix}-${String(seq++).padStart(2, '0')}`;
for (const [ti, town] of TOWNS.entries()) {
  const tc = { lng: CENTER.lng + town.dx, lat: CENTER.lat + town.dy };
  const pool = orFallback(assigned(`st-${town.key}`), takeDeputies(town.kind === '街道' ? 14 : 11));
  sidPrefix = `st-${town.key}`;
  seq = 1;
  const road = pick(ROADS);
  const townStation = add({
    id: `st-${town.key}`,
    name: town.station,
    types: [town.station.includes('之家') ? 'home' : 'station', ...(ti % 4 === 1 ? ['legislative'] : ti % 5 === 2 ? ['public-opinion'] : [])],
    tier: 'township',
    parentId: central.id,
    district: town.name,
    address: `${COUNTY}${town.name}${road}${int(1, 200)}号`,
    venue: `${town.name}党群服务中心`,
    location: located(jitter(tc, 0.006)),
    phone: phone(),
    head: { name: personName(), title: `${town.name}人大${town.kind === '街道' ? '工委主任' : '主席'}` },
    liaisons: [{ name: personName(), title: '专职联络员', phone: phone() }],
    deputies: pool.map(dep),
    schedule: stationSchedule(ids(pool)),
    facilities: facilities(),
    ...(ti % 3 === 0
      ? {
          events: [
            {
              title: '代表进村入户走访',
              start: `2026-12-${String(8 + ti).padStart(2, '0')}T14:30:00+08:00`,
              place: { name: `${town.name}${pick(['村委会', '社区广场', '文化大院'])}` },
            },
          ],
        }
      : {}),
  });

  const villages = town.kind === '街道' ? int(10, 12) : int(7, 10);
  for (let v = 0; v < villages; v++) {
    const vn = villageName(usedVillages);
    const vp = jitter(tc, 0.09);
    const vIds = shuffle(pool).slice(0, int(2, 4));
    add({
      id: sid(),
      name: `${vn}人大代表联络点`,
      types: chance(0.12) ? ['point', 'observation'] : ['point'],
      tier: 'village',
      parentId: townStation.id,
      district: town.name,
      address: `${COUNTY}${town.name}${vn}${vn.endsWith('社区') ? '服务中心' : '村委会'}`,
      venue: vn.endsWith('社区') ? '社区党群服务中心' : '村党群服务中心',
      location: located(vp),
      ...(chance(0.6) ? { phone: phone() } : {}),
      deputies: vIds.map(dep),
      schedule: villageSchedule(ids(vIds)),
      facilities: facilities().slice(0, 4),
    });
  }
  if (ti % 2 === 0) {
    const host = dep(pick(pool));
    add({
      id: sid(),
      name: `${host.name}代表家庭联络点`,
      types: ['family'],
      tier: 'village',
      parentId: townStation.id,
      district: town.name,
      address: `${COUNTY}${town.name}${villageName(usedVillages)}${int(1, 80)}号`,
      venue: '代表家中',
      location: located(jitter(tc, 0.08)),
      deputies: [host],
      schedule: { rules: [{ id: 'sat', kind: 'weekly', weekdays: [6], times: [{ start: '19:00', end: '21:00' }], onHoliday: 'hold', deputyIds: [host.id] }] },
    });
  }
  if (ti % 3 === 1) {
    add({
      id: sid(),
      name: `${town.name}民情联络室`,
      types: ['public-opinion'],
      tier: 'township',
      parentId: townStation.id,
      district: town.name,
      address: `${COUNTY}${town.name}便民服务中心二楼`,
      venue: '便民服务中心',
      location: located(jitter(tc, 0.01)),
      phone: phone(),
      deputies: pool.slice(8, 10).map(dep),
      schedule: { rules: [{ id: 'weekly', kind: 'weekly', weekdays: [1, 3, 5], times: AM, deputyIds: ids(pool.slice(8, 10)) }] },
    });
  }
  if (ti % 4 === 2) {
    add({
      id: sid(),
      name: `${town.name}${pick(['农业', '乡村振兴', '医疗卫生', '教育'])}代表工作室`,
      types: ['studio'],
      tier: 'enterprise',
      parentId: townStation.id,
      district: town.name,
      address: `${COUNTY}${town.name}${pick(ROADS)}${int(1, 99)}号`,
      venue: pick(['农业合作社', '卫生院', '中心小学']),
      location: located(jitter(tc, 0.02)),
      deputies: pool.slice(10, 11).map(dep),
      schedule: { rules: [{ id: 'biweekly', kind: 'weekly', weekdays: [4], interval: 2, anchor: '2026-11-05', times: PM, deputyIds: ids(pool.slice(10, 11)) }] },
    });
  }
  if (ti % 4 === 3) {
    add({
      id: sid(),
      name: `${town.name}营商环境监测点`,
      types: ['business'],
      tier: 'enterprise',
      parentId: townStation.id,
      district: town.name,
      address: `${COUNTY}${town.name}商会大楼`,
      venue: '乡镇商会',
      location: located(jitter(tc, 0.02)),
      schedule: { rules: [{ id: 'quarterly', kind: 'quarterly', monthOfQuarter: 3, period: 'early', weekday: 2, times: PM }] },
    });
  }
}

// Online stations (no location).
sidPrefix = 'st-online';
seq = 1;
for (const [i, name] of ['青禾人大“码上联络”线上联络站', '青禾县人大代表网上联络站', '青禾人大微信小程序联络站'].entries()) {
  add({
    id: sid(),
    name,
    types: ['online'],
    tier: 'county',
    parentId: central.id,
    onlineUrl: `https://rd.example.gov.cn/online/${i + 1}`,
    phone: phone(),
    deputies: [24 + i, 25 + i].map(dep),
    schedule: {
      rules: [{ id: 'online', kind: 'weekly', weekdays: [1, 2, 3, 4, 5], times: [{ start: '09:00', end: '17:30' }], note: '工作日在线答复；留言全天候受理' }],
    },
    description: '全天候、不打烊：线上留言由值班代表在工作日答复。',
  });
}

// Overseas liaison points (联侨联络点): their own time zones, WGS-84.
sidPrefix = 'st-overseas';
seq = 1;
add({
  id: sid(),
  name: '青禾县人大联侨联络点（马德里）',
  types: ['overseas'],
  tier: 'county',
  parentId: central.id,
  address: 'Calle Ficticia 12, Madrid, España',
  venue: '青禾同乡会会所',
  location: { lng: -3.7038, lat: 40.4168, crs: 'wgs84' },
  phone: '+34 600 000 000',
  deputies: [11].map(dep),
  schedule: {
    timeZone: 'Europe/Madrid',
    rules: [{ id: 'sat', kind: 'weekly', weekdays: [6], interval: 2, anchor: '2026-11-07', times: [{ start: '10:00', end: '12:00' }], onHoliday: 'hold' }],
  },
  onlineUrl: 'https://rd.example.gov.cn/online/overseas-madrid',
});
add({
  id: sid(),
  name: '青禾县人大联侨联络点（旧金山）',
  types: ['overseas'],
  tier: 'county',
  parentId: central.id,
  address: '100 Example Street, San Francisco, CA, USA',
  venue: '侨胞服务中心',
  location: { lng: -122.4064, lat: 37.7946, crs: 'wgs84' },
  phone: '+1 415 000 0000',
  deputies: [12].map(dep),
  schedule: {
    timeZone: 'America/Los_Angeles',
    rules: [{ id: 'monthly', kind: 'monthly', days: [-1], times: [{ start: '18:00', end: '20:00' }], onHoliday: 'hold' }],
  },
});

// Bulk mode: a prefecture-sized synthetic set (for benchmarks), built by repeating the county
// around other centres.
let out = stations;
if (BULK > 0) {
  out = [];
  for (let k = 0; out.length < BULK; k++) {
    const dLng = ((k % 8) - 4) * 0.7;
    const dLat = (Math.floor(k / 8) - 2) * 0.6;
    for (const s of stations) {
      if (out.length >= BULK) break;
      const c = structuredClone(s);
      c.id = `${s.id}-${k}`;
      if (c.parentId) c.parentId = `${c.parentId}-${k}`;
      if (c.location && c.location.crs !== 'wgs84') c.location = { ...c.location, lng: round6(c.location.lng + dLng), lat: round6(c.location.lat + dLat) };
      else if (c.location && c.location.lng > 70) c.location = { ...c.location, lng: round6(c.location.lng + dLng), lat: round6(c.location.lat + dLat) };
      if (k > 0) c.name = c.name.replace(COUNTY, `${['青禾', '白水', '松川', '临湖', '丰阳', '石原', '北川', '南屏'][k % 8]}${k}县`);
      out.push(c);
    }
  }
}

// A rough county outline (GCJ-02) for the no-tiles vector view.
const ring = [];
for (let i = 0; i < 24; i++) {
  const a = (i / 24) * Math.PI * 2;
  const r = 0.34 + 0.05 * Math.sin(a * 3 + 1) + 0.03 * Math.cos(a * 5);
  ring.push([round6(CENTER.lng + Math.cos(a) * r * 1.05), round6(CENTER.lat + Math.sin(a) * r * 0.8)]);
}
ring.push(ring[0]);

const file = {
  version: 1,
  region: { name: COUNTY, outline: { crs: 'gcj02', rings: [ring] }, districts: TOWNS.map((t) => t.name) },
  stations: out,
};
writeFileSync(OUT, JSON.stringify(file, null, BULK > 0 ? 0 : 1) + '\n');
const byType = {};
for (const s of out) for (const t of s.types) byType[t] = (byType[t] ?? 0) + 1;
console.log(`${OUT}: ${out.length} stations`, byType);
