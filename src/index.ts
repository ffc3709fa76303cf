// The npm package's main entry (dist/index.js): registers every element. Each widget also has its
// own entry (dist/components/<tag>.js). The CDN's all-in-one (dist/cdn/rd-widgets.js) is
// src/cdn-all.ts: the same API, each element's module imported when its tag is on the page.
export * from './events/index.js';
export { RdConfigError } from './services/config.js';
export type { RdConfig, ConfigInput } from './services/config.js';
// Any backend (docs/integrating.md): page-wide transport and loader, and their types.
export { setTransport, setLoader } from './services/transport.js';
export type { Transport, TransportRequest, TransportResponse, Loader, LoaderRequest, DataKind } from './services/transport.js';
export { RdProvider } from './components/rd-provider/rd-provider.js';
import './components/rd-deputy-card/rd-deputy-card.js';
import './components/rd-legislation-feedback/rd-legislation-feedback.js';
import './components/rd-station-map/rd-station-map.js';
import './components/rd-appointment-form/rd-appointment-form.js';
import './components/rd-satisfaction-survey/rd-satisfaction-survey.js';
import './components/rd-receipt-lookup/rd-receipt-lookup.js';
