// SQLite engine (better-sqlite3, WAL): the embedded default, one file an office can copy.
// better-sqlite3 is synchronous; the methods are async only to share the interface with
// PostgreSQL. Each call is short (one indexed statement or one small transaction), and exports
// page through rows by keyset, so the event loop is never held for long.
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { formatReceipt, LIST_COLUMNS } from './index.mjs';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS submissions (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    type TEXT NOT NULL,
    idempotency_key TEXT NOT NULL UNIQUE CHECK (idempotency_key = lower(idempotency_key)),
    receipt TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    received_at TEXT NOT NULL,
    body TEXT NOT NULL CHECK (json_valid(body)),
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
  -- Personal details (name, phone, e-mail…) apart from the submission, with their own
  -- retention (--retention-days): deleting them leaves the comment and its receipt.
  CREATE TABLE IF NOT EXISTS personal (
    seq INTEGER PRIMARY KEY REFERENCES submissions(seq) ON DELETE CASCADE,
    received_at TEXT NOT NULL,
    data TEXT NOT NULL CHECK (json_valid(data))
  );
  CREATE INDEX IF NOT EXISTS personal_received ON personal(received_at);
  CREATE TABLE IF NOT EXISTS receipt_counters (
    type TEXT NOT NULL, year INTEGER NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (type, year)
  );
  CREATE TABLE IF NOT EXISTS status_history (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    receipt TEXT NOT NULL REFERENCES submissions(receipt),
    status TEXT NOT NULL, at TEXT NOT NULL, note TEXT, actor TEXT
  );
  CREATE INDEX IF NOT EXISTS status_history_receipt ON status_history(receipt, id);
  CREATE TABLE IF NOT EXISTS replies (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    receipt TEXT NOT NULL REFERENCES submissions(receipt),
    text TEXT NOT NULL, at TEXT NOT NULL, actor TEXT, by_name TEXT
  );
  CREATE INDEX IF NOT EXISTS replies_receipt ON replies(receipt, id);
  CREATE TABLE IF NOT EXISTS ratings (
    receipt TEXT PRIMARY KEY REFERENCES submissions(receipt),
    rating TEXT NOT NULL, comment TEXT, at TEXT NOT NULL,
    idempotency_key TEXT NOT NULL UNIQUE
  );
  CREATE TABLE IF NOT EXISTS audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, detail TEXT NOT NULL, ip TEXT
  );
  CREATE INDEX IF NOT EXISTS audit_log_at ON audit_log(at);
  CREATE INDEX IF NOT EXISTS submissions_status ON submissions(status, seq);
  -- The receiver's own settings (the lookup-code secret), shared by every process on this file.
  CREATE TABLE IF NOT EXISTS settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);
  -- Adoption reports (意见采纳情况) staff published, one per draft.
  CREATE TABLE IF NOT EXISTS adoption_reports (
    draft_id TEXT PRIMARY KEY, body TEXT NOT NULL CHECK (json_valid(body)), published_at TEXT NOT NULL, actor TEXT
  );
