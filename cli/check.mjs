// `rd-widgets check FILE.json`: validates any data file a widget reads (draft, stations, deputies,
// survey …) against its schema — the same zod schemas the widgets and rd-receiver use, published
// as dist/schemas/<name>.json — and says in Chinese what is wrong and where (docs/contract.md#machine-readable-schemas).
// A plain-text draft is also run through the legal-text parser, as the widget would.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { dataSchemas, format, legalTextMessages, parseLegalText } from '../dist/cli/core.mjs';
import { CliError } from './report.mjs';
import { describeIssue, pathText } from './issues.mjs';

/** Which data a parsed file is, from its shape; undefined when it cannot be told. */
export function guessSchema(data) {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return undefined;
  if (Array.isArray(data.stations)) return 'stations';
  if (Array.isArray(data.deputies)) return 'deputies';
  if (data.text && data.window && data.legislature !== undefined) return 'draft';
  if (Array.isArray(data.pages) && data.window) return 'survey';
  if (data.surveyId && Array.isArray(data.sections)) return 'survey-results';
  if (data.term && data.level) return 'deputy';
  if (Array.isArray(data.types) && data.tier) return 'station';
  return undefined;
}

/** Line and column (1-based) of a character offset. */
function lineColumn(source, offset) {
  const before = source.slice(0, offset).split('\n');
  return { line: before.length, column: before.at(-1).length + 1 };
}

export async function runCheck(file, opts, ctx) {
  const { t, report } = ctx;
  let source;
  try {
    source = (await readFile(file, 'utf8')).replace(/^\ufeff/, '');
  } catch {
    throw new CliError({ file }, t('fileNotFound', { file }), t('fix.fileNotFound'), 2);
  }
  let data;
  try {
    data = JSON.parse(source);
  } catch (e) {
    const m = /position (\d+)/.exec(e.message);
    const lc = m ? lineColumn(source, Number(m[1])) : /line (\d+) column (\d+)/.exec(e.message) ? { line: RegExp.$1, column: RegExp.$2 } : { line: '?', column: '?' };
    throw new CliError({ file }, t('check.json', { ...lc, reason: e.message }), t('fix.check.json'));
  }
  const names = Object.keys(dataSchemas);
  const schema = opts.schema ?? guessSchema(data);
  if (!schema) throw new CliError({ file }, t('check.kind', { file: basename(file) }), t('fix.check.kind', { schemas: names.join('、') }), 2);
  if (!dataSchemas[schema]) throw new CliError({ file }, t('check.unknownSchema', { schema }), t('fix.check.kind', { schemas: names.join('、') }), 2);
  const r = dataSchemas[schema].safeParse(data);
  if (!r.success) for (const issue of r.error.issues) report.error({ file, path: pathText(issue.path) }, describeIssue(t, issue, data));
  if (r.success && schema === 'draft' && data.text.format === 'plain') {
    const messages = legalTextMessages[ctx.lang === 'en' ? 'en' : 'zh-CN'];
    for (const i of parseLegalText(data.text.content).issues) {
      report.add(i.severity, { file, path: 'text.content', ...(i.line ? { line: i.line } : {}) }, format(messages[i.messageKey] ?? i.code, i.params), t('fix.draft.parser'));
    }
  }
  report.print();
  report.summary('check');
  if (report.errors) {
    ctx.err.write(`${t('check.invalid', { file: basename(file), schema })}\n`);
    return 1;
  }
  ctx.out.write(`${t('check.ok', { file: basename(file), schema })}\n`);
  return 0;
}
