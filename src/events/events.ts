// One typed Event subclass per public event (docs/contract.md#events). All bubble and cross shadow
// roots so a host page can listen on document.
import type { FieldError } from '../services/schemas/common.js';

const init = (cancelable = false): EventInit => ({ bubbles: true, composed: true, cancelable });

export class RdReadyEvent extends Event {
  readonly detail: Record<string, never> = {};
  constructor() { super('rd-ready', init()); }
}

export class RdDraftRestoredEvent extends Event {
  constructor(readonly detail: { savedAt: string }) { super('rd-draft-restored', init()); }
}

export class RdDraftSavedEvent extends Event {
  constructor(readonly detail: { savedAt: string }) { super('rd-draft-saved', init()); }
}

/** Fired just before sending. Cancelable; listeners may add headers (captcha token, CSRF). */
export class RdSubmitEvent extends Event {
  constructor(readonly detail: { payload: unknown; headers: Record<string, string> }) { super('rd-submit', init(true)); }
}

export class RdSubmittedEvent extends Event {
  constructor(readonly detail: { receipt: string; lookupCode?: string; message?: string; payload: unknown }) { super('rd-submitted', init()); }
}

/** <rd-receipt-lookup>: the citizen's rating of a reply was accepted. */
export class RdRatedEvent extends Event {
  constructor(readonly detail: { receipt: string; rating: 'satisfied' | 'basically-satisfied' | 'dissatisfied' }) { super('rd-rated', init()); }
}

export class RdQueuedEvent extends Event {
  constructor(readonly detail: { idempotencyKey: string }) { super('rd-queued', init()); }
}

export type SubmitErrorKind = 'rejected' | 'network' | 'timeout' | 'server';
export class RdSubmitErrorEvent extends Event {
  constructor(readonly detail: { kind: SubmitErrorKind; status?: number; errors?: FieldError[] }) { super('rd-submit-error', init()); }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rd-ready': RdReadyEvent;
    'rd-draft-restored': RdDraftRestoredEvent;
    'rd-draft-saved': RdDraftSavedEvent;
    'rd-submit': RdSubmitEvent;
    'rd-submitted': RdSubmittedEvent;
    'rd-queued': RdQueuedEvent;
    'rd-submit-error': RdSubmitErrorEvent;
    'rd-rated': RdRatedEvent;
  }
}
