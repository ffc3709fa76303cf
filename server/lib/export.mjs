// Streamed exports (CSV and JSON Lines / JSON) and the personal-data split they undo.
import { streamRows } from './storage/index.mjs';

// ---------------------------------------------------------------------------------------------
// Personal details are kept apart from the submission (storage table `personal`), so that
// --retention-days can delete them and leave the comment, its receipt and its status.

/** Fields of `data.respondent` / `data.contact` that identify a person. */
const PERSONAL_FIELDS = new Set(['name', 'phone', 'email', 'unit', 'address', 'idNumber', 'wechat']);
const PERSONAL_HOLDERS = ['respondent', 'contact'];

/**
 * Splits an accepted envelope into what is stored with the submission and the personal details.
 * @returns {{body: object, personal: Record<string, Record<string, unknown>> | null}}
 */
export function splitPersonal(envelope) {
  const data = envelope?.data;
  if (!data || typeof data !== 'object') return { body: envelope, personal: null };
  let personal = null;
  const outData = { ...data };
  for (const holder of PERSONAL_HOLDERS) {
    const h = data[holder];
    if (!h || typeof h !== 'object' || Array.isArray(h)) continue;
    const kept = {};
    for (const [k, v] of Object.entries(h)) {
      if (PERSONAL_FIELDS.has(k)) ((personal ??= {})[holder] ??= {})[k] = v;
      else kept[k] = v;
    }
    outData[holder] = kept;
  }
  return { body: personal ? { ...envelope, data: outData } : envelope, personal };
}

/** Puts personal details (when still kept) back where they were in the envelope. */
export function mergePersonal(body, personal) {
  if (!personal || !body?.data) return body;
  const data = { ...body.data };
  for (const [holder, fields] of Object.entries(personal)) data[holder] = { ...(data[holder] ?? {}), ...fields };
  return { ...body, data };
}

// ---------------------------------------------------------------------------------------------
// CSV (Excel in China opens UTF-8 only with a BOM).

/**
 * Neutralises spreadsheet formulas: text starting with = + - @ (or tab/CR), or with their
 * full-width forms ＝ ＋ － ＠ (which Excel in a Chinese locale also reads as a formula), gets a
 * leading '.
 */
export function csvGuard(v) {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const s = String(v);
  return /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(s) ? `'${s}` : s;
}
export function csvCell(v) {
  const s = csvGuard(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
/** Leaf values of `obj` keyed by dotted path (`comments.0.text`); [] and {} become "". */
export function flatten(obj, prefix = '', out = {}) {
  if (obj !== null && typeof obj === 'object') {
    const keys = Object.keys(obj);
    if (!keys.length && prefix) out[prefix] = '';
    for (const k of keys) flatten(obj[k], prefix ? `${prefix}.${k}` : k, out);
  } else if (prefix) out[prefix] = obj;
  return out;
}

const FIXED = ['receipt', 'type', 'idempotency_key', 'created_at', 'received_at', 'locale', 'source_url', 'status'];

/** A stored row as exported: the envelope with its personal details put back. */
export function exportRow(r) {
  const body = mergePersonal(JSON.parse(r.body), r.personal ? JSON.parse(r.personal) : null);
  return {
    receipt: r.receipt, type: r.type, idempotency_key: r.idempotency_key, created_at: r.created_at,
    received_at: r.received_at, locale: body.locale, source_url: body.source?.url, status: r.status, data: body.data,
  };
}

/**
 * Writes with backpressure: text is gathered into ~64 KB chunks, and each chunk waits for the
 * socket to drain. Returns false once the client has gone away.
 */
function writer(res) {
  let buf = '';
  let gone = false;
  res.on('close', () => { gone = true; });
  return {
    get gone() { return gone; },
    async write(s) {
      buf += s;
      if (buf.length >= 65536) await this.flush();
      return !gone;
    },
    async flush() {
      if (!buf || gone) { buf = ''; return; }
      const chunk = buf;
      buf = '';
      if (!res.write(chunk)) {
        // Wait for the socket to drain, or for the client to leave; no listener left behind.
        await new Promise((ok) => {
          const done = () => { res.off('drain', done); res.off('close', done); ok(); };
          res.on('drain', done);
          res.on('close', done);
        });
      }
    },
  };
}

/**
 * Streams the rows matching `filter` as CSV, JSON Lines or JSON. The column list of a CSV
 * needs every row's fields, so CSV reads the rows twice (first only the field names); both
 * passes stop at the newest row present when the export began, so they see the same rows.
 * @returns {Promise<number>} rows written
 */
export async function streamExport(storage, res, { format, filter }) {
  const uptoSeq = await storage.maxSeq();
  const f = { ...filter, uptoSeq };
  const out = writer(res);
  let count = 0;
  if (format === 'csv') {
    const seen = new Set();
    const dataCols = [];
    for await (const r of streamRows(storage, f)) {
      if (out.gone) return count;
      for (const k of Object.keys(flatten(exportRow(r).data ?? {}, 'data'))) if (!seen.has(k)) { seen.add(k); dataCols.push(k); }
    }
    await out.write(`\uFEFF${[...FIXED, ...dataCols].map(csvCell).join(',')}\r\n`);
    for await (const r of streamRows(storage, f)) {
      const row = exportRow(r);
      const flat = flatten(row.data ?? {}, 'data');
      if (!(await out.write(`${[...FIXED.map((c) => row[c]), ...dataCols.map((c) => flat[c])].map(csvCell).join(',')}\r\n`))) return count;
      count++;
    }
  } else if (format === 'jsonl') {
    for await (const r of streamRows(storage, f)) {
      if (!(await out.write(`${JSON.stringify(exportRow(r))}\n`))) return count;
      count++;
    }
  } else {
    // One JSON document, still streamed: `count` comes last.
    await out.write(`{"type":${JSON.stringify(filter.type ?? null)},"rows":[`);
    for await (const r of streamRows(storage, f)) {
      if (!(await out.write(`${count ? ',' : ''}${JSON.stringify(exportRow(r))}`))) return count;
      count++;
    }
    await out.write(`],"count":${count}}`);
  }
  await out.flush();
  res.end();
  return count;
}
