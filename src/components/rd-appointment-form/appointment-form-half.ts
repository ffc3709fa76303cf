// The sending half of <rd-appointment-form> (预约接访): its draft, its submission and the form flow
// — a chunk of its own, loaded on the citizen's first input or press of 提交预约, or at page load
// when a draft or a queued booking of this form waits on the device (controllers/waiting-work.ts;
// README "Figures"). The element draws the fields and keeps the value; this saves and sends it.
import type { RdHost } from '../../controllers/host.js';
import { DraftController } from '../../controllers/draft-controller.js';
import { SubmitController } from '../../controllers/submit-controller.js';
import { FormController, type Validated } from '../../controllers/form-controller.js';
import type { FormErrors } from '../../services/form-errors.js';
import type { AppointmentData } from '../../services/schemas/appointment.js';
import type { AppointmentFormValue } from './rd-appointment-form.component.js';

/** What the half needs of its form. */
export interface AppointmentForm {
  /** `<station id>[:<deputy id>]`: names the draft and the outbox owner. */
  targetId(): string;
  value(): AppointmentFormValue;
  /** A restored draft, or an empty form (`reset`: the value is undefined). */
  apply(value: AppointmentFormValue | undefined): void;
  /**
   * The draft store has answered (a draft applied, or none, or what was typed kept over it): what
   * was typed before the half arrived is part of the value now, not to be laid over a draft the
   * citizen picks later ("改用那份内容").
   */
  settled(): void;
  validate(errors: FormErrors): Validated<AppointmentData>;
  receiptTitle(): string;
}

export class AppointmentHalf {
  readonly draft: DraftController<AppointmentFormValue>;
  readonly submit: SubmitController;
  readonly form: FormController<AppointmentData>;
  private restoredFor = '';

  constructor(host: RdHost, private readonly f: AppointmentForm) {
    this.draft = new DraftController<AppointmentFormValue>(host, {
      tag: 'rd-appointment-form',
      id: () => f.targetId() || undefined,
      apply: (v) => f.apply(v),
      reset: () => f.apply(undefined),
    });
    this.submit = new SubmitController(host, {
      type: 'appointment',
      route: '/appointments',
      owner: () => `rd:rd-appointment-form:${f.targetId()}`,
      receiptTitle: () => f.receiptTitle(),
      onAccepted: () => void this.draft.clear(),
    });
    this.form = new FormController<AppointmentData>(host, this.submit, { validate: (errors) => f.validate(errors) });
  }

  /**
   * The form's target is known or changed: its draft comes back, with what was typed before
   * (before the half arrived, or before the store opened) kept over it, and saved.
   */
  target(dirty: boolean): void {
    const id = this.f.targetId();
    if (!id || id === this.restoredFor) return;
    this.restoredFor = id;
    // Typed before: saved — over a restored draft too, which `apply` merged it into.
    void this.draft.restore().then(() => {
      // Another station or deputy meanwhile: its own restore does this.
      if (this.restoredFor !== id) return;
      this.f.settled();
      if (dirty) this.draft.save(this.f.value());
    });
  }

  /** The value changed: saved as a draft, and the errors follow once a submit was tried. */
  changed(): void {
    this.draft.save(this.f.value());
    this.form.recheck();
  }
}
