import { css } from 'lit';

export const deputyCardStyles = css`
  :host {
    --_card-border: var(--rd-deputy-card-border, var(--_subtle));
    --_card-accent: var(--rd-deputy-card-accent, var(--_primary));
    --_avatar-size: var(--rd-deputy-card-avatar-size, 72px);
    --_qr-size: var(--rd-deputy-card-qr-size, 200px);
  }
  .card {
    border: 2px solid var(--_card-border);
    border-top: 4px solid var(--_card-accent);
    border-radius: var(--_radius);
    padding: var(--_space-4);
    background: var(--_surface);
  }
  .head { display: flex; gap: var(--_space-4); align-items: flex-start; margin-bottom: var(--_space-3); }
  .head > div { min-width: 0; }
  .avatar {
    flex: none; width: var(--_avatar-size); height: var(--_avatar-size); border-radius: 50%;
    object-fit: cover; background: var(--_subtle);
  }
  .avatar--initial {
    display: flex; align-items: center; justify-content: center;
    font-size: calc(var(--_avatar-size) * 0.45); font-weight: 700; color: var(--_primary-contrast);
    background: var(--_card-accent);
  }
  .name { margin: 0 0 var(--_space-1); }
  .level { margin: 0; font-weight: 600; color: var(--_muted); }
  .status {
    display: inline-block; margin: var(--_space-1) 0 0; padding: 0 var(--_space-2);
    border: 2px solid var(--_error); color: var(--_error); font-weight: 600; border-radius: var(--_radius);
  }
  /* The term column takes at most half the card: a narrow card on a wide page (a side column, where
     the phone media query below does not apply) wraps long terms instead of spilling out. */
  .facts { display: grid; grid-template-columns: fit-content(50%) minmax(0, 1fr); gap: var(--_space-1) var(--_space-3); margin: 0 0 var(--_space-3); }
  .facts dt { font-weight: 600; color: var(--_muted); }
  .facts dd { margin: 0; }
  @media (max-width: 420px) {
    .facts { grid-template-columns: 1fr; }
    .facts dd { margin-bottom: var(--_space-2); }
  }
  .next { padding: var(--_space-3); background: var(--_subtle); border-radius: var(--_radius); margin: 0 0 var(--_space-3); }
  .next h3 { font-size: 1em; margin: 0 0 var(--_space-1); }
  .next p { margin: 0; }
  section.block { margin-top: var(--_space-6); }
  section.block > h3 { border-bottom: 2px solid var(--_card-border); padding-bottom: var(--_space-1); }
  .bio, .pledge-text { white-space: pre-wrap; }
  ul.plain { padding-inline-start: 1.2em; }
  ul.plain li { margin-bottom: var(--_space-1); }
  .tag {
    display: inline-block; padding: 0 var(--_space-2); margin-inline-end: var(--_space-1);
    border: 1px solid var(--_border); border-radius: var(--_radius); font-size: 0.875em;
  }
  .qr { display: flex; flex-wrap: wrap; gap: var(--_space-4); align-items: center; }
  /* The code shrinks with a narrow card (a 200 px side column, a 320 px phone) instead of
     spilling out of it; the viewBox keeps it square. */
  .qr svg { width: min(var(--_qr-size), 100%); height: auto; aspect-ratio: 1; flex: none; background: #fff; }
  .qr-caption { flex: 1 1 12em; }
  .qr-caption strong { display: block; font-size: 1.25em; }
  .poster { text-align: center; padding: var(--_space-6); border: 3px solid var(--_card-accent); }
  .poster h2 { font-size: 2em; }
  .poster svg { display: block; margin-inline: auto; width: min(100%, 320px); height: auto; aspect-ratio: 1; background: #fff; }
  .poster .level { margin-bottom: var(--_space-3); }
  .forms { margin-top: var(--_space-4); }
  .panel { margin-top: var(--_space-4); padding-top: var(--_space-4); border-top: 2px solid var(--_card-border); }

  /* Directory */
  /* min(…, 100%): one column when the card is narrower than one filter (large text, side column). */
  .filters { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(12em, 100%), 1fr)); gap: 0 var(--_space-4); }
  .filters .rd-field { margin-bottom: var(--_space-3); }
  .count { font-weight: 600; margin-block: var(--_space-2); }
  ul.results { list-style: none; padding: 0; margin: 0 0 var(--_space-4); display: grid; gap: var(--_space-2); grid-template-columns: repeat(auto-fill, minmax(min(100%, 18em), 1fr)); }
  .entry {
    height: 100%;
    display: flex; gap: var(--_space-3); align-items: center; width: 100%; min-height: var(--_target);
    padding: var(--_space-2) var(--_space-3); font: inherit; text-align: start; cursor: pointer;
    color: var(--_text); background: var(--_surface); border: 2px solid var(--_card-border); border-radius: var(--_radius);
  }
  .entry:hover { border-color: var(--_card-accent); }
  .entry .avatar { --_avatar-size: 44px; }
  .entry-text { display: flex; flex-direction: column; min-width: 0; }
  .entry-name { font-weight: 700; font-size: 1.1em; }
  .entry-meta { color: var(--_muted); }
  .entry-former { color: var(--_error); font-weight: 600; }

  @media print {
    .rd-actions, .forms, button, .filters, .qr-download { display: none !important; }
    .card, .poster { border-color: #000; }
  }
  @media (forced-colors: active) {
    .avatar--initial { border: 2px solid CanvasText; }
    .qr svg, .poster svg { forced-color-adjust: none; }
  }
  .message { padding-block: var(--_space-2); border-block-end: 1px solid var(--_border); }
  .message-text, .message-reply { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0 0 var(--_space-2); }
  .message-reply { padding-inline-start: var(--_space-3); border-inline-start: 4px solid var(--_success); }
`;
