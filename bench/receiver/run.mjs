// Receiver benchmark (`npm run bench -- receiver`, or `node bench/receiver/run.mjs [sqlite|postgres]`):
// replays a consultation the size of the 2019 民法典 round — 114,574 comments from 13,718
// respondents — against the real rd-receiver command, on SQLite and on PostgreSQL, with 10 %
// resends (a key sent again later) and concurrent duplicates (a key sent twice at once), over
// 32 keep-alive connections. Then a full export (CSV) of 150,000 rows, its time and the
// server's memory, while submissions keep arriving. Figures, not pass/fail (they go into
// README.md); lost or doubled submissions are counted and must be 0.
//   RD_BENCH_COMMENTS=20000 node bench/receiver/run.mjs sqlite   a shorter run
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join, resolve } from 'node:path';
import { startPgCluster } from '../../test/server/pg-cluster.mjs';
import { tmp } from '../../test/server/helpers.mjs';
import { openStorage } from '../../server/lib/storage/index.mjs';

const ROOT = resolve(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'server', 'bin', 'rd-receiver.mjs');
const COMMENTS = Number(process.env.RD_BENCH_COMMENTS ?? 114_574);
const RESPONDENTS = Math.max(1, Math.round(COMMENTS * (13_718 / 114_574)));
const EXPORT_ROWS = Math.max(COMMENTS, Number(process.env.RD_BENCH_EXPORT_ROWS ?? 150_000));
const CONNECTIONS = 32;
const LOOKUPS = Number(process.env.RD_BENCH_LOOKUPS ?? 20_000);
const TOKEN = 'bench-staff-token-0123456789abcdef';
const engines = process.argv.slice(2).filter((a) => ['sqlite', 'postgres'].includes(a));

// Deterministic pseudo-random numbers, so runs replay the same traffic.
let seed = 20191227;
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };

const ARTICLES = ['第一条', '第九条', '第一百八十四条', '第一千零三十二条', '第一千零七十七条', '第一千二百五十四条'];
const TEXTS = ['建议明确个人信息的范围。', '建议增加离婚冷静期的例外情形。', '高空抛物的责任主体应当更加明确。', '建议对居住权作出更细致的规定。', '好意同乘的责任应当减轻。'];

/** The traffic: one envelope per comment, respondents with (some) contact details. */
function makeTraffic() {
  const people = Array.from({ length: RESPONDENTS }, (_, i) => ({ name: `居民${i}`, phone: rnd() < 0.3 ? `139${String(10_000_000 + i).slice(-8)}` : undefined }));
  const list = [];
  for (let i = 0; i < COMMENTS; i++) {
    const p = people[i % RESPONDENTS];
    const id = randomUUID();
    const body = JSON.stringify({
      type: 'legislation-feedback', version: 1, id, createdAt: new Date().toISOString(), locale: 'zh-CN',
      source: { url: 'https://www.npc.gov.cn/flcaw/' },
      data: {
        draftId: '2019-mfd', stage: 'second-reading', channel: 'online', publish: false,
        respondent: { identity: 'resident', name: p.name, wantsReply: !!p.phone, ...(p.phone ? { phone: p.phone } : {}) },
        consent: { version: 'v1', at: new Date().toISOString() },
        comments: [{ target: rnd() < 0.7 ? { kind: 'article', article: ARTICLES[i % ARTICLES.length] } : { kind: 'general' }, text: `${TEXTS[i % TEXTS.length]}（${i}）` }],
      },
    });
    list.push({ id, body, dup: rnd() < 0.02 });
  }
  // 10 % resends: a key sent again later (the widgets' retry after a lost answer).
  const resends = [];
  for (let i = 0; i < COMMENTS * 0.1; i++) resends.push(list[Math.floor(rnd() * list.length)]);
  const jobs = [];
  let r = 0;
  for (let i = 0; i < list.length; i++) {
    jobs.push(list[i]);
    if (i % 10 === 9 && r < resends.length) jobs.push({ ...resends[r++], dup: false, resend: true });
  }
  return { list, jobs };
}

