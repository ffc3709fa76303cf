// Re-renders a widget when its consultation/survey window opens or closes while the page is open
// (tablets loaded before a 09:00 meeting, a page left open past closing time).
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface TimeWindow { opens: string; closes: string }

export class WindowClockController implements ReactiveController {
  private window: TimeWindow | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private connected = false;
  private ticked = 0;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** The window to follow (call when the data arrives). */
  watch(window: TimeWindow): void {
    this.window = window;
    this.arm();
  }

  /** Now, never earlier than the last tick (a timer may fire a little early). */
  get now(): Date {
    return new Date(Math.max(this.ticked, Date.now()));
  }

  /** Re-render at once (e.g. a submit found the window closed). */
  tick(): void {
    this.ticked = Date.now();
    this.host.requestUpdate();
  }

  hostConnected(): void {
    this.connected = true;
    this.arm();
  }

  hostDisconnected(): void {
    this.connected = false;
    clearTimeout(this.timer);
  }

  private arm(): void {
    clearTimeout(this.timer);
    if (!this.window || !this.connected) return;
    const now = Date.now();
    const next = [Date.parse(this.window.opens), Date.parse(this.window.closes)].filter((t) => t > now).sort((a, b) => a - b)[0];
    if (next === undefined || next - now >= 2 ** 31 - 1) return;
    this.timer = setTimeout(() => { this.tick(); this.arm(); }, next - now + 50);
  }
}