`;

const COLUMNS = `s.seq, s.type, s.idempotency_key, s.receipt, s.created_at, s.received_at, s.body, s.body_hash,
  s.subject_id, s.status, s.lookup_hash, p.data AS personal`;

export class SqliteStorage {
  engine = 'sqlite';

  /** @param {string} file */
  constructor(file) {
    this.file = file;
  }

  async init() {
    const file = this.file;
    if (file !== ':memory:') {
      // The folder and the files are the office's personal data: owner only.
      mkdirSync(dirname(resolve(file)), { recursive: true, mode: 0o700 });
    }
    const db = new Database(file);
    this.db = db;
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    // WAL with synchronous=NORMAL is durable against a process crash (kill -9): a committed
    // transaction is in the WAL file before the call returns. Only a power cut may lose the
    // last transactions; an office wanting more sets RD_SQLITE_SYNC=FULL.
    db.pragma(`synchronous = ${process.env.RD_SQLITE_SYNC === 'FULL' ? 'FULL' : 'NORMAL'}`);
    // A database from before replies had a signature: add the column.
    const hadReplies = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'replies'").get();
    if (hadReplies && !db.prepare('PRAGMA table_info(replies)').all().some((c) => c.name === 'by_name')) db.exec('ALTER TABLE replies ADD COLUMN by_name TEXT');
    db.exec(SCHEMA);
    if (file !== ':memory:') {
      for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) chmodSync(f, 0o600);
    }
    const q = {
      byKey: db.prepare(`SELECT ${COLUMNS} FROM submissions s LEFT JOIN personal p ON p.seq = s.seq WHERE s.idempotency_key = ?`),
      byReceipt: db.prepare(`SELECT ${COLUMNS} FROM submissions s LEFT JOIN personal p ON p.seq = s.seq WHERE s.receipt = ?`),
      byCode: db.prepare('SELECT receipt FROM submissions WHERE survey_id = ? AND survey_code = ?'),
      bump: db.prepare(`INSERT INTO receipt_counters (type, year, n) VALUES (?, ?, 1)
        ON CONFLICT (type, year) DO UPDATE SET n = n + 1 RETURNING n`),
      insert: db.prepare(`INSERT INTO submissions
        (type, idempotency_key, receipt, created_at, received_at, body, body_hash, subject_id, survey_id, survey_code, lookup_hash)
        VALUES (@type, @key, @receipt, @createdAt, @receivedAt, @body, @hash, @subjectId, @surveyId, @code, @lookupHash)`),
      insertPersonal: db.prepare('INSERT INTO personal (seq, received_at, data) VALUES (?, ?, ?)'),
      surveyBodies: db.prepare(`SELECT body FROM submissions WHERE type = 'survey-response' AND survey_id = ?`),
      page: db.prepare(`SELECT ${COLUMNS} FROM submissions s LEFT JOIN personal p ON p.seq = s.seq
        WHERE s.seq > @afterSeq AND (@uptoSeq IS NULL OR s.seq <= @uptoSeq)
          AND (@type IS NULL OR s.type = @type) AND (@subject IS NULL OR s.subject_id = @subject)
          AND (@from IS NULL OR s.received_at >= @from) AND (@to IS NULL OR s.received_at < @to)
        ORDER BY s.seq LIMIT @limit`),
      maxSeq: db.prepare('SELECT COALESCE(MAX(seq), 0) AS n FROM submissions'),
      count: db.prepare('SELECT COUNT(*) AS n FROM submissions WHERE (@type IS NULL OR type = @type)'),
      setStatus: db.prepare('UPDATE submissions SET status = ? WHERE receipt = ?'),
      addHistory: db.prepare('INSERT INTO status_history (receipt, status, at, note, actor) VALUES (?, ?, ?, ?, ?)'),
      history: db.prepare('SELECT status, at, note, actor FROM status_history WHERE receipt = ? ORDER BY id'),
      addReply: db.prepare('INSERT INTO replies (receipt, text, at, actor, by_name) VALUES (?, ?, ?, ?, ?)'),
      replies: db.prepare('SELECT text, at, actor, by_name FROM replies WHERE receipt = ? ORDER BY id'),
      subjectReplies: db.prepare(`SELECT r.receipt, r.text, r.at, r.actor, r.by_name FROM replies r
        JOIN submissions s ON s.receipt = r.receipt WHERE s.type = ? AND s.subject_id = ? ORDER BY r.receipt, r.id`),
      rate: db.prepare(`INSERT INTO ratings (receipt, rating, comment, at, idempotency_key) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT DO NOTHING`),
      rating: db.prepare('SELECT rating, comment, at, idempotency_key FROM ratings WHERE receipt = ?'),
      audit: db.prepare('INSERT INTO audit_log (at, actor, action, detail, ip) VALUES (?, ?, ?, ?, ?)'),
      auditList: db.prepare('SELECT at, actor, action, detail, ip FROM audit_log WHERE at >= ? ORDER BY id'),
      settingGet: db.prepare('SELECT value FROM settings WHERE name = ?'),
      settingPut: db.prepare('INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT DO NOTHING'),
      list: db.prepare(`SELECT ${LIST_COLUMNS} FROM submissions s LEFT JOIN ratings r ON r.receipt = s.receipt
        WHERE (@beforeSeq IS NULL OR s.seq < @beforeSeq) AND (@type IS NULL OR s.type = @type)
          AND (@status IS NULL OR s.status = @status) AND (@subject IS NULL OR s.subject_id = @subject)
          AND (@rated IS NULL OR (r.rating IS NOT NULL) = @rated)
        ORDER BY s.seq DESC LIMIT @limit`),
      adoption: db.prepare('SELECT body, published_at, actor FROM adoption_reports WHERE draft_id = ?'),
      setAdoption: db.prepare(`INSERT INTO adoption_reports (draft_id, body, published_at, actor) VALUES (?, ?, ?, ?)
        ON CONFLICT (draft_id) DO UPDATE SET body = excluded.body, published_at = excluded.published_at, actor = excluded.actor`),
      purgePersonal: db.prepare('DELETE FROM personal WHERE received_at < ?'),
      purgeAudit: db.prepare('DELETE FROM audit_log WHERE at < ?'),
    };
    this.q = q;
    this.store = db.transaction((row) => {
      const { n } = q.bump.get(row.type, row.year);
      const receipt = formatReceipt(row.prefix, row.year, n);
      const { lastInsertRowid } = q.insert.run({ lookupHash: null, ...row, receipt });
      if (row.personal) q.insertPersonal.run(lastInsertRowid, row.receivedAt, row.personal);
      return receipt;
    });
    this.statusTx = db.transaction((receipt, status, at, note, actor, reply, replyBy) => {
      if (!q.setStatus.run(status, receipt).changes) return false;
      q.addHistory.run(receipt, status, at, note ?? null, actor ?? null);
      if (reply) q.addReply.run(receipt, reply, at, actor ?? null, replyBy ?? null);
      return true;
    });
  }

  async findByKey(key) { return this.q.byKey.get(key); }
  async findByReceipt(receipt) { return this.q.byReceipt.get(receipt); }
  async findByCode(surveyId, code) { return this.q.byCode.get(surveyId, code)?.receipt; }

  /** @returns {Promise<import('./index.mjs').InsertResult>} */
  async insert(row) {
    try {
      return { ok: true, receipt: this.store(row) };
    } catch (e) {
      if (e?.code !== 'SQLITE_CONSTRAINT_UNIQUE' && e?.code !== 'SQLITE_CONSTRAINT_PRIMARYKEY') throw e;
      // Another process sharing the file got there first.
      const again = this.q.byKey.get(row.key);
      if (again) return { ok: false, conflict: 'key', row: again };
      const used = row.code && this.q.byCode.get(row.surveyId, row.code);
      if (used) return { ok: false, conflict: 'code', receipt: used.receipt };
      throw e;
    }
  }

  async surveyBodies(surveyId) { return this.q.surveyBodies.all(surveyId).map((r) => r.body); }

  /** @param {import('./index.mjs').RowFilter} f */
  async page(f) {
    return this.q.page.all({
      afterSeq: f.afterSeq ?? 0, uptoSeq: f.uptoSeq ?? null, type: f.type ?? null, subject: f.subject ?? null,
      from: f.from ?? null, to: f.to ?? null, limit: f.limit ?? 500,
    });
  }
  async maxSeq() { return this.q.maxSeq.get().n; }
  async count(type = null) { return this.q.count.get({ type }).n; }

  /** Sets a status (with an optional reply), appending to the history. False: no such receipt. */
  async setStatus(receipt, { status, note = null, reply = null, replyBy = null, actor = null, at = new Date().toISOString() }) {
    return this.statusTx(receipt, status, at, note, actor, reply, replyBy);
  }
  async history(receipt) { return this.q.history.all(receipt); }
  async replies(receipt) { return this.q.replies.all(receipt); }
  /** Every reply to the submissions of one type about one subject (a deputy), in one query. */
  async subjectReplies(type, subject) { return this.q.subjectReplies.all(type, subject); }
  /** Once per receipt: 'stored', or 'exists' (with the stored rating). */
  async rate(receipt, { rating, comment = null, key, at = new Date().toISOString() }) {
    const r = this.q.rate.run(receipt, rating, comment, at, key);
    return r.changes ? { stored: true } : { stored: false, existing: this.q.rating.get(receipt) };
  }
  async rating(receipt) { return this.q.rating.get(receipt); }

  /** A setting, created with `make()` by whichever process asks first. */
  async setting(name, make) {
    const found = this.q.settingGet.get(name);
    if (found) return found.value;
    this.q.settingPut.run(name, make());
    return this.q.settingGet.get(name).value;
  }
  /** Newest first, by keyset (`beforeSeq`), with the rating if any. */
  async list({ type = null, status = null, subject = null, rated = null, beforeSeq = null, limit = 50 } = {}) {
    return this.q.list.all({ type, status, subject, rated: rated === null ? null : rated ? 1 : 0, beforeSeq, limit });
  }
  async adoption(draftId) { return this.q.adoption.get(draftId); }
  async setAdoption(draftId, { body, at = new Date().toISOString(), actor = null }) {
    this.q.setAdoption.run(draftId, body, at, actor);
  }

  async audit({ at = new Date().toISOString(), actor, action, detail = {}, ip = null }) {
    this.q.audit.run(at, actor, action, JSON.stringify(detail), ip);
  }
  async auditLog(since = '') {
    return this.q.auditList.all(since).map((r) => ({ ...r, detail: JSON.parse(r.detail) }));
  }
  /** Deletes personal details received before `personalBefore` and audit entries before `auditBefore`. */
  async purge({ personalBefore = null, auditBefore = null }) {
    const personal = personalBefore ? this.q.purgePersonal.run(personalBefore).changes : 0;
    const audit = auditBefore ? this.q.purgeAudit.run(auditBefore).changes : 0;
    return { personal, audit };
  }

  async close() { this.db?.close(); this.db = null; }
}
