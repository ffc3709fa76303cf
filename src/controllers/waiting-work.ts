// Loads a widget's form half at once when something of it waits on this device (a draft, an
// outbox entry: services/waiting-work.ts), instead of when the citizen first uses the form. Asked
// again whenever the widget's data changes (another draft, another deputy).
import type { ReactiveController } from 'lit';
import type { RdHost } from './host.js';
import { hasWaitingWork, type WaitingQuery } from '../services/waiting-work.js';

export class WaitingWorkController implements ReactiveController {
  private asked: string | undefined;

  /**
   * `query`: what to ask about, or undefined while the widget's data is not known yet;
   * `onWaiting`: called when something waits (e.g. `part.ensure()`).
   */
  constructor(
    private readonly host: RdHost,
    private readonly query: () => WaitingQuery | undefined,
    private readonly onWaiting: () => void,
  ) {
    host.addController(this);
  }

  /** Inserted again after a check whose answer came while it was out of the page: ask again. */
  hostConnected(): void {
    if (this.asked === undefined) this.host.requestUpdate();
  }

  hostUpdated(): void {
    const q = this.query();
    if (!q) return;
    const asked = `${q.draft ?? ''}\n${q.owner ?? ''}`;
    if (asked === this.asked) return;
    this.asked = asked;
    void hasWaitingWork(q).then((yes) => {
      if (!this.host.isConnected) {
        if (this.asked === asked) this.asked = undefined;
        return;
      }
      if (yes) this.onWaiting();
    });
  }
}
