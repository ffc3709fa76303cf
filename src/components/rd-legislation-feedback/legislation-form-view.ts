// The comment form's parts of <rd-legislation-feedback>, built on the shared form pieces
// (src/components/shared/form.ts): comment editors inside each article (several per article, on
// the whole 条 or one 款), restored comments on articles the draft no longer has, the general comment,
// the focus questions, "my comments", the proxy collector's fields (docs/domain.md#proxy-entry),
// who is commenting (docs/domain.md#respondent-identities) with contact and consent, the letter
// and e-mail addresses, and the receipt. The form's model and checks are
// services/legislation-form.ts; the state, the controllers and the submit are the form half's
// (legislation-form-half.ts), which imports this module: neither is part of the first screen.
// A view module (docs/architecture.md): functions taking a context object.
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { choiceGroup, consentBlock, fieldId, receiptView, selectField, textField, type FormErrors, type T } from '../shared/form.js';
import type { SubmitController } from '../../controllers/submit-controller.js';
import type { Locale } from '../../services/i18n/index.js';
import type { ArticleRef } from '../../services/legal-structure.js';
import type { PreparedDraft } from '../../services/legislation-reader.js';
import { answerSummary, excerpt, identityChoices, sortedItems, type ArticleComment, type FeedbackForm } from '../../services/legislation-form.js';
import { COMMENT_MAX, PROXY_CHANNELS, type Draft, type FocusQuestion } from '../../services/schemas/legislation.js';
import { hasPersonalData, type LegislationFeedbackData } from '../../services/schemas/legislation-feedback.js';

export interface FormViewContext {
  t: T;
  locale: Locale;
  p: PreparedDraft;
  /** The form as it is now (read when an event comes, not only at render). */
  readonly form: FeedbackForm;
  errors: FormErrors;
  /** Proxy mode: a collector enters opinions gathered offline. */
  proxy: boolean;
  privacyUrl?: string;
  /** Applies a change to the form (the element saves the draft and re-checks after a submit). */
  patch(patch: Partial<FeedbackForm>): void;
  /** Says `message` in the live region; after the next render focus goes to the element `focusAfter`. */
  announce(message: string, focusAfter?: string): void;
  /** Focuses the element with this id after the next render. */
  focusLater(id: string): void;
  /** Focuses the field of a form path (`items.<id>`, `answers.<q>`, `general`). */
  focusPath(path: string): void;
  /** Goes to an article by its label. */
  jumpTo(label: string): boolean;
}

let seq = 0;
const newId = () => `c${Date.now().toString(36)}${(seq++).toString(36)}`;

/** How a comment's target is named: `第十二条` or `第十二条第2款`. */
export function targetLabel(t: T, item: Pick<ArticleComment, 'article' | 'paragraph'>): string {
  return item.paragraph ? t('lf.target.paragraph', { label: item.article, n: item.paragraph }) : item.article;
}

/** A respondent identity's label: the catalogue's, the draft's English one in English, or its own. */
export function identityLabel(t: T, locale: Locale, draft: Draft, code: string): string {
  const c = identityChoices(draft).find((x) => x.value === code);
  if (!c) return code;
  return c.labelKey ? t(c.labelKey) : locale === 'en' && c.labelEn ? c.labelEn : c.label ?? code;
}

const questionTarget = (t: T, q: FocusQuestion | undefined, n: number) => t('lf.target.question', { n: n + 1, prompt: excerpt(q?.prompt ?? '', 16) });

// ------------------------------------------------------------------ changes

function setItem(c: FormViewContext, id: string, patch: Partial<ArticleComment>) {
  c.patch({ items: c.form.items.map((i) => (i.id === id ? { ...i, ...patch } : i)) });
  c.errors.clearServerFor(`items.${id}`);
}

/** Adds an empty comment on the article and focuses its text box after the next render. */
export function addItem(c: FormViewContext, ref: ArticleRef) {
  const item: ArticleComment = {
    id: newId(),
    article: ref.article.label,
    ...(ref.part ? { part: ref.part.label } : {}),
    ...(ref.chapter?.number ? { chapter: ref.chapter.label } : {}),
    text: '',
  };
  c.patch({ items: [...c.form.items, item] });
  c.focusLater(fieldId(`items.${item.id}`));
}

function removeItem(c: FormViewContext, item: ArticleComment, focusAfter?: string) {
  const target = targetLabel(c.t, item);
  c.patch({ items: c.form.items.filter((i) => i.id !== item.id) });
  c.errors.clearServerFor(`items.${item.id}`);
  c.announce(c.t('lf.removed', { target }), focusAfter);
}

