// `rd-widgets draft 草案.docx|.txt`: a draft regulation from Word (read with mammoth) or plain text
// → a draft JSON file valid against dist/schemas/draft.json, its text parsed into 编/分编/章/节/条/款/
// 项/目 by the widget's own parser (docs/domain.md#structure-of-a-legal-text), with every parser
// message listed at its line (paragraph, for Word). Nothing is written when the result would be
// invalid, or when the parser found errors (unless --force).
import { readFile, writeFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import mammoth from 'mammoth';
import { dataSchemas, hasErrors, legalTextMessages, LEVELS, STAGES, format, listArticles, parseLegalText } from '../dist/cli/core.mjs';
import { CliError } from './report.mjs';
import { describeIssue, pathText } from './issues.mjs';

const ID_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/;

/** A .docx as text, one paragraph per line (so "line N" is the document's paragraph N). */
export async function docxText(file, t) {
  let r;
  try {
    r = await mammoth.extractRawText({ path: file });
  } catch (e) {
    throw new CliError({ file }, t('unreadableFile', { reason: e?.message ?? String(e) }), t('fix.unreadableDocx'));
  }
  // mammoth ends every paragraph with a blank line
  return r.value.replace(/\r\n?/g, '\n').replace(/\n\n/g, '\n').replace(/\n$/, '');
}

/** A .txt as text: UTF-8 (with or without BOM), or GB18030 when it is not UTF-8 (Windows 记事本). */
export async function plainText(file) {
  const buf = await readFile(file);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf).replace(/^\ufeff/, ''), gbk: false };
  } catch {
    return { text: new TextDecoder('gb18030').decode(buf), gbk: true };
  }
}

/** 2026-01-31 → the start (opens) or end (closes) of that day in China time; a full ISO time as it is. */
export function windowTime(value, end) {
  const v = String(value).trim();
  const day = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(v);
  if (day) {
    const [y, m, d] = [day[1], day[2].padStart(2, '0'), day[3].padStart(2, '0')];
    const date = new Date(Date.UTC(+y, +m - 1, +d));
    if (date.getUTCMonth() !== +m - 1 || date.getUTCDate() !== +d) return null;
    return `${y}-${m}-${d}T${end ? '23:59:59' : '00:00:00'}+08:00`;
  }
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(v) && Number.isFinite(Date.parse(v)) ? v : null;
}

/** The level of a legislature from its name: 全国 → national, 省/自治区/直辖市 → provincial … */
export function guessLevel(name) {
  if (/全国/.test(name)) return 'national';
  if (/自治州|自治县|自治旗/.test(name)) return 'autonomous';
  if (/省|自治区|^(北京|天津|上海|重庆)市/.test(name)) return 'provincial';
  return 'city';
}

const LEVEL_WORDS = { 全国: 'national', 国家: 'national', 省: 'provincial', 省级: 'provincial', 市: 'city', 设区的市: 'city', 自治: 'autonomous', 自治州: 'autonomous', 自治县: 'autonomous' };
const STAGE_WORDS = { 征集: 'project-call', 立项: 'project-call', 一审: 'first-reading', 二审: 'second-reading', 三审: 'third-reading', 评估: 'evaluation' };

/**
 * Runs the command. `opts`: the parsed flags; `ask(label)` prompts for a missing value (undefined
 * when there is no terminal). Returns the exit code.
 */
