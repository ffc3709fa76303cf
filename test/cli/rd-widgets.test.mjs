// The `rd-widgets` command on real files: Word documents and Excel workbooks made here, run as a
// webmaster would run it; every output checked with the widgets' own schemas.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataSchemas } from '../../dist/cli/core.mjs';
import { rdWidgets, readXlsx, tempDir, writeDocx, writeXlsx } from './helpers.mjs';

const WINDOW = ['--opens', '2026-03-01', '--closes', '2026-03-31'];
const LEGISLATURE = ['--legislature', '全国人大常委会法制工作委员会'];
const json = (file) => JSON.parse(readFileSync(file, 'utf8'));
const valid = (schema, data) => {
  const r = dataSchemas[schema].safeParse(data);
  assert.equal(r.success, true, JSON.stringify(r.error?.issues?.slice(0, 3)));
};

// A text laid out like the 民法典草案: 编, 分编, 章, 节, two articles run together on one line,
// captions, a sentence broken by a copy, and a closing 附则 outside every 编.
const CODE = [
  '中华人民共和国民法典（草案）',
  '',
  '第一编　总　　则',
  '第一章　基本规定',
  ['第一条（立法目的）', '为了保护民事主体的合法权益，调整民事关系，根据宪法，制定本法。'],
  '第二条【调整范围】民法调整平等主体之间的人身关系和财产关系。第三条　民事主体的合法权益受法律保护。',
  '第二编　物　　权',
  '第一分编　通　　则',
  '第一章　一般规定',
  '第四条　本编调整因物的归属和利用产生的民事关系。',
  '第二分编　所有权',
  '第二章　一般规定',
  '第一节　所有权人的权利',
  '第五条　所有权人对自己的不动产或者动产，依法享有占有、使用、收益和处分的',
  '权利。',
  '第三编　合　　同',
  '第一章　一般规定',
  '第六条　本编调整因合同产生的民事关系。',
  '附　　则',
  '第七条　本法自2021年1月1日起施行。',
];

test('draft: a Word document laid out like the 民法典 → a valid draft, structured to 编/分编/章/节, every parser note with its paragraph', async (t) => {
  const dir = tempDir(t);
  await writeDocx(join(dir, 'mfd-2020.docx'), CODE);
  const r = rdWidgets(dir, 'draft', 'mfd-2020.docx', ...LEGISLATURE, ...WINDOW, '--out', 'draft.json');
  assert.equal(r.code, 0, r.all);
  assert.match(r.stdout, /已读取 mfd-2020\.docx：3编 5章 7条/);
  // the split line (paragraph 6) and the joined line (paragraph 15), each with where it is
  assert.match(r.stdout, /提示 {2}mfd-2020\.docx › 第 6 段：第三条与第二条写在同一行，已分为两条/);
  assert.match(r.stdout, /提示 {2}mfd-2020\.docx › 第 15 段：第五条中此行与上一行没有标点分隔，已合并为一段：“权利。”/);
  assert.match(r.stdout, /级别按立法机关名称推断为 national/);
  assert.match(r.stdout, /已写出 draft\.json/);
  const d = json(join(dir, 'draft.json'));
  valid('draft', d);
  assert.equal(d.id, 'mfd-2020');
  assert.equal(d.title, '中华人民共和国民法典（草案）');
  assert.equal(d.level, 'national');
  assert.equal(d.stage, 'first-reading');
  assert.deepEqual(d.window, { opens: '2026-03-01T00:00:00+08:00', closes: '2026-03-31T23:59:59+08:00' });
  assert.equal(d.text.format, 'structured');
  assert.deepEqual(d.text.parts.map((p) => [p.label, p.title, (p.divisions ?? []).map((x) => x.title)]), [
    ['第一编', '总则', []], ['第二编', '物权', ['通则', '所有权']], ['第三编', '合同', []],
  ]);
  const first = d.text.parts[0].chapters[0].articles;
  assert.deepEqual(first.map((a) => [a.label, a.caption]), [['第一条', '立法目的'], ['第二条', '调整范围'], ['第三条', undefined]]);
  assert.equal(first[0].paragraphs[0].text, '为了保护民事主体的合法权益，调整民事关系，根据宪法，制定本法。');
  assert.equal(d.text.parts[1].divisions[1].chapters[0].sections[0].articles[0].paragraphs[0].text,
    '所有权人对自己的不动产或者动产，依法享有占有、使用、收益和处分的权利。');
  assert.deepEqual(d.text.closing.map((c) => [c.label, c.articles.map((a) => a.label)]), [['附则', ['第七条']]]);
});

