// What the `rd-widgets` command (bin/rd-widgets.mjs, cli/*.mjs) takes from the widgets' own code,
// bundled by the build into dist/cli/core.mjs for Node: the legal-text parser and its messages,
// the zod schemas of every data file (the same ones the widgets and rd-receiver validate with),
// the station and deputy vocabularies, coordinate conversion. Node-only: no browser bundle
// imports this file (docs/architecture.md#the-rest-of-the-repository).
export { parseLegalText, hasErrors, listArticles, type LegalTextIssue } from '../src/services/legal-text.js';
export { parseChineseNumeral, toChineseNumeral } from '../src/services/chinese-numeral.js';
export { dataSchemas } from '../src/services/schemas/index.js';
export { LEVELS, STAGES } from '../src/services/schemas/legislation.js';
export { DEFAULT_STATION_TYPES, STATION_TIERS, DEFAULT_TIER_LABELS } from '../src/services/schemas/station.js';
export { DEPUTY_LEVELS, DEPUTY_STATUSES } from '../src/services/schemas/deputy.js';
export { convert } from '../src/services/geo.js';
export { format } from '../src/services/i18n/index.js';
import { zhText } from '../src/components/rd-legislation-feedback/legislation-text.messages.js';
import { enText } from '../src/components/rd-legislation-feedback/rd-legislation-feedback.messages.en.js';

const only = (c: Readonly<Record<string, string>>) =>
  Object.fromEntries(Object.entries(c).filter(([k]) => k.startsWith('legalText.')));
/** The parser's messages (`legalText.<code>`), as the widget's `check-text` report shows them. */
export const legalTextMessages: Readonly<Record<'zh-CN' | 'en', Readonly<Record<string, string>>>> = { 'zh-CN': only(zhText), en: only(enText) };
