// Each line marked `wrong` must fail type-checking (test/e2e/types.test.mjs).
import 'rd-widgets/react';
import type { ReactElement } from 'react';

export const wrong = (): ReactElement[] => [
  <rd-appointment-form heading-level="three" />, // wrong: heading-level is a number
  <rd-deputy-card view="poster" />, // wrong: view is compact | full | qr
  <rd-station-map onrd-station-select={(e) => e.detail.deputyId} />, // wrong: no deputyId in this event's detail
  <rd-provider timeout="5000" />, // wrong: timeout is a number (milliseconds)
];
