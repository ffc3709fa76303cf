import { expect } from '@open-wc/testing';
import { clear, createStore, set } from 'idb-keyval';
import { draftKey, hasWaitingWork } from '../../src/services/waiting-work.js';

const drafts = createStore('rd-drafts', 'kv');
const outbox = createStore('rd-outbox', 'kv');
const entry = (key: string, owner: string, more: Record<string, unknown> = {}) => ({ key, owner, url: '/x', body: {}, headers: {}, credentials: 'same-origin', queuedAt: '2026-12-01T00:00:00Z', attempts: 0, ...more });

describe('waiting work (services/waiting-work.ts)', () => {
  // Other test files may share this browser's storage (Firefox, WebKit): leave nothing behind.
  after(async () => { await clear(drafts); await clear(outbox); });

  const key = draftKey('rd-deputy-card', 'dep-7');
  const owner = 'rd:rd-deputy-card:dep-7';
  // [case, drafts stored, outbox entries, query, expected]
  const cases: Array<[string, string[], ReturnType<typeof entry>[], { draft?: string; owner?: string }, boolean]> = [
    ['nothing stored', [], [], { draft: key, owner }, false],
    ['its draft', [key], [], { draft: key, owner }, true],
    ['its draft in proxy mode (variant)', [`${key}:proxy`], [], { draft: key, owner }, true],
    ['its draft under an element id', [`${key}#card-2`], [], { draft: key, owner }, true],
    ['a draft of another id that starts the same', [`${key}0`], [], { draft: key, owner }, false],
    ['another widget\'s draft', [draftKey('rd-satisfaction-survey', 'dep-7')], [], { draft: key, owner }, false],
    ['a draft, but drafts not asked about (drafts off)', [key], [], { owner }, false],
    ['its own entry to send', [], [entry('k1', owner)], { draft: key, owner }, true],
    ['another owner\'s entry to send (sent by any page)', [], [entry('k2', 'rd:rd-legislation-feedback:yq')], { draft: key, owner }, true],
    ['a receipt kept for it', [], [entry('k3', owner, { delivered: { receipt: 'R1', at: '2026-12-01T00:00:00Z' } })], { draft: key, owner }, true],
    ['a refusal kept for it', [], [entry('k4', owner, { refused: { status: 422, errors: [], at: '2026-12-01T00:00:00Z' } })], { draft: key, owner }, true],
    ['a receipt kept for another widget', [], [entry('k5', 'rd:other', { delivered: { receipt: 'R2', at: '2026-12-01T00:00:00Z' } })], { draft: key, owner }, false],
    ['a malformed outbox value', [], [null as unknown as ReturnType<typeof entry>], { draft: key, owner }, false],
    ['an object in the outbox that is not an entry', [], [{ key: 'k6', note: 'x' } as unknown as ReturnType<typeof entry>], { draft: key, owner }, false],
  ];
  for (const [name, ds, es, q, want] of cases) {
    it(`${name} → ${want}`, async () => {
      await clear(drafts);
      await clear(outbox);
      for (const k of ds) await set(k, { value: {}, savedAt: '', expiresAt: '', tabId: 't', rev: 1 }, drafts);
      await Promise.all(es.map((e, i) => set(e?.key ?? `bad-${i}`, e, outbox)));
      expect(await hasWaitingWork(q)).to.equal(want);
    });
  }
});
