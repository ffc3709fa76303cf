// Which errors a form shows, and where (GOV.UK / Lion, docs/architecture.md#forms): nothing before
// the first submit; after it, the current client-side problems plus the server's field errors,
// re-checked as fields change. Pure logic: the form controller owns one, the form pieces render it.
import type { Problem } from './validation.js';
import type { FieldError } from './schemas/common.js';

export type T = (key: string, params?: Readonly<Record<string, string | number>>) => string;

/** One error as shown: the field's element id and the message. */
export interface ShownError {
  id: string;
  message: string;
}

/** Default field id for a data path: `respondent.phone` → `f-respondent-phone`. */
export const fieldId = (path: string) => `f-${path.replace(/[^\w-]+/g, '-') || 'form'}`;

export class FormErrors {
  submitted = false;
  private client: Problem[] = [];
  private server: FieldError[] = [];

  set(problems: Problem[]) { this.client = problems; }
  setServer(errors: FieldError[]) { this.server = errors; }
  clearServerFor(path: string) { this.server = this.server.filter((e) => e.path !== path); }
  reset() { this.submitted = false; this.client = []; this.server = []; }
  /** The server's field errors (paths as the form names its fields). */
  get serverErrors(): readonly FieldError[] { return this.server; }

  /**
   * Errors to show, in form order, each once per path. Server errors use their own text.
   * `include` keeps only some paths (a form in steps shows the errors of the step on screen).
   */
  shown(t: T, idFor: (path: string) => string = fieldId, include: (path: string) => boolean = () => true): ShownError[] {
    if (!this.submitted) return [];
    const seen = new Set<string>();
    const out: ShownError[] = [];
    for (const p of this.client) {
      if (seen.has(p.path) || !include(p.path)) continue;
      seen.add(p.path);
      out.push({ id: idFor(p.path), message: t(p.key, p.params) });
    }
    for (const e of this.server) {
      if (seen.has(e.path) || !include(e.path)) continue;
      seen.add(e.path);
      out.push({ id: idFor(e.path), message: e.message });
    }
    return out;
  }

  /** The message for one path, if shown. */
  for(path: string, t: T): string | undefined {
    if (!this.submitted) return undefined;
    const p = this.client.find((x) => x.path === path);
    if (p) return t(p.key, p.params);
    return this.server.find((x) => x.path === path)?.message;
  }
}
