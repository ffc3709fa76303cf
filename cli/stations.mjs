// `rd-widgets stations`: the liaison-station list from Excel → stations JSON valid against
// dist/schemas/stations.json (docs/domain.md#liaison-stations), with pinyin (full and initials,
// pinyin-pro) so the map's pinyin search works for every integrator, types and tiers read from
// their Chinese names, coordinates checked against their stated system, and every problem
// reported at its row and column. `--template` writes the workbook to fill in.
import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { pinyin } from 'pinyin-pro';
import { DEFAULT_STATION_TYPES, DEFAULT_TIER_LABELS, STATION_TIERS, convert, dataSchemas } from '../dist/cli/core.mjs';
import { describeIssue } from './issues.mjs';
import { EXAMPLE_MARK, list, number, readSheet, text, writeTemplate, yesNo } from './sheet.mjs';

const SHEET = '联络站';

const TIER_WORDS = {
  市级: 'city', 市: 'city', '县/区级': 'county', 县级: 'county', 区级: 'county', 县: 'county', 区: 'county', '县/区': 'county',
  '乡镇/街道': 'township', 乡镇: 'township', 街道: 'township', 乡: 'township', 镇: 'township',
  '村/社区': 'village', 村: 'village', 社区: 'village', '企业/行业': 'enterprise', 企业: 'enterprise', 行业: 'enterprise',
};
const CRS_WORDS = {
  wgs84: 'wgs84', wgs: 'wgs84', gps: 'wgs84', 天地图: 'wgs84', cgcs2000: 'wgs84', 国家2000: 'wgs84',
  gcj02: 'gcj02', gcj: 'gcj02', 高德: 'gcj02', 腾讯: 'gcj02', 火星: 'gcj02', 火星坐标: 'gcj02',
  bd09: 'bd09', bd: 'bd09', 百度: 'bd09', bd09ll: 'bd09',
};

/** The columns of the stations sheet, in order. */
export const STATION_COLUMNS = [
  { key: 'id', header: '编号', required: true, example: `${EXAMPLE_MARK}-tl-dgjd`, note: '每站唯一，字母、数字或短横线，如 tl-dgjd。以“示例”开头的行不会导入。' },
  { key: 'name', header: '名称', required: true, example: '东关街道代表联络站', note: '联络站全称。拼音由命令自动生成。' },
  { key: 'types', header: '类型', required: true, example: '代表联络站、基层立法联系点', note: '一个或多个，用“、”分隔；写中文名称或英文编号。', list: DEFAULT_STATION_TYPES.map((x) => x.zh) },
  { key: 'tier', header: '层级', required: true, example: '乡镇/街道', note: '所在层级。', list: STATION_TIERS.map((x) => DEFAULT_TIER_LABELS[x].zh) },
  { key: 'parentId', header: '上级编号', example: 'tl-xian', note: '上级联络站（如县级总站）的编号，须在本表中。' },
  { key: 'district', header: '乡镇/街道', aliases: ['所属乡镇街道', '乡镇街道'], example: '东关街道', note: '所属乡镇或街道，用于地图的区域筛选。' },
  { key: 'address', header: '地址', example: '桐岚县东关街道人民路18号', note: '门牌地址。' },
  { key: 'venue', header: '场所', example: '东关街道党群服务中心二楼', note: '所在场所。' },
  { key: 'lng', header: '经度', example: 116.397, note: '十进制度数，如 116.397。线上联络站可不填。' },
  { key: 'lat', header: '纬度', example: 39.908, note: '十进制度数，如 39.908。' },
  { key: 'crs', header: '坐标系', example: 'GCJ02', note: '坐标取自哪里：WGS84（GPS、天地图）、GCJ02（高德、腾讯地图）、BD09（百度地图）。填了坐标就必须填。', list: ['WGS84', 'GCJ02', 'BD09'] },
  { key: 'phone', header: '电话', example: '0000-1234567', note: '联络站对外电话。' },
  { key: 'headName', header: '站长', example: '王某某', note: '站长或负责人姓名。' },
  { key: 'headTitle', header: '站长职务', example: '街道人大工委主任', note: '' },
  { key: 'headPhone', header: '站长电话', example: '', note: '只在愿意公开时填写。' },
  { key: 'facilities', header: '设施', example: '无障碍通道、饮水', note: '用“、”分隔。' },
  { key: 'onlineUrl', header: '在线入口', example: '', note: 'http(s) 链接，如小程序或网页。' },
  { key: 'appointments', header: '接受预约', example: '是', note: '是或否；不填为“是”。', list: ['是', '否'] },
  { key: 'description', header: '简介', example: '每月15日上午代表接待选民。', note: '一段简短介绍。' },
];

