#!/usr/bin/env node
// Generates demo/content/deputies.json: an invented county (青禾县, 云州市, 江岭省 — none of them
// real) with 300 invented deputies of all five levels, ids dep-001 … dep-300.
// Deterministic: a fixed seed, no clock, no randomness from outside — running it twice gives the
// same file. Pinyin is computed here, at build time, with pinyin-pro (too big for browsers).
//
//   node scripts/gen-demo-deputies.mjs            writes demo/content/deputies.json
//   node scripts/gen-demo-deputies.mjs --check    exits 1 when the committed file is out of date
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { pinyin } from 'pinyin-pro';
import { seeded } from './demo-random.mjs';

const OUT = new URL('../demo/content/deputies.json', import.meta.url);
// The station map's demo stations (generated from this file's ids and names): each deputy gets the
// reception schedule of the first station they are assigned to, rota included.
const STATIONS = new URL('../demo/content/stations.json', import.meta.url);
const stationSchedules = new Map();
if (existsSync(STATIONS)) {
  const raw = JSON.parse(readFileSync(STATIONS, 'utf8'));
  for (const s of Array.isArray(raw) ? raw : raw.stations ?? []) if (s.schedule) stationSchedules.set(s.id, s.schedule);
}

const { rand, pick, int, chance } = seeded(20261125);
function sample(arr, n) {
  const copy = [...arr];
  const out = [];
  while (out.length < n && copy.length) out.push(copy.splice(Math.floor(rand() * copy.length), 1)[0]);
  return out;
}
const pad = (n, w = 2) => String(n).padStart(w, '0');
const date = (y, m, d) => `${y}-${pad(m)}-${pad(d)}`;

// ---- The invented county --------------------------------------------------------------------
const COUNTY = '青禾县';
const CITY = '云州市';
const PROVINCE = '江岭省';

/** Townships and streets, each with its liaison station (编组进站). */
const TOWNS = [
  { key: 'dongguan', name: '东关街道', station: '东关街道人大代表联络站' },
  { key: 'fengming', name: '凤鸣街道', station: '凤鸣街道人大代表之家' },
  { key: 'xiling', name: '西岭镇', station: '西岭镇人大代表之家' },
  { key: 'nanhu', name: '南湖镇', station: '南湖镇人大代表联络站' },
  { key: 'baishi', name: '白石镇', station: '白石镇人大代表联络站' },
  { key: 'taoyuan', name: '桃源镇', station: '桃源镇人大代表联络站' },
  { key: 'jinsha', name: '金沙镇', station: '金沙镇人大代表之家' },
  { key: 'shiqiao', name: '石桥镇', station: '石桥镇人大代表联络站' },
  { key: 'longquan', name: '龙泉镇', station: '龙泉镇人大代表联络站' },
  { key: 'beitang', name: '北塘乡', station: '北塘乡人大代表联络站' },
  { key: 'liuxi', name: '柳溪乡', station: '柳溪乡人大代表联络站' },
  { key: 'qingshui', name: '清水乡', station: '清水乡人大代表联络站' },
];
const CENTER = { id: 'st-center', name: `${COUNTY}人大代表联络总站` };
const INDUSTRY = { id: 'st-yuanqu', name: '青禾经济开发区代表工作室' };
const stationOf = (town) => ({ id: `st-${town.key}`, name: town.station });

const SECTOR_GROUPS = [
  { id: 'sg-agri', name: '农业农村专业代表小组' },
  { id: 'sg-law', name: '法制专业代表小组' },
  { id: 'sg-finance', name: '财政经济专业代表小组' },
  { id: 'sg-edu', name: '教科文卫专业代表小组' },
  { id: 'sg-env', name: '城建环保专业代表小组' },
  { id: 'sg-social', name: '社会建设专业代表小组' },
];

// ---- Names (invented combinations) ----------------------------------------------------------
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏方邹熊白孟秦邱侯江尹薛段雷黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常汤单解仇';
const GIVEN_F = '秀英丽华桂兰芳敏静燕红霞玲娟梅琳雪婷慧颖洁晓春月莉倩萍艳凤琴';
const GIVEN_M = '伟强军平刚勇杰涛明超斌辉建国志文海波峰磊鹏华林东亮宏俊德永成';
const usedNames = new Set();
function makeName(female) {
  for (;;) {
    const given = female ? GIVEN_F : GIVEN_M;
    const n = pick([...SURNAMES]) + pick([...given]) + (chance(0.7) ? pick([...given]) : '');
    if (!usedNames.has(n) || chance(0.02)) {
      usedNames.add(n);
      return n;
    }
  }
}
function pinyinOf(name) {
  return pinyin(name.replace(/[·•]/g, ''), { toneType: 'none', mode: 'surname', type: 'array', v: true })
    .map((s) => s.toLowerCase().replace(/[^a-z]/g, ''))
    .filter(Boolean)
    .join(' ');
}

