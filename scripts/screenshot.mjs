// Screenshots of demo pages as citizens see them, for review (not a test):
//   node scripts/screenshot.mjs http://localhost:8000/rd-deputy-card.html [--width 375] [--out /tmp/x.png]
//   [--forced-colors] [--dark] [--wait 1500] [--selector css] [--viewport-only]
import { chromium } from 'playwright-core';
import { findChrome, CHROME_ARGS, NO_CHROME_MESSAGE } from './chrome.mjs';

const args = process.argv.slice(2);
const url = args.find((a) => /^https?:/.test(a));
const opt = (name, dflt) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : dflt; };
if (!url) { console.error('usage: node scripts/screenshot.mjs <url> [--width 375] [--out file.png] [--forced-colors] [--wait ms]'); process.exit(2); }
const executablePath = findChrome();
if (!executablePath) { console.error(NO_CHROME_MESSAGE); process.exit(1); }
const width = Number(opt('width', '375'));
const out = opt('out', `/tmp/shot-${width}.png`);
const browser = await chromium.launch({ executablePath, args: CHROME_ARGS, headless: true });
const context = await browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: 1, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
const page = await context.newPage();
page.on('pageerror', (e) => console.error('page error:', e.message));
if (args.includes('--forced-colors')) await page.emulateMedia({ forcedColors: 'active' });
if (args.includes('--dark')) await page.emulateMedia({ colorScheme: 'dark' });
await page.goto(url, { waitUntil: 'load' });
await page.waitForTimeout(Number(opt('wait', '1200')));
const selector = opt('selector');
if (selector) await page.locator(selector).first().screenshot({ path: out });
else await page.screenshot({ path: out, fullPage: !args.includes('--viewport-only') });
console.log(out);
await browser.close();
