import { expect } from '@open-wc/testing';
import { enqueue, flushOutbox, listOutbox, removeFromOutbox } from '../../src/services/outbox.js';
import { uuidv4 } from '../../src/services/http.js';
import { chaosLog, chaosUrl, uid, env } from '../helpers/env.js';

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
});
