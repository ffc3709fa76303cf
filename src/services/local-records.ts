// Small records kept on this device (docs/architecture.md#layers): IndexedDB through idb-keyval;
// where IndexedDB is unusable (private modes, a hostile page), localStorage; else page memory.
// Used by the survey's one-response-per-device guard and by the citizen's receipt list.
import { del, entries, get, set } from 'idb-keyval';
import { openStore } from './idb.js';
import { stringifyJson } from './json.js';

export type RecordBackend = 'idb' | 'local' | 'memory';

export interface LocalRecords<T> {
  get(key: string): Promise<T | null>;
  set(key: string, value: T): Promise<void>;
  delete(key: string): Promise<void>;
  /** Every record whose key starts with `prefix`. */
  all(prefix: string): Promise<T[]>;
  backend(): Promise<RecordBackend>;
}

function localStore(): Storage | null {
  try {
    const ls = globalThis.localStorage;
    const k = '__rd_probe__';
    ls.setItem(k, '1');
    ls.removeItem(k);
    return ls;
  } catch {
    return null;
  }
}

/** Records in the database `dbName`, each checked with `isValid` when read back. */
export function localRecords<T>(dbName: string, isValid: (v: unknown) => v is T): LocalRecords<T> {
  const memory = new Map<string, T>();
  const storeP = openStore(dbName);
  const lsKey = (key: string) => `${dbName}:${key}`;
  const parse = (raw: string | null | undefined): T | null => {
    if (!raw) return null;
    try {
      const v: unknown = JSON.parse(raw);
      return isValid(v) ? v : null;
    } catch {
      return null;
    }
  };
  return {
    backend: async () => ((await storeP) ? 'idb' : localStore() ? 'local' : 'memory'),
    async get(key) {
      const store = await storeP;
      try {
        if (store) {
          const v = await get(key, store);
          if (isValid(v)) return v;
        } else {
          const v = parse(localStore()?.getItem(lsKey(key)));
          if (v) return v;
        }
      } catch { /* unreadable: fall through to memory */ }
      return memory.get(key) ?? null;
    },
    async set(key, value) {
      memory.set(key, value);
      const store = await storeP;
      try {
        if (store) await set(key, value, store);
        else localStore()?.setItem(lsKey(key), stringifyJson(value));
      } catch { /* kept in memory for this page */ }
    },
    async delete(key) {
      memory.delete(key);
      const store = await storeP;
      try {
        if (store) await del(key, store);
        else localStore()?.removeItem(lsKey(key));
      } catch { /* nothing to remove */ }
    },
    async all(prefix) {
      const out = new Map<string, T>();
      for (const [k, v] of memory) if (k.startsWith(prefix)) out.set(k, v);
      const store = await storeP;
      try {
        if (store) {
          for (const [k, v] of await entries(store)) if (typeof k === 'string' && k.startsWith(prefix) && isValid(v)) out.set(k, v);
        } else {
          const ls = localStore();
          for (let i = 0; ls && i < ls.length; i++) {
            const k = ls.key(i);
            if (!k?.startsWith(lsKey(prefix))) continue;
            const v = parse(ls.getItem(k));
            if (v) out.set(k.slice(dbName.length + 1), v);
          }
        }
      } catch { /* what memory has */ }
      return [...out.values()];
    },
  };
}
