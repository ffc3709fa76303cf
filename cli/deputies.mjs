// `rd-widgets deputies`: the deputy roster from Excel → deputies JSON valid against
// dist/schemas/deputies.json (docs/domain.md#deputies): level, 届, 选区 or 原选举单位, stations
// (checked against a stations file with --stations), pledges, status, and the name's pinyin
// (pinyin-pro, surname readings) so the directory's pinyin search works. Every problem is
// reported at its row and column. `--template` writes the workbook to fill in.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { pinyin } from 'pinyin-pro';
import { DEPUTY_LEVELS, DEPUTY_STATUSES, parseChineseNumeral } from '../dist/cli/core.mjs';
import { CliError } from './report.mjs';
import { finishSheet } from './stations.mjs';
import { EXAMPLE_MARK, isoDay, list, number, readSheet, text, writeTemplate } from './sheet.mjs';

const SHEET = '代表';

const LEVEL_WORDS = {
  全国: 'national', 全国人大代表: 'national', 省: 'provincial', 省级: 'provincial', 省人大代表: 'provincial', 自治区: 'provincial', 直辖市: 'provincial',
  市: 'municipal', 州: 'municipal', 市级: 'municipal', '市/州': 'municipal', 市人大代表: 'municipal', 设区的市: 'municipal',
  县: 'county', 区: 'county', 县级: 'county', '县/区': 'county', 县人大代表: 'county', 区人大代表: 'county',
  乡镇: 'township', 乡: 'township', 镇: 'township', 乡镇人大代表: 'township',
};
const STATUS_WORDS = { 在任: 'serving', 已辞职: 'resigned', 辞职: 'resigned', 已罢免: 'removed', 罢免: 'removed', 代表资格终止: 'terminated', 资格终止: 'terminated', 终止: 'terminated', 暂停执行代表职务: 'suspended', 暂停: 'suspended' };

export const DEPUTY_COLUMNS = [
  { key: 'id', header: '编号', required: true, example: `${EXAMPLE_MARK}-dep-001`, note: '每位代表唯一，字母、数字或短横线，如 dep-001。以“示例”开头的行不会导入。' },
  { key: 'name', header: '姓名', required: true, example: '张某某', note: '拼音由命令自动生成（按姓氏读音）。' },
  { key: 'level', header: '级别', required: true, example: '县', note: '哪一级人大的代表。', list: ['全国', '省', '市', '县', '乡镇'] },
  { key: 'term', header: '届次', required: true, example: '第十八届', note: '写“第十八届”或 18。' },
  { key: 'fromYear', header: '任期起始年', example: 2021, note: '四位年份。' },
  { key: 'untilYear', header: '任期结束年', example: 2026, note: '四位年份。' },
  { key: 'constituency', header: '选区', example: '东关街道第三选区', note: '县、乡两级代表的选区（与“原选举单位”只填一项）。' },
  { key: 'electingUnit', header: '原选举单位', example: '', note: '由下一级人大选出的代表的原选举单位。' },
  { key: 'residentIn', header: '驻地', example: '', note: '上级代表驻在本地时填写，如“驻桐岚县”。' },
  { key: 'stationIds', header: '联络站编号', example: 'tl-dgjd', note: '进站的联络站编号，多个用“、”分隔；用 --stations 指定联络站文件时会逐一核对。' },
  { key: 'stationNames', header: '联络站名称', example: '东关街道代表联络站', note: '与编号一一对应；用 --stations 时可不填。' },
  { key: 'occupation', header: '职业职务', example: '东关社区党委书记', note: '' },
  { key: 'expertise', header: '专长', example: '社区治理、养老服务', note: '用“、”分隔。' },
  { key: 'pledges', header: '承诺', example: '每月到联络站接待选民一次；群众意见一周内回复', note: '“亮承诺”：多条用分号或换行分隔。' },
  { key: 'bio', header: '简介', example: '', note: '' },
  { key: 'status', header: '状态', example: '在任', note: '不填为“在任”。', list: ['在任', '已辞职', '已罢免', '代表资格终止', '暂停执行代表职务'] },
  { key: 'statusDate', header: '状态日期', example: '', note: '不在任时必填：该状态生效的日期。' },
  { key: 'photo', header: '照片地址', example: '', note: 'http(s) 链接或网站内的相对地址。' },
  { key: 'photoAlt', header: '照片说明', example: '', note: '不填为“某某的照片”。' },
];

export async function deputiesTemplate(file, { t, out }) {
  await writeTemplate(file, {
    sheet: SHEET,
    columns: DEPUTY_COLUMNS,
    intro: ['每行一位代表，从第 2 行起填写；第 2 行是示例，可改写或删除。', '填好后运行：rd-widgets deputies 本文件.xlsx --out deputies.json --stations stations.json'],
  });
  out.write(`${t('xlsx.template', { file, sheet: SHEET })}\n`);
  return 0;
}

/** Pinyin of a name as the directory searches it: "zhang wei", surname readings (单 shan, 曾 zeng), ü as v. */
export function deputyPinyin(name) {
  return pinyin(name.replace(/[·•．.]/g, ''), { toneType: 'none', mode: 'surname', type: 'array', v: true })
    .map((x) => x.toLowerCase().trim()).filter((x) => /^[a-z]+$/.test(x)).join(' ');
}

/** 第十八届 / 十八 / 18 → 18; null when it is none. */
export function termNumber(v) {
  if (typeof v === 'number') return Number.isInteger(v) ? v : null;
  const s = String(v).trim().replace(/^第/, '').replace(/届$/, '');
  const n = /^\d+$/.test(s) ? Number(s) : parseChineseNumeral(s);
  return n && n >= 1 && n <= 99 ? n : null;
}