// ---- Occupations, expertise, services -------------------------------------------------------
/** [occupation template, expertise pool, service, sector group id] — `{town}` is filled in. */
const JOBS = [
  ['{town}{village}村党支部书记、村委会主任', ['乡村治理', '农业技术', '集体经济'], '村务和惠农政策咨询', 'sg-agri'],
  ['{town}{village}村种粮大户', ['农业技术', '粮食生产'], '农技指导', 'sg-agri'],
  ['青禾县金穗农业专业合作社理事长', ['农业技术', '电子商务', '合作社管理'], '农产品销售对接', 'sg-agri'],
  ['青禾县人民医院内科主任医师', ['医疗卫生', '慢病管理'], '健康咨询', 'sg-edu'],
  ['{town}卫生院全科医生', ['医疗卫生', '基层医疗'], '健康咨询', 'sg-edu'],
  ['青禾县第一中学教师', ['教育', '青少年保护'], '教育咨询', 'sg-edu'],
  ['{town}中心小学校长', ['教育', '留守儿童关爱'], '教育咨询', 'sg-edu'],
  ['青禾正衡律师事务所律师', ['法律', '劳动争议', '婚姻家庭'], '法律援助', 'sg-law'],
  ['{town}司法所所长', ['法律', '人民调解'], '矛盾纠纷调解', 'sg-law'],
  ['青禾县禾丰食品有限公司总经理', ['企业管理', '食品安全'], '企业政策咨询', 'sg-finance'],
  ['青禾经济开发区晨光机械有限公司工程师', ['安全生产', '机械制造'], '安全生产咨询', 'sg-finance'],
  ['个体工商户', ['小微企业', '市场管理'], null, 'sg-finance'],
  ['青禾县农村商业银行{town}支行行长', ['财务会计', '普惠金融'], '金融知识普及', 'sg-finance'],
  ['{town}{community}社区党委书记', ['社区治理', '养老服务'], '社区事务咨询', 'sg-social'],
  ['青禾县幸福里养老服务中心负责人', ['养老服务', '社会保障'], '养老政策咨询', 'sg-social'],
  ['青禾县城乡建设集团工程师', ['城市建设', '物业管理'], '住房和物业咨询', 'sg-env'],
  ['{town}环保志愿者协会会长', ['环境保护', '垃圾分类'], null, 'sg-env'],
  ['青禾县桃源茶叶有限公司职工', ['茶叶种植', '职工权益'], null, 'sg-agri'],
  ['{town}快递网点负责人', ['电子商务', '物流'], null, 'sg-finance'],
  ['青禾县文化馆馆员', ['文化旅游', '非遗保护'], '文化活动组织', 'sg-edu'],
];
const VILLAGES = ['桃花', '柳林', '石门', '新塘', '龙湾', '杏坪', '上河', '下庄', '竹园', '东山', '青石', '白沙'];
const COMMUNITIES = ['幸福', '和平', '朝阳', '滨河', '锦绣', '春晖'];

const PLEDGES = [
  '每月至少进站接待选民一次，认真听取群众意见。',
  '对群众反映的问题一个月内给予答复，件件有落实、事事有回音。',
  '每季度走访选区内的困难群众和老党员。',
  '每年向原选区选民述职一次，接受评议。',
  '围绕乡村振兴每年至少提出一件高质量建议。',
  '带头参与矛盾纠纷调解，做到小事不出村。',
  '每年开展一次专题调研，把群众呼声带到代表大会。',
  '利用专业所长，为群众提供免费咨询服务。',
];

const TOPICS = [
  '加快农村公路提档升级', '改善{town}老旧小区供水', '完善农村养老服务设施', '加强中小学校园周边交通安全',
  '推进农村生活垃圾分类', '扶持特色农产品电商发展', '提升乡镇卫生院诊疗能力', '规范校外培训机构管理',
  '加大农田水利设施投入', '解决{town}农贸市场停车难', '增设城区公共充电设施', '保护和利用传统村落',
  '加强食品安全监管', '优化营商环境、减少涉企检查', '建设城区口袋公园', '关爱农村留守儿童',
];
const SUGGESTION_STATUSES = ['submitted', 'assigned', 'in-progress', 'completed', 'completed'];