function setAnswer(c: FormViewContext, q: FocusQuestion, patch: Partial<{ choices: string[]; text: string }>) {
  const a = c.form.answers[q.id] ?? { choices: [], text: '' };
  c.patch({ answers: { ...c.form.answers, [q.id]: { ...a, ...patch } } });
  c.errors.clearServerFor(`answers.${q.id}`);
}

function setRespondent(c: FormViewContext, patch: Partial<FeedbackForm['respondent']>) {
  c.patch({ respondent: { ...c.form.respondent, ...patch } });
  for (const k of Object.keys(patch)) c.errors.clearServerFor(`respondent.${k}`);
}

const setProxy = (c: FormViewContext, patch: Partial<FeedbackForm['proxy']>) => c.patch({ proxy: { ...c.form.proxy, ...patch } });

// ------------------------------------------------------------------ comments on the text

/** One comment's text box and its remove button (in an article, or among the orphans). */
function commentEditor(c: FormViewContext, item: ArticleComment, o: { hint?: string; focusAfter: string; className?: string }) {
  const { t } = c;
  const path = `items.${item.id}`;
  return html`${textField({
      t, id: fieldId(path), label: t('lf.commentLabel', { target: targetLabel(t, item) }), hint: o.hint,
      value: item.text, multiline: true, rows: 4, maxlength: COMMENT_MAX, counter: true, required: true,
      error: c.errors.for(path, t), onInput: (v) => setItem(c, item.id, { text: v }),
    })}
    <button type="button" class="rd-button rd-button--link${o.className ? ` ${o.className}` : ''}"
      @click=${() => removeItem(c, item, o.focusAfter)}>${t('lf.removeComment')}<span class="rd-visually-hidden">（${targetLabel(t, item)}）</span></button>`;
}

/**
 * The comment editors inside an article (each with its 款 choice and remove button). The
 * article's "comment on 第X条" button and its links to focus questions are the first screen's
 * (rd-legislation-feedback.component.ts), drawn before this module is loaded.
 */
export function renderEditors(c: FormViewContext, ref: ArticleRef, items: readonly ArticleComment[]): TemplateResult | typeof nothing {
  if (!items.length) return nothing;
  const { t } = c;
  const paragraphs = ref.article.paragraphs.length;
  // 全条, 第1款 … 第n款, built with a plain loop: Prototype.js (on many old portals) replaces
  // Array.from with its $A, which ignores a mapping function.
  const paragraphOptions = [{ value: '', label: t('lf.paragraphWhole') }];
  for (let n = 1; n <= paragraphs; n++) paragraphOptions.push({ value: String(n), label: t('lf.paragraphN', { n }) });
  return html`${items.map((item) => html`<div class="lf-comment">
      ${paragraphs > 1
        ? html`<div class="lf-comment__target">${selectField({
            t, id: `${fieldId(`items.${item.id}`)}-paragraph`, label: t('lf.paragraph'),
            options: paragraphOptions,
            value: item.paragraph ? String(item.paragraph) : '',
            onChange: (v) => setItem(c, item.id, { paragraph: v ? Number(v) : undefined }),
          })}</div>`
        : nothing}
      ${commentEditor(c, item, { hint: t('lf.commentHint'), focusAfter: `add-${ref.index}`, className: 'lf-comment__remove' })}
    </div>`)}`;
}

/** Restored comments on articles the current text no longer has (the draft was revised). */
export function renderOrphans(c: FormViewContext): TemplateResult | typeof nothing {
  const orphans = c.form.items.filter((i) => !c.p.order.has(i.article));
  if (!orphans.length) return nothing;
  const { t } = c;
  return html`<section class="lf-block lf-orphans" aria-labelledby="lf-orphans-title">
    <h3 id="lf-orphans-title" tabindex="-1">${t('lf.orphans')}</h3>
    <p class="rd-hint">${t('lf.orphansHint')}</p>
    ${orphans.map((item) => html`<div class="lf-comment">${commentEditor(c, item, { focusAfter: 'lf-orphans-title' })}</div>`)}
  </section>`;
}

// ------------------------------------------------------------------ the draft as a whole, questions

export function renderGeneral(c: FormViewContext): TemplateResult {
  const { t } = c;
  return html`<section class="lf-block" aria-labelledby="lf-general-title">
    <h3 id="lf-general-title" class="rd-visually-hidden">${t('lf.general')}</h3>
    ${textField({
      t, id: fieldId('general'), label: t('lf.general'), hint: t('lf.generalHint'), value: c.form.general,
      multiline: true, rows: 4, maxlength: COMMENT_MAX, counter: true, markOptional: true,
      error: c.errors.for('general', t), onInput: (v) => { c.patch({ general: v }); c.errors.clearServerFor('general'); },
    })}
  </section>`;
}