function startServer(args, env) {
  const proc = spawn(process.execPath, [BIN, '--port', '0', '--rate-limit', '0', '--max-connections', '1024', '--quiet', ...args], {
    env: { ...process.env, RD_STAFF_TOKEN: TOKEN, DATABASE_URL: '', PORT: '', ...env }, stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  return new Promise((ok, fail) => {
    proc.stdout.on('data', (c) => {
      out += c;
      const m = out.match(/listening on (http:\/\/\S+)/);
      if (m) ok({ proc, url: new URL(m[1]) });
    });
    proc.on('exit', (code) => fail(new Error(`rd-receiver exited ${code}: ${out}`)));
  });
}

/** Resident memory of a process, in bytes (Linux). */
const rss = (pid) => {
  try { return Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/)[1]) * 1024; } catch { return 0; }
};
/** CPU seconds a process has used (user + system; Linux clock ticks are 1/100 s). */
const cpuSeconds = (pid) => {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch { return 0; }
};
/** The 1-minute load average (the box may be shared: figures are only comparable at low load). */
const loadAverage = () => { try { return Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]); } catch { return NaN; } };

function memoryWatch(pid) {
  let peak = rss(pid);
  const t = setInterval(() => { peak = Math.max(peak, rss(pid)); }, 100);
  return { stop() { clearInterval(t); return peak; }, get peak() { return peak; } };
}

/** GET the citizen's lookup of one receipt: {status, ms, receipt?}. */
function lookupOnce(agent, url, receipt, code) {
  return new Promise((ok) => {
    const t0 = performance.now();
    const req = request({ agent, host: url.hostname, port: url.port, path: `/api/receipts/${receipt}?code=${code}`, method: 'GET' }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => { text += c; });
      res.on('end', () => {
        let got;
        try { got = JSON.parse(text).receipt; } catch { /* not JSON */ }
        ok({ status: res.statusCode, receipt: got, ms: performance.now() - t0 });
      });
    });
    req.on('error', (e) => {
      // As for submissions: a kept-alive socket the server closed while idle never carried the
      // request; asked again on a new connection.
      if (req.reusedSocket && e.code === 'ECONNRESET' && agent) lookupOnce(false, url, receipt, code).then((r) => ok({ ...r, ms: performance.now() - t0 }));
      else ok({ status: 0, ms: performance.now() - t0 });
    });
    req.end();
  });
}