test('draft: a .txt saved by Windows 记事本 in GBK is read, and says so', async (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, 'tiaoli.txt'), Buffer.from('b5dad2bbccf5a1a1ceaac1cbb9e6b7b6b9dcc0eda3acd6c6b6a8b1beccf5c0fda1a30ab5dab6feccf5a1a1b1beccf5c0fdd7d4b9abb2bcd6aec8d5c6f0caa9d0d0a1a3', 'hex'));
  const r = rdWidgets(dir, 'draft', 'tiaoli.txt', '--title', '某市某某条例（草案）', '--legislature', '某市人大常委会法制工作委员会', '--level', 'city', ...WINDOW);
  assert.equal(r.code, 0, r.all);
  assert.match(r.stdout, /文件不是 UTF-8 编码，已按 GB18030（GBK）读取/);
  const d = json(join(dir, 'tiaoli.json'));
  valid('draft', d);
  assert.deepEqual(d.text.articles.map((a) => a.paragraphs[0].text), ['为了规范管理，制定本条例。', '本条例自公布之日起施行。']);
});

test('draft: numbering errors stop the output (exit 1, nothing written) unless --force', async (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, 'bad.txt'), '某市条例\n第一条　甲。\n第三条　乙。\n第三条　丙。\n');
  const r = rdWidgets(dir, 'draft', 'bad.txt', ...LEGISLATURE, ...WINDOW);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /错误 {2}bad\.txt › 第 3 行：缺少第二条至第二条（共 1 条），此处是第三条 → 在原文中核对此处。/);
  assert.match(r.stderr, /错误 {2}bad\.txt › 第 4 行：第三条重复出现/);
  assert.match(r.stderr, /未写出文件/);
  assert.equal(existsSync(join(dir, 'bad.json')), false);
  const forced = rdWidgets(dir, 'draft', 'bad.txt', ...LEGISLATURE, ...WINDOW, '--force');
  assert.equal(forced.code, 0, forced.all);
  assert.match(forced.stderr, /因指定了 --force，仍已写出文件/);
  valid('draft', json(join(dir, 'bad.json')));
});

test('draft: what the text does not say must be given; without a terminal the error names the flag', async (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, '草案.txt'), '某市条例\n第一条　甲。\n');
  const r = rdWidgets(dir, 'draft', '草案.txt', '--closes', '2026-02-30');
  assert.equal(r.code, 1);
  assert.match(r.stderr, /无法从文件名“草案\.txt”得出草案编号。 → 用 --id 指定编号/);
  assert.match(r.stderr, /缺少征求意见的立法机关.*→ 用 --legislature 指定/);
  assert.match(r.stderr, /缺少征求意见开始日期.*→ 用 --opens 指定，如 --opens 2026-01-01/);
  assert.match(r.stderr, /“2026-02-30”不是有效的日期/);
  const swapped = rdWidgets(dir, 'draft', '草案.txt', '--id', 'x', ...LEGISLATURE, '--opens', '2026-03-31', '--closes', '2026-03-01');
  assert.equal(swapped.code, 1);
  assert.match(swapped.stderr, /draft\.json › window\.closes：截止时间须晚于开始时间/);
  const doc = rdWidgets(dir, 'draft', 'x.doc');
  assert.equal(doc.code, 2);
  const old = join(dir, 'old.doc');
  writeFileSync(old, 'x');
  assert.match(rdWidgets(dir, 'draft', 'old.doc').stderr, /不支持的文件类型“\.doc”。 → 请使用 Word 文档（\.docx）/);
  writeFileSync(join(dir, 'broken.docx'), 'not a zip');
  const broken = rdWidgets(dir, 'draft', 'broken.docx', ...LEGISLATURE, ...WINDOW);
  assert.equal(broken.code, 1);
  assert.match(broken.stderr, /无法读取文件.*确认它是 Word 保存的 \.docx 文件/);
});

