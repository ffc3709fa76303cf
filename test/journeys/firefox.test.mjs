// The journeys (journeys.mjs) in Firefox ESR: `node --test test/journeys/firefox.test.mjs`.
import { journeys } from './journeys.mjs';

journeys('firefox');
