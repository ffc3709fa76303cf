import { expect } from '@open-wc/testing';
import { enqueue, enqueueChecked, flushOutbox, listOutbox, removeFromOutbox, settleRecord, OUTBOX_LIMITS } from '../../src/services/outbox.js';
import { uuidv4 } from '../../src/services/http.js';
import { chaosLog, chaosUrl, uid, env, readOutbox } from '../helpers/env.js';
import { resetStoreProbes } from '../../src/services/idb.js';

const entry = (url: string, owner: string) => {
  const key = uuidv4();
  return { key, owner, url, body: { id: key, data: { text: '离线时写的意见' } }, headers: { 'X-Test': '1' }, credentials: 'omit' as const, queuedAt: new Date().toISOString(), attempts: 1 };
};

describe('outbox service', () => {
  it('is persistent in Chromium (enqueue says the entry survives a reload)', async () => {
    const e = entry(chaosUrl('ok', uid('o')), uid('owner'));
    expect(await enqueue(e)).to.equal(true);
    await removeFromOutbox(e.key);
  });

  it('IndexedDB slower to open than the wait: the entry is kept in memory, then moves into the database once it opens', async () => {
    // The outbox's database answers 600 ms late (a busy phone, a loaded storage process), after
    // a 150 ms wait: the entry is kept for this page only, and taken in once the database opens.
    const realOpen = indexedDB.open;
    indexedDB.open = function (this: IDBFactory, ...args: Parameters<IDBFactory['open']>) {
      const req = realOpen.apply(indexedDB, args);
      let handler: ((this: IDBRequest, ev: Event) => unknown) | null = null;
      Object.defineProperty(req, 'onsuccess', { configurable: true, get: () => handler, set(fn) { handler = fn; } });
      req.addEventListener('success', (ev) => setTimeout(() => handler?.call(req, ev), 600));
      return req;
    } as IDBFactory['open'];
    resetStoreProbes(150);
    const e = entry(`${env().refused}/x`, uid('owner'));
    try {
      expect(await enqueueChecked(e)).to.deep.equal({ stored: true, persistent: false });
      indexedDB.open = realOpen;
      const inDb = async () => ((await readOutbox()) as Array<{ key: string }>).some((x) => x.key === e.key);
      expect(await inDb()).to.equal(false);
      expect((await listOutbox(e.owner)).map((x) => x.key)).to.deep.equal([e.key]);
      await new Promise((r) => setTimeout(r, 900));
      expect((await listOutbox(e.owner)).map((x) => x.key)).to.deep.equal([e.key]); // one entry, not two
      expect(await inDb()).to.equal(true);
    } finally {
      indexedDB.open = realOpen;
      resetStoreProbes();
      await removeFromOutbox(e.key);
    }
  });

  it('without Web Locks (an engine or WebView that lacks them): entries are still sent, once from this page, with their key', async () => {
    // Across tabs the Idempotency-Key is what keeps one stored row then (the receiver's tests).
    const had = Object.getOwnPropertyDescriptor(navigator, 'locks');
    Object.defineProperty(navigator, 'locks', { configurable: true, value: undefined });
    const owner = uid('owner');
    const run = uid('o');
    const e = entry(chaosUrl('ok', run), owner);
    try {
      expect(navigator.locks).to.equal(undefined);
      await enqueue(e);
      const [a, b] = await Promise.all([flushOutbox(owner), flushOutbox(owner)]);
      expect([...a, ...b].filter((r) => r.result.ok).map((r) => r.entry.key)).to.deep.equal([e.key]);
      const log = await chaosLog(run);
      expect(log.map((r) => r.headers['idempotency-key'])).to.deep.equal([e.key]);
      expect(await listOutbox(owner)).to.deep.equal([]);
    } finally {
      if (had) Object.defineProperty(navigator, 'locks', had);
      else delete (navigator as unknown as Record<string, unknown>).locks;
    }
  });

  it('keeps an entry while the server is unreachable, then sends it with the same key', async () => {
    const owner = uid('owner');
    const run = uid('o');
    const down = entry(`${env().refused}/x`, owner);
    await enqueue(down);
    const r1 = await flushOutbox(owner, { timeout: 500 });
    expect(r1[0].result).to.deep.include({ ok: false, kind: 'network' });
    const left = await listOutbox(owner);
    expect(left).to.have.length(1);
    expect(left[0].attempts).to.equal(2);

    // The server comes back (simulated by pointing the stored entry at a live URL).
    await enqueue({ ...left[0], url: chaosUrl('ok', run) });
    const r2 = await flushOutbox(owner);
    expect(r2[0].result.ok).to.equal(true);
    expect(await listOutbox(owner)).to.deep.equal([]);
    const [req] = await chaosLog(run);
    expect(req.headers['idempotency-key']).to.equal(down.key);
    expect(req.headers['x-test']).to.equal('1');
    expect(JSON.parse(req.body)).to.deep.equal(down.body);
  });

  it('drops an entry the server rejects (4xx), reporting it', async () => {
    const owner = uid('owner');
    await enqueue(entry(chaosUrl('422', uid('o')), owner));
    const [rep] = await flushOutbox(owner);
    expect(rep.result).to.deep.include({ ok: false, kind: 'rejected', status: 422 });
    expect(await listOutbox(owner)).to.deep.equal([]);
  });

  it('values in the database that are not entries (another script, an older format) are skipped, not sent, not thrown on', async () => {
    const { createStore, set, del } = await import('idb-keyval');
    const store = createStore('rd-outbox', 'kv');
    const bad: Array<[string, unknown]> = [['bad-null', null], ['bad-text', '离线'], ['bad-shape', { key: 'bad-shape', owner: 7 }]];
    for (const [k, v] of bad) await set(k, v, store);
    try {
      const owner = uid('owner');
      const e = entry(chaosUrl('ok', uid('o')), owner);
      expect(await enqueueChecked(e)).to.deep.equal({ stored: true, persistent: true });
      const all = await listOutbox();
      expect(all.some((x) => String(x.key).startsWith('bad-'))).to.equal(false);
      const reps = await flushOutbox(owner);
      expect(reps.map((r) => r.entry.key)).to.deep.equal([e.key]);
    } finally {
      for (const [k] of bad) await del(k, store);
    }
  });

  it('flushes only the named owner’s entries, oldest first', async () => {
    const a = uid('owner'), b = uid('owner');
    const run = uid('o');
    const e1 = entry(chaosUrl('ok', run), a);
    const e2 = { ...entry(chaosUrl('ok', run), a), queuedAt: new Date(Date.now() + 1000).toISOString() };
    const e3 = entry(chaosUrl('ok', run), b);
    await enqueue(e2); await enqueue(e1); await enqueue(e3);
    const reps = await flushOutbox(a);
    expect(reps.map((r) => r.entry.key)).to.deep.equal([e1.key, e2.key]);
    expect((await listOutbox(b)).map((e) => e.key)).to.deep.equal([e3.key]);
    await flushOutbox(b);
  });

  describe('hygiene', () => {
    const clearOwner = async (owner: string) => { for (const e of await listOutbox(owner)) await removeFromOutbox(e.key); };

    it('an orphan delivered on behalf of an absent widget keeps its receipt, not the citizen’s payload', async () => {
      const owner = uid('owner');
      const e = entry(chaosUrl('ok', uid('o')), owner);
      await enqueue(e);
      const reps = await flushOutbox(undefined, { skipOwners: () => new Set(), timeout: 15_000 });
      const rep = reps.find((r) => r.entry.key === e.key)!;
      expect(rep.result.ok).to.equal(true);
      expect(rep.kept).to.equal(true);
      const [kept] = await listOutbox(owner);
      expect(kept.delivered?.receipt).to.be.a('string').and.not.equal('');
      expect(JSON.stringify(kept)).not.to.contain('离线时写的意见');
      expect(kept.body).to.deep.equal({ id: e.key });
      expect(kept.headers).to.deep.equal({});
      await clearOwner(owner);
    });

    it('settleRecord (the controller’s path for a widget gone meanwhile) keeps no payload either', () => {
      const e = entry('https://x.example/api', 'o');
      const done = settleRecord(e, { ok: true, status: 201, receipt: 'FK-2026-000001', message: '已收到' });
      expect(done?.delivered?.receipt).to.equal('FK-2026-000001');
      expect(JSON.stringify(done)).not.to.contain('离线时写的意见');
    });

    it('is bounded by count: past the limit the entry is not stored, with a message to show', async () => {
      const owner = uid('owner');
      const saved = { ...OUTBOX_LIMITS };
      const already = (await listOutbox()).filter((x) => !x.delivered && !x.refused).length; // at least what IndexedDB holds
      OUTBOX_LIMITS.maxEntries = already + 2;
      try {
        const r1 = await enqueueChecked(entry(`${env().refused}/x`, owner));
        const r2 = await enqueueChecked(entry(`${env().refused}/x`, owner));
        expect([r1.stored, r2.stored]).to.deep.equal([true, true]);
        const third = entry(`${env().refused}/x`, owner);
        const r3 = await enqueueChecked(third);
        expect(r3.stored).to.equal(false);
        if (!r3.stored) {
          expect(r3.reason).to.equal('full');
          expect(r3.message).to.match(/已满/);
        }
        expect(await enqueue(entry(`${env().refused}/x`, owner))).to.equal(false);
        // Refused entries stay with this page (in memory), so it can still send them.
        expect((await listOutbox(owner)).map((x) => x.key)).to.include(third.key);
        // Replacing an entry already there is allowed.
        const [first] = await listOutbox(owner);
        expect((await enqueueChecked({ ...first, attempts: 5 })).stored).to.equal(true);
      } finally {
        Object.assign(OUTBOX_LIMITS, saved);
        await clearOwner(owner);
      }
    });

    it('is bounded by bytes', async () => {
      const owner = uid('owner');
      const saved = { ...OUTBOX_LIMITS };
      OUTBOX_LIMITS.maxBytes = 64 * 1024 + (await listOutbox()).filter((x) => !x.delivered && !x.refused).reduce((n, x) => n + new TextEncoder().encode(JSON.stringify(x)).length, 0);
      try {
        const big = { ...entry(`${env().refused}/x`, owner), body: { text: '长'.repeat(30_000) } }; // ~90 KB
        const r = await enqueueChecked(big);
        expect(r.stored).to.equal(false);
        expect((await enqueueChecked(entry(`${env().refused}/x`, owner))).stored).to.equal(true);
      } finally {
        Object.assign(OUTBOX_LIMITS, saved);
        await clearOwner(owner);
      }
    });

    it('while the receiver is down, one probe is sent, not every entry', async () => {
      const owner = uid('owner');
      const run = uid('o');
      const list = [0, 1, 2, 3].map((i) => ({ ...entry(chaosUrl('503', run), owner), queuedAt: new Date(Date.now() + i).toISOString() }));
      for (const e of list) await enqueue(e);
      const reps = await flushOutbox(owner);
      expect(reps).to.have.length(1);
      expect(await chaosLog(run)).to.have.length(1);
      const left = await listOutbox(owner);
      expect(left).to.have.length(4);
      expect(left.map((x) => x.attempts)).to.deep.equal([2, 1, 1, 1]);

      const down = uid('owner');
      for (let i = 0; i < 3; i++) await enqueue({ ...entry(`${env().refused}/x`, down), queuedAt: new Date(Date.now() + i).toISOString() });
      expect(await flushOutbox(down, { timeout: 500 })).to.have.length(1);

      // Back up: everything goes.
      for (const e of left) await enqueue({ ...e, url: chaosUrl('ok', run) });
      expect((await flushOutbox(owner)).every((r) => r.result.ok)).to.equal(true);
      expect(await listOutbox(owner)).to.deep.equal([]);
      await clearOwner(down);
    });
  });
});
