// The comment form of <rd-legislation-feedback> as plain data: what the citizen has entered
// (kept as a draft), the consultation window, and the payload built and checked from it.
// No DOM, no Lit; problems come back with form paths (`items.<id>`, `respondent.phone`…).
import { COMMENT_MAX, DEFAULT_IDENTITIES, type Channel, type Draft, type FocusQuestion } from './schemas/legislation.js';
import { hasPersonalData, legislationFeedbackData, type FeedbackComment, type LegislationFeedbackData } from './schemas/legislation-feedback.js';
import { checkForm, type Problem } from './validation.js';

/** A comment on one article (or one 款 of it). */
export interface ArticleComment {
  id: string;
  article: string;
  /** The article's 编 (第三编), in texts that have them */
  part?: string;
  chapter?: string;
  /** 款, 1-based; absent for the whole article */
  paragraph?: number;
  text: string;
}

export interface AnswerValue {
  choices: string[];
  text: string;
}

export interface FeedbackForm {
  items: ArticleComment[];
  /** Comment on the draft as a whole */
  general: string;
  answers: Record<string, AnswerValue>;
  respondent: { name: string; identity: string; region: string; wantsReply: boolean; phone: string; email: string };
  consent: boolean;
  publish: boolean;
  proxy: { collectorName: string; place: string; date: string; channel: string };
}

export const emptyForm = (): FeedbackForm => ({
  items: [],
  general: '',
  answers: {},
  respondent: { name: '', identity: '', region: '', wantsReply: false, phone: '', email: '' },
  consent: false,
  publish: false,
  proxy: { collectorName: '', place: '', date: '', channel: '' },
});

/** A restored draft may be partial or from an older version: fill in what is missing. */
export function reviveForm(value: unknown): FeedbackForm {
  const e = emptyForm();
  if (!value || typeof value !== 'object') return e;
  const v = value as Partial<FeedbackForm>;
  const str = (x: unknown) => (typeof x === 'string' ? x : '');
  const items = Array.isArray(v.items)
    ? v.items
        .filter((i): i is ArticleComment => !!i && typeof i === 'object' && typeof i.id === 'string' && typeof i.article === 'string')
        .map((i) => ({
          id: i.id,
          article: i.article,
          ...(typeof i.part === 'string' ? { part: i.part } : {}),
          ...(typeof i.chapter === 'string' ? { chapter: i.chapter } : {}),
          ...(typeof i.paragraph === 'number' && i.paragraph >= 1 ? { paragraph: i.paragraph } : {}),
          text: str(i.text),
        }))
    : [];
  const answers: Record<string, AnswerValue> = {};
  if (v.answers && typeof v.answers === 'object') {
    for (const [k, a] of Object.entries(v.answers)) {
      if (!a || typeof a !== 'object') continue;
      answers[k] = { choices: Array.isArray(a.choices) ? a.choices.filter((c): c is string => typeof c === 'string') : [], text: str(a.text) };
    }
  }
  const r = (v.respondent ?? {}) as Partial<FeedbackForm['respondent']>;
  const p = (v.proxy ?? {}) as Partial<FeedbackForm['proxy']>;
  return {
    items,
    general: str(v.general),
    answers,
    respondent: {
      name: str(r.name), identity: str(r.identity), region: str(r.region), wantsReply: r.wantsReply === true,
      phone: str(r.phone), email: str(r.email),
    },
    consent: v.consent === true,
    publish: v.publish === true,
    proxy: { collectorName: str(p.collectorName), place: str(p.place), date: str(p.date), channel: str(p.channel) },
  };
}

// ---------------------------------------------------------------------------------------------
// Window (services/legislation-window.ts: the first screen needs it without the form)
// ---------------------------------------------------------------------------------------------

export { windowState, type WindowState } from './legislation-window.js';

// ---------------------------------------------------------------------------------------------
// Identity options
// ---------------------------------------------------------------------------------------------

export interface IdentityChoice {
  value: string;
  /** Catalogue key for a default identity, or the draft's own label */
  labelKey?: string;
  label?: string;
  labelEn?: string;
}

/** The defaults (docs/domain.md#respondent-identities), then the draft's own; or only the draft's with replaceDefaults. */
export function identityChoices(draft: Pick<Draft, 'identity'>): IdentityChoice[] {
  const own = (draft.identity?.options ?? []).map((o) => ({ value: o.code, label: o.label, ...(o.labelEn ? { labelEn: o.labelEn } : {}) }));
  if (draft.identity?.replaceDefaults && own.length) return own;
  const defaults = DEFAULT_IDENTITIES.filter((c) => !own.some((o) => o.value === c)).map((c) => ({ value: c, labelKey: `lf.identity.${c}` }));
  return [...defaults, ...own];
}

