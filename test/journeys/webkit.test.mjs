// The journeys (journeys.mjs) in WebKit (WebKitGTK under xvfb-run): `node --test test/journeys/webkit.test.mjs`.
import { journeys } from './journeys.mjs';

journeys('webkit');