// ---- Levels -------------------------------------------------------------------------------------
// ids in order: dep-001 … dep-300, grouped by level (the order of the directory).
const PLAN = [
  { level: 'national', count: 2, term: { number: 14, fromYear: 2023, untilYear: 2028 } },
  { level: 'provincial', count: 8, term: { number: 14, fromYear: 2023, untilYear: 2028 } },
  { level: 'municipal', count: 35, term: { number: 9, fromYear: 2022, untilYear: 2027 } },
  { level: 'county', count: 175, term: { number: 18, fromYear: 2021, untilYear: 2026 } },
  { level: 'township', count: 80, term: { number: 19, fromYear: 2021, untilYear: 2026 } },
];

const deputies = [];
let n = 0;
for (const { level, count, term } of PLAN) {
  for (let i = 0; i < count; i++) {
    n++;
    const id = `dep-${pad(n, 3)}`;
    const female = chance(0.42);
    const name = makeName(female);
    // County deputies are spread over every town; township deputies over four towns only.
    const town = level === 'township' ? TOWNS[2 + (i % 4)] : TOWNS[i % TOWNS.length];
    const job = pick(JOBS);
    const occupation = job[0]
      .replace('{town}', town.name)
      .replace('{village}', pick(VILLAGES))
      .replace('{community}', pick(COMMUNITIES));
    const d = { id, name, pinyin: pinyinOf(name), level, term };

    if (level === 'county') d.electedFrom = { kind: 'constituency', name: `${town.name}第${int(1, 9)}选区` };
    else if (level === 'township') d.electedFrom = { kind: 'constituency', name: `${town.name}第${int(1, 12)}选区` };
    else if (level === 'municipal') d.electedFrom = { kind: 'electingUnit', name: `${COUNTY}人民代表大会` };
    else if (level === 'provincial') d.electedFrom = { kind: 'electingUnit', name: `${CITY}人民代表大会` };
    else d.electedFrom = { kind: 'electingUnit', name: `${PROVINCE}人民代表大会` };

    if (level === 'national' || level === 'provincial') {
      d.residentIn = `驻${COUNTY}`;
      d.deputyGroup = { id: 'grp-resident', name: `驻${COUNTY}全国和省人大代表小组` };
      d.stations = [CENTER, stationOf(town)];
    } else if (level === 'municipal') {
      d.deputyGroup = { id: 'grp-city', name: `${CITY}人大代表${COUNTY}代表组` };
      d.stations = chance(0.3) ? [stationOf(town), INDUSTRY] : [stationOf(town)];
    } else {
      d.deputyGroup = { id: `grp-${town.key}`, name: `${town.name}代表小组` };
      d.stations = [stationOf(town)];
    }
    if (level !== 'township' && chance(0.6)) d.sectorGroups = [SECTOR_GROUPS.find((g) => g.id === job[3])];

    d.occupation = occupation;
    d.expertise = sample(job[1], int(1, job[1].length));
    if (job[2]) d.services = [{ name: job[2], description: `在${d.stations[0].name}接待日现场提供${job[2]}。` }];
    d.pledges = sample(PLEDGES, int(2, 3));

    const born = int(1962, 1992);
    d.bio = `${name}，${female ? '女' : '男'}，${born}年生，${pick(['中共党员', '中共党员', '群众', '民盟盟员', '九三学社社员'])}，${pick(['大学本科', '大专', '研究生', '高中', '中专'])}学历，现任${occupation}。`;

    const suggestions = [];
    const usedTopics = new Set();
    for (let s = 0, k = int(0, 3); s < k; s++) {
      // One draw per suggestion, as pick() would; a topic already used moves to the next one.
      let ti = Math.floor(rand() * TOPICS.length);
      while (usedTopics.has(ti)) ti = (ti + 1) % TOPICS.length;
      usedTopics.add(ti);
      const year = int(term.fromYear + 1, Math.min(2026, term.untilYear));
      suggestions.push({
        kind: chance(0.1) && level !== 'township' ? 'motion' : 'suggestion',
        title: `关于${TOPICS[ti].replace('{town}', town.name)}的建议`,
        role: chance(0.6) ? 'lead' : 'co-signer',
        date: date(year, pick([1, 2, 3]), int(1, 28)),
        status: year === 2026 ? pick(['submitted', 'assigned', 'in-progress']) : pick(SUGGESTION_STATUSES),
      });
    }
    const record = {};
    if (suggestions.length) record.suggestions = suggestions;
    record.receptions = { count: int(3, 40), visitors: int(10, 160), since: date(term.fromYear, 12, 1) };
    record.activities = int(2, 30);
    if ((level === 'county' || level === 'township') && chance(0.6)) {
      record.reports = [{ title: `${name}代表向选民述职报告（${2025}年）`, date: date(2025, 12, int(1, 28)) }];
    }
    d.dutyRecord = record;
    if (level === 'county' || level === 'township') d.points = { total: int(52, 100), year: 2025 };

    d.status = { code: 'serving' };
    const schedule = stationSchedules.get(d.stations[0].id);
    if (schedule) d.receptionSchedule = schedule;
    deputies.push(d);
  }
}