function postOnce(agent, url, job) {
  return new Promise((ok) => {
    const t0 = performance.now();
    const req = request({ agent, host: url.hostname, port: url.port, path: '/api/legislation-feedback', method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': job.id, 'Content-Length': Buffer.byteLength(job.body) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => { text += c; });
      res.on('end', () => {
        let receipt;
        let lookupCode;
        try { ({ receipt, lookupCode } = JSON.parse(text)); } catch { /* not JSON */ }
        ok({ status: res.statusCode, receipt, lookupCode, ms: performance.now() - t0 });
      });
    });
    req.on('error', (e) => {
      // A kept-alive socket the server closed while idle (its keepAliveTimeout): the request
      // never reached it. Sent again with the same key, as the widgets do, on a new connection.
      if (req.reusedSocket && e.code === 'ECONNRESET' && !job.retried) {
        postOnce(false, url, { ...job, retried: true }).then((r) => ok({ ...r, ms: performance.now() - t0 }));
      } else ok({ status: 0, ms: performance.now() - t0 });
    });
    req.end(job.body);
  });
}

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function runEngine(engine) {
  let cluster = null;
  let args = [];
  let env = {};
  const dir = tmp('rd-bench-recv-');
  if (engine === 'postgres') {
    cluster = await startPgCluster();
    if (!cluster) { console.log('PostgreSQL is not installed: skipped.'); return null; }
    env = { DATABASE_URL: cluster.url };
  } else args = ['--db', join(dir, 'bench.sqlite')];
  const server = await startServer(args, env);
  const pid = server.proc.pid;
  try {
    const { list, jobs } = makeTraffic();
    const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
    const acked = new Map();
    const codes = new Map();
    const latencies = [];
    let created = 0;
    let errors = 0;
    let conflicts = 0;
    let next = 0;
    const mem = memoryWatch(pid);
    const rssStart = rss(pid);
    const cpu0 = cpuSeconds(pid);
    const load0 = loadAverage();
    const t0 = performance.now();
    const record = (job, r) => {
      latencies.push(r.ms);
      if (r.status === 201) created++;
      if (r.status === 201 || r.status === 200) {
        const prev = acked.get(job.id);
        if (prev && prev !== r.receipt) conflicts++;
        acked.set(job.id, r.receipt);
        if (r.lookupCode) codes.set(r.receipt, r.lookupCode);
      } else errors++;
    };
    async function worker() {
      while (next < jobs.length) {
        const job = jobs[next++];
        if (job.dup) {
          const [a, b] = await Promise.all([postOnce(agent, server.url, job), postOnce(agent, server.url, job)]);
          record(job, a); record(job, b);
        } else record(job, await postOnce(agent, server.url, job));
      }
    }
    await Promise.all(Array.from({ length: CONNECTIONS }, worker));
    const seconds = (performance.now() - t0) / 1000;
    const serverCpu = cpuSeconds(pid) - cpu0;
    const load1 = loadAverage();
    const submitPeak = mem.stop();
    latencies.sort((a, b) => a - b);

    // Lost / doubled: read everything back through the staff export.
    const exportedRows = await exportAll(server.url, 'jsonl');
    const byKey = new Map();
    let doubled = 0;
    for (const line of exportedRows.text.split('\n')) {
      if (!line) continue;
      const row = JSON.parse(line);
      if (byKey.has(row.idempotency_key)) doubled++;
      byKey.set(row.idempotency_key, row.receipt);
    }
    let lost = 0;
    for (const [key, receipt] of acked) if (byKey.get(key) !== receipt) lost++;
    const notAcked = list.filter((j) => !acked.has(j.id)).length;

    // The citizen's lookup (docs/contract.md#looking-up-a-submission): every acknowledged receipt
    // with its code, as fast as the connections allow; each must answer 200 with that receipt.
    const toLookUp = [...codes].slice(0, LOOKUPS);
    const lookupMs = [];
    let lookupOk = 0;
    let li = 0;
    const l0 = performance.now();
    await Promise.all(Array.from({ length: CONNECTIONS }, async () => {
      while (li < toLookUp.length) {
        const [receipt, code] = toLookUp[li++];
        const r = await lookupOnce(agent, server.url, receipt, code);
        lookupMs.push(r.ms);
        if (r.status === 200 && r.receipt === receipt) lookupOk++;
      }
    }));
    const lookupSeconds = (performance.now() - l0) / 1000;
    lookupMs.sort((a, b) => a - b);

    // Pad to EXPORT_ROWS stored rows, then time a full CSV export while submissions go on.
    if (EXPORT_ROWS > byKey.size) await pad(engine, engine === 'postgres' ? cluster.url : join(dir, 'bench.sqlite'), EXPORT_ROWS - byKey.size);
    const before = rss(pid);
    const emem = memoryWatch(pid);
    let during = 0;
    let duringOk = 0;
    const duringMs = [];
    let exporting = true;
    const trickle = (async () => {
      while (exporting) {
        const job = { id: randomUUID() };
        job.body = list[during % list.length].body.replace(list[during % list.length].id, job.id);
        const r = await postOnce(agent, server.url, job);
        during++;
        duringMs.push(r.ms);
        if (r.status === 201) duringOk++;
        await new Promise((ok) => setTimeout(ok, 20));
      }
    })();
    const e0 = performance.now();
    const csv = await exportAll(server.url, 'csv', true);
    const exportSeconds = (performance.now() - e0) / 1000;
    exporting = false;
    await trickle;
    const exportPeak = emem.stop();
    agent.destroy();
    return {
      engine, comments: COMMENTS, respondents: RESPONDENTS, requests: latencies.length, connections: CONNECTIONS,
      newPerSecond: created / seconds, requestsPerSecond: latencies.length / seconds, seconds,
      p50: pct(latencies, 50), p99: pct(latencies, 99), errors, lost, doubled, conflicts, notAcked,
      serverCpuMsPerRequest: (serverCpu * 1000) / latencies.length, loadAverage: [load0, load1],
      serverRssStartMB: rssStart / 2 ** 20, serverRssPeakMB: submitPeak / 2 ** 20,
      exportRows: csv.lines - 1, exportSeconds, exportMB: csv.bytes / 2 ** 20,
      exportRssBeforeMB: before / 2 ** 20, exportRssPeakMB: exportPeak / 2 ** 20, exportRssGrowthMB: (exportPeak - before) / 2 ** 20,
      lookups: toLookUp.length, lookupsOk: lookupOk, lookupsPerSecond: toLookUp.length / lookupSeconds,
      lookupP50: pct(lookupMs, 50), lookupP99: pct(lookupMs, 99),
      submissionsDuringExport: during, acceptedDuringExport: duringOk,
      duringExportP50: pct([...duringMs].sort((a, b) => a - b), 50), duringExportMax: Math.max(0, ...duringMs),
    };
  } finally {
    server.proc.kill('SIGTERM');
    await new Promise((ok) => server.proc.once('exit', ok));
    await cluster?.stop();
  }
}