const STATION_HEAD = ['编号', '名称（必填）', '类型', '层级', '上级编号', '乡镇/街道', '地址', '经度', '纬度', '坐标系', '电话', '站长', '接受预约'];
const STATIONS = [
  ['tl-xian', '桐岚县人大代表联络总站', '代表联络总站', '县/区级', '', '城关镇', '桐岚县人民路1号', 116.40, 39.90, 'GCJ02', '0000-1000001', '李某', '是'],
  ['tl-dgjd', '东关街道代表联络站', '代表联络站、基层立法联系点', '乡镇/街道', 'tl-xian', '东关街道', '东关街道人民路18号', 116.42, 39.91, '高德', '', '', ''],
  ['tl-lvc', '绿城社区代表联络点', '代表联络点', '村/社区', 'tl-dgjd', '东关街道', '', 116.4305, 39.9152, 'bd09', '', '', '否'],
  ['tl-xz', '西寨乡代表之家', '代表之家', '乡镇', 'tl-xian', '西寨乡', '', 116.35, 39.88, 'WGS84', '', '', ''],
  ['tl-online', '桐岚县线上代表联络站', 'online', '县', 'tl-xian', '', '', '', '', '', '', '', ''],
];

test('stations: the template has Chinese headers, an example row and a 说明 sheet; read back as it is, it has no stations', async (t) => {
  const dir = tempDir(t);
  const r = rdWidgets(dir, 'stations', '--template', 'stations.xlsx');
  assert.equal(r.code, 0, r.all);
  const { rows, sheets } = await readXlsx(join(dir, 'stations.xlsx'), '联络站');
  assert.deepEqual(sheets, ['联络站', '说明']);
  assert.deepEqual(rows[0].slice(0, 4), ['编号（必填）', '名称（必填）', '类型（必填）', '层级（必填）']);
  assert.match(String(rows[1][0]), /^示例/);
  assert.equal(rows[1][1], '东关街道代表联络站');
  const back = rdWidgets(dir, 'stations', 'stations.xlsx');
  assert.equal(back.code, 1);
  assert.match(back.stdout, /第 2 行：这是模板的示例行，已跳过/);
  assert.match(back.stderr, /工作表中没有数据行/);
});

test('stations: a filled workbook → stations JSON valid against the schema, with pinyin, types and tiers from their Chinese names', async (t) => {
  const dir = tempDir(t);
  await writeXlsx(join(dir, 'stations.xlsx'), '联络站', [STATION_HEAD, ...STATIONS]);
  const r = rdWidgets(dir, 'stations', 'stations.xlsx', '--out', 'stations.json', '--region', '桐岚县');
  assert.equal(r.code, 0, r.all);
  assert.match(r.stdout, /已读取 stations\.xlsx：5 个联络站（4 个有坐标），拼音已生成/);
  const d = json(join(dir, 'stations.json'));
  valid('stations', d);
  assert.deepEqual(d.region, { name: '桐岚县', districts: ['城关镇', '东关街道', '西寨乡'] });
  const byId = Object.fromEntries(d.stations.map((s) => [s.id, s]));
  assert.deepEqual(byId['tl-dgjd'].types, ['station', 'legislative']);
  assert.equal(byId['tl-dgjd'].tier, 'township');
  assert.deepEqual(byId['tl-dgjd'].pinyin, { full: 'dong guan jie dao dai biao lian luo zhan', initials: 'dgjddbllz' });
  assert.deepEqual(byId['tl-lvc'].pinyin.full.split(' ').slice(0, 2), ['lv', 'cheng']);
  assert.deepEqual(byId['tl-lvc'].location, { lng: 116.4305, lat: 39.9152, crs: 'bd09' });
  assert.equal(byId['tl-dgjd'].location.crs, 'gcj02');
  assert.equal(byId['tl-lvc'].appointments, false);
  assert.deepEqual(byId['tl-xian'].head, { name: '李某' });
  assert.equal(byId['tl-online'].location, undefined);
  assert.deepEqual(byId['tl-online'].types, ['online']);
});