export function renderQuestions(c: FormViewContext): TemplateResult | typeof nothing {
  const qs = c.p.draft.focusQuestions ?? [];
  if (!qs.length) return nothing;
  const { t } = c;
  return html`<section class="lf-block lf-questions" aria-labelledby="lf-q-title">
    <h3 id="lf-q-title" tabindex="-1">${t('lf.questions')}</h3>
    <p class="rd-hint">${t('lf.questionsHint')}</p>
    ${qs.map((q, n) => {
      const path = `answers.${q.id}`;
      const id = fieldId(path);
      const a = c.form.answers[q.id] ?? { choices: [], text: '' };
      const error = c.errors.for(path, t);
      const legend = `${n + 1}. ${q.prompt}`;
      const seeArticle = q.article && c.p.order.has(q.article)
        ? html`<a href="#${q.article}" @click=${(e: Event) => { e.preventDefault(); c.jumpTo(q.article!); }}>${t('lf.seeArticle', { label: q.article })}</a>`
        : nothing;
      const hint = q.hint || q.article || q.maxChoices
        ? html`${q.hint ?? ''}${q.kind === 'multiple' && q.maxChoices && !q.hint ? t('lf.maxChoices', { max: q.maxChoices }) : ''} ${seeArticle}`
        : undefined;
      const text = (o: { id: string; label: string; hint?: TemplateResult; rows: number; error?: string }) =>
        textField({ t, ...o, value: a.text, multiline: true, maxlength: COMMENT_MAX, counter: true, markOptional: true, onInput: (v) => setAnswer(c, q, { text: v }) });
      return html`<div class="lf-question" id="q-${q.id}">
        ${q.kind === 'text'
          ? text({ id, label: legend, hint, rows: 4, error })
          : html`${choiceGroup({
              t, id, legend, hint, error, multiple: q.kind === 'multiple',
              options: (q.options ?? []).map((o) => ({ value: o.id, label: o.label })),
              value: q.kind === 'multiple' ? a.choices : a.choices[0],
              disableUnchecked: q.kind === 'multiple' && !!q.maxChoices && a.choices.length >= q.maxChoices,
              onChange: (v) => setAnswer(c, q, { choices: Array.isArray(v) ? v : [v] }),
            })}
            ${q.allowComment ? text({ id: `${id}-text`, label: t('lf.questionReason'), rows: 3 }) : nothing}`}
      </div>`;
    })}
  </section>`;
}

// ------------------------------------------------------------------ my comments

/** One entry of "my comments". */
interface MineEntry {
  path: string;
  target: string;
  text: string;
  remove: () => void;
}

function mineEntries(c: FormViewContext): MineEntry[] {
  const { t, form } = c;
  const mine = 'lf-mine-title';
  const out: MineEntry[] = sortedItems(form.items, c.p.order).map((item) => ({
    path: `items.${item.id}`, target: targetLabel(t, item), text: item.text, remove: () => removeItem(c, item, mine),
  }));
  if (form.general.trim()) {
    out.push({
      path: 'general', target: t('lf.target.general'), text: form.general,
      remove: () => { c.patch({ general: '' }); c.announce(t('lf.removed', { target: t('lf.target.general') }), mine); },
    });
  }
  (c.p.draft.focusQuestions ?? []).forEach((q, n) => {
    const a = form.answers[q.id];
    if (!a || (!a.choices.length && !a.text.trim())) return;
    const target = questionTarget(t, q, n);
    out.push({
      path: `answers.${q.id}`, target, text: answerSummary(q, a.choices, a.text),
      remove: () => {
        const { [q.id]: _gone, ...rest } = c.form.answers;
        c.patch({ answers: rest });
        c.announce(t('lf.removed', { target }), mine);
      },
    });
  });
  return out;
}