/** Rows added straight into the database (the export's size, not the submission rate, is measured). */
async function pad(engine, where, n) {
  const s = await openStorage(engine === 'postgres' ? { databaseUrl: where } : { dbFile: where });
  try {
    const body = JSON.stringify({ type: 'legislation-feedback', version: 1, locale: 'zh-CN', source: { url: 'https://www.npc.gov.cn/flcaw/' },
      data: { draftId: '2019-mfd', stage: 'second-reading', channel: 'online', publish: false, respondent: { identity: 'resident' }, comments: [{ target: { kind: 'general' }, text: '补充的意见，用于导出测量。' }] } });
    const batch = 64;
    for (let i = 0; i < n; i += batch) {
      await Promise.all(Array.from({ length: Math.min(batch, n - i) }, (_, j) => s.insert({
        key: randomUUID(), type: 'legislation-feedback', prefix: 'FK', year: 2019, createdAt: new Date().toISOString(), receivedAt: new Date().toISOString(),
        body, personal: JSON.stringify({ respondent: { name: `居民${i + j}` } }), hash: `pad${i + j}`, subjectId: '2019-mfd', surveyId: null, code: null,
      })));
    }
  } finally { await s.close(); }
}

/** A full export, read as a slow-ish client would (streamed, counted, not kept unless asked). */
function exportAll(url, format, countOnly = false) {
  return new Promise((ok, fail) => {
    const req = request({ agent: false, host: url.hostname, port: url.port, path: `/api/export?format=${format}`, headers: { Authorization: `Bearer ${TOKEN}` } }, (res) => {
      if (res.statusCode !== 200) { fail(new Error(`export ${res.statusCode}`)); return; }
      let text = '';
      let bytes = 0;
      let lines = 0;
      res.on('data', (c) => {
        bytes += c.length;
        for (let i = 0; i < c.length; i++) if (c[i] === 10) lines++;
        if (!countOnly) text += c.toString('utf8');
      });
      res.on('end', () => ok({ text, bytes, lines }));
    });
    req.on('error', fail);
    req.end();
  });
}

const results = [];
for (const engine of engines.length ? engines : ['sqlite', 'postgres']) {
  console.log(`\n## rd-receiver on ${engine === 'sqlite' ? 'SQLite' : 'PostgreSQL'}: ${COMMENTS.toLocaleString('en')} comments from ${RESPONDENTS.toLocaleString('en')} respondents, 10 % resends, concurrent duplicates, ${CONNECTIONS} connections\n`);
  const r = await runEngine(engine);
  if (!r) continue;
  results.push(r);
  const f = (n, d = 0) => n.toLocaleString('en', { maximumFractionDigits: d, minimumFractionDigits: d });
  console.log('| measure | value |\n|---|---:|');
  console.log(`| new submissions/s | ${f(r.newPerSecond)} |`);
  console.log(`| requests/s (with resends and duplicates) | ${f(r.requestsPerSecond)} |`);
  console.log(`| latency p50 / p99 | ${f(r.p50, 1)} ms / ${f(r.p99, 1)} ms |`);
  console.log(`| lost / doubled / not answered | ${r.lost} / ${r.doubled} / ${r.notAcked} |`);
  console.log(`| lookups/s (receipt + code; ${f(r.lookupsOk)} of ${f(r.lookups)} answered with their receipt); p50 / p99 | ${f(r.lookupsPerSecond)}; ${f(r.lookupP50, 1)} / ${f(r.lookupP99, 1)} ms |`);
  console.log(`| receiver CPU per request | ${f(r.serverCpuMsPerRequest, 2)} ms |`);
  console.log(`| machine load average (1 min) at start / end | ${f(r.loadAverage[0], 1)} / ${f(r.loadAverage[1], 1)} |`);
  console.log(`| server memory (RSS) start → peak while submitting | ${f(r.serverRssStartMB)} → ${f(r.serverRssPeakMB)} MB |`);
  console.log(`| full export: ${f(r.exportRows)} rows CSV (${f(r.exportMB, 1)} MB) | ${f(r.exportSeconds, 1)} s |`);
  console.log(`| server memory during export (growth) | ${f(r.exportRssBeforeMB)} → ${f(r.exportRssPeakMB)} MB (+${f(r.exportRssGrowthMB)} MB) |`);
  console.log(`| submissions sent one after another during the export: answered; latency median / max | ${r.acceptedDuringExport} of ${r.submissionsDuringExport}; ${f(r.duringExportP50, 1)} / ${f(r.duringExportMax, 1)} ms |`);
}
const out = join(tmp('rd-bench-recv-out-'), 'receiver.json');
writeFileSync(out, JSON.stringify(results, null, 2));
console.log(`\n(results: ${out})`);
if (results.some((r) => r.lost || r.doubled || r.conflicts)) process.exitCode = 1;
