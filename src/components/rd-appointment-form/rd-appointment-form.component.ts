// <rd-appointment-form>: 预约接访 — book a reception with a liaison station and/or a deputy.
// Shared by <rd-station-map> (station detail) and <rd-deputy-card>. Posts the `appointment`
// payload (src/services/schemas/appointment.ts) to {endpoint}/appointments; receipts "YY-…".
//
// Usage inside another widget's template:
//   html`<rd-appointment-form .stationId=${id} .placeName=${name} .sessions=${nextSessions(...)}
//          .endpoint=${this.endpoint} .submitUrl=${this.submitUrl} ?kiosk=${this.kiosk}></rd-appointment-form>`
// Configuration not set on it comes from the nearest <rd-provider> (context crosses shadow roots).
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { RdElement } from '../shared/rd-element.js';
import { LazyPart } from '../../controllers/lazy-part.js';
import { WaitingWorkController } from '../../controllers/waiting-work.js';
import { draftKey } from '../../services/waiting-work.js';
import { choiceGroup, consentBlock, fieldId, formActions, formProblems, honeypot, receiptView, submitButton, textField } from '../shared/form.js';
import type { FormErrors } from '../../services/form-errors.js';
import { formCatalogues } from '../../services/i18n/forms.js';
import { checkForm, type Problem } from '../../services/validation.js';
import type { AppointmentHalf } from './appointment-form-half.js';
import { appointmentData, type AppointmentData } from '../../services/schemas/appointment.js';
import { describeSession, todayIn, type Session } from '../../services/schedule.js';
import { zh as messages } from './rd-appointment-form.messages.js';
import { catalogues } from '../../services/i18n/index.js';
import { css } from 'lit';

/** The element's strings: zh-CN bundled, English loaded when first shown in English. */
export const appointmentCatalogues = catalogues(messages, () => import('./rd-appointment-form.messages.en.js'));

/** What the form holds while being filled in (flat, so contact keys are stripped from drafts). */
export interface AppointmentFormValue {
  /** Index into `sessions` as a string, `other`, or '' (none chosen). */
  slot: string;
  date: string;
  period: 'morning' | 'afternoon' | 'any';
  topic: string;
  details: string;
  people: string;
  name: string;
  phone: string;
  email: string;
  consent: boolean;
}

const empty = (): AppointmentFormValue => ({
  slot: '',
  date: '',
  period: 'any',
  topic: '',
  details: '',
  people: '1',
  name: '',
  phone: '',
  email: '',
  consent: false,
});

/** Form paths → the ids of the fields (the payload's `contact.phone` is the phone input…). */
const idFor = (path: string) => fieldId(path === 'slot.date' ? 'date' : path === 'slot.period' ? 'period' : path.replace(/^contact\./, ''));

const styles = css`
  :host { display: block; }
  .rd-appt__intro { color: var(--_muted); }
  .rd-appt__row { display: grid; gap: 0 var(--_space-4); grid-template-columns: repeat(auto-fit, minmax(12em, 1fr)); }
  .rd-appt__tentative { color: var(--_muted); font-size: 0.9em; }
  input[type='number'].rd-input { max-width: 8em; }
`;

/**
 * Appointment (预约接访) form shared by the station map and the deputy card.
 *
 * @tag rd-appointment-form
 * @summary Book a reception with a liaison station or a deputy.
 * @event rd-submit - Before sending (cancelable; add headers).
 * @event rd-submitted - Accepted; detail `{receipt, lookupCode?, payload}`.
 * @event rd-queued - Kept in the outbox to send later.
 * @event rd-submit-error - A failure the citizen is told about.
 * @event rd-draft-restored - A saved draft was put back.
 * @event rd-draft-saved - A draft was written on this device.
 * @csspart form - The form.
 * @csspart label - Field labels and legends.
 * @csspart input - Inputs and textareas.
 * @csspart hint - Field hints.
 * @csspart error-message - Inline errors.
 * @csspart error-summary - The error summary.
 * @csspart consent - The personal-information consent block.
 * @csspart draft-notice - Restored-draft, drafts-off and other-tab notices.
 * @csspart submit-button - The submit button.
 * @csspart queued-notice - "Kept on this device, sent later" after a failed send.
 * @csspart receipt - The receipt after success.
 * @csspart copy-button - The button copying the receipt number and lookup code.
 * @csspart lookup-link - The link to the portal's lookup page (`lookup-url`).
 */