test('stations: each problem is reported at its row and column, with what to do; nothing is written', async (t) => {
  const dir = tempDir(t);
  await writeXlsx(join(dir, 'stations.xlsx'), '联络站', [STATION_HEAD,
    ['tl-a', '甲站', '代表联络站', '乡镇', '', '', '', 116.4, 39.9, 'GCJ02', '', '', ''],
    ['tl-a', '乙站', '代表驿站', '乡镇', 'tl-zz', '', '', 39.9, 116.4, 'GCJ02', '', '', '可以'],
    ['tl-c', '丙站', '代表联络站', '省级', '', '', '', 116.4, '', '', '', '', ''],
    ['tl-d', '', '代表联络站', '村', '', '', '', 116.4, 39.9, '', '', '', ''],
    ['tl-e', '戊站', '代表联络站', '村', 'tl-e', '', '', 'E116', 39.9, 'mercator', '', '', ''],
    ['tl-f', '己站', '代表联络站', '村', '', '', '', -0.12, 51.5, 'BD09', '', '', ''],
  ]);
  const r = rdWidgets(dir, 'stations', 'stations.xlsx');
  assert.equal(r.code, 1);
  const e = r.stderr;
  const at = (row, col, letter) => `错误  stations.xlsx › 工作表“联络站” › 第 ${row} 行 › “${col}”列（${letter}）：`;
  assert.ok(e.includes(`${at(3, '编号', 'A')}编号“tl-a”与第 2 行重复。 → 每行的编号须唯一。`), e);
  assert.ok(e.includes(`${at(3, '类型', 'C')}不认识的类型“代表驿站”。 → 可用：代表联络总站、代表联络站`), e);
  assert.ok(e.includes(`${at(3, '上级编号', 'E')}上级编号“tl-zz”在表中找不到。`), e);
  assert.ok(e.includes(`${at(3, '经度', 'H')}经度 39.9、纬度 116.4 看起来填反了。 → 中国境内经度约 73～135`), e);
  assert.ok(e.includes(`${at(3, '接受预约', 'M')}应填“是”或“否”：“可以”。`), e);
  assert.ok(e.includes(`${at(4, '层级', 'D')}不认识的层级“省级”。 → 可用：市级、县/区级、乡镇/街道、村/社区、企业/行业。`), e);
  assert.ok(e.includes(`${at(4, '纬度', 'I')}经度和纬度须同时填写。`), e);
  assert.ok(e.includes(`${at(5, '名称', 'B')}此项必填，但为空。 → 填写“名称”。`), e);
  assert.ok(e.includes(`${at(5, '坐标系', 'J')}填了坐标，但没有写坐标系。`), e);
  assert.ok(e.includes(`${at(6, '上级编号', 'E')}上级编号不能是本站自己。`), e);
  assert.ok(e.includes(`${at(6, '经度', 'H')}不是数字：“E116”。`), e);
  assert.ok(e.includes(`${at(6, '坐标系', 'J')}不认识的坐标系“mercator”。 → 可用：WGS84（GPS、天地图）、GCJ02（高德、腾讯）、BD09（百度）。`), e);
  assert.ok(e.includes(`${at(7, '经度', 'H')}BD09 坐标只在中国境内使用，而（-0.12, 51.5）不在中国境内。`), e);
  assert.match(e, /共 13 个错误.*未写出文件/);
  assert.equal(existsSync(join(dir, 'stations.json')), false);
});