// ---- Hand-set cases the demo and tests rely on -------------------------------------------------
const byId = (id) => deputies.find((d) => d.id === id);

// A deputy whose bio contains markup: it must be shown as text.
Object.assign(byId('dep-047'), {
  bio: '<img src=x onerror=alert(1)> 这段简介故意包含看似 HTML 的文字，页面应原样显示为文字，而不是执行或渲染它。<b>不应加粗</b>',
});
// Published messages with replies and the reply rate (docs/contract.md#looking-up-a-submission):
// what a portal shows once its backend publishes them (the reference receiver adds its own).
Object.assign(byId('dep-047'), {
  messages: [
    { subject: '村口排水沟堵塞', text: '下雨天积水严重，老人孩子出行不便，请帮助协调疏通。', askedAt: '2026-10-08T09:12:00+08:00', category: 'livelihood',
      reply: { text: '您好！经与镇政府和县住建局协调，排水沟已于10月20日疏通，并加装了盖板。汛期前还会再检查一次。感谢您的反映。', at: '2026-10-21T16:30:00+08:00', by: '马辉伟代表' } },
    { subject: '建议增加公交班次', text: '早上7点到8点去县城的公交太挤，希望增加班次。', askedAt: '2026-09-15T18:40:00+08:00', category: 'urban',
      reply: { text: '已将您的建议转交县交通运输局。县交通运输局答复：自11月1日起，该线路早高峰增开两班。', at: '2026-10-10T11:00:00+08:00', by: '马辉伟代表' } },
  ],
  replyRate: { withinDays: 30, due: 12, replied: 11, asOf: '2026-11-20T09:00:00+08:00' },
});
// A deputy who resigned (no contact forms).
Object.assign(byId('dep-137'), {
  status: { code: 'resigned', date: '2026-05-12', note: '因工作调动，辞去县人大代表职务。' },
});
delete byId('dep-137').receptionSchedule;
// One whose mandate was terminated (moved away).
Object.assign(byId('dep-268'), {
  status: { code: 'terminated', date: '2026-03-02', note: '迁出本行政区域，代表资格终止。' },
});
delete byId('dep-268').receptionSchedule;
// Integrator-published contact channel (default is none).
Object.assign(byId('dep-046'), {
  contact: [
    { kind: 'phone', label: '东关街道人大代表联络站电话', value: '0123-26001201' },
    { kind: 'address', label: '联络站地址', value: '青禾县东关街道文昌路18号党群服务中心二楼' },
  ],
});
// Polyphonic surnames, ü and a two-part name, for search.
Object.assign(byId('dep-048'), { name: '单晓梅', pinyin: pinyinOf('单晓梅') });
Object.assign(byId('dep-049'), { name: '吕建国', pinyin: pinyinOf('吕建国') });
Object.assign(byId('dep-050'), { name: '曾丽华', pinyin: pinyinOf('曾丽华') });
Object.assign(byId('dep-051'), { name: '阿依古丽·吐尔逊', pinyin: pinyinOf('阿依古丽·吐尔逊') });
for (const id of ['dep-048', 'dep-049', 'dep-050', 'dep-051']) {
  const d = byId(id);
  d.bio = d.bio.replace(/^[^，]+，/, `${d.name}，`);
}

const out = {
  title: `${COUNTY}各级人大代表名录（演示数据）`,
  updatedAt: '2026-11-20T09:00:00+08:00',
  deputies,
};
const json = JSON.stringify(out) + '\n';
if (process.argv.includes('--check')) {
  const current = readFileSync(OUT, 'utf8');
  if (current !== json) {
    console.error('demo/content/deputies.json is out of date: run node scripts/gen-demo-deputies.mjs');
    process.exit(1);
  }
  console.log('deputies.json is up to date');
} else {
  writeFileSync(OUT, json);
  const counts = Object.fromEntries(PLAN.map((p) => [p.level, deputies.filter((d) => d.level === p.level).length]));
  console.log(`wrote ${deputies.length} deputies`, counts);
}
