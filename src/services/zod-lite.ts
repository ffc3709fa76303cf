// The part of zod/mini's runtime the widgets' schemas use, small enough for the browser bundle.
//
// The schemas in src/services/schemas/ are written against `zod/mini` and stay the single source
// of truth: TypeScript types, the JSON Schemas and OpenAPI file (generated at build time) and the
// reference receiver all use real zod. The browser builds (rollup.config.mjs) and the browser
// tests (web-test-runner.config.mjs) resolve `zod/mini` to this file instead, which repeats
// zod 4's parsing rules for exactly the constructors and checks below: the same issues (code,
// path, message, origin, minimum/maximum, expected, format), in the same order, and the same
// output (unknown keys stripped, trimmed strings). test/services/zod-lite.test.ts runs every
// schema against both over valid demo data and thousands of mutated copies and requires
// identical results. Anything else (transforms, defaults, pipes …) is deliberately missing: a
// schema that needs it fails that test rather than drifting.

type Path = PropertyKey[];
const OWN = Symbol('own');
interface Issue {
  [OWN]?: true;
  code: string;
  path?: Path;
  message?: string;
  continue?: boolean;
  [k: string]: unknown;
}
interface Payload { value: unknown; issues: Issue[] }
type ErrorFn = (issue: { code: string; input: unknown; path?: Path }) => string | { message?: string } | undefined;
type ErrorParam = string | { message?: string; error?: string | ErrorFn; path?: Path; abort?: boolean } | undefined;

interface Check {
  readonly isCheck: true;
  /** Runs even after an aborting issue, when it says so (zod's `when`, used by length checks). */
  when?: (p: Payload) => boolean;
  run(p: Payload): void;
}

/** The message an `error`/`message` parameter gives (a string, or zod's `error` function of the issue). */
const messageOf = (e: ErrorParam, issue?: { code: string; input: unknown; path?: Path }): string | undefined => {
  if (typeof e === 'string') return e;
  const err = e?.error;
  if (typeof err === 'string') return err;
  if (typeof err === 'function' && issue) {
    const r = err(issue);
    const m = typeof r === 'string' ? r : r?.message;
    if (m) return m;
  }
  return e?.message;
};
const isObject = (v: unknown): v is Record<PropertyKey, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPlainObject = (v: unknown): v is Record<PropertyKey, unknown> => {
  if (!isObject(v)) return false;
  const ctor = (v as { constructor?: unknown }).constructor;
  if (ctor === undefined || typeof ctor !== 'function') return true;
  const proto = (ctor as { prototype?: unknown }).prototype;
  return isObject(proto) && Object.prototype.hasOwnProperty.call(proto, 'isPrototypeOf');
};
/** An issue without `continue: true` stops the checks that follow (zod's "aborted"). */
const aborted = (p: Payload, from = 0) => p.issues.slice(from).some((i) => i.continue !== true);
const explicitlyAborted = (p: Payload) => p.issues.some((i) => i.continue === false);
const prefix = (key: PropertyKey, issues: Issue[]) => issues.map((i) => ((i.path ??= []).unshift(key), i));
const codePoints = (s: string) => {
  let n = s.length;
  for (let i = 0; i < s.length - 1; i++) if ((s.charCodeAt(i) & 0xfc00) === 0xd800 && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) { n--; i++; }
  return n;
};

type Parse = (p: Payload) => Payload;

export class Schema {
  /** 'optional' for z.optional(): an absent key is fine. */
  optional = false;
  /** Literal/enum values, for discriminated unions. */
  values?: ReadonlySet<unknown>;
  /** Object shape, for discriminated unions. */
  shape?: Record<string, Schema>;
  readonly isCheck?: true;

  constructor(
    private readonly parseFn: Parse,
    readonly checks: readonly Check[] = [],
    private readonly error?: ErrorParam,
  ) {}

  /** A copy with more checks (zod/mini's `.check()`). */
  check(...more: Array<Check | Schema>): Schema {
    const next = Object.create(Object.getPrototypeOf(this)) as Schema;
    Object.assign(next, this, { checks: [...this.checks, ...more.map(asCheck)] });
    return next;
  }

