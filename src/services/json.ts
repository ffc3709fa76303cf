// JSON text that the host page cannot change.

/** Prototypes whose own `toJSON` JSON.stringify would call for our plain data. Date's is left alone. */
const PROTOS: readonly object[] = [Object.prototype, Array.prototype, String.prototype, Number.prototype, Boolean.prototype];

/**
 * JSON.stringify, unaffected by a page's `toJSON` on Object/Array/String/Number/Boolean
 * prototypes. Prototype.js 1.6 (still on many old portals) defines Array.prototype.toJSON, which
 * JSON.stringify calls, so every array was sent as a string and the server refused each
 * submission. For this synchronous call the page's own `toJSON` is taken off those prototypes,
 * and put back with its original descriptor in `finally`.
 *
 * Why not a replacer: JSON.stringify calls `toJSON` before a replacer sees the value, so the
 * page's function would still run on every array, and one that throws or recurses (a toJSON that
 * calls JSON.stringify on a copy of the array again) would still break the submission. A toJSON the
 * page made non-configurable cannot be taken off and still applies.
 */
export function stringifyJson(value: unknown): string {
  const taken: Array<[object, PropertyDescriptor]> = [];
  try {
    for (const proto of PROTOS) {
      const own = Object.getOwnPropertyDescriptor(proto, 'toJSON');
      if (own && Reflect.deleteProperty(proto, 'toJSON')) taken.push([proto, own]);
    }
    return JSON.stringify(value);
  } finally {
    for (const [proto, own] of taken) Object.defineProperty(proto, 'toJSON', own);
  }
}