test('stations: a point far from all the others (a wrong digit, a wrong system) is a note; a missing required column an error', async (t) => {
  const dir = tempDir(t);
  await writeXlsx(join(dir, 'stations.xlsx'), '联络站', [STATION_HEAD, ...STATIONS.slice(0, 4),
    ['tl-far', '远站', '代表联络站', '村', '', '', '', 117.40, 39.90, 'GCJ02', '', '', '']]);
  const r = rdWidgets(dir, 'stations', 'stations.xlsx');
  assert.equal(r.code, 0, r.all);
  assert.match(r.stdout, /提示 {2}stations\.xlsx › 工作表“联络站” › 第 6 行 › “经度”列（H）：这个位置离其他联络站的中心约 8\d 公里/);
  valid('stations', json(join(dir, 'stations.json')));
  await writeXlsx(join(dir, 'no-type.xlsx'), 'Sheet1', [['编号', '名称', '层级', '备注'], ['a', '甲站', '村', 'x']]);
  const m = rdWidgets(dir, 'stations', 'no-type.xlsx');
  assert.equal(m.code, 1);
  assert.match(m.stderr, /no-type\.xlsx › 工作表“Sheet1” › 第 1 行：缺少必填列“类型”。/);
  assert.match(m.stdout, /第 1 行 › “备注”列（D）：不认识的列“备注”，已忽略/);
});

const DEPUTY_HEAD = ['编号', '姓名', '级别', '届次', '任期起始年', '任期结束年', '选区', '原选举单位', '联络站编号', '联络站名称', '承诺', '状态', '状态日期'];

test('deputies: the roster → deputies JSON valid against the schema, pinyin by surname, 届, 选区, stations checked against --stations, pledges', async (t) => {
  const dir = tempDir(t);
  const tpl = rdWidgets(dir, 'deputies', '--template');
  assert.equal(tpl.code, 0, tpl.all);
  assert.deepEqual((await readXlsx(join(dir, 'deputies.xlsx'), '代表')).rows[0].slice(0, 4), ['编号（必填）', '姓名（必填）', '级别（必填）', '届次（必填）']);
  await writeXlsx(join(dir, 'stations.xlsx'), '联络站', [STATION_HEAD, ...STATIONS]);
  assert.equal(rdWidgets(dir, 'stations', 'stations.xlsx', '--out', 'stations.json').code, 0);
  await writeXlsx(join(dir, 'roster.xlsx'), '代表', [DEPUTY_HEAD,
    ['dep-001', '单晓梅', '县', '第十八届', 2021, 2026, '东关街道第三选区', '', 'tl-dgjd、tl-xian', '', '每月到联络站接待选民一次；群众意见一周内回复', '', ''],
    ['dep-002', '阿依古丽·吐尔逊', '省人大代表', 14, '', '', '', '桐岚县人民代表大会', 'tl-xian', '', '', '已辞职', new Date(Date.UTC(2026, 2, 1))],
    ['dep-003', '曾国强', '乡镇', '十九', '', '', '', '', '', '', '', '在任', ''],
  ]);
  const r = rdWidgets(dir, 'deputies', 'roster.xlsx', '--out', 'deputies.json', '--stations', 'stations.json', '--title', '桐岚县人大代表名册');
  assert.equal(r.code, 0, r.all);
  assert.match(r.stdout, /已读取 roster\.xlsx：3 名代表，拼音已生成/);
  const d = json(join(dir, 'deputies.json'));
  valid('deputies', d);
  assert.equal(d.title, '桐岚县人大代表名册');
  const [a, b, c] = d.deputies;
  assert.equal(a.pinyin, 'shan xiao mei');
  assert.equal(c.pinyin, 'zeng guo qiang');
  assert.equal(b.pinyin, 'a yi gu li tu er xun');
  assert.deepEqual(a.term, { number: 18, fromYear: 2021, untilYear: 2026 });
  assert.deepEqual(a.electedFrom, { kind: 'constituency', name: '东关街道第三选区' });
  assert.deepEqual(a.stations, [{ id: 'tl-dgjd', name: '东关街道代表联络站' }, { id: 'tl-xian', name: '桐岚县人大代表联络总站' }]);
  assert.deepEqual(a.pledges, ['每月到联络站接待选民一次', '群众意见一周内回复']);
  assert.deepEqual(a.status, { code: 'serving' });
  assert.equal(b.level, 'provincial');
  assert.deepEqual(b.electedFrom, { kind: 'electingUnit', name: '桐岚县人民代表大会' });
  assert.deepEqual(b.status, { code: 'resigned', date: '2026-03-01' });
  assert.deepEqual(c.term, { number: 19 });
  assert.equal(c.level, 'township');
});