// ---------------------------------------------------------------------------------------------
// Building and checking the payload
// ---------------------------------------------------------------------------------------------

export interface BuildContext {
  channel: Channel;
  /** Privacy notice version recorded with the consent */
  consentVersion: string;
  now?: Date;
  /** Reading order of articles (label → index), to sort article comments */
  order?: ReadonlyMap<string, number>;
}

export interface Built {
  data: LegislationFeedbackData;
  /** For each comment of `data.comments`, the form path it came from (`items.<id>`, `general`, `answers.<id>`). */
  sources: string[];
}

const trim = (s: string) => s.trim();
const opt = (s: string) => (s.trim() ? s.trim() : undefined);

/** Article comments in reading order (then by the order they were added). */
export function sortedItems(items: readonly ArticleComment[], order?: ReadonlyMap<string, number>): ArticleComment[] {
  const pos = (i: ArticleComment) => order?.get(i.article) ?? Number.MAX_SAFE_INTEGER;
  return items.map((item, k) => ({ item, k }))
    .sort((a, b) => pos(a.item) - pos(b.item) || (a.item.paragraph ?? 0) - (b.item.paragraph ?? 0) || a.k - b.k)
    .map((x) => x.item);
}

/** The payload `data` the form stands for (unchecked). Empty answers are left out. */
export function buildFeedback(form: FeedbackForm, draft: Pick<Draft, 'id' | 'stage' | 'focusQuestions'>, ctx: BuildContext): Built {
  const comments: FeedbackComment[] = [];
  const sources: string[] = [];
  for (const item of sortedItems(form.items, ctx.order)) {
    comments.push({
      target: {
        kind: 'article',
        ...(item.part ? { part: item.part } : {}),
        ...(item.chapter ? { chapter: item.chapter } : {}),
        article: item.article,
        ...(item.paragraph ? { paragraph: item.paragraph } : {}),
      },
      text: trim(item.text),
    });
    sources.push(`items.${item.id}`);
  }
  if (trim(form.general)) {
    comments.push({ target: { kind: 'general' }, text: trim(form.general) });
    sources.push('general');
  }
  for (const q of draft.focusQuestions ?? []) {
    const a = form.answers[q.id];
    if (!a) continue;
    const valid = new Set((q.options ?? []).map((o) => o.id));
    const choices = q.kind === 'text' ? [] : a.choices.filter((c) => valid.has(c));
    if (!choices.length && !trim(a.text)) continue;
    comments.push({ target: { kind: 'question', questionId: q.id }, text: trim(a.text), ...(q.kind === 'text' ? {} : { choices }) });
    sources.push(`answers.${q.id}`);
  }
  const r = form.respondent;
  const wantsReply = r.wantsReply;
  const respondent = {
    ...(opt(r.name) ? { name: opt(r.name) } : {}),
    identity: trim(r.identity),
    ...(opt(r.region) ? { region: opt(r.region) } : {}),
    wantsReply,
    ...(wantsReply && opt(r.phone) ? { phone: opt(r.phone) } : {}),
    ...(wantsReply && opt(r.email) ? { email: opt(r.email) } : {}),
  };
  const data: LegislationFeedbackData = {
    draftId: draft.id,
    stage: draft.stage,
    respondent,
    channel: ctx.channel,
    ...(ctx.channel === 'proxy'
      ? { proxy: { collectorName: trim(form.proxy.collectorName), place: trim(form.proxy.place), date: form.proxy.date, channel: form.proxy.channel as never } }
      : {}),
    comments,
    ...(form.consent && hasPersonalData(respondent) ? { consent: { version: ctx.consentVersion, at: (ctx.now ?? new Date()).toISOString() } } : {}),
    publish: form.publish,
  };
  return { data, sources };
}

/** Form path of a payload path (server field errors): `comments.2.text` → `items.<id>`. */
export function formPath(path: string, sources: readonly string[]): string {
  const m = /^comments\.(\d+)(?:\.|$)/.exec(path);
  if (m) return sources[Number(m[1])] ?? 'general';
  if (path === 'comments') return 'general';
  if (path === 'proxy') return 'proxy.collectorName';
  return path;
}

export type Checked = { ok: true; data: LegislationFeedbackData; sources: string[] } | { ok: false; problems: Problem[]; sources: string[] };

/**
 * Builds and checks the submission. Besides the payload schema: an added article comment left
 * empty, a required name or region, an identity not chosen, too many choices, consent not given
 * while personal data is, and the proxy details.
 */
