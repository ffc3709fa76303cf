// The message half of <rd-deputy-card> (留言, docs/domain.md#contacting-a-deputy): the message's
// value, its draft, its submission and the form — a chunk of its own, loaded when the citizen
// first opens 写留言, or at page load when a draft or an outbox entry of this card waits on the
// device (controllers/waiting-work.ts; README "Figures"). The card itself draws who the deputy is.
import type { TemplateResult } from 'lit';
import type { RdHost } from '../../controllers/host.js';
import { DraftController } from '../../controllers/draft-controller.js';
import { SubmitController } from '../../controllers/submit-controller.js';
import { FormController } from '../../controllers/form-controller.js';
import type { Deputy, DeputyMessageData } from '../../services/schemas/deputy.js';
import { checkMessage, emptyMessage, type MessageValue } from '../../services/deputy-message.js';
import { messageView } from './deputy-message-view.js';
import { catalogues } from '../../services/i18n/index.js';
import { zh } from './deputy-message.messages.js';

/** The message form's strings (the card adds them when this part arrives). */
export const messageCatalogues = catalogues(zh, () => import('./deputy-message.messages.en.js'));

/** What the message half needs of its card. */
export interface MessageCard {
  /** The deputy shown (undefined while none is). */
  deputy(): Deputy | undefined;
  /** The outbox owner id of messages to this deputy. */
  owner(): string;
  /** A restored draft opens the message panel. */
  openPanel(): void;
  categories(): ReadonlyArray<{ value: string; label: string }>;
  channel(): 'web' | 'qr' | 'kiosk';
}

export class MessagePart {
  value: MessageValue = emptyMessage();
  readonly draft: DraftController<MessageValue>;
  readonly submit: SubmitController;
  readonly form: FormController<DeputyMessageData>;

  constructor(private readonly host: RdHost, private readonly card: MessageCard) {
    this.draft = new DraftController<MessageValue>(host, {
      tag: 'rd-deputy-card',
      id: () => card.deputy()?.id,
      apply: (v) => {
        this.value = { ...emptyMessage(), ...v, consent: false };
        card.openPanel();
      },
      reset: () => {
        this.value = emptyMessage();
        this.form.errors.reset();
      },
    });
    this.submit = new SubmitController(host, {
      type: 'deputy-message',
      route: '/deputy-messages',
      owner: () => card.owner(),
      receiptTitle: () => host.t('deputy.message.bookTitle', { name: card.deputy()?.name ?? '' }),
      onAccepted: () => void this.draft.clear(),
    });
    this.form = new FormController<DeputyMessageData>(host, this.submit, {
      validate: (errors) => {
        const { checked, problems } = checkMessage(this.value, card.deputy()!, { channel: card.channel(), consentVersion: host.config.privacyVersion });
        errors.set(problems);
        return checked.ok ? { ok: true as const, data: checked.value as DeputyMessageData } : { ok: false as const };
      },
    });
  }

  /** A message was accepted: its receipt stays shown. */
  get sent(): boolean {
    return this.submit.state === 'submitted';
  }

  /** A deputy is shown (first, or another one): a fresh form, and that deputy's draft back. */
  shown(): void {
    this.clear();
    void this.draft.restore();
  }

  /** An empty form (kiosk reset, "写另一条留言"). */
  clear(): void {
    this.value = emptyMessage();
    this.form.reset();
    this.host.requestUpdate();
  }

  private set(patch: Partial<MessageValue>) {
    this.value = { ...this.value, ...patch };
    this.draft.save({ ...this.value, consent: false });
    this.form.recheck();
    this.host.requestUpdate();
  }

  render(d: Deputy): TemplateResult {
    const cfg = this.host.config;
    return messageView({
      t: this.host.t,
      deputy: d,
      value: this.value,
      form: this.form,
      categories: this.card.categories(),
      privacyUrl: cfg.privacyUrl || undefined,
      replyWindow: cfg.replyWindow || undefined,
      lookupUrl: cfg.lookupUrl,
      draftNotice: this.draft.renderNotice(() => this.value),
      onChange: (patch) => this.set(patch),
      onNew: () => this.clear(),
    });
  }
}