  run(p: Payload): Payload {
    const msg = messageOf(this.error);
    const start = p.issues.length;
    this.parseFn(p);
    // The schema's own message goes to the issues it raised itself (not to its children's).
    for (let i = start; i < p.issues.length; i++) {
      const issue = p.issues[i];
      if (!issue[OWN]) continue;
      delete issue[OWN];
      if (msg) issue.message ??= msg;
    }
    let stop = aborted(p);
    for (const c of this.checks) {
      if (c.when) {
        if (explicitlyAborted(p) || !c.when(p)) continue;
      } else if (stop) continue;
      const n = p.issues.length;
      c.run(p);
      if (msg) for (let i = n; i < p.issues.length; i++) p.issues[i].message ??= msg;
      if (!stop && p.issues.length > n) stop = aborted(p, n);
    }
    return p;
  }

  safeParse(value: unknown): { success: true; data: unknown } | { success: false; error: { issues: Issue[] } } {
    const p = this.run({ value, issues: [] });
    if (!p.issues.length) return { success: true, data: p.value };
    return {
      success: false,
      error: {
        issues: p.issues.map((i) => {
          const out: Issue = { ...i, path: i.path ?? [], message: i.message ?? 'Invalid input' };
          delete out.continue;
          return out;
        }),
      },
    };
  }
}

function asCheck(c: Check | Schema): Check {
  if (c instanceof Schema) {
    if (!c.isCheck) throw new Error('zod-lite: a schema used as a check must be a number format (z.int())');
    return (c as unknown as { asCheck: Check }).asCheck;
  }
  return c;
}

function check(run: (p: Payload, issue: (i: Issue) => void) => void, error?: ErrorParam, when?: (p: Payload) => boolean): Check {
  const msg = messageOf(error);
  const abort = typeof error === 'object' && error?.abort;
  return {
    isCheck: true,
    when,
    run: (p) => run(p, (i) => p.issues.push({ ...i, ...(msg ? { message: msg } : {}), continue: !abort })),
  };
}

const hasLength = (p: Payload) => p.value != null && (p.value as { length?: unknown }).length !== undefined;
const lengthOrigin = (v: unknown) => (Array.isArray(v) ? 'array' : typeof v === 'string' ? 'string' : 'unknown');

// ---------------------------------------------------------------------------------------------
// Checks

export const minLength = (minimum: number, error?: ErrorParam) => check((p, issue) => {
  const v = p.value as string | unknown[];
  const n = typeof v === 'string' && v.length >= minimum && v.length < minimum * 2 ? codePoints(v) : v.length;
  if (n < minimum) issue({ origin: lengthOrigin(v), code: 'too_small', minimum, inclusive: true });
}, error, hasLength);

export const maxLength = (maximum: number, error?: ErrorParam) => check((p, issue) => {
  const v = p.value as string | unknown[];
  const n = typeof v === 'string' && v.length > maximum ? codePoints(v) : v.length;
  if (n > maximum) issue({ origin: lengthOrigin(v), code: 'too_big', maximum, inclusive: true });
}, error, hasLength);

export const regex = (pattern: RegExp, error?: ErrorParam) => check((p, issue) => {
  pattern.lastIndex = 0;
  if (!pattern.test(p.value as string)) issue({ origin: 'string', code: 'invalid_format', format: 'regex', pattern: pattern.toString() });
}, error);

export const trim = (): Check => ({ isCheck: true, run: (p) => { p.value = (p.value as string).trim(); } });

const bound = (kind: 'min' | 'max', value: number, inclusive: boolean, error?: ErrorParam) => check((p, issue) => {
  const v = p.value as number;
  const ok = kind === 'min' ? (inclusive ? v >= value : v > value) : inclusive ? v <= value : v < value;
  if (!ok) {
    issue(kind === 'min' ? { origin: 'number', code: 'too_small', minimum: value, inclusive } : { origin: 'number', code: 'too_big', maximum: value, inclusive });
  }
}, error);
export const minimum = (value: number, error?: ErrorParam) => bound('min', value, true, error);
export const gte = minimum;
export const maximum = (value: number, error?: ErrorParam) => bound('max', value, true, error);
export const lte = maximum;
export const positive = (error?: ErrorParam) => bound('min', 0, false, error);
export const nonnegative = (error?: ErrorParam) => bound('min', 0, true, error);

export const refine = <T>(fn: (value: T) => unknown, params?: ErrorParam): Check => {
  const path = typeof params === 'object' ? params.path : undefined;
  const abort = typeof params === 'object' && params.abort;
  return {
    isCheck: true,
    run: (p) => {
      if (fn(p.value as T)) return;
      const msg = messageOf(params, { code: 'custom', input: p.value, path: [...(path ?? [])] });
      p.issues.push({ code: 'custom', path: [...(path ?? [])], ...(msg ? { message: msg } : {}), continue: !abort });
    },
  };
};

