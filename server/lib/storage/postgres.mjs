// PostgreSQL engine (`pg`): for offices that already run PostgreSQL, or several receiver
// processes behind one load balancer. Every uniqueness rule is a constraint, so processes need
// no coordination: a second insert of one key, or of one survey code, fails in the database.
//
// Receipt numbers come from one sequence per type and year (rd_receipt_<prefix>_<year>):
// sequences never block, so concurrent submissions do not queue behind a counter row. A
// rolled-back insert leaves a gap in the numbering; receipts stay unique, which is what matters.
import pg from 'pg';
import { LIST_COLUMNS } from './index.mjs';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS submissions (
    seq BIGSERIAL PRIMARY KEY,
    type TEXT NOT NULL,
    idempotency_key TEXT NOT NULL UNIQUE CHECK (idempotency_key = lower(idempotency_key)),
    receipt TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    received_at TEXT NOT NULL,
    body TEXT NOT NULL,
    body_hash TEXT NOT NULL,
    subject_id TEXT,
    survey_id TEXT,
    survey_code TEXT,
    status TEXT NOT NULL DEFAULT 'received',
    lookup_hash TEXT
  );
  CREATE INDEX IF NOT EXISTS submissions_type ON submissions(type, seq);
  CREATE INDEX IF NOT EXISTS submissions_received ON submissions(received_at);
  CREATE INDEX IF NOT EXISTS submissions_subject ON submissions(subject_id, seq);
  CREATE UNIQUE INDEX IF NOT EXISTS submissions_survey_code ON submissions(survey_id, survey_code)
    WHERE survey_code IS NOT NULL;
  CREATE TABLE IF NOT EXISTS personal (
    seq BIGINT PRIMARY KEY REFERENCES submissions(seq) ON DELETE CASCADE,
    received_at TEXT NOT NULL,
    data TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS personal_received ON personal(received_at);
  CREATE TABLE IF NOT EXISTS status_history (
    id BIGSERIAL PRIMARY KEY,
    receipt TEXT NOT NULL REFERENCES submissions(receipt),
    status TEXT NOT NULL, at TEXT NOT NULL, note TEXT, actor TEXT
  );
  CREATE INDEX IF NOT EXISTS status_history_receipt ON status_history(receipt, id);
  CREATE TABLE IF NOT EXISTS replies (
    id BIGSERIAL PRIMARY KEY,
    receipt TEXT NOT NULL REFERENCES submissions(receipt),
    text TEXT NOT NULL, at TEXT NOT NULL, actor TEXT, by_name TEXT
  );
  ALTER TABLE replies ADD COLUMN IF NOT EXISTS by_name TEXT;
  CREATE INDEX IF NOT EXISTS replies_receipt ON replies(receipt, id);
  CREATE TABLE IF NOT EXISTS ratings (
    receipt TEXT PRIMARY KEY REFERENCES submissions(receipt),
    rating TEXT NOT NULL, comment TEXT, at TEXT NOT NULL,
    idempotency_key TEXT NOT NULL UNIQUE
  );
  CREATE TABLE IF NOT EXISTS audit_log (
    id BIGSERIAL PRIMARY KEY,
    at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, detail TEXT NOT NULL, ip TEXT
  );
  CREATE INDEX IF NOT EXISTS audit_log_at ON audit_log(at);
  CREATE INDEX IF NOT EXISTS submissions_status ON submissions(status, seq);
  CREATE TABLE IF NOT EXISTS settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS adoption_reports (
    draft_id TEXT PRIMARY KEY, body TEXT NOT NULL, published_at TEXT NOT NULL, actor TEXT
  );
`;

const COLUMNS = `s.seq::int AS seq, s.type, s.idempotency_key, s.receipt, s.created_at, s.received_at, s.body,
  s.body_hash, s.subject_id, s.status, s.lookup_hash, p.data AS personal`;
const UNIQUE_VIOLATION = '23505';

export class PostgresStorage {
  engine = 'postgres';

  constructor(url, { poolSize = 16 } = {}) {
    this.pool = new pg.Pool({ connectionString: url, max: poolSize });
    // An idle client losing its connection must not crash the receiver; the pool replaces it.
    this.pool.on('error', () => {});
    this.sequences = new Set();
  }

  async init() {
    // Two processes starting at once: one creates, the other waits on the lock.
    const c = await this.pool.connect();
    try {
      await c.query('BEGIN');
      await c.query('SELECT pg_advisory_xact_lock(4242013)');
      await c.query(SCHEMA);
      await c.query('COMMIT');
    } catch (e) {
      await c.query('ROLLBACK').catch(() => {});
      throw e;
    } finally {
      c.release();
    }
  }

  async #sequence(prefix, year) {
    const name = `rd_receipt_${prefix.toLowerCase().replace(/[^a-z0-9]/g, '_')}_${year}`;
    if (!this.sequences.has(name)) {
      try {
        await this.pool.query(`CREATE SEQUENCE IF NOT EXISTS ${name}`);
      } catch (e) {
        // Created by another process at the same instant: fine.
        if (e?.code !== UNIQUE_VIOLATION && e?.code !== '42P07') throw e;
      }
      this.sequences.add(name);
    }
    return name;
  }

  async findByKey(key) {
    const r = await this.pool.query(`SELECT ${COLUMNS} FROM submissions s LEFT JOIN personal p ON p.seq = s.seq WHERE s.idempotency_key = $1`, [key]);
    return r.rows[0];
  }
  async findByReceipt(receipt) {
    const r = await this.pool.query(`SELECT ${COLUMNS} FROM submissions s LEFT JOIN personal p ON p.seq = s.seq WHERE s.receipt = $1`, [receipt]);
    return r.rows[0];
  }
  async findByCode(surveyId, code) {
    const r = await this.pool.query('SELECT receipt FROM submissions WHERE survey_id = $1 AND survey_code = $2', [surveyId, code]);
    return r.rows[0]?.receipt;
  }

  /** One statement (atomic, one round trip): the submission and its personal details. */
  async insert(row) {
    const seqName = await this.#sequence(row.prefix, row.year);
    let res;
    try {
      res = await this.pool.query(
        `WITH n AS (SELECT nextval($1::regclass)::text AS v),
         s AS (
           INSERT INTO submissions (type, idempotency_key, receipt, created_at, received_at, body, body_hash,
             subject_id, survey_id, survey_code, lookup_hash)
           SELECT $2, $3, $4 || '-' || $5 || '-' || lpad(n.v, greatest(6, length(n.v)), '0'), $6, $7, $8, $9, $10, $11, $12, $13
           FROM n
           ON CONFLICT DO NOTHING
           RETURNING seq, receipt
         ),
         p AS (INSERT INTO personal (seq, received_at, data) SELECT s.seq, $7, $14 FROM s WHERE $14::text IS NOT NULL)
         SELECT receipt FROM s`,
        [seqName, row.type, row.key, row.prefix, String(row.year), row.createdAt, row.receivedAt, row.body, row.hash,
          row.subjectId, row.surveyId, row.code, row.lookupHash ?? null, row.personal],
      );
    } catch (e) {
      if (e?.code !== UNIQUE_VIOLATION) throw e;
      res = { rows: [] };
    }
    if (res.rows[0]) return { ok: true, receipt: res.rows[0].receipt };
    // Nothing inserted: the key or the survey code exists already (perhaps just now, from
    // another process).
    const again = await this.findByKey(row.key);
    if (again) return { ok: false, conflict: 'key', row: again };
    const used = row.code && (await this.findByCode(row.surveyId, row.code));
    if (used) return { ok: false, conflict: 'code', receipt: used };
    throw new Error('insert refused by a constraint, but neither the key nor the code exists');
  }

  async surveyBodies(surveyId) {
    const r = await this.pool.query(`SELECT body FROM submissions WHERE type = 'survey-response' AND survey_id = $1`, [surveyId]);
    return r.rows.map((x) => x.body);
  }

  async page(f) {
    const r = await this.pool.query(
      `SELECT ${COLUMNS} FROM submissions s LEFT JOIN personal p ON p.seq = s.seq
       WHERE s.seq > $1 AND ($2::bigint IS NULL OR s.seq <= $2)
         AND ($3::text IS NULL OR s.type = $3) AND ($4::text IS NULL OR s.subject_id = $4)
         AND ($5::text IS NULL OR s.received_at >= $5) AND ($6::text IS NULL OR s.received_at < $6)
       ORDER BY s.seq LIMIT $7`,
      [f.afterSeq ?? 0, f.uptoSeq ?? null, f.type ?? null, f.subject ?? null, f.from ?? null, f.to ?? null, f.limit ?? 500],
    );
    return r.rows;
  }
  async maxSeq() { return Number((await this.pool.query('SELECT COALESCE(MAX(seq), 0) AS n FROM submissions')).rows[0].n); }
  async count(type = null) {
    return Number((await this.pool.query('SELECT COUNT(*) AS n FROM submissions WHERE ($1::text IS NULL OR type = $1)', [type])).rows[0].n);
  }

  async setStatus(receipt, { status, note = null, reply = null, replyBy = null, actor = null, at = new Date().toISOString() }) {
    const c = await this.pool.connect();
    try {
      await c.query('BEGIN');
      const u = await c.query('UPDATE submissions SET status = $1 WHERE receipt = $2', [status, receipt]);
      if (!u.rowCount) { await c.query('ROLLBACK'); return false; }
      await c.query('INSERT INTO status_history (receipt, status, at, note, actor) VALUES ($1, $2, $3, $4, $5)', [receipt, status, at, note, actor]);
      if (reply) await c.query('INSERT INTO replies (receipt, text, at, actor, by_name) VALUES ($1, $2, $3, $4, $5)', [receipt, reply, at, actor, replyBy]);
      await c.query('COMMIT');
      return true;
    } catch (e) {
      await c.query('ROLLBACK').catch(() => {});
      throw e;
    } finally {
      c.release();
    }
  }
  async history(receipt) {
    return (await this.pool.query('SELECT status, at, note, actor FROM status_history WHERE receipt = $1 ORDER BY id', [receipt])).rows;
  }
  async replies(receipt) {
    return (await this.pool.query('SELECT text, at, actor, by_name FROM replies WHERE receipt = $1 ORDER BY id', [receipt])).rows;
  }
  /** Every reply to the submissions of one type about one subject (a deputy), in one query. */
  async subjectReplies(type, subject) {
    return (await this.pool.query(`SELECT r.receipt, r.text, r.at, r.actor, r.by_name FROM replies r
      JOIN submissions s ON s.receipt = r.receipt WHERE s.type = $1 AND s.subject_id = $2 ORDER BY r.receipt, r.id`, [type, subject])).rows;
  }
  async rate(receipt, { rating, comment = null, key, at = new Date().toISOString() }) {
    const r = await this.pool.query(
      'INSERT INTO ratings (receipt, rating, comment, at, idempotency_key) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING',
      [receipt, rating, comment, at, key],
    );
    return r.rowCount ? { stored: true } : { stored: false, existing: await this.rating(receipt) };
  }
  async rating(receipt) {
    return (await this.pool.query('SELECT rating, comment, at, idempotency_key FROM ratings WHERE receipt = $1', [receipt])).rows[0];
  }

  async setting(name, make) {
    const get = async () => (await this.pool.query('SELECT value FROM settings WHERE name = $1', [name])).rows[0]?.value;
    const found = await get();
    if (found !== undefined) return found;
    // Two processes asking at once: one value wins, both read it back.
    await this.pool.query('INSERT INTO settings (name, value) VALUES ($1, $2) ON CONFLICT DO NOTHING', [name, make()]);
    return get();
  }
  async list({ type = null, status = null, subject = null, rated = null, beforeSeq = null, limit = 50 } = {}) {
    const r = await this.pool.query(
      `SELECT ${LIST_COLUMNS.replace('s.seq,', 's.seq::int AS seq,')} FROM submissions s LEFT JOIN ratings r ON r.receipt = s.receipt
       WHERE ($1::bigint IS NULL OR s.seq < $1) AND ($2::text IS NULL OR s.type = $2)
         AND ($3::text IS NULL OR s.status = $3) AND ($4::text IS NULL OR s.subject_id = $4)
         AND ($5::boolean IS NULL OR (r.rating IS NOT NULL) = $5)
       ORDER BY s.seq DESC LIMIT $6`,
      [beforeSeq, type, status, subject, rated, limit],
    );
    return r.rows;
  }
  async adoption(draftId) {
    return (await this.pool.query('SELECT body, published_at, actor FROM adoption_reports WHERE draft_id = $1', [draftId])).rows[0];
  }
  async setAdoption(draftId, { body, at = new Date().toISOString(), actor = null }) {
    await this.pool.query(
      `INSERT INTO adoption_reports (draft_id, body, published_at, actor) VALUES ($1, $2, $3, $4)
       ON CONFLICT (draft_id) DO UPDATE SET body = excluded.body, published_at = excluded.published_at, actor = excluded.actor`,
      [draftId, body, at, actor],
    );
  }

  async audit({ at = new Date().toISOString(), actor, action, detail = {}, ip = null }) {
    await this.pool.query('INSERT INTO audit_log (at, actor, action, detail, ip) VALUES ($1, $2, $3, $4, $5)', [at, actor, action, JSON.stringify(detail), ip]);
  }
  async auditLog(since = '') {
    const r = await this.pool.query('SELECT at, actor, action, detail, ip FROM audit_log WHERE at >= $1 ORDER BY id', [since]);
    return r.rows.map((x) => ({ ...x, detail: JSON.parse(x.detail) }));
  }
  async purge({ personalBefore = null, auditBefore = null }) {
    const personal = personalBefore ? (await this.pool.query('DELETE FROM personal WHERE received_at < $1', [personalBefore])).rowCount : 0;
    const audit = auditBefore ? (await this.pool.query('DELETE FROM audit_log WHERE at < $1', [auditBefore])).rowCount : 0;
    return { personal, audit };
  }

  async close() { await this.pool.end(); }
}
