// Test helpers shared by every suite: the local servers, unique ids, reading IndexedDB, waiting.
import { get, createStore, keys } from 'idb-keyval';

declare global {
  interface Window {
    __RD_TEST__: { chaos: string; refused: string; receiver: string | null; staffToken: string | null; engine?: 'chromium' | 'firefox' | 'webkit' };
  }
}

export const env = () => window.__RD_TEST__;

/** The engine this file runs in (scripts/engines.mjs; README "Browser baseline"). */
export const engine = () => window.__RD_TEST__.engine ?? 'chromium';

/**
 * Every drawn button under `root` is a target of at least 24 × 24 px that no other button
 * overlaps (WCAG 2.2 target size), measured from the layout itself; returns what is not.
 * Buttons in content the engine skips (`content-visibility: auto` off screen) are not drawn, and
 * WebKit reports them at places they will not be drawn at: they are left out.
 */
export function overlappingTargets(root: ParentNode): string[] {
  const drawn = (b: HTMLElement) => b.getClientRects().length > 0 && (b.checkVisibility?.({ contentVisibilityAuto: true } as CheckVisibilityOptions) ?? true);
  const buttons = [...root.querySelectorAll<HTMLElement>('button')].filter(drawn);
  const rects = buttons.map((b) => b.getBoundingClientRect());
  const bad: string[] = [];
  rects.forEach((r, i) => {
    const name = buttons[i].textContent!.trim().slice(0, 20);
    if (r.width < 24 || r.height < 24) bad.push(`${name}: ${r.width}×${r.height}`);
    rects.forEach((o, j) => {
      if (j > i && r.left < o.right && o.left < r.right && r.top < o.bottom && o.top < r.bottom) bad.push(`${name} overlaps ${buttons[j].textContent!.trim().slice(0, 20)}`);
    });
  });
  return bad;
}

let n = 0;
/** A unique id for this test run (draft ids, chaos-server run ids). */
export const uid = (prefix = 't') => `${prefix}-${Date.now().toString(36)}-${(n++).toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

/** URL of a chaos-server scenario for one run; see test/server/chaos-server.mjs. */
export const chaosUrl = (scenario: string, run: string) => `${env().chaos}/s/${scenario}/${run}`;

export interface LoggedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
  at: number;
}
/** What the chaos server received for a run. */
export async function chaosLog(run: string): Promise<LoggedRequest[]> {
  return (await fetch(`${env().chaos}/log/${run}`)).json();
}

/** A draft as stored in IndexedDB by the draft store. */
export const readDraft = (key: string) => get(key, createStore('rd-drafts', 'kv'));
export const draftKeys = () => keys(createStore('rd-drafts', 'kv'));
export const readOutbox = async () => {
  const store = createStore('rd-outbox', 'kv');
  const ks = await keys(store);
  // An entry sent and removed between listing and reading is simply gone.
  return (await Promise.all(ks.map((k) => get(k, store)))).filter((e) => e !== undefined);
};

/** Polls until `fn` returns a truthy value (or throws after `timeout` ms). */
export async function until<T>(fn: () => T | Promise<T>, timeout = 8000, what = 'condition'): Promise<NonNullable<T>> {
  const start = Date.now();
  for (;;) {
    // A check that never answers (an IndexedDB read on a starved device) ends with the wait too,
    // saying what was awaited, instead of running into the test's own time limit.
    const left = Math.max(0, timeout - (Date.now() - start));
    const v = await Promise.race([fn(), new Promise<undefined>((r) => setTimeout(() => r(undefined), left + 25))]);
    if (v) return v as NonNullable<T>;
    if (Date.now() - start > timeout) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

// Finding controls by label and text, typing (test/helpers/dom.js, shared with the journeys).
export { typeInto, byLabel, button } from './dom.js';

/**
 * Puts in place what Prototype.js 1.6 (on many old portals) does to Array built-ins, as
 * test/fixtures/old-cms-prototype.js does on a page: Array.from ignores a mapping function,
 * Array#toJSON writes arrays as strings, Array#reduce returns the array, Array#entries copies
 * the items. Returns the function that takes them away again (call it in `finally`).
 */
export function installPrototypeArrays(): () => void {
  type Patched = { toJSON?: unknown; reduce: unknown; entries: unknown };
  const A = Array as unknown as { from: unknown };
  const P = Array.prototype as unknown as Patched;
  const saved = { from: A.from, reduce: P.reduce, entries: P.entries };
  A.from = function (x: ArrayLike<unknown>) { return Array.prototype.slice.call(x); };
  P.toJSON = function (this: unknown[]) {
    const parts: string[] = [];
    for (let i = 0; i < this.length; i++) parts.push(JSON.stringify(this[i]));
    return `[${parts.join(', ')}]`;
  };
  P.reduce = function (this: unknown[]) { return this.length > 1 ? this : this[0]; };
  P.entries = function (this: unknown[]) { return this.slice(); };
  return () => {
    A.from = saved.from;
    P.reduce = saved.reduce;
    P.entries = saved.entries;
    delete P.toJSON;
  };
}
