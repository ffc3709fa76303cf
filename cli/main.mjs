// The `rd-widgets` command (bin/rd-widgets.mjs): reads the arguments and runs one of the commands
// that prepare a widget's data from what offices work in — a draft from Word or text, stations and
// deputies from Excel — or checks a data file. Node-only; nothing here reaches a browser bundle
// (docs/architecture.md#the-rest-of-the-repository). Exit codes: 0 done, 1 the data has errors
// (nothing written), 2 the command was not understood.
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import { translator } from './messages.mjs';
import { CliError, Report } from './report.mjs';
import { runDraft } from './draft.mjs';
import { runStations, stationsTemplate } from './stations.mjs';
import { deputiesTemplate, runDeputies } from './deputies.mjs';
import { runCheck } from './check.mjs';

const VALUE_OPTIONS = ['id', 'out', 'title', 'legislature', 'level', 'stage', 'opens', 'closes', 'region', 'stations', 'schema', 'lang', 'template'];
const FLAGS = ['force', 'help'];

/** argv → {command, files, opts}; unknown options throw. */
export function parseArgs(argv, t) {
  const [command, ...rest] = argv;
  const files = [];
  const opts = {};
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (!a.startsWith('--')) { files.push(a); continue; }
    const [name, inline] = a.slice(2).split(/=(.*)/s);
    if (FLAGS.includes(name)) { opts[name] = true; continue; }
    if (!VALUE_OPTIONS.includes(name)) throw new CliError({}, t('unknownOption', { option: a }), undefined, 2);
    if (name === 'template' && inline === undefined && (rest[i + 1] === undefined || rest[i + 1].startsWith('--'))) { opts.template = true; continue; }
    const value = inline ?? rest[++i];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) throw new CliError({}, t('optionValue', { option: `--${name}` }), undefined, 2);
    opts[name] = value;
  }
  return { command, files, opts };
}

/**
 * Runs the command line `argv` (without `node` and the script). `io` replaces the process's
 * streams and terminal (tests). Returns the exit code.
 */
export async function main(argv, io = {}) {
  const out = io.out ?? process.stdout;
  const err = io.err ?? process.stderr;
  const langArg = argv.indexOf('--lang');
  const lang = (langArg >= 0 ? argv[langArg + 1] : process.env.RD_LANG) === 'en' ? 'en' : 'zh-CN';
  const t = translator(lang);
  const report = new Report(t, out, err);
  const stdin = io.stdin ?? process.stdin;
  const ask = stdin.isTTY
    ? async (label) => {
        const rl = createInterface({ input: stdin, output: out });
        try { return await rl.question(t('prompt', { label })); } finally { rl.close(); }
      }
    : undefined;
  const ctx = { t, lang, report, out, err, ask };
  try {
    const { command, files, opts } = parseArgs(argv, t);
    if (!command || opts.help || command === 'help' || command === '--help') {
      out.write(`${t('usage')}\n`);
      return command ? 0 : 2;
    }
    const file = files[0];
    const needFile = () => {
      if (!file) throw new CliError({}, t('missingFile'), t('usage'), 2);
      if (!existsSync(file)) throw new CliError({ file }, t('fileNotFound', { file }), t('fix.fileNotFound'), 2);
      return file;
    };
    switch (command) {
      case 'draft':
        return await runDraft(needFile(), opts, ctx);
      case 'stations':
        return opts.template ? await stationsTemplate(opts.template === true ? 'stations.xlsx' : opts.template, ctx) : await runStations(needFile(), opts, ctx);
      case 'deputies':
        return opts.template ? await deputiesTemplate(opts.template === true ? 'deputies.xlsx' : opts.template, ctx) : await runDeputies(needFile(), opts, ctx);
      case 'check':
        return await runCheck(needFile(), opts, ctx);
      default:
        throw new CliError({}, t('unknownCommand', { command }), t('usage'), 2);
    }
  } catch (e) {
    if (!(e instanceof CliError)) throw e;
    report.print();
    report.error(e.where, e.message, e.fix);
    err.write(`${report.line(report.items.at(-1))}\n`);
    return e.code;
  }
}