test('deputies: unknown station, missing status date, both 选区 and 原选举单位, a bad 届 — each at its row and column', async (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, 'stations.json'), JSON.stringify({ stations: [{ id: 'tl-dgjd', name: '东关街道代表联络站', types: ['station'], tier: 'township' }] }));
  await writeXlsx(join(dir, 'roster.xlsx'), '代表', [DEPUTY_HEAD,
    ['dep-001', '张伟', '县', '第十八届', '', '', '一选区', '县人大', 'tl-nope', '', '', '', ''],
    ['dep-002', '李娜', '区', '第X届', '二〇二一', '', '', '', '', '', '', '已罢免', ''],
    ['dep-001', '王芳', '副省级', 18, '', '', '', '', '', '', '', '休假', ''],
  ]);
  const r = rdWidgets(dir, 'deputies', 'roster.xlsx', '--stations', 'stations.json');
  assert.equal(r.code, 1);
  const at = (row, col, letter) => `错误  roster.xlsx › 工作表“代表” › 第 ${row} 行 › “${col}”列（${letter}）：`;
  const e = r.stderr;
  assert.ok(e.includes(`${at(2, '原选举单位', 'H')}“选区”和“原选举单位”只能填一项。`), e);
  assert.ok(e.includes(`${at(2, '联络站编号', 'I')}联络站编号“tl-nope”不在 stations.json 中。`), e);
  assert.ok(e.includes(`${at(3, '届次', 'D')}不认识的届次“第X届”。 → 写成“第十七届”或 17。`), e);
  assert.ok(e.includes(`${at(3, '任期起始年', 'E')}不是年份：“二〇二一”。`), e);
  assert.ok(e.includes(`${at(3, '状态日期', 'M')}状态为“已罢免”时须填写状态日期。`), e);
  assert.ok(e.includes(`${at(4, '编号', 'A')}编号“dep-001”与第 2 行重复。`), e);
  assert.ok(e.includes(`${at(4, '级别', 'C')}不认识的级别“副省级”。`), e);
  assert.ok(e.includes(`${at(4, '状态', 'L')}不认识的状态“休假”。`), e);
  assert.equal(existsSync(join(dir, 'deputies.json')), false);
  // without --stations, ids need their names
  await writeXlsx(join(dir, 'r2.xlsx'), '代表', [DEPUTY_HEAD, ['dep-001', '张伟', '县', 18, '', '', '', '', 'a、b', '甲站', '', '', '']]);
  assert.match(rdWidgets(dir, 'deputies', 'r2.xlsx').stderr, /第 2 行 › “联络站名称”列（J）：联络站编号有 2 个，联络站名称有 1 个，对不上。/);
});

