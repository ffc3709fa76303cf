// The consultation window of a draft regulation: before, open, closed. Its own module, as the
// first screen (reading the draft) needs it while the comment form's model
// (services/legislation-form.ts) loads with the form half (README "Figures").

export type WindowState = 'before' | 'open' | 'closed';

/** Where `now` falls in the consultation window (opens inclusive, closes exclusive). */
export function windowState(window: { opens: string; closes: string }, now: Date = new Date()): WindowState {
  const t = now.getTime();
  if (t < Date.parse(window.opens)) return 'before';
  if (t >= Date.parse(window.closes)) return 'closed';
  return 'open';
}