export function renderMine(c: FormViewContext): TemplateResult {
  const { t } = c;
  const entries = mineEntries(c);
  return html`<section class="lf-block lf-mine" part="mine" aria-labelledby="lf-mine-title">
    <h3 id="lf-mine-title" tabindex="-1">${entries.length ? t('lf.mineCount', { count: entries.length }) : t('lf.mine')}</h3>
    ${entries.length
      ? html`<ol class="lf-mine__list">
          ${entries.map((e) => html`<li class="lf-mine__item" data-path=${e.path}>
            <span class="lf-mine__target">${e.target}</span>
            <span class="lf-mine__text">${e.text.trim() ? excerpt(e.text) : t('lf.mineEmptyText')}</span>
            <span class="lf-mine__actions">
              <button type="button" class="rd-button rd-button--link" aria-label=${t('lf.mineEditLabel', { target: e.target })} @click=${() => c.focusPath(e.path)}>${t('lf.mineEdit')}</button>
              <button type="button" class="rd-button rd-button--link" aria-label=${t('lf.mineRemoveLabel', { target: e.target })} @click=${e.remove}>${t('lf.mineRemove')}</button>
            </span>
          </li>`)}
        </ol>`
      : html`<p class="rd-hint">${t('lf.mineEmpty')}</p>`}
  </section>`;
}

// ------------------------------------------------------------------ who is commenting

/** Proxy entry (docs/domain.md#proxy-entry): who collected the opinion, where, when and how. */
export function renderProxy(c: FormViewContext): TemplateResult {
  const { t } = c;
  const f = c.form.proxy;
  const err = (k: string) => c.errors.for(`proxy.${k}`, t);
  return html`<fieldset class="rd-fieldset lf-block lf-proxy" aria-describedby="lf-proxy-hint">
    <legend><h3>${t('lf.proxy')}</h3></legend>
    <p class="rd-hint" id="lf-proxy-hint">${t('lf.proxyHint')}</p>
    ${textField({ t, id: fieldId('proxy.collectorName'), label: t('lf.collectorName'), value: f.collectorName, required: true, autocomplete: 'name', error: err('collectorName'), onInput: (v) => setProxy(c, { collectorName: v }) })}
    ${textField({ t, id: fieldId('proxy.place'), label: t('lf.place'), hint: t('lf.placeHint'), value: f.place, required: true, error: err('place'), onInput: (v) => setProxy(c, { place: v }) })}
    ${textField({ t, id: fieldId('proxy.date'), label: t('lf.date'), type: 'date', value: f.date, required: true, error: err('date'), onInput: (v) => setProxy(c, { date: v }) })}
    ${choiceGroup({
      t, id: fieldId('proxy.channel'), legend: t('lf.proxyChannel'), required: true, inline: true, error: err('channel'),
      options: PROXY_CHANNELS.map((ch) => ({ value: ch, label: t(`lf.proxyChannel.${ch}`) })),
      value: f.channel || undefined, onChange: (v) => setProxy(c, { channel: String(v) }),
    })}
  </fieldset>`;
}

/** A plain checkbox that is not a consent (reply wanted, may be published). */
const checkbox = (id: string, checked: boolean, label: string, onChange: (checked: boolean) => void) =>
  html`<div class="rd-field">
    <label class="rd-choice" for=${id}>
      <input id=${id} type="checkbox" .checked=${live(checked)} @change=${(e: Event) => onChange((e.target as HTMLInputElement).checked)} />
      <span>${label}</span>
    </label>
  </div>`;

/** Identity, name, region, reply wanted (then phone and e-mail), consent, may be published. */
export function renderRespondent(c: FormViewContext): TemplateResult {
  const { t, proxy } = c;
  const r = c.form.respondent;
  const d = c.p.draft;
  const err = (k: string) => c.errors.for(`respondent.${k}`, t);
  const set = (patch: Partial<FeedbackForm['respondent']>) => setRespondent(c, patch);
  const personal = hasPersonalData({ name: r.name, ...(r.wantsReply ? { phone: r.phone, email: r.email } : {}) });
  const regions = d.identity?.regions;
  const region = { t, id: fieldId('respondent.region'), label: t('lf.region'), required: !!d.identity?.requireRegion, value: r.region, error: err('region') };
  return html`<fieldset class="rd-fieldset lf-block lf-respondent" aria-describedby="lf-respondent-hint">
    <legend><h3>${proxy ? t('lf.respondentProxy') : t('lf.respondent')}</h3></legend>
    <p class="rd-hint" id="lf-respondent-hint">${t('lf.respondentHint')}</p>
    ${selectField({
      t, id: fieldId('respondent.identity'), label: t('lf.identity'), required: true, placeholder: t('lf.identityPlaceholder'),
      options: identityChoices(d).map((x) => ({ value: x.value, label: identityLabel(t, c.locale, d, x.value) })),
      value: r.identity, error: err('identity'), onChange: (v) => set({ identity: v }),
    })}
    ${textField({
      t, id: fieldId('respondent.name'), label: t('lf.name'), value: r.name, autocomplete: proxy ? 'off' : 'name',
      required: !!d.identity?.requireName, markOptional: !d.identity?.requireName, maxlength: 50,
      error: err('name'), onInput: (v) => set({ name: v }),
    })}
    ${regions?.length
      ? selectField({ ...region, placeholder: t('lf.regionPlaceholder'), options: regions.map((x) => ({ value: x, label: x })), onChange: (v) => set({ region: v }) })
      : textField({ ...region, maxlength: 100, markOptional: !d.identity?.requireRegion, onInput: (v) => set({ region: v }) })}
    ${checkbox('lf-wants-reply', r.wantsReply, t('lf.wantsReply'), (v) => set({ wantsReply: v }))}
    ${r.wantsReply
      ? html`<div class="lf-contact" id="lf-contact">
          <p class="rd-hint">${t('lf.contactHint')}</p>
          ${textField({ t, id: fieldId('respondent.phone'), label: t('lf.phone'), type: 'tel', value: r.phone, autocomplete: proxy ? 'off' : 'tel', inputmode: 'tel', maxlength: 30, error: err('phone'), onInput: (v) => set({ phone: v }) })}
          ${textField({ t, id: fieldId('respondent.email'), label: t('lf.email'), type: 'email', value: r.email, autocomplete: proxy ? 'off' : 'email', maxlength: 200, error: err('email'), onInput: (v) => set({ email: v }) })}
        </div>`
      : nothing}
    ${personal
      ? consentBlock({
          t, id: fieldId('consent'), checked: c.form.consent, error: c.errors.for('consent', t),
          privacyUrl: c.privacyUrl, onChange: (v) => c.patch({ consent: v }),
        })
      : nothing}
    ${checkbox('lf-publish', c.form.publish, t('lf.publish'), (v) => c.patch({ publish: v }))}
  </fieldset>`;
}

