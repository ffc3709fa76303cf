// IndexedDB access through idb-keyval, with a probe: private modes, quotas, `delete
// window.indexedDB` on a hostile page — callers get `null` and fall back instead of throwing.
import { createStore, type UseStore } from 'idb-keyval';

const probes = new Map<string, Promise<UseStore | null>>();
const PROBE_TIMEOUT_MS = 10_000;
let probeTimeoutMs = PROBE_TIMEOUT_MS;

/** Opens (once per page) a single-store database, or null when IndexedDB is unusable here. */
export function openStore(dbName: string, storeName = 'kv'): Promise<UseStore | null> {
  const id = `${dbName}/${storeName}`;
  let p = probes.get(id);
  if (!p) {
    p = probe(dbName, storeName, (store) => probes.set(id, Promise.resolve(store)));
    probes.set(id, p);
  }
  return p;
}

/**
 * `late` gets the store when a database that outlasted the wait opens after all (a busy phone, a
 * loaded storage process): later callers then use it, and what was kept in memory meanwhile can
 * move in (services/outbox.ts does).
 */
async function probe(dbName: string, storeName: string, late: (store: UseStore) => void): Promise<UseStore | null> {
  let idb: IDBFactory | undefined;
  try {
    idb = globalThis.indexedDB;
  } catch {
    return null;
  }
  if (!idb || typeof idb.open !== 'function') return null;
  try {
    const store = createStore(dbName, storeName);
    // A read proves the database opens (it fails in some private modes / when blocked).
    let timedOut = false;
    const read = store('readonly', (s) => new Promise<boolean>((resolve, reject) => {
      const r = s.count();
      r.onsuccess = () => resolve(true);
      r.onerror = () => reject(r.error);
    }));
    read.then((opened) => { if (opened && timedOut) late(store); }, () => { /* unusable: stays null */ });
    const ok = await Promise.race([
      read,
      // Only a database that never answers is given up on (an old private mode hangs forever). A
      // busy device can take seconds to open one: typing meanwhile is kept and saved once open,
      // so waiting costs nothing, while giving up early would tell the citizen drafts are off.
      // One that answers after the wait is still taken (`late`).
      new Promise<boolean>((resolve) => setTimeout(() => { timedOut = true; resolve(false); }, probeTimeoutMs)),
    ]);
    return ok ? store : null;
  } catch {
    return null;
  }
}

/** For tests: forget cached probes so a changed environment is seen (and set the wait). */
export function resetStoreProbes(timeoutMs = PROBE_TIMEOUT_MS): void {
  probes.clear();
  probeTimeoutMs = timeoutMs;
}
