// Turns zod issues into things people can act on: a dotted path (for field ids and the data
// notice) and a message key with parameters (translated by the caller).
import type { z } from 'zod/mini';

export interface Problem {
  /** Dotted path, e.g. `respondent.phone` or `comments.0.text`; '' for the whole value. */
  path: string;
  /** A message key (catalogue key) and its parameters. */
  key: string;
  params?: Record<string, string | number>;
}

type Issue = z.core.$ZodIssue;

export const pathToString = (path: ReadonlyArray<PropertyKey>) => path.map(String).join('.');

/** Message key for a form field error. A schema can name its own key: `z.minLength(1, 'errors.required')`. */
/** The input value at an issue's path (zod does not report inputs by default). */
function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let v: unknown = root;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

const isBlank = (v: unknown) => v === undefined || v === null || v === '';

export function formProblem(issue: Issue, root?: unknown): Problem {
  const path = pathToString(issue.path);
  const msg = issue.message;
  if (msg && /^[\w-]+\.[\w.-]+$/.test(msg)) return { path, key: msg, params: issueParams(issue) };
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? { path, key: 'errors.required' } : { path, key: 'errors.tooShort', params: { min: Number(issue.minimum) } };
      if (issue.origin === 'array' || issue.origin === 'set') return { path, key: 'errors.requiredChoice' };
      return { path, key: 'errors.tooSmall', params: { min: Number(issue.minimum) } };
    case 'too_big':
      if (issue.origin === 'string') return { path, key: 'errors.tooLong', params: { max: Number(issue.maximum) } };
      return { path, key: 'errors.tooBig', params: { max: Number(issue.maximum) } };
    case 'invalid_type':
      return { path, key: isBlank(valueAt(root, issue.path)) ? 'errors.required' : 'errors.invalid' };
    case 'invalid_value':
      return { path, key: isBlank(valueAt(root, issue.path)) ? 'errors.requiredChoice' : 'errors.invalid' };
    case 'invalid_format':
      return { path, key: issue.format === 'email' ? 'errors.email' : 'errors.invalid' };
    default:
      return { path, key: 'errors.invalid' };
  }
}

function issueParams(issue: Issue): Record<string, string | number> | undefined {
  if (issue.code === 'too_big') return { max: Number(issue.maximum) };
  if (issue.code === 'too_small') return { min: Number(issue.minimum) };
  return undefined;
}

/** Problem for the "invalid data" notice: what is wrong, in words, at which path. */
export function dataProblem(issue: Issue, root?: unknown): Problem {
  const path = pathToString(issue.path);
  switch (issue.code) {
    case 'invalid_type':
      return valueAt(root, issue.path) === undefined
        ? { path, key: 'data.problem.required' }
        : { path, key: 'data.problem.type', params: { expected: String(issue.expected) } };
    case 'invalid_value':
    case 'invalid_union':
      return { path, key: 'data.problem.value' };
    case 'invalid_format':
      return { path, key: 'data.problem.format' };
    case 'too_big':
      return { path, key: 'data.problem.tooLong' };
    case 'too_small':
      return { path, key: 'data.problem.tooShort' };
    default:
      return { path, key: 'data.problem.unknown' };
  }
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problems: Problem[]; issues: Issue[] };

/** Validates form input; problems carry message keys, first problem per path only. */
export function checkForm<S extends z.ZodMiniType>(schema: S, value: unknown): Checked<z.infer<S>> {
  const r = schema.safeParse(value);
  if (r.success) return { ok: true, value: r.data };
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const issue of r.error.issues) {
    const p = formProblem(issue, value);
    if (seen.has(p.path)) continue;
    seen.add(p.path);
    problems.push(p);
  }
  return { ok: false, problems, issues: r.error.issues };
}

/** Validates widget data; problems describe the data (at most `limit`, the rest summarised by count). */
export function checkData<S extends z.ZodMiniType>(schema: S, value: unknown, limit = 8): Checked<z.infer<S>> {
  const r = schema.safeParse(value);
  if (r.success) return { ok: true, value: r.data };
  return { ok: false, problems: r.error.issues.slice(0, limit).map((i) => dataProblem(i, value)), issues: r.error.issues };
}
