// A message to a deputy (留言, docs/domain.md#contacting-a-deputy): the form's value, the payload's
// `data` built from it, and the problems to show in the form's order. Pure logic, no Lit.
import { checkForm, type Checked, type Problem } from './validation.js';
import { deputyMessageData, type Deputy, type DeputyMessageData } from './schemas/deputy.js';

export interface MessageValue {
  subject: string;
  text: string;
  category: string;
  wantsReply: boolean;
  name: string;
  phone: string;
  email: string;
  publish: boolean;
  consent: boolean;
}

export const emptyMessage = (): MessageValue => ({
  subject: '',
  text: '',
  category: '',
  wantsReply: false,
  name: '',
  phone: '',
  email: '',
  publish: false,
  consent: false,
});

/** Message keys for required fields, by path (more helpful than the generic "请填写此项"). */
const REQUIRED_KEYS: Record<string, string> = {
  subject: 'deputy.errors.subject',
  text: 'deputy.errors.text',
  category: 'deputy.errors.category',
};

/** Fields in the order the form shows them (the error summary follows it). */
const FORM_ORDER = ['subject', 'category', 'text', 'contact', 'contact.name', 'contact.phone', 'contact.email', 'consent'];

export interface MessageContext {
  channel: 'web' | 'qr' | 'kiosk';
  consentVersion: string;
  /** When consent was given (default: now). */
  at?: string;
}

/** The payload's `data` (may be invalid: `checkMessage` says why). Contact only when a reply is wanted. */
export function messageData(m: MessageValue, d: Pick<Deputy, 'id' | 'stations'>, ctx: MessageContext): Record<string, unknown> {
  const contact = m.wantsReply
    ? {
        ...(m.name.trim() ? { name: m.name.trim() } : {}),
        ...(m.phone.trim() ? { phone: m.phone.trim() } : {}),
        ...(m.email.trim() ? { email: m.email.trim() } : {}),
      }
    : undefined;
  return {
    deputyId: d.id,
    ...(d.stations?.[0] ? { stationId: d.stations[0].id } : {}),
    subject: m.subject,
    text: m.text,
    category: m.category,
    wantsReply: m.wantsReply,
    ...(contact ? { contact } : {}),
    publish: m.publish,
    channel: ctx.channel,
    consent: m.consent ? { version: ctx.consentVersion, at: ctx.at ?? new Date().toISOString() } : undefined,
  };
}

function refine(p: Problem): Problem {
  if (p.path === 'consent') return { path: 'consent', key: 'errors.consent' };
  if (p.path === 'category') return { path: 'category', key: 'deputy.errors.category' };
  const key = REQUIRED_KEYS[p.path];
  if (key && p.key === 'errors.required') return { path: p.path, key };
  return p;
}

/** Validates a message: the checked data and the problems in form order, with the form's own wording. */
export function checkMessage(m: MessageValue, d: Pick<Deputy, 'id' | 'stations'>, ctx: MessageContext): { checked: Checked<DeputyMessageData>; problems: Problem[] } {
  const checked = checkForm(deputyMessageData, messageData(m, d, ctx)) as Checked<DeputyMessageData>;
  const problems: Problem[] = checked.ok ? [] : checked.problems.map(refine);
  // Object-level rules only run once every field parses; say "contact needed" at once anyway.
  if (m.wantsReply && !m.phone.trim() && !m.email.trim() && !problems.some((p) => p.path === 'contact.phone')) {
    problems.push({ path: 'contact.phone', key: 'deputy.errors.contactNeeded' });
  }
  problems.sort((a, b) => FORM_ORDER.indexOf(a.path) - FORM_ORDER.indexOf(b.path));
  return { checked, problems };
}
