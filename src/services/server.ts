// What the reference receiver (Node) takes from the browser code, bundled by the build into
// dist/server/schemas.mjs: the zod schemas, and the survey tally, so results are counted by the
// very code the widget's results view is tested against.
export * from './schemas/index.js';
export { tallyResponses } from './survey-results.js';