// ---------------------------------------------------------------------------------------------
// Schemas

/** An issue the schema raises itself (its `error` message applies), as opposed to a child's. */
const own = (issue: Issue): Issue => ({ ...issue, [OWN]: true });
const typeIssue = (expected: string, extra?: Record<string, unknown>): Issue => own({ expected, code: 'invalid_type', ...extra });

export const string = (error?: ErrorParam) => new Schema((p) => {
  if (typeof p.value !== 'string') p.issues.push(typeIssue('string'));
  return p;
}, [], error);

const numberParse: Parse = (p) => {
  const v = p.value;
  if (typeof v === 'number' && Number.isFinite(v)) return p;
  const received = typeof v === 'number' ? (Number.isNaN(v) ? 'NaN' : String(v)) : undefined;
  p.issues.push(typeIssue('number', received ? { received } : undefined));
  return p;
};
export const number = (error?: ErrorParam) => new Schema(numberParse, [], error);

const intCheck: Check = {
  isCheck: true,
  run: (p) => {
    const v = p.value as number;
    if (!Number.isInteger(v)) { p.issues.push({ expected: 'int', format: 'safeint', code: 'invalid_type', continue: false }); return; }
    if (!Number.isSafeInteger(v)) {
      p.issues.push(v > 0
        ? { code: 'too_big', maximum: Number.MAX_SAFE_INTEGER, note: 'Integers must be within the safe integer range.', origin: 'int', inclusive: true, continue: true }
        : { code: 'too_small', minimum: Number.MIN_SAFE_INTEGER, note: 'Integers must be within the safe integer range.', origin: 'int', inclusive: true, continue: true });
    }
  },
};
/** z.int(): a number schema whose first check is "a safe integer"; also usable as a check. */
export const int = (error?: ErrorParam) => {
  const s = new Schema(numberParse, [intCheck], error);
  Object.assign(s, { isCheck: true, asCheck: intCheck });
  return s;
};

export const boolean = (error?: ErrorParam) => new Schema((p) => {
  if (typeof p.value !== 'boolean') p.issues.push(typeIssue('boolean'));
  return p;
}, [], error);

/** A schema that accepts exactly `values` (literal and enum). */
function oneOf(values: unknown[], error?: ErrorParam) {
  const set = new Set(values);
  const s = new Schema((p) => {
    if (!set.has(p.value)) p.issues.push(own({ code: 'invalid_value', values }));
    return p;
  }, [], error);
  s.values = set;
  return s;
}
export const literal = (value: unknown, error?: ErrorParam) => oneOf(Array.isArray(value) ? value : [value], error);
export const enum_ = (entries: readonly unknown[] | Record<string, unknown>, error?: ErrorParam) =>
  oneOf(Array.isArray(entries) ? [...entries] : Object.values(entries), error);
export { enum_ as enum };

export const optional = (inner: Schema) => {
  const s = new Schema((p) => (p.value === undefined ? p : inner.run(p)));
  s.optional = true;
  if (inner.values) s.values = new Set([...inner.values, undefined]);
  return s;
};

export const array = (element: Schema, error?: ErrorParam) => new Schema((p) => {
  const input = p.value;
  if (!Array.isArray(input)) { p.issues.push(typeIssue('array')); return p; }
  const out: unknown[] = new Array(input.length);
  for (let i = 0; i < input.length; i++) {
    const r = element.run({ value: input[i], issues: [] });
    if (r.issues.length) p.issues.push(...prefix(i, r.issues));
    out[i] = r.value;
  }
  p.value = out;
  return p;
}, [], error);

