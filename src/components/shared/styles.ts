// Shared look. Sizes are in px/em from the host (never rem: old portals set html{font-size:10px}).
// Fonts inherit from the page. Tokens: --rd-color-*, --rd-space-*, --rd-font-size, --rd-radius.
import { css } from 'lit';

export const baseStyles = css`
  :host {
    --_primary: var(--rd-color-primary, #b4001e);
    --_primary-contrast: var(--rd-color-primary-contrast, #ffffff);
    --_text: var(--rd-color-text, #1b1b1b);
    --_muted: var(--rd-color-muted, #505a5f);
    --_border: var(--rd-color-border, #6f777b);
    --_surface: var(--rd-color-surface, #ffffff);
    --_subtle: var(--rd-color-subtle, #f3f2f1);
    --_error: var(--rd-color-error, #c00000);
    --_success: var(--rd-color-success, #00703c);
    --_focus: var(--rd-color-focus, #ffbf47);
    --_space-1: var(--rd-space-1, 4px);
    --_space-2: var(--rd-space-2, 8px);
    --_space-3: var(--rd-space-3, 12px);
    --_space-4: var(--rd-space-4, 16px);
    --_space-6: var(--rd-space-6, 24px);
    --_radius: var(--rd-radius, 4px);
    --_target: 40px;
    display: block;
    /* !important: a page rule that matches the host itself (old CMS resets such as
       '* { line-height: 1; box-sizing: content-box }') beats a normal :host rule and would be
       inherited by everything inside. Integrators change sizes through the tokens. */
    box-sizing: border-box !important;
    color: var(--_text);
    font-family: inherit;
    /* !important for the same reason: article templates size every element ('.content * {
       font-size: 12px }'), which matches the host and would shrink all text inside. An !important
       :host declaration beats the page's, even the page's !important (shadow-DOM cascade). */
    font-size: var(--rd-font-size, 16px) !important;
    line-height: 1.6 !important;
    /* The other inherited typography, reset the same way: article templates of old CMSs (TRS's
       '.TRS_Editor' and the like) set these on the containers a widget is pasted into, and they
       would reach every label, badge and line inside (nowrap alone made a 360 px page 824 px wide).
       Fonts still come from the page (font-family, above); rules inside set their own values. */
    text-align: start !important;
    text-indent: 0 !important;
    text-transform: none !important;
    text-shadow: none !important;
    white-space: normal !important;
    word-break: normal !important;
    letter-spacing: normal !important;
    word-spacing: normal !important;
    font-style: normal !important;
    font-weight: 400 !important;
    font-variant: normal !important;
    overflow-wrap: anywhere;
  }
  :host([hidden]) { display: none; }
  :host([data-rd-large]) {
    font-size: var(--rd-font-size-large, 20px) !important;
    --_target: 48px;
  }
  *, *::before, *::after { box-sizing: inherit; }
  h2, h3, h4, p, ul, ol, dl, fieldset, figure { margin: 0 0 var(--_space-3); }
  h2 { font-size: 1.35em; line-height: 1.3; }
  h3 { font-size: 1.15em; line-height: 1.35; }
  h4 { font-size: 1em; }
  a { color: var(--_primary); text-underline-offset: 0.15em; }
  a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible,
  [tabindex]:focus-visible, summary:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 0;
    box-shadow: 0 0 0 5px var(--_text);
  }
  .rd-visually-hidden {
    position: absolute !important; width: 1px !important; height: 1px !important; margin: 0 !important;
    padding: 0 !important; overflow: hidden !important; clip: rect(0 0 0 0) !important;
    clip-path: inset(50%) !important; border: 0 !important; white-space: nowrap !important;
  }
  .rd-button {
    display: inline-flex; align-items: center; justify-content: center; gap: var(--_space-2);
    min-height: var(--_target); min-width: var(--_target); padding: 0.4em 1.1em;
    font: inherit; font-weight: 600; line-height: 1.25; cursor: pointer;
    color: var(--_primary-contrast); background: var(--_primary);
    border: 2px solid var(--_primary); border-radius: var(--_radius);
  }
  .rd-button[disabled], .rd-button[aria-disabled='true'] { opacity: 0.6; cursor: not-allowed; }
  .rd-button--secondary { color: var(--_primary); background: var(--_surface); }
  .rd-button--link {
    color: var(--_primary); background: none; border-color: transparent; padding-inline: 0.3em;
    text-decoration: underline; font-weight: 400;
  }
  .rd-button:hover:not([disabled]) { filter: brightness(0.92); }
  .rd-actions { display: flex; flex-wrap: wrap; gap: var(--_space-3); align-items: center; margin-block: var(--_space-4); }

  .rd-field { margin: 0 0 var(--_space-6); }
  .rd-field--error { border-inline-start: 4px solid var(--_error); padding-inline-start: var(--_space-3); }
  .rd-label, legend.rd-label { display: block; font-weight: 600; margin-bottom: var(--_space-1); padding: 0; }
  .rd-hint { display: block; color: var(--_muted); margin: 0 0 var(--_space-2); }
  .rd-error-message { display: block; color: var(--_error); font-weight: 600; margin: 0 0 var(--_space-2); }
  .rd-input, .rd-select, .rd-textarea {
    display: block; width: 100%; max-width: 100%; min-height: var(--_target);
    padding: 0.35em 0.5em; font: inherit; line-height: 1.4; color: var(--_text);
    background: var(--_surface); border: 2px solid var(--_border); border-radius: var(--_radius);
  }
  .rd-textarea { min-height: 6em; resize: vertical; }
  .rd-input[aria-invalid='true'], .rd-select[aria-invalid='true'], .rd-textarea[aria-invalid='true'] { border-color: var(--_error); }
  .rd-counter { display: block; color: var(--_muted); font-size: 0.875em; margin-top: var(--_space-1); }
  fieldset.rd-fieldset { border: 0; padding: 0; margin: 0 0 var(--_space-6); min-width: 0; }
  .rd-choices { display: flex; flex-direction: column; gap: var(--_space-2); }
  .rd-choices--inline { flex-direction: row; flex-wrap: wrap; }
  .rd-choice {
    display: flex; align-items: flex-start; gap: var(--_space-2); min-height: var(--_target);
    padding: var(--_space-1) 0; cursor: pointer;
  }
  .rd-choice input { width: 1.4em; height: 1.4em; margin: 0.15em 0 0; flex: none; accent-color: var(--_primary); }

  .rd-notice {
    padding: var(--_space-3) var(--_space-4); margin: 0 0 var(--_space-4);
    border-inline-start: 5px solid var(--_primary); background: var(--_subtle);
  }
  .rd-notice--error { border-color: var(--_error); }
  .rd-notice--success { border-color: var(--_success); }
  .rd-notice p:last-child, .rd-notice ul:last-child { margin-bottom: 0; }
  .rd-notice .rd-actions { margin-block: var(--_space-2) 0; }

  .rd-error-summary {
    padding: var(--_space-4); margin: 0 0 var(--_space-6); border: 4px solid var(--_error);
  }
  .rd-error-summary:focus { outline: 3px solid var(--_focus); }
  .rd-error-summary h2 { font-size: 1.2em; }
  .rd-error-summary ul { padding-inline-start: 1.2em; margin: 0; }
  .rd-error-summary a { color: var(--_error); font-weight: 600; }

  .rd-receipt { padding: var(--_space-4); margin: 0 0 var(--_space-6); border: 3px solid var(--_success); }
  .rd-receipt__number { font-size: 1.5em; font-weight: 700; letter-spacing: 0.03em; }
  .rd-summary-list { margin: 0; }
  .rd-summary-list dt { font-weight: 600; }
  .rd-summary-list dd { margin: 0 0 var(--_space-2); white-space: pre-wrap; }
  .rd-consent__notice { color: var(--_muted); margin-bottom: var(--_space-2); }
  .rd-honeypot { position: absolute; left: -10000px; width: 1px; height: 1px; overflow: hidden; }
  .rd-spinner {
    display: inline-block; width: 1em; height: 1em; border: 2px solid currentColor; border-right-color: transparent;
    border-radius: 50%; animation: rd-spin 0.8s linear infinite;
  }
  @keyframes rd-spin { to { transform: rotate(360deg); } }
  @media (prefers-reduced-motion: reduce) {
    *, *::before, *::after { animation-duration: 0.001ms !important; animation-iteration-count: 1 !important; transition-duration: 0.001ms !important; scroll-behavior: auto !important; }
  }
  @media (forced-colors: active) {
    .rd-button { border: 2px solid ButtonText; }
    .rd-notice, .rd-error-summary, .rd-receipt { border: 2px solid CanvasText; }
    .rd-field--error { border-inline-start-color: Mark; }
    .rd-choice input { forced-color-adjust: auto; }
  }
`;