test('check: a valid file passes; a broken one lists what is wrong and where, in Chinese (English with --lang en)', async (t) => {
  const dir = tempDir(t);
  const demo = (name) => readFileSync(new URL(`../../demo/content/${name}`, import.meta.url), 'utf8');
  writeFileSync(join(dir, 'stations.json'), demo('stations.json'));
  writeFileSync(join(dir, 'draft.json'), demo('drafts/2026-yq-01-text.json'));
  const ok = rdWidgets(dir, 'check', 'stations.json');
  assert.equal(ok.code, 0, ok.all);
  assert.match(ok.stdout, /stations\.json 是有效的 stations 数据（dist\/schemas\/stations\.json）/);
  assert.equal(rdWidgets(dir, 'check', 'draft.json').code, 0);
  const s = JSON.parse(demo('stations.json'));
  s.stations[2].location.crs = 'mercator';
  s.stations[3].name = '';
  delete s.stations[4].tier;
  s.stations[5].types = [];
  writeFileSync(join(dir, 'bad.json'), JSON.stringify(s));
  const bad = rdWidgets(dir, 'check', 'bad.json');
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /错误 {2}bad\.json › stations\[2\]\.location\.crs：取值“mercator”不在允许范围内，可用：wgs84、gcj02、bd09。/);
  assert.match(bad.stderr, /stations\[3\]\.name：不能为空。/);
  assert.match(bad.stderr, /stations\[4\]\.tier：缺少此项。/);
  assert.match(bad.stderr, /stations\[5\]\.types：至少要有 1 项。/);
  assert.match(bad.stderr, /bad\.json 不符合 stations 数据格式/);
  const en = rdWidgets(dir, 'check', 'bad.json', '--lang', 'en');
  assert.match(en.stderr, /error {2}bad\.json › stations\[4\]\.tier：Missing\./);
  writeFileSync(join(dir, 'broken.json'), '{\n  "stations": [\n    { "id": "a", }\n  ]\n}');
  const broken = rdWidgets(dir, 'check', 'broken.json');
  assert.equal(broken.code, 1);
  assert.match(broken.stderr, /JSON 格式错误（第 3 行第 \d+ 列附近）/);
  writeFileSync(join(dir, 'what.json'), '{"a": 1}');
  const what = rdWidgets(dir, 'check', 'what.json');
  assert.equal(what.code, 2);
  assert.match(what.stderr, /无法判断“what\.json”是哪一种数据。 → 用 --schema 指定：/);
  assert.equal(rdWidgets(dir, 'check', 'what.json', '--schema', 'deputy').code, 1);
  // a plain-text draft is parsed as the widget would, and its notes listed
  const d = JSON.parse(demo('drafts/2026-yq-01-text.json'));
  d.text.content = '某市条例\n第一条　甲。\n第三条　乙。';
  writeFileSync(join(dir, 'plain.json'), JSON.stringify(d));
  const plain = rdWidgets(dir, 'check', 'plain.json');
  assert.equal(plain.code, 1);
  assert.match(plain.stderr, /plain\.json › text\.content › 第 3 行：缺少第二条至第二条/);
});

test('usage: no command shows the usage (exit 2); an unknown command or option is exit 2 with a message', (t) => {
  const dir = tempDir(t);
  const none = rdWidgets(dir);
  assert.equal(none.code, 2);
  assert.match(none.stdout, /用法：\n {2}rd-widgets draft 草案\.docx/);
  const unknown = rdWidgets(dir, 'publish');
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /未知的命令“publish”/);
  const option = rdWidgets(dir, 'check', 'x.json', '--colour');
  assert.equal(option.code, 2);
  assert.match(option.stderr, /未知的选项“--colour”/);
  assert.match(rdWidgets(dir, 'check', 'missing.json').stderr, /找不到文件“missing\.json”/);
});

test('messages: the English catalogue has every key of the Chinese one', async () => {
  const { zh, en } = await import('../../cli/messages.mjs');
  assert.deepEqual(Object.keys(en).sort(), Object.keys(zh).sort());
});

test('draft: at a terminal, what is missing is asked for', async (t) => {
  const { main } = await import('../../cli/main.mjs');
  const { PassThrough, Writable } = await import('node:stream');
  const dir = tempDir(t);
  writeFileSync(join(dir, 'tl-2026.txt'), '某市条例\n第一条　甲。\n');
  const stdin = new PassThrough();
  stdin.isTTY = true;
  const answers = { 征求意见的立法机关: '某市人大常委会法制工作委员会', 征求意见开始日期: '2026-03-01', 征求意见截止日期: '2026-03-31' };
  const asked = [];
  let printed = '';
  const out = new Writable({
    write(chunk, _enc, done) {
      const s = String(chunk);
      printed += s;
      const key = Object.keys(answers).find((k) => s.startsWith(k));
      if (key) { asked.push(key); setImmediate(() => stdin.write(`${answers[key]}\n`)); }
      done();
    },
  });
  const err = new Writable({ write(chunk, _enc, done) { printed += String(chunk); done(); } });
  const code = await main(['draft', join(dir, 'tl-2026.txt'), '--out', join(dir, 'out.json')], { stdin, out, err });
  assert.equal(code, 0, printed);
  assert.deepEqual(asked, ['征求意见的立法机关', '征求意见开始日期', '征求意见截止日期']);
  const d = json(join(dir, 'out.json'));
  valid('draft', d);
  assert.equal(d.legislature, '某市人大常委会法制工作委员会');
  assert.equal(d.level, 'city');
  assert.deepEqual(d.window, { opens: '2026-03-01T00:00:00+08:00', closes: '2026-03-31T23:59:59+08:00' });
});
