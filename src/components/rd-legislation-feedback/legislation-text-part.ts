// What a plain-text draft needs of <rd-legislation-feedback>: the legal-text parser
// (services/legal-text.ts) and, for `check-text`, its report with the report's strings. One chunk,
// imported only for a plain-text draft (README "Figures"); a structured draft never loads it.
import { html, nothing, type TemplateResult } from 'lit';
import type { RdHost } from '../../controllers/host.js';
import type { PreparedDraft } from '../../services/legislation-reader.js';
import { catalogues } from '../../services/i18n/index.js';
import { zhText } from './legislation-text.messages.js';

export { parseLegalText } from '../../services/legal-text.js';

/** The report's strings: zh-CN here, English with the element's English; the element adds them (RdElement.useCatalogues). */
export const lfTextCatalogues = catalogues(zhText, () => import('./rd-legislation-feedback.messages.en.js').then((m) => ({ en: m.enText })));

/** The legal-text parser's report on a plain-text draft (`check-text`, for webmasters). */
export function renderIssues(el: RdHost, p: PreparedDraft): TemplateResult | typeof nothing {
  if (!p.issues.length) return nothing;
  const t = el.t;
  return html`<details class="rd-notice lf-issues">
    <summary>${t('lf.textIssues', { count: p.issues.length })}</summary>
    <ul>
      ${p.issues.map((i) => {
        const message = t(i.messageKey, i.params);
        return html`<li data-code=${i.code}>${i.line ? t('lf.textIssueLine', { line: i.line, message }) : t('lf.textIssueWhole', { message })}</li>`;
      })}
    </ul>
  </details>`;
}