export async function runDeputies(file, opts, ctx) {
  const { t, report } = ctx;
  let known;
  if (opts.stations) {
    try {
      const data = JSON.parse(await readFile(opts.stations, 'utf8'));
      known = new Map((data.stations ?? []).map((s) => [s.id, s.name]));
    } catch (e) {
      throw new CliError({ file: opts.stations }, t('unreadableFile', { reason: e?.message ?? String(e) }), t('fix.fileNotFound'), 2);
    }
  }
  const { rows, where } = await readSheet(file, { sheet: SHEET, columns: DEPUTY_COLUMNS, command: 'deputies' }, ctx);
  const seen = new Map();
  const deputies = [];
  const rowOf = [];
  for (const { row, values: v } of rows) {
    const err = (key, message, fix) => report.error(where(row, key), message, fix);
    for (const c of DEPUTY_COLUMNS) if (c.required && v[c.key] === undefined) err(c.key, t('xlsx.required'), t('fix.xlsx.required', { column: c.header }));
    const d = {};
    const id = text(v.id);
    if (id) {
      if (seen.has(id)) err('id', t('xlsx.duplicateId', { id, row: seen.get(id) }), t('fix.xlsx.duplicateId'));
      else seen.set(id, row);
      d.id = id;
    }
    if (v.name !== undefined) {
      d.name = text(v.name);
      const py = deputyPinyin(d.name);
      if (py) d.pinyin = py;
    }
    if (v.level !== undefined) {
      const w = text(v.level);
      const level = DEPUTY_LEVELS.includes(w) ? w : LEVEL_WORDS[w.replace(/人大代表$/, '')] ?? LEVEL_WORDS[w];
      if (level) d.level = level;
      else err('level', t('deputies.unknownLevel', { value: w }), t('fix.deputies.unknownLevel'));
    }
    if (v.term !== undefined) {
      const n = termNumber(v.term);
      if (n === null) err('term', t('deputies.badTerm', { value: text(v.term) }), t('fix.deputies.badTerm'));
      else d.term = { number: n };
    }
    for (const key of ['fromYear', 'untilYear']) {
      if (v[key] === undefined) continue;
      const y = number(v[key]);
      if (y === null || !Number.isInteger(y)) err(key, t('xlsx.notYear', { value: text(v[key]) }), t('fix.xlsx.notYear'));
      else if (d.term) d.term[key] = y;
    }
    if (v.constituency !== undefined && v.electingUnit !== undefined) err('electingUnit', t('deputies.bothElected'), t('fix.deputies.bothElected'));
    else if (v.constituency !== undefined) d.electedFrom = { kind: 'constituency', name: text(v.constituency) };
    else if (v.electingUnit !== undefined) d.electedFrom = { kind: 'electingUnit', name: text(v.electingUnit) };
    for (const key of ['residentIn', 'occupation', 'bio']) if (v[key] !== undefined) d[key] = text(v[key]);
    const stations = readStations(v, row);
    if (stations.length) d.stations = stations;
    const expertise = list(v.expertise);
    if (expertise.length) d.expertise = expertise;
    const pledges = text(v.pledges)?.split(/[；;\n]+/).map((x) => x.trim()).filter(Boolean) ?? [];
    if (pledges.length) d.pledges = pledges;
    const statusWord = text(v.status) ?? '在任';
    const code = DEPUTY_STATUSES.includes(statusWord) ? statusWord : STATUS_WORDS[statusWord];
    if (!code) err('status', t('deputies.unknownStatus', { value: statusWord }), t('fix.deputies.unknownStatus'));
    else {
      d.status = { code };
      if (v.statusDate !== undefined) {
        const day = isoDay(v.statusDate);
        if (!day) err('statusDate', t('xlsx.notDate', { value: text(v.statusDate) }), t('fix.xlsx.notDate'));
        else d.status.date = day;
      } else if (code !== 'serving') err('statusDate', t('deputies.statusDate', { status: statusWord }), t('fix.deputies.statusDate'));
    }
    if (v.photo !== undefined) d.photo = { src: text(v.photo), alt: text(v.photoAlt) ?? `${d.name ?? ''}的照片` };
    rowOf.push(row);
    deputies.push(d);
  }
  const data = { ...(opts.title ? { title: opts.title } : {}), deputies, updatedAt: new Date().toISOString() };
  return finishSheet(data, 'deputies', {
    rowOf, where, columns: DEPUTY_COLUMNS, ctx, opts, file,
    summary: () => t('deputies.read', { file: basename(file), count: deputies.length }),
    fieldOf: ([field, sub]) => ({ term: sub === 'fromYear' || sub === 'untilYear' ? sub : 'term', electedFrom: 'constituency', stations: 'stationIds', status: sub === 'date' ? 'statusDate' : 'status', photo: sub === 'alt' ? 'photoAlt' : 'photo', pinyin: 'name' })[field] ?? field,
  });

  function readStations(v, row) {
    const ids = list(v.stationIds);
    const names = list(v.stationNames);
    const out = [];
    if (!ids.length) return out;
    if (!known && names.length !== ids.length) {
      report.error(where(row, 'stationNames'), t('deputies.stationCount', { ids: ids.length, names: names.length }), t('fix.deputies.stationCount'));
      return out;
    }
    ids.forEach((sid, i) => {
      if (known && !known.has(sid)) {
        report.error(where(row, 'stationIds'), t('deputies.unknownStation', { value: sid, file: basename(opts.stations) }), t('fix.deputies.unknownStation'));
        return;
      }
      const name = names[i] ?? known?.get(sid);
      if (!name) report.error(where(row, 'stationNames'), t('deputies.stationName', { value: sid }), t('fix.deputies.stationName'));
      else out.push({ id: sid, name });
    });
    return out;
  }
}
