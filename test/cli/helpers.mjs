// Helpers of the `rd-widgets` command's tests: a throwaway folder, real .docx files (the OOXML
// parts Word writes, zipped with jszip) and real .xlsx files (exceljs), and running the command
// itself (bin/rd-widgets.mjs) as a webmaster would.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import ExcelJS from 'exceljs';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin', 'rd-widgets.mjs');

export function tempDir(t) {
  const dir = mkdtempSync(join(tmpdir(), 'rd-cli-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Runs `rd-widgets …args` in `cwd`; stdin is not a terminal (no prompts). */
export function rdWidgets(cwd, ...args) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, RD_LANG: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, all: r.stdout + r.stderr };
}

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A Word document with one paragraph per item; an item may be split into runs (as Word does
 * around a change of formatting) by giving an array. Empty strings are empty paragraphs.
 */
export async function writeDocx(file, paragraphs) {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    + '<Default Extension="xml" ContentType="application/xml"/>'
    + '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    + '</Types>');
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    + '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
    + '</Relationships>');
  const body = paragraphs.map((p) => {
    const runs = (Array.isArray(p) ? p : [p]).map((r) => `<w:r><w:rPr><w:rFonts w:eastAsia="仿宋_GB2312"/></w:rPr><w:t xml:space="preserve">${esc(r)}</w:t></w:r>`).join('');
    return `<w:p><w:pPr><w:jc w:val="both"/></w:pPr>${runs}</w:p>`;
  }).join('');
  zip.file('word/document.xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    + '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    + `<w:body>${body}<w:sectPr/></w:body></w:document>`);
  writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
}

/** An Excel workbook: one sheet `sheet` with `rows` (the first is the header row). */
export async function writeXlsx(file, sheet, rows, more = {}) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  for (const r of rows) ws.addRow(r);
  for (const [name, list] of Object.entries(more)) {
    const extra = wb.addWorksheet(name);
    for (const r of list) extra.addRow(r);
  }
  await wb.xlsx.writeFile(file);
}

/** The rows of a workbook's sheet as arrays of cell values (for reading a template back). */
export async function readXlsx(file, sheet) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = sheet ? wb.getWorksheet(sheet) : wb.worksheets[0];
  const rows = [];
  ws.eachRow((r) => rows.push(r.values.slice(1)));
  return { rows, sheets: wb.worksheets.map((w) => w.name) };
}
