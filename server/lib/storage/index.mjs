// The storage interface of rd-receiver, and how to open one engine or the other.
//
// Both engines (storage/sqlite.mjs, storage/postgres.mjs) implement the same async methods and
// are run through the same test suite (test/server/storage.test.mjs). Uniqueness is the
// database's job, not the process's: idempotency keys, receipts and survey codes carry UNIQUE
// constraints, so two receiver processes sharing one PostgreSQL never store a key twice, never
// issue one receipt twice and never accept one survey code twice.
//
// @typedef {object} NewSubmission
// @property {string} key          Idempotency-Key, already lower-cased (also the envelope id)
// @property {string} type         payload type ('legislation-feedback', …)
// @property {string} prefix       receipt prefix ('FK', …)
// @property {number} year         receipts are numbered per type and year (China time)
// @property {string} createdAt    the envelope's createdAt
// @property {string} receivedAt   ISO time the server received it
// @property {string} body         JSON of the accepted envelope WITHOUT personal fields
// @property {string|null} personal JSON of the personal fields taken out of it (or null)
// @property {string} hash         sha256 of the whole accepted envelope (repeat detection)
// @property {string|null} subjectId draft / survey / deputy / station the submission is about
// @property {string|null} surveyId
// @property {string|null} code    survey access code (normalised), unique per survey
// @property {string|null} [lookupHash] hash of the citizen's lookup code (issue "closing the loop")
//
// @typedef {{ok: true, receipt: string} | {ok: false, conflict: 'key', row: StoredRow} | {ok: false, conflict: 'code', receipt: string}} InsertResult
//
// @typedef {object} StoredRow
// @property {number} seq  @property {string} receipt  @property {string} type
// @property {string} idempotency_key  @property {string} created_at  @property {string} received_at
// @property {string} body  @property {string|null} personal  @property {string} body_hash
// @property {string|null} subject_id  @property {string} status  @property {string|null} lookup_hash
//
// @typedef {object} RowFilter
// @property {string|null} [type] @property {string|null} [from] ISO, inclusive
// @property {string|null} [to] ISO, exclusive  @property {string|null} [subject]
// @property {number} [afterSeq] keyset paging  @property {number} [uptoSeq] snapshot bound
// @property {number} [limit]

/** Statuses a submission goes through (issue "closing the loop"). */
export const STATUSES = ['received', 'forwarded', 'in-progress', 'replied', 'adopted', 'partly-adopted', 'not-adopted', 'closed'];
export const RATINGS = ['satisfied', 'basically-satisfied', 'dissatisfied'];

/**
 * Opens the storage named by `databaseUrl` (postgres://…) or else the SQLite file `dbFile`.
 * @param {{dbFile?: string, databaseUrl?: string, poolSize?: number}} o
 */
export async function openStorage({ dbFile, databaseUrl, poolSize } = {}) {
  if (databaseUrl) {
    const { PostgresStorage } = await import('./postgres.mjs');
    const s = new PostgresStorage(databaseUrl, { poolSize });
    await s.init();
    return s;
  }
  const { SqliteStorage } = await import('./sqlite.mjs');
  const s = new SqliteStorage(dbFile);
  await s.init();
  return s;
}

/** What the staff list reads: the stored body (no personal details) and the rating, if any. */
export const LIST_COLUMNS = 's.seq, s.type, s.receipt, s.received_at, s.subject_id, s.status, s.body, r.rating, r.at AS rated_at';

/** Receipt text: FK-2026-000123 (wider past a million). */
export const formatReceipt = (prefix, year, n) => `${prefix}-${year}-${String(n).padStart(6, '0')}`;

/**
 * Every stored row matching `filter`, oldest first, fetched in pages by keyset (no transaction
 * held open, no OFFSET scans), so an export of any size keeps memory flat and lets other
 * requests run between pages.
 * @param {{page(f: RowFilter): Promise<StoredRow[]>}} storage
 * @param {RowFilter} filter
 */
export async function* streamRows(storage, filter, pageSize = 500) {
  let afterSeq = 0;
  for (;;) {
    const rows = await storage.page({ ...filter, afterSeq, limit: pageSize });
    for (const r of rows) yield r;
    if (rows.length < pageSize) return;
    afterSeq = rows[rows.length - 1].seq;
    // Between pages, let waiting I/O run: SQLite answers synchronously and a fast reader never
    // makes the socket push back, so without this an export would hold the event loop (and
    // every submission) until it ends.
    await new Promise((resolve) => setImmediate(resolve));
  }
}
