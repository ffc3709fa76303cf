// The one form flow (docs/architecture.md#forms): validate → honeypot → send → server field
// errors → focus. Every form (legislation comment, deputy message, booking, survey) runs its
// submit through `FormController.run`; what differs per form is given as hooks.
import type { RdHost } from './host.js';
import { focusSummary } from './focus.js';
import type { SubmitController, SubmitOutcome } from './submit-controller.js';
import { FormErrors } from '../services/form-errors.js';

export type Validated<D> = { ok: true; data: D } | { ok: false };

/** What happened to one submit: the submit controller's outcome, or why nothing was sent. */
export type FormOutcome = SubmitOutcome | 'invalid' | 'bot' | 'busy' | 'stopped';

export interface FormFlow<D> {
  /** Checks before validation (e.g. the survey's window has closed meanwhile): false stops. */
  guard?(): boolean | Promise<boolean>;
  /** Client-side validation: record problems in `errors` and return the data to send. */
  validate(errors: FormErrors): Validated<D>;
  /** Where focus goes when the form is invalid (default: the error summary). */
  onInvalid?(): void | Promise<void>;
  /** Just before sending (e.g. write the draft now): false stops without a word. */
  beforeSend?(data: D): void | boolean | Promise<void | boolean>;
  /** Maps a server error path (relative to `data`) to the form's own path. */
  serverPath?(path: string): string;
  /** After a refusal, once the server's field errors are recorded: true when handled (own focus). */
  onRejected?(): boolean | Promise<boolean>;
}

export class FormController<D = unknown> {
  readonly errors = new FormErrors();
  private botValue = '';

  constructor(private readonly host: RdHost, readonly submitter: SubmitController, private readonly flow: FormFlow<D>) {}

  /** Input handler for the honeypot field (people never see it; bots fill it in). */
  readonly onHoneypot = (value: string): void => { this.botValue = value; };

  /** True once the honeypot holds anything: such a submit is dropped silently. */
  get isBot(): boolean { return this.botValue !== ''; }

  get busy(): boolean { return this.submitter.busy; }

  /** Re-checks after a change, once the citizen has tried to submit (errors follow the fields). */
  recheck(): void {
    if (this.errors.submitted) this.flow.validate(this.errors);
  }

  /** The whole submit: use as the form's `@submit` handler (bound: `@submit=${form.run}`). */
  readonly run = async (e?: Event): Promise<FormOutcome> => {
    e?.preventDefault();
    if (this.submitter.busy) return 'busy';
    if (this.flow.guard && !(await this.flow.guard())) return 'stopped';
    this.errors.submitted = true;
    this.errors.setServer([]);
    const r = this.flow.validate(this.errors);
    if (!r.ok) {
      if (this.flow.onInvalid) await this.flow.onInvalid();
      else await this.focusOutcome('invalid');
      return 'invalid';
    }
    if (this.isBot) return 'bot';
    // Only wait when there is something to wait for: `rd-submit` goes out in the same task as the
    // click, so a page that removes the form right after it sees no event from a detached element.
    if (this.flow.beforeSend && (await this.flow.beforeSend(r.data)) === false) return 'stopped';
    const outcome = await this.submitter.submit(r.data);
    if (outcome === 'rejected') {
      const map = this.flow.serverPath;
      this.errors.setServer(map ? this.submitter.fieldErrors.map((f) => ({ path: map(f.path), message: f.message })) : [...this.submitter.fieldErrors]);
      if (this.flow.onRejected && (await this.flow.onRejected())) return outcome;
    }
    await this.focusOutcome(outcome);
    return outcome;
  };

  /** Back to an empty, untried form ("submit another", kiosk reset). */
  reset(): void {
    this.errors.reset();
    this.submitter.reset();
  }

  /**
   * Moves focus once the outcome is rendered (GOV.UK): to the error summary when the form is
   * invalid or the send was refused, cancelled or not configured; to the receipt after success.
   */
  async focusOutcome(outcome: FormOutcome): Promise<void> {
    this.host.requestUpdate();
    await this.host.updateComplete;
    const root = this.host.shadowRoot;
    if (outcome === 'invalid' || outcome === 'rejected' || outcome === 'invalid-config' || outcome === 'cancelled') focusSummary(root);
    else if (outcome === 'submitted') root?.querySelector<HTMLElement>('[data-rd-receipt]')?.focus();
  }
}