function objectSchema(shape: Record<string, Schema>, strict: boolean, error?: ErrorParam) {
  const keys = Object.keys(shape);
  const keySet = new Set(keys);
  const s = new Schema((p) => {
    const input = p.value;
    if (!isObject(input)) { p.issues.push(typeIssue('object')); return p; }
    const out: Record<string, unknown> = {};
    for (const key of keys) {
      if (key === '__proto__') continue;
      const el = shape[key];
      const present = key in input;
      const r = el.run({ value: input[key], issues: [] });
      if (!present && el.optional) continue;
      if (r.issues.length) p.issues.push(...prefix(key, r.issues));
      if (!present) {
        if (!r.issues.length) p.issues.push({ code: 'invalid_type', expected: 'nonoptional', path: [key] });
        continue;
      }
      out[key] = r.value;
    }
    if (strict) {
      const unknown: string[] = [];
      for (const k in input) if (!keySet.has(k)) unknown.push(k);
      if (unknown.length) p.issues.push(own({ code: 'unrecognized_keys', keys: unknown, continue: true }));
    }
    p.value = out;
    return p;
  }, [], error);
  s.shape = shape;
  return s;
}
export const object = (shape: Record<string, Schema>, error?: ErrorParam) => objectSchema(shape, false, error);
export const strictObject = (shape: Record<string, Schema>, error?: ErrorParam) => objectSchema(shape, true, error);

export const union = (options: Schema[], error?: ErrorParam) => new Schema((p) => {
  if (options.length === 1) return options[0].run(p);
  const results: Payload[] = [];
  for (const o of options) {
    const r = o.run({ value: p.value, issues: [] });
    if (!r.issues.length) { p.value = r.value; return p; }
    results.push(r);
  }
  const live = results.filter((r) => !aborted(r));
  if (live.length === 1) { p.value = live[0].value; p.issues.push(...live[0].issues); return p; }
  p.issues.push(own({ code: 'invalid_union', errors: results.map((r) => r.issues.map((i) => ({ ...i, path: i.path ?? [], message: i.message ?? 'Invalid input' }))) }));
  return p;
}, [], error);

export const discriminatedUnion = (discriminator: string, options: Schema[], error?: ErrorParam) => {
  const byValue = new Map<unknown, Schema>();
  options.forEach((o, i) => {
    const values = o.shape?.[discriminator]?.values;
    if (!values) throw new Error(`Invalid discriminated union option at index "${i}"`);
    for (const v of values) byValue.set(v, o);
  });
  return new Schema((p) => {
    const input = p.value;
    if (!isObject(input)) { p.issues.push(typeIssue('object')); return p; }
    const opt = byValue.get(input[discriminator]);
    if (opt) return opt.run(p);
    p.issues.push(own({ code: 'invalid_union', errors: [], note: 'No matching discriminator', discriminator, options: [...byValue.keys()], path: [discriminator] }));
    return p;
  }, [], error);
};

export const record = (keyType: Schema, valueType: Schema, error?: ErrorParam) => new Schema((p) => {
  const input = p.value;
  if (!isPlainObject(input)) { p.issues.push(typeIssue('record')); return p; }
  const out: Record<PropertyKey, unknown> = {};
  for (const key of Reflect.ownKeys(input)) {
    if (key === '__proto__' || !Object.prototype.propertyIsEnumerable.call(input, key)) continue;
    const k = keyType.run({ value: key, issues: [] });
    if (k.issues.length) {
      p.issues.push(own({ code: 'invalid_key', origin: 'record', issues: k.issues.map((i) => ({ ...i, path: i.path ?? [], message: i.message ?? 'Invalid input' })), path: [key] }));
      continue;
    }
    const outKey = k.value as PropertyKey;
    if (outKey === '__proto__') continue;
    const r = valueType.run({ value: input[key as string], issues: [] });
    if (r.issues.length) p.issues.push(...prefix(key, r.issues));
    out[outKey] = r.value;
  }
  p.value = out;
  return p;
}, [], error);

export const tuple = (items: Schema[], error?: ErrorParam) => new Schema((p) => {
  const input = p.value;
  if (!Array.isArray(input)) { p.issues.push(typeIssue('tuple')); return p; }
  let required = items.length;
  while (required > 0 && items[required - 1].optional) required--;
  if (input.length < required) { p.issues.push(own({ code: 'too_small', minimum: required, inclusive: true, origin: 'array' })); return p; }
  if (input.length > items.length) p.issues.push(own({ code: 'too_big', maximum: items.length, inclusive: true, origin: 'array' }));
  const out: unknown[] = [];
  for (let i = 0; i < items.length; i++) {
    const present = i < input.length;
    if (!present && i >= required) break;
    const r = items[i].run({ value: input[i], issues: [] });
    if (r.issues.length) p.issues.push(...prefix(i, r.issues));
    out[i] = r.value;
  }
  p.value = out;
  return p;
}, [], error);