export async function stationsTemplate(file, { t, out }) {
  await writeTemplate(file, {
    sheet: SHEET,
    columns: STATION_COLUMNS,
    intro: ['每行一个联络站，从第 2 行起填写；第 2 行是示例，可改写或删除。', '填好后运行：rd-widgets stations 本文件.xlsx --out stations.json'],
  });
  out.write(`${t('xlsx.template', { file, sheet: SHEET })}\n`);
  return 0;
}

/** Pinyin of a name: full syllables (space-separated, ü as v) and initials, as the map searches them. */
export function stationPinyin(name) {
  const py = pinyin(name, { toneType: 'none', type: 'array', v: true }).map((x) => x.toLowerCase().trim()).filter((x) => /^[a-z0-9]+$/.test(x));
  return { full: py.join(' '), initials: py.map((x) => x[0]).join('') };
}

// Mainland China, Hainan, Taiwan and the South China Sea islands, roughly: a coordinate outside it is
// a typo, and GCJ-02 / BD-09 are not defined outside it.
const inChina = (lng, lat) => lng >= 73.4 && lng <= 135.1 && lat >= 3.8 && lat <= 53.6;

export async function runStations(file, opts, ctx) {
  const { t, report } = ctx;
  const { rows, where } = await readSheet(file, { sheet: SHEET, columns: STATION_COLUMNS, command: 'stations' }, ctx);
  const typeChoices = DEFAULT_STATION_TYPES.map((x) => x.zh).join('、');
  const tierChoices = STATION_TIERS.map((x) => DEFAULT_TIER_LABELS[x].zh).join('、');
  const seen = new Map();
  const stations = [];
  /** index in `stations` → sheet row */
  const rowOf = [];
  for (const { row, values: v } of rows) {
    const err = (key, message, fix) => report.error(where(row, key), message, fix);
    for (const c of STATION_COLUMNS) if (c.required && v[c.key] === undefined) err(c.key, t('xlsx.required'), t('fix.xlsx.required', { column: c.header }));
    const s = {};
    const id = text(v.id);
    if (id) {
      if (seen.has(id)) err('id', t('xlsx.duplicateId', { id, row: seen.get(id) }), t('fix.xlsx.duplicateId'));
      else seen.set(id, row);
      s.id = id;
    }
    if (v.name !== undefined) s.name = text(v.name);
    s.types = [];
    for (const word of list(v.types)) {
      const type = DEFAULT_STATION_TYPES.find((x) => x.id === word || x.zh === word);
      if (type) s.types.push(type.id);
      else err('types', t('stations.unknownType', { value: word }), t('fix.stations.unknownType', { types: typeChoices }));
    }
    if (v.tier !== undefined) {
      const w = text(v.tier);
      const tier = STATION_TIERS.includes(w) ? w : TIER_WORDS[w];
      if (tier) s.tier = tier;
      else err('tier', t('stations.unknownTier', { value: w }), t('fix.stations.unknownTier', { tiers: tierChoices }));
    }
    for (const key of ['parentId', 'district', 'address', 'venue', 'phone', 'onlineUrl', 'description']) if (v[key] !== undefined) s[key] = text(v[key]);
    if (v.headName !== undefined) {
      s.head = { name: text(v.headName) };
      if (v.headTitle !== undefined) s.head.title = text(v.headTitle);
      if (v.headPhone !== undefined) s.head.phone = text(v.headPhone);
    }
    const facilities = list(v.facilities);
    if (facilities.length) s.facilities = facilities;
    if (v.appointments !== undefined) {
      const yes = yesNo(v.appointments);
      if (yes === null) err('appointments', t('xlsx.notYesNo', { value: text(v.appointments) }));
      else s.appointments = yes;
    }
    const location = readLocation(v, row);
    if (location) s.location = location;
    if (s.name) s.pinyin = stationPinyin(s.name);
    rowOf.push(row);
    stations.push(s);
  }
  for (let i = 0; i < stations.length; i++) {
    const s = stations[i];
    if (!s.parentId) continue;
    if (s.parentId === s.id) report.error(where(rowOf[i], 'parentId'), t('stations.selfParent'), t('fix.stations.unknownParent'));
    else if (!seen.has(s.parentId)) report.error(where(rowOf[i], 'parentId'), t('stations.unknownParent', { value: s.parentId }), t('fix.stations.unknownParent'));
  }
  farFromTheRest(stations, rowOf);

  const districts = [...new Set(stations.map((s) => s.district).filter(Boolean))];
  const data = {
    version: 1,
    ...(opts.region || districts.length ? { region: { name: opts.region ?? basename(file).replace(/\.xlsx$/i, ''), ...(districts.length ? { districts } : {}) } } : {}),
    stations,
  };
  return finishSheet(data, 'stations', { rowOf, where, columns: STATION_COLUMNS, ctx, opts, file, summary: () => t('stations.read', { file: basename(file), count: stations.length, located: stations.filter((s) => s.location).length }),
    fieldOf: ([field, sub]) => (field === 'location' ? (sub ?? 'lng') : field === 'head' ? `head${String(sub ?? 'name').replace(/^./, (c) => c.toUpperCase())}` : field === 'pinyin' ? 'name' : field),
  });

  function readLocation(v, row) {
    const err = (key, message, fix) => report.error(where(row, key), message, fix);
    if (v.lng === undefined && v.lat === undefined) return undefined;
    if (v.lng === undefined || v.lat === undefined) {
      err(v.lng === undefined ? 'lng' : 'lat', t('stations.coordinateHalf'), t('fix.stations.coordinateHalf'));
      return undefined;
    }
    const lng = number(v.lng);
    const lat = number(v.lat);
    if (lng === null) err('lng', t('xlsx.notNumber', { value: text(v.lng) }), t('fix.stations.outside'));
    if (lat === null) err('lat', t('xlsx.notNumber', { value: text(v.lat) }), t('fix.stations.outside'));
    let crs;
    if (v.crs === undefined) err('crs', t('stations.crsMissing'), t('fix.stations.crsMissing'));
    else {
      crs = CRS_WORDS[text(v.crs).toLowerCase().replace(/[-_\s]/g, '')];
      if (!crs) err('crs', t('stations.unknownCrs', { value: text(v.crs) }), t('fix.stations.unknownCrs'));
    }
    if (lng === null || lat === null || !crs) return undefined;
    if (!inChina(lng, lat)) {
      if (inChina(lat, lng)) err('lng', t('stations.swapped', { lng, lat }), t('fix.stations.swapped'));
      else if (crs !== 'wgs84') err('lng', t('stations.outsideCrs', { crs: crs.toUpperCase(), lng, lat }), t('fix.stations.outside'));
      else err('lng', t('stations.outside', { lng, lat }), t('fix.stations.outside'));
      return undefined;
    }
    return { lng, lat, crs };
  }

  /**
   * A station much further from the others' centre than any of them (a wrong digit, a point in the
   * wrong system) is worth a look: a note, not an error, as a county may have a distant enclave.
   */
  function farFromTheRest(list, rows) {
    const located = list.map((s, i) => ({ s, i })).filter((x) => x.s.location);
    if (located.length < 4) return;
    const p = located.map((x) => ({ ...convert(x.s.location, x.s.location.crs, 'wgs84'), i: x.i }));
    const median = (a) => { const b = [...a].sort((x, y) => x - y); return b[Math.floor(b.length / 2)]; };
    const c = { lng: median(p.map((x) => x.lng)), lat: median(p.map((x) => x.lat)) };
    const km = (q) => Math.hypot((q.lng - c.lng) * 111.32 * Math.cos((c.lat * Math.PI) / 180), (q.lat - c.lat) * 110.57);
    const d = p.map((q) => ({ i: q.i, km: km(q) })).sort((a, b) => a.km - b.km);
    const typical = d[Math.floor((d.length - 1) * 0.75)].km;
    for (const x of d) {
      if (x.km > Math.max(5 * typical, 30)) report.warning(where(rows[x.i], 'lng'), t('stations.far', { km: Math.round(x.km) }), t('fix.stations.far'));
    }
  }
}