/** Where to send comments by letter, e-mail or fax, when the draft says. */
export function renderContact(t: T, p: PreparedDraft): TemplateResult | typeof nothing {
  const c = p.draft.contact;
  if (!c || !(c.address || c.email || c.fax)) return nothing;
  return html`<details class="lf-note lf-letters">
    <summary>${t('lf.contactTitle')}</summary>
    <ul>
      ${c.address ? html`<li>${t('lf.contact.address', { address: c.address })}</li>` : nothing}
      ${c.postcode ? html`<li>${t('lf.contact.postcode', { postcode: c.postcode })}</li>` : nothing}
      ${c.email ? html`<li>${t('lf.contact.email', { email: c.email })}</li>` : nothing}
      ${c.fax ? html`<li>${t('lf.contact.fax', { fax: c.fax })}</li>` : nothing}
    </ul>
  </details>`;
}

// ------------------------------------------------------------------ receipt

export interface ReceiptContext {
  t: T;
  locale: Locale;
  p: PreparedDraft;
  submitter: SubmitController;
  proxy: boolean;
  replyWindow?: string;
  lookupUrl?: string;
  onNew: () => void;
}

/** The receipt number and a summary of what was sent, comment by comment. */
export function renderReceipt(c: ReceiptContext): TemplateResult {
  const { t, p } = c;
  const data = c.submitter.payload?.data as LegislationFeedbackData | undefined;
  const comments = data?.comments ?? [];
  const qIndex = new Map((p.draft.focusQuestions ?? []).map((q, n) => [q.id, { q, n }]));
  const summary = [
    { label: t('lf.receiptDraft'), value: p.draft.title },
    { label: t('lf.receiptCount'), value: t('lf.receiptCountValue', { count: comments.length }) },
    ...(data ? [{ label: t('lf.receiptIdentity'), value: identityLabel(t, c.locale, p.draft, data.respondent.identity) }] : []),
    ...comments.map((x) => {
      if (x.target.kind === 'article') return { label: targetLabel(t, x.target), value: x.text };
      if (x.target.kind === 'general') return { label: t('lf.target.general'), value: x.text };
      const qi = qIndex.get(x.target.questionId);
      return { label: questionTarget(t, qi?.q, qi?.n ?? 0), value: answerSummary(qi?.q, x.choices, x.text) };
    }),
    ...(data ? [{ label: t('lf.receiptPublish'), value: data.publish ? t('lf.yes') : t('lf.no') }] : []),
  ];
  return receiptView({
    t,
    receipt: c.submitter.receipt!,
    title: t('lf.receiptTitle'),
    numberLabel: t('lf.receiptNumber'),
    message: c.submitter.message,
    lookupCode: c.submitter.lookupCode,
    lookupUrl: c.lookupUrl,
    replyWindow: c.replyWindow,
    summary,
    onNew: c.onNew,
    newLabel: c.proxy ? t('lf.nextProxy') : t('lf.newComment'),
  });
}
