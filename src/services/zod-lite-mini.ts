// What `zod/mini` resolves to in the browser builds and browser tests: the same `z` namespace the
// schemas import, backed by ./zod-lite.ts (see there for why, and for how parity is proven).
export * as z from './zod-lite.js';
