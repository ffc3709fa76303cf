// Finds a Chromium for the tests. CHROME_PATH wins; then the usual Debian/Ubuntu/macOS places.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export function findChrome() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  for (const c of CANDIDATES) if (existsSync(c)) return c;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    try {
      const p = execFileSync('which', [name], { encoding: 'utf8' }).trim();
      if (p) return p;
    } catch { /* not on PATH */ }
  }
  return null;
}

/**
 * The Chromium the tests drive: CHROME_PATH wins; then Chromium's headless shell when installed
 * (Debian's `chromium-headless-shell`: the same Blink and V8 without the browser's UI, about a
 * third less CPU per page on the two-core CI box, which keeps `npm test` inside its time); then
 * the full Chromium. The benchmarks and screenshots keep `findChrome()`, the browser citizens run.
 */
export function findTestChrome() {
  if (process.env.CHROME_PATH) return findChrome();
  for (const c of ['/usr/bin/chromium-headless-shell', '/usr/lib/chromium/chromium-headless-shell']) if (existsSync(c)) return c;
  for (const name of ['chromium-headless-shell', 'chrome-headless-shell']) {
    try {
      const p = execFileSync('which', [name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
      if (p) return p;
    } catch { /* not on PATH */ }
  }
  return findChrome();
}

export const NO_CHROME_MESSAGE = `No Chromium found for the browser tests.
  Debian/Ubuntu:  apt-get update && apt-get install -y chromium
  or point CHROME_PATH at an installed Chrome/Chromium, e.g. CHROME_PATH=/usr/bin/google-chrome npm test`;

/** Flags that keep headless Chromium quiet on a machine with no outside network. */
export const CHROME_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];
