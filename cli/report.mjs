// Problems found by a `rd-widgets` command, each with where it is (file, sheet, row, column, or a
// line of the text, or a path in a JSON file), what is wrong and what to do; printed one per line
// so a webmaster can work down the list. Errors make the command exit non-zero and write nothing.
import { basename } from 'node:path';

/** Excel column letter of a 1-based column number: 1 → A, 27 → AA. */
export function columnLetter(n) {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

export class Report {
  /** @param {(key: string, params?: Record<string, string | number>) => string} t */
  constructor(t, out = process.stdout, err = process.stderr) {
    this.t = t;
    this.out = out;
    this.err = err;
    /** @type {Array<{severity: 'error' | 'warning', where: object, message: string, fix?: string}>} */
    this.items = [];
  }

  /**
   * @param {'error' | 'warning'} severity
   * @param {{file?: string, sheet?: string, row?: number, column?: string, col?: number, line?: number, paragraph?: boolean, path?: string}} where
   */
  add(severity, where, message, fix) {
    this.items.push({ severity, where, message, ...(fix ? { fix } : {}) });
  }
  error(where, message, fix) { this.add('error', where, message, fix); }
  warning(where, message, fix) { this.add('warning', where, message, fix); }

  get errors() { return this.items.filter((i) => i.severity === 'error').length; }
  get warnings() { return this.items.filter((i) => i.severity === 'warning').length; }

  /** The place as `file › sheet › row › column`, or `file › line`. */
  place(w) {
    const t = this.t;
    const parts = [];
    if (w.file) parts.push(basename(w.file));
    if (w.sheet) parts.push(t('where.sheet', { sheet: w.sheet }));
    if (w.row) parts.push(t('where.row', { row: w.row }));
    if (w.column) parts.push(t('where.column', { column: w.column, letter: columnLetter(w.col ?? 0) || '?' }));
    if (w.path) parts.push(t('where.path', { path: w.path }));
    if (w.line) parts.push(t(w.paragraph ? 'where.paragraph' : 'where.line', { line: w.line }));
    return parts.join(' › ');
  }

  line(item) {
    const head = `${this.t(`severity.${item.severity}`)}  ${this.place(item.where)}：${item.message}`;
    return item.fix ? `${head} ${this.t('fix', { fix: item.fix })}` : head;
  }

  /** Prints every problem (errors to stderr, notes to stdout), errors first kept in input order. */
  print() {
    for (const i of this.items) (i.severity === 'error' ? this.err : this.out).write(`${this.line(i)}\n`);
  }

  /** The closing line: `forced` when the output was written despite errors, `check` when nothing is written anyway. */
  summary(mode = '') {
    const p = { errors: this.errors, warnings: this.warnings };
    const key = mode === 'forced' ? 'summary.errorsForced' : mode === 'check' ? 'summary.count' : 'summary.errors';
    if (this.errors) this.err.write(`${this.t(key, p)}\n`);
    else if (this.warnings) this.out.write(`${this.t('summary.warnings', p)}\n`);
  }
}

/** A failure that stops the command: printed as one error, exit code `code`. */
export class CliError extends Error {
  constructor(where, message, fix, code = 1) {
    super(message);
    this.where = where;
    this.fix = fix;
    this.code = code;
  }
}