export function checkFeedback(form: FeedbackForm, draft: Draft, ctx: BuildContext): Checked {
  const built = buildFeedback(form, draft, ctx);
  const problems: Problem[] = [];
  const add = (p: Problem) => {
    if (!problems.some((x) => x.path === p.path)) problems.push(p);
  };
  // Empty article comments are kept in the form but are an error, not silently dropped.
  for (const item of sortedItems(form.items, ctx.order)) {
    if (!item.text.trim()) add({ path: `items.${item.id}`, key: 'lf.error.commentEmpty' });
    else if ([...item.text].length > COMMENT_MAX) add({ path: `items.${item.id}`, key: 'errors.tooLong', params: { max: COMMENT_MAX } });
  }
  if ([...form.general].length > COMMENT_MAX) add({ path: 'general', key: 'errors.tooLong', params: { max: COMMENT_MAX } });
  for (const q of draft.focusQuestions ?? []) {
    const a = form.answers[q.id];
    if (!a) continue;
    if ([...a.text].length > COMMENT_MAX) add({ path: `answers.${q.id}`, key: 'errors.tooLong', params: { max: COMMENT_MAX } });
    if (q.kind === 'multiple' && q.maxChoices && a.choices.length > q.maxChoices) {
      add({ path: `answers.${q.id}`, key: 'lf.error.tooManyChoices', params: { max: q.maxChoices } });
    }
  }
  if (built.data.comments.length === 0) add({ path: 'general', key: 'lf.error.noComments' });
  const r = form.respondent;
  if (ctx.channel === 'proxy') {
    if (!form.proxy.collectorName.trim()) add({ path: 'proxy.collectorName', key: 'errors.required' });
    if (!form.proxy.place.trim()) add({ path: 'proxy.place', key: 'errors.required' });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(form.proxy.date)) add({ path: 'proxy.date', key: form.proxy.date ? 'errors.invalid' : 'errors.required' });
    if (!form.proxy.channel) add({ path: 'proxy.channel', key: 'errors.requiredChoice' });
  }
  if (!r.identity.trim()) add({ path: 'respondent.identity', key: 'errors.requiredChoice' });
  if (draft.identity?.requireName && !r.name.trim()) add({ path: 'respondent.name', key: 'lf.error.nameRequired' });
  if (draft.identity?.requireRegion && !r.region.trim()) add({ path: 'respondent.region', key: 'lf.error.regionRequired' });
  if (r.wantsReply && !r.phone.trim() && !r.email.trim()) add({ path: 'respondent.phone', key: 'lf.error.contactRequired' });
  if (hasPersonalData(built.data.respondent) && !form.consent) add({ path: 'consent', key: 'errors.consent' });

  const checked = checkForm(legislationFeedbackData, built.data);
  if (!checked.ok) {
    for (const p of checked.problems) add({ ...p, path: formPath(p.path, built.sources) });
  }
  // Order problems as the form reads: comments, questions, proxy, respondent, consent.
  const rank = (path: string) => {
    if (path.startsWith('items.')) return 0;
    if (path === 'general') return 1;
    if (path.startsWith('answers.')) return 2;
    if (path.startsWith('proxy.')) return 3;
    if (path.startsWith('respondent.')) return 4;
    return 5;
  };
  problems.sort((a, b) => rank(a.path) - rank(b.path));
  return problems.length ? { ok: false, problems, sources: built.sources } : { ok: true, data: checked.ok ? checked.value : built.data, sources: built.sources };
}

/** Number of comment items (条) the form would send. */
export function countComments(form: FeedbackForm, draft: Pick<Draft, 'focusQuestions'>): number {
  let n = form.items.length + (form.general.trim() ? 1 : 0);
  for (const q of draft.focusQuestions ?? []) {
    const a = form.answers[q.id];
    if (a && (a.choices.length || a.text.trim())) n++;
  }
  return n;
}

/**
 * Proxy entry (docs/domain.md#proxy-entry): the collector's details (name, place, date, channel)
 * stay for the next opinion unless `next` brings its own; the date defaults to `today`.
 */
export function carryProxy(next: FeedbackForm, previous: FeedbackForm, today: string): FeedbackForm {
  const p = next.proxy.collectorName || next.proxy.place ? next.proxy : previous.proxy;
  return { ...next, proxy: { ...p, date: p.date || today } };
}

/** What was said on a focus question, in one line: the chosen options' labels, then the text. */
export function answerSummary(question: Pick<FocusQuestion, 'options'> | undefined, choices: readonly string[] | undefined, text: string): string {
  const labels = (question?.options ?? []).filter((o) => choices?.includes(o.id)).map((o) => o.label);
  return [labels.join('、'), text.trim()].filter(Boolean).join('；');
}

/** The start of a text for a list or a label: whitespace runs made one space, cut at `n` characters (code points) with "…". */
export function excerpt(s: string, n = 60): string {
  const chars = [...s.trim().replace(/\s+/g, ' ')];
  return chars.length > n ? `${chars.slice(0, n).join('')}…` : chars.join('');
}