export class RdAppointmentForm extends RdElement {
  static override styles = [...RdElement.styles, styles];
  // The consent block is on the first screen: its strings are the form machinery's.
  static override catalogues = [formCatalogues, appointmentCatalogues];

  /**
   * The draft, the submission and the form flow (appointment-form-half.ts): a chunk loaded on the
   * first input or press of 提交预约, or at once when a draft or a queued booking of this form
   * waits on the device (README "Figures"). The fields are drawn without it.
   */
  private half?: AppointmentHalf;
  private readonly halfPart = new LazyPart(this, () => import('./appointment-form-half.js'), 'appointment.part.sending', (m) => {
    if (this.half) return;
    this.half = new m.AppointmentHalf(this, {
      targetId: () => this.targetId(),
      value: () => this.value,
      // A restored draft, with what was typed before the half arrived kept over it.
      apply: (v) => { this.value = { ...empty(), ...v, ...this.early }; this.early = {}; },
      settled: () => { this.early = {}; },
      validate: (errors) => this.validate(errors),
      receiptTitle: () => this.t('appointment.bookTitle', { place: this.placeName ?? this.deputyName ?? '' }),
    });
    this.half.form.onHoneypot(this.bot);
    this.half.target(this.dirty);
  });
  private dirty = false;
  /** What was typed before the half arrived: kept over a draft restored afterwards. */
  private early: Partial<AppointmentFormValue> = {};
  /** The honeypot's value (handed to the form flow once it is here). */
  private bot = '';

  constructor() {
    super();
    new WaitingWorkController(
      this,
      () => {
        const id = this.targetId();
        return id ? { draft: draftKey('rd-appointment-form', id), owner: `rd:rd-appointment-form:${id}` } : undefined;
      },
      () => this.halfPart.ensure(),
    );
  }

  /** Station booked (id from the stations data). */
  @property({ attribute: 'station-id' }) stationId?: string;
  /** Deputy booked (`dep-…`), optional with a station. */
  @property({ attribute: 'deputy-id' }) deputyId?: string;
  /** Name of the place/deputy shown in the heading and the receipt. */
  @property({ attribute: 'place-name' }) placeName?: string;
  /** Deputy's name for the receipt summary. */
  @property({ attribute: 'deputy-name' }) deputyName?: string;
  /** Published sessions to choose from (from the schedule service). */
  @property({ attribute: false }) sessions: Session[] = [];
  /** Channel recorded in the payload; `kiosk` mode records `kiosk`. */
  @property() channel?: 'web' | 'qr' | 'kiosk';
  /** Heading level of the form's title (2 by default; 3 inside a detail panel). */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  @state() value: AppointmentFormValue = empty();

  private targetId(): string {
    return [this.stationId, this.deputyId].filter(Boolean).join(':');
  }

  override willUpdate(): void {
    // Another station or deputy: its own draft (the half, once here, restores it).
    this.half?.target(this.dirty);
  }

  private set(patch: Partial<AppointmentFormValue>) {
    this.dirty = true;
    this.value = { ...this.value, ...patch };
    if (this.half) this.half.changed();
    else {
      this.early = { ...this.early, ...patch };
      this.halfPart.ensure();
    }
  }

  /** 提交预约: the form flow, once its half is here (the first press may wait for it). */
  private readonly onSubmit = async (e: Event) => {
    e.preventDefault();
    const half = this.half ?? (await this.halfPart.get().then(() => this.half, () => undefined));
    if (half) await half.form.run();
  };