/**
 * Validates `data` with the widgets' schema, maps every issue back to its row and column, writes
 * `--out` when valid. Shared by the stations and deputies commands. Returns the exit code.
 */
export async function finishSheet(data, schema, { rowOf, where, columns, ctx, opts, file, summary, key = schema, fieldOf = (p) => p }) {
  const { t, report } = ctx;
  const checked = dataSchemas[schema].safeParse(data);
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const [top, index, ...rest] = issue.path;
      const row = top === key && typeof index === 'number' ? rowOf[index] : undefined;
      const field = fieldOf(rest);
      const col = columns.find((c) => c.key === field)?.key;
      const w = row ? where(row, col) : { file, path: issue.path.join('.') };
      // one message per cell: what the rows check said already stands
      if (report.items.some((i) => i.severity === 'error' && i.where.row === w.row && i.where.column === w.column && w.row)) continue;
      report.error(w, t('xlsx.schema', { message: describeIssue(t, issue, data) }), t('fix.xlsx.schema'));
    }
  }
  const ok = report.errors === 0;
  if (ok) {
    const out = opts.out ?? `${schema}.json`;
    await writeFile(out, `${JSON.stringify(checked.data, null, 2)}\n`);
    ctx.out.write(`${summary()}\n`);
    report.print();
    report.summary();
    ctx.out.write(`${t('written', { file: out })}\n`);
    return 0;
  }
  report.print();
  report.summary();
  return 1;
}
