// Excel workbooks for the `rd-widgets` command (exceljs): templates with Chinese headers, an example
// row and a “说明” sheet, and reading a filled-in sheet back as rows of values keyed by column,
// each value remembering its row and column for the error messages (cli/report.mjs).
import ExcelJS from 'exceljs';
import { existsSync } from 'node:fs';
import { CliError } from './report.mjs';

/**
 * @typedef {object} Column
 * @property {string} key        field the column fills
 * @property {string} header     Chinese header (row 1)
 * @property {string[]} [aliases] other headers read as this column
 * @property {boolean} [required]
 * @property {string|number} [example]  the example row's value
 * @property {string} note       what to write (the “说明” sheet)
 * @property {string[]} [list]   allowed values (a drop-down in the template)
 * @property {number} [width]
 */

/** Marks an example row: its first cell starts so (the reader skips it, with a note). */
export const EXAMPLE_MARK = '示例';

const bare = (h) => String(h ?? '').replace(/[（(]\s*(必填|选填)\s*[）)]|[*＊\s\u3000]/g, '');

/** Writes a template: headers (required ones marked （必填）), one example row, the “说明” sheet. */
export async function writeTemplate(file, { sheet, columns, intro }) {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'rd-widgets';
  const ws = wb.addWorksheet(sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: `${c.header}${c.required ? '（必填）' : ''}`, key: c.key, width: c.width ?? Math.max(12, [...c.header].length * 2 + 8) }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE9E7' } };
  ws.addRow(Object.fromEntries(columns.map((c) => [c.key, c.example ?? ''])));
  ws.getRow(2).font = { italic: true, color: { argb: 'FF666666' } };
  columns.forEach((c, i) => {
    if (!c.list?.length) return;
    const letter = ws.getColumn(i + 1).letter;
    for (let r = 2; r <= 500; r++) {
      ws.getCell(`${letter}${r}`).dataValidation = { type: 'list', allowBlank: true, showErrorMessage: false, formulae: [`"${c.list.join(',')}"`] };
    }
  });
  const help = wb.addWorksheet('说明');
  help.columns = [{ header: '列', key: 'header', width: 18 }, { header: '必填', key: 'required', width: 8 }, { header: '填写说明', key: 'note', width: 90 }];
  help.getRow(1).font = { bold: true };
  for (const line of intro) help.addRow({ header: '', required: '', note: line });
  for (const c of columns) help.addRow({ header: c.header, required: c.required ? '是' : '', note: c.list?.length ? `${c.note} 可选：${c.list.join('、')}` : c.note });
  help.getColumn('note').alignment = { wrapText: true, vertical: 'top' };
  await wb.xlsx.writeFile(file);
}

/** A cell's value as exceljs gives it → text, number, boolean or Date (formulas give their result). */
export function cellValue(v) {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'object' && !(v instanceof Date)) {
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellValue(v.result);
    if ('text' in v) return cellValue(v.text);
    if ('error' in v) return undefined;
    return String(v);
  }
  if (typeof v === 'string') {
    const s = v.replace(/\u00a0/g, ' ').trim();
    return s === '' ? undefined : s;
  }
  return v;
}

/**
 * Reads the sheet `sheet` (or the first one) of `file`: checks the headers, skips blank and
 * example rows, and returns the rows as {row, values} with `where(row, key)` for messages.
 */
export async function readSheet(file, { sheet, columns, command }, { t, report }) {
  if (!existsSync(file)) throw new CliError({ file }, t('fileNotFound', { file }), t('fix.fileNotFound'), 2);
  if (!/\.xlsx$/i.test(file)) throw new CliError({ file }, t('unsupportedFile', { ext: file.replace(/^.*(\.[^.]*)$/, '$1') }), t('fix.unsupportedXlsx'), 2);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(file);
  } catch (e) {
    throw new CliError({ file }, t('unreadableFile', { reason: e?.message ?? String(e) }), t('fix.unreadableXlsx'));
  }
  const ws = wb.getWorksheet(sheet) ?? wb.worksheets.find((w) => w.name !== '说明');
  if (!ws) throw new CliError({ file }, t('xlsx.noSheet'), t('fix.xlsx.noSheet', { command, sheet }));
  const name = ws.name;
  /** key → column number */
  const colOf = new Map();
  ws.getRow(1).eachCell((cell, col) => {
    const h = bare(cellValue(cell.value));
    if (!h) return;
    const c = columns.find((x) => bare(x.header) === h || (x.aliases ?? []).some((a) => bare(a) === h));
    if (c && !colOf.has(c.key)) colOf.set(c.key, col);
    else if (!c) report.warning({ file, sheet: name, row: 1, column: h, col }, t('xlsx.unknownColumn', { column: h }), t('fix.xlsx.unknownColumn'));
  });
  for (const c of columns) {
    if (c.required && !colOf.has(c.key)) report.error({ file, sheet: name, row: 1 }, t('xlsx.missingColumn', { column: c.header }), t('fix.xlsx.missingColumn'));
  }
  const header = (key) => columns.find((c) => c.key === key)?.header ?? key;
  const where = (row, key) => ({ file, sheet: name, row, ...(key ? { column: header(key), col: colOf.get(key) ?? 0 } : {}) });
  const rows = [];
  ws.eachRow({ includeEmpty: false }, (r, rowNumber) => {
    if (rowNumber === 1) return;
    const values = {};
    for (const [key, col] of colOf) {
      const v = cellValue(r.getCell(col).value);
      if (v !== undefined) values[key] = v;
    }
    if (!Object.keys(values).length) return;
    const first = values[columns[0].key];
    if (typeof first === 'string' && first.startsWith(EXAMPLE_MARK)) {
      report.warning(where(rowNumber), t('xlsx.exampleSkipped'));
      return;
    }
    rows.push({ row: rowNumber, values });
  });
  if (!rows.length && !report.errors) report.error({ file, sheet: name }, t('xlsx.noRows'), t('fix.xlsx.noRows'));
  return { rows, where, sheet: name };
}

/** Text of a value (numbers as written, dates as YYYY-MM-DD). */
export function text(v) {
  if (v === undefined) return undefined;
  if (v instanceof Date) return isoDay(v);
  return String(v).trim();
}

/** A date cell or text (2026-03-01, 2026/3/1, 2026年3月1日) → YYYY-MM-DD, or null. */
export function isoDay(v) {
  if (v instanceof Date) {
    // Excel dates carry no zone; exceljs reads them as UTC midnight.
    return Number.isNaN(v.getTime()) ? null : v.toISOString().slice(0, 10);
  }
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(String(v).trim());
  if (!m) return null;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3] ? d.toISOString().slice(0, 10) : null;
}

/** A list cell: values separated by 、 ， , ； ; / or line breaks. */
export function list(v) {
  const s = text(v);
  return s ? s.split(/[、，,；;/\n]+/).map((x) => x.trim()).filter(Boolean) : [];
}

/** 是/否, yes/no, true/false, 1/0 → boolean; null when it is none of them. */
export function yesNo(v) {
  if (typeof v === 'boolean') return v;
  const s = String(v).trim().toLowerCase();
  if (['是', '接受', 'y', 'yes', 'true', '1', '√', '✓'].includes(s)) return true;
  if (['否', '不接受', 'n', 'no', 'false', '0', '×', '✗'].includes(s)) return false;
  return null;
}

/** A number cell, or text that is one (全角 digits too); null otherwise. */
export function number(v) {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  const s = String(v).trim().replace(/[０-９．－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : null;
}