  /** The payload's `data` built from the form (may be invalid). */
  private build(): Record<string, unknown> {
    const v = this.value;
    const session = /^\d+$/.test(v.slot) ? this.sessions[Number(v.slot)] : undefined;
    const slot = session
      ? { kind: 'session', start: session.startIso, end: session.endIso, ...(session.ruleId ? { ruleId: session.ruleId } : {}) }
      : v.slot === 'other'
        ? { kind: 'requested', date: v.date, period: v.period }
        : undefined;
    const people = v.people.trim() === '' ? undefined : Number(v.people);
    return {
      ...(this.stationId ? { stationId: this.stationId } : {}),
      ...(this.deputyId ? { deputyId: this.deputyId } : {}),
      slot,
      topic: v.topic,
      ...(v.details.trim() ? { details: v.details.trim() } : {}),
      people,
      contact: { name: v.name, phone: v.phone, ...(v.email.trim() ? { email: v.email.trim() } : {}) },
      consent: v.consent,
      channel: this.channel ?? (this.config.kiosk ? 'kiosk' : 'web'),
    };
  }

  private validate(errors: FormErrors) {
    const data = this.build();
    const r = checkForm(appointmentData, data);
    const problems: Problem[] = r.ok ? [] : r.problems.filter((p) => p.path !== 'slot' && !p.path.startsWith('slot.') && p.path !== 'stationId');
    if (!data.slot) problems.unshift({ path: 'slot', key: 'appointment.slotRequired' });
    else if (this.value.slot === 'other') {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(this.value.date)) problems.unshift({ path: 'slot.date', key: 'errors.required' });
      else if (this.value.date < todayIn(this.sessions[0]?.timeZone)) problems.unshift({ path: 'slot.date', key: 'appointment.datePast' });
    }
    // Keep form order: slot, topic, details, people, contact, consent.
    const order = ['slot', 'slot.date', 'slot.period', 'topic', 'details', 'people', 'contact.name', 'contact.phone', 'contact.email', 'consent'];
    problems.sort((a, b) => order.indexOf(a.path) - order.indexOf(b.path));
    errors.set(problems);
    return problems.length === 0 && r.ok ? { ok: true as const, data: r.value as AppointmentData } : { ok: false as const };
  }

  /** Clears the form (kiosk inactivity, or the host closing it). */
  reset() {
    this.dirty = false;
    this.early = {};
    this.value = empty();
    this.half?.form.reset();
  }

  protected override kioskReset() {
    this.reset();
  }

  private heading(text: string) {
    return this.headingLevel === 3 ? html`<h3>${text}</h3>` : this.headingLevel === 4 ? html`<h4>${text}</h4>` : html`<h2>${text}</h2>`;
  }

  private sessionLabel(s: Session) {
    const text = describeSession(s, this.locale, s.date.slice(0, 4) !== todayIn(s.timeZone).slice(0, 4));
    return html`${text}${s.topic ? ` · ${s.topic}` : ''}${s.certainty === 'unknown' ? html` <span class="rd-appt__tentative">${this.t('appointment.slotTentative')}</span>` : nothing}`;
  }

  protected override render() {
    const t = this.t;
    if (!this.stationId && !this.deputyId) return html`<p class="rd-notice" role="alert">${t('appointment.noTarget')}</p>`;
    const half = this.half;
    const sent = half?.submit;
    if (sent?.state === 'submitted' && sent.receipt) {
      const d = sent.payload?.data as AppointmentData | undefined;
      const session = d?.slot.kind === 'session' ? this.sessions.find((s) => s.startIso === (d.slot as { start: string }).start) : undefined;
      const when = session
        ? describeSession(session, this.locale, true)
        : d?.slot.kind === 'requested'
          ? `${d.slot.date} ${t(`appointment.period.${d.slot.period}`)}`
          : '';
      return receiptView({
        t,
        receipt: sent.receipt,
        title: t('appointment.receiptTitle'),
        numberLabel: t('appointment.receiptNumber'),
        message: sent.message ?? t('appointment.receiptMessage'),
        lookupCode: sent.lookupCode,
        lookupUrl: this.config.lookupUrl,
        summary: [
          ...(this.placeName ? [{ label: t('appointment.summary.place'), value: this.placeName }] : []),
          ...(this.deputyName ? [{ label: t('appointment.summary.deputy'), value: this.deputyName }] : []),
          { label: t('appointment.summary.time'), value: when },
          { label: t('appointment.summary.topic'), value: d?.topic ?? '' },
          { label: t('appointment.summary.people'), value: String(d?.people ?? '') },
        ],
        onNew: () => this.reset(),
        newLabel: t('appointment.new'),
      });
    }
    const v = this.value;
    const shown = half ? half.form.errors.shown(t, idFor) : [];
    const err = (path: string) => half?.form.errors.for(path, t);
    const slotOptions = [
      ...this.sessions.map((s, i) => ({ value: String(i), label: this.sessionLabel(s) })),
      { value: 'other', label: t('appointment.slotOther') },
    ];
    return html`<form part="form" novalidate @submit=${this.onSubmit}>
      ${this.heading(this.placeName ? t('appointment.titleAt', { place: this.placeName }) : t('appointment.title'))}
      <p class="rd-appt__intro">${t('appointment.intro')}</p>
      ${half ? half.draft.renderNotice(() => this.value) : nothing}
      ${half ? formProblems(t, half.form, shown) : nothing}
      ${choiceGroup({ t, id: fieldId('slot'), legend: t('appointment.slot'), hint: t('appointment.slotHint'), options: slotOptions, value: v.slot || undefined, required: true, error: err('slot'), onChange: (x) => this.set({ slot: String(x) }) })}
      ${v.slot === 'other'
        ? html`<div class="rd-appt__row">
            ${textField({ t, id: fieldId('date'), label: t('appointment.date'), hint: t('appointment.dateHint'), type: 'date', value: v.date, required: true, error: err('slot.date'), onInput: (x) => this.set({ date: x }) })}
            ${choiceGroup({ t, id: fieldId('period'), legend: t('appointment.period'), inline: true, value: v.period, options: (['morning', 'afternoon', 'any'] as const).map((p) => ({ value: p, label: t(`appointment.period.${p}`) })), onChange: (x) => this.set({ period: x as AppointmentFormValue['period'] }) })}
          </div>`
        : nothing}
      ${textField({ t, id: fieldId('topic'), label: t('appointment.topic'), hint: t('appointment.topicHint'), value: v.topic, multiline: true, rows: 3, maxlength: 500, counter: true, required: true, error: err('topic'), onInput: (x) => this.set({ topic: x }) })}
      ${textField({ t, id: fieldId('details'), label: t('appointment.details'), value: v.details, multiline: true, rows: 4, maxlength: 5000, markOptional: true, error: err('details'), onInput: (x) => this.set({ details: x }) })}
      ${textField({ t, id: fieldId('people'), label: t('appointment.people'), hint: t('appointment.peopleHint'), type: 'number', inputmode: 'numeric', value: v.people, required: true, error: err('people'), onInput: (x) => this.set({ people: x }) })}
      <div class="rd-appt__row">
        ${textField({ t, id: fieldId('name'), label: t('appointment.name'), value: v.name, required: true, autocomplete: 'name', maxlength: 50, error: err('contact.name'), onInput: (x) => this.set({ name: x }) })}
        ${textField({ t, id: fieldId('phone'), label: t('appointment.phone'), hint: t('appointment.phoneHint'), type: 'tel', value: v.phone, required: true, autocomplete: 'tel', error: err('contact.phone'), onInput: (x) => this.set({ phone: x }) })}
      </div>
      ${textField({ t, id: fieldId('email'), label: t('appointment.email'), type: 'email', value: v.email, markOptional: true, autocomplete: 'email', error: err('contact.email'), onInput: (x) => this.set({ email: x }) })}
      ${consentBlock({ t, id: fieldId('consent'), checked: v.consent, error: err('consent'), privacyUrl: this.config.privacyUrl || undefined, onChange: (c) => this.set({ consent: c }) })}
      ${this.halfPart.state === 'failed' ? this.halfPart.render(() => nothing) : nothing}
      ${half
        ? formActions(t, half.form, 'f-website', t('appointment.submit'))
        : html`${honeypot(t, 'f-website', (x) => { this.bot = x; })}${submitButton(t, false, t('appointment.submit'))}`}
    </form>`;
  }
}
