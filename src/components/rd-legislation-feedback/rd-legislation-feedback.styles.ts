// Styles of <rd-legislation-feedback>: a readable legal text (measure, 条 labels, 项 lists),
// contents beside the text on wide containers and folded above it on phones, and cheap rendering
// of long drafts (content-visibility on articles). The comment form's own styles come with the
// form half (legislation-form.styles.ts; README "Figures").
import { css } from 'lit';

export const lfStyles = css`
  :host {
    container-type: inline-size;
    --_measure: var(--rd-legislation-feedback-text-max, 42em);
    --_toc-width: var(--rd-legislation-feedback-toc-width, 16em);
    --_sticky-top: var(--rd-legislation-feedback-sticky-top, 0px);
  }
  /* <details> content sits in a UA shadow slot, so box-sizing: inherit would read content-box */
  details *, details *::before, details *::after { box-sizing: border-box; }
  .lf-header { margin-bottom: var(--_space-4); }
  .lf-header h2 { margin-bottom: var(--_space-2); }
  .lf-header h2:focus { outline: none; }
  .lf-kicker { color: var(--_muted); margin-bottom: var(--_space-1); }
  .lf-stage {
    display: inline-block; padding: 0 0.5em; margin-inline-end: 0.4em; border: 1px solid var(--_primary);
    border-radius: var(--_radius); color: var(--_primary); font-weight: 600;
  }
  .lf-window, .lf-host { color: var(--_muted); margin-bottom: var(--_space-2); }

  .lf-layout { display: block; }
  .lf-main { min-width: 0; }
  @container (min-width: 900px) {
    .lf-layout { display: grid; grid-template-columns: var(--_toc-width) minmax(0, 1fr); gap: var(--_space-6); align-items: start; }
    .lf-toc { position: sticky; top: var(--_sticky-top); max-height: calc(100vh - var(--_sticky-top)); overflow: auto; }
  }

  .lf-toc { margin-bottom: var(--_space-4); border: 1px solid var(--_border); border-radius: var(--_radius); background: var(--_surface); }
  .lf-toc > summary, .lf-note > summary {
    min-height: var(--_target); display: flex; align-items: center; padding: var(--_space-2) var(--_space-3);
    cursor: pointer; font-weight: 600; color: var(--_primary);
  }
  .lf-toc > :not(summary) { margin-inline: var(--_space-3); }
  .lf-toc__title { font-size: 1em; margin-block: var(--_space-2); }
  .lf-toc__list, .lf-toc__list ol { list-style: none; padding: 0; margin: 0 0 var(--_space-3); }
  .lf-toc__list ol { padding-inline-start: 1em; margin: 0; }
  .lf-toc__list a { display: block; min-height: 32px; padding: 0.2em 0; text-decoration: none; }
  .lf-toc__list a:hover { text-decoration: underline; }
  .lf-jump .rd-field, .lf-search .rd-field { margin-bottom: var(--_space-2); }
  .lf-jump { margin-bottom: var(--_space-4); }
  .lf-search__count { min-height: 1.6em; margin-bottom: var(--_space-1); color: var(--_muted); }
  .lf-search__hits { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: var(--_space-1) var(--_space-3); }
  .lf-search__hits a { display: inline-block; min-height: 32px; padding: 0.2em 0; }

  .lf-adoption { margin-bottom: var(--_space-6); padding: var(--_space-4); border: 2px solid var(--_border); }
  .lf-adoption__summary, .lf-adoption__why { white-space: pre-wrap; overflow-wrap: anywhere; max-width: var(--_measure); }
  .lf-adoption__list { padding-inline-start: 0; list-style: none; }
  .lf-adoption__list > li { padding-block: var(--_space-2); border-block-end: 1px solid var(--_border); }
  .lf-adoption__badge { color: var(--_muted); font-size: 0.9em; margin: 0; }
  .lf-note { margin-bottom: var(--_space-3); border-inline-start: 4px solid var(--_primary); background: var(--_subtle); }
  .lf-note > :not(summary) { margin-inline: var(--_space-4); }
  .lf-note > :last-child:not(summary) { padding-bottom: var(--_space-3); }
  .lf-note p { max-width: var(--_measure); }
  .lf-issues summary { cursor: pointer; font-weight: 600; }

  .lf-text { margin-top: var(--_space-4); }
  .lf-text > h3 { display: flex; flex-wrap: wrap; gap: 0 var(--_space-3); align-items: baseline; }
  .lf-count { font-size: 0.8em; font-weight: 400; color: var(--_muted); }
  .lf-preamble p, .lf-article p { max-width: var(--_measure); }
  .lf-part__title { text-align: center; margin-block: var(--_space-6) var(--_space-4); font-size: 1.25em; letter-spacing: 0.1em; }
  .lf-division__title { text-align: center; margin-block: var(--_space-6) var(--_space-3); font-size: 1.125em; letter-spacing: 0.05em; }
  .lf-part__title:focus, .lf-division__title:focus { outline: none; }
  .lf-toc__context { display: block; font-size: 0.875em; color: var(--_muted); }
  .lf-chapter__title { text-align: center; margin-block: var(--_space-6) var(--_space-3); letter-spacing: 0.05em; }
  .lf-section__title { text-align: center; margin-block: var(--_space-4) var(--_space-3); }
  .lf-chapter__title:focus, .lf-section__title:focus, .lf-text > h3:focus, .lf-preamble:focus, h3[tabindex]:focus { outline: none; }

  /* Articles of a long text not drawn yet: as tall as they will be, roughly. */
  .lf-pending { block-size: calc(var(--lf-pending, 1) * 9em); }
  .lf-article {
    content-visibility: auto;
    contain-intrinsic-size: auto 16em;
    padding: var(--_space-2) var(--_space-3);
    border-inline-start: 4px solid transparent;
    scroll-margin-top: var(--_sticky-top);
  }
  .lf-article:focus {
    /* A transparent outline: invisible normally, painted by forced colours (which flatten the border and background). */
    outline: 3px solid transparent; outline-offset: -3px;
    border-inline-start-color: var(--_focus); background: var(--_subtle);
  }
  @media (forced-colors: active) { .lf-article:focus { outline-color: Highlight; } }
  .lf-article:target { border-inline-start-color: var(--_focus); }
  .lf-article--hit { border-inline-start-color: var(--_primary); }
  .lf-article__p { margin-bottom: var(--_space-2); text-indent: 2em; }
  .lf-article__label { font-weight: 700; margin-inline-end: 0.6em; }
  .lf-article__caption { font-weight: 600; margin-inline-end: 0.3em; }
  .lf-items, .lf-subitems { list-style: none; margin: 0 0 var(--_space-2); padding-inline-start: 2em; max-width: var(--_measure); }
  .lf-subitems { padding-inline-start: 1.5em; margin: 0; }
  .lf-items__n { margin-inline-end: 0.1em; }
  mark { background: #fff2a8; color: inherit; padding: 0 0.05em; }

  .lf-comments { margin-block: var(--_space-2) var(--_space-3); }
  .lf-add { font-weight: 600; }
  .lf-question-link { color: var(--_muted); font-size: 0.95em; }

  @container (min-width: 900px) {
    .lf-article { contain-intrinsic-size: auto 9em; }
  }
  @media print {
    .lf-toc, .lf-comments { display: none; }
    .lf-article { content-visibility: visible; }
  }
`;