export async function runDraft(file, opts, ctx) {
  const { t, report, ask } = ctx;
  const ext = extname(file).toLowerCase();
  if (ext !== '.docx' && ext !== '.txt') throw new CliError({ file }, t('unsupportedFile', { ext: ext || basename(file) }), t('fix.unsupportedDraft'), 2);
  let content;
  if (ext === '.docx') content = await docxText(file, t);
  else {
    const r = await plainText(file);
    content = r.text;
    if (r.gbk) report.warning({ file }, t('draft.gbk'));
  }
  const parsed = parseLegalText(content);
  const messages = legalTextMessages[ctx.lang === 'en' ? 'en' : 'zh-CN'];
  for (const i of parsed.issues) {
    report.add(i.severity, { file, ...(i.line ? { line: i.line, paragraph: ext === '.docx' } : {}) }, format(messages[i.messageKey] ?? i.code, i.params), t('fix.draft.parser'));
  }
  const parserFailed = hasErrors(parsed.issues);
  if (parserFailed) report.error({ file }, t('draft.parserError'), t('fix.draft.parserError'));
  const parserErrors = report.errors;

  // What the text does not say comes from the flags, or is asked for at a terminal.
  const need = async (value, key, option, example) => {
    if (value !== undefined && String(value).trim()) return String(value).trim();
    const answer = ask ? (await ask(t(key)))?.trim() : '';
    if (answer) return answer;
    report.error({ file }, t('draft.missing', { what: t(key) }), t('fix.draft.missing', { option, example }));
    return undefined;
  };
  let id = opts.id;
  if (id === undefined) {
    const stem = basename(file, extname(file));
    if (ID_RE.test(stem)) id = stem;
    else report.error({ file }, t('draft.noId', { file: basename(file) }), t('fix.draft.noId'));
  } else if (!ID_RE.test(id)) report.error({ file }, t('draft.badId', { id }), t('fix.draft.badId'));
  const title = await need(opts.title ?? parsed.text.title, 'draft.title', '--title', '--title "某市某某条例（草案）"');
  const legislature = await need(opts.legislature, 'draft.legislature', '--legislature', '--legislature "某市人大常委会法制工作委员会"');
  const date = async (value, key, option, end) => {
    const v = await need(value, key, option, `${option} ${end ? '2026-01-31' : '2026-01-01'}`);
    if (v === undefined) return undefined;
    const iso = windowTime(v, end);
    if (!iso) report.error({ file }, t('draft.badDate', { value: v }), t('fix.draft.badDate'));
    return iso ?? undefined;
  };
  const opens = await date(opts.opens, 'draft.opens', '--opens', false);
  const closes = await date(opts.closes, 'draft.closes', '--closes', true);
  let level = opts.level && (LEVEL_WORDS[opts.level] ?? opts.level);
  if (level && !LEVELS.includes(level)) report.error({ file }, t('draft.badLevel', { value: opts.level }), t('fix.draft.badLevel'));
  if (!level && legislature) {
    level = guessLevel(legislature);
    report.warning({ file }, t('draft.levelGuessed', { level }));
  }
  const stage = opts.stage ? (STAGE_WORDS[opts.stage] ?? opts.stage) : 'first-reading';
  if (!STAGES.includes(stage)) report.error({ file }, t('draft.badStage', { value: opts.stage }), t('fix.draft.badStage'));

  const list = listArticles(parsed.text);
  const chapters = new Set(list.map((a) => a.chapter).filter(Boolean)).size;
  const parts = parsed.text.parts?.length ?? 0;
  const structure = parts
    ? t('draft.structure', { parts, chapters, articles: list.length })
    : chapters ? t('draft.structureNoParts', { chapters, articles: list.length }) : t('draft.structureNoChapters', { articles: list.length });
  ctx.out.write(`${t('draft.read', { file: basename(file), structure })}\n`);

  const draft = {
    id, title, legislature, level, stage,
    window: { opens, closes },
    text: { format: 'structured', ...parsed.text },
  };
  if (report.errors > parserErrors) return finish(false);
  const checked = dataSchemas.draft.safeParse(draft);
  if (!checked.success) {
    for (const issue of checked.error.issues) report.error({ file: opts.out ?? 'draft.json', path: pathText(issue.path) }, describeIssue(t, issue, draft));
    return finish(false);
  }
  if (parserFailed && !opts.force) return finish(false);
  const out = opts.out ?? `${id}.json`;
  await writeFile(out, `${JSON.stringify(checked.data, null, 2)}\n`);
  return finish(true, out);

  function finish(written, out) {
    report.print();
    report.summary(written && report.errors > 0 ? 'forced' : '');
    if (written) ctx.out.write(`${t('written', { file: out })}\n`);
    return written ? 0 : 1;
  }
}
