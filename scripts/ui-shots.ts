// Development aid: serves a workspace and saves screenshots of every screen at 1366×768.
// node --import tsx scripts/ui-shots.ts [--db FILE] [--samples] [--out DIR] [hash ...]
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../test/e2e/support/server.ts';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : undefined;
};
const db = flag('--db');
const out = flag('--out') ?? 'test-results/dev-shots';
const samples = args.includes('--samples') ? (args.splice(args.indexOf('--samples'), 1), true) : false;
const full = args.includes('--full');
const hashes = args.filter((a) => a !== '--full');
if (hashes.length === 0) hashes.push('ringkasan');
mkdirSync(out, { recursive: true });
const server = await startServer(db);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'id-ID' });
  const page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && console.error('console:', m.text()));
  page.on('response', (r) => r.status() >= 400 && console.error('http', r.status(), r.url()));
  page.on('pageerror', (e) => console.error('pageerror:', e.message));
  await page.goto(server.url);
  if (samples) {
    await page.getByRole('button', { name: 'Muat data contoh' }).click();
    await page.getByRole('heading', { name: 'Kepatuhan per unit kerja' }).waitFor({ timeout: 120_000 });
  }
  for (const hash of hashes) {
    const [route, wait] = hash.split('@');
    await page.evaluate((h) => (window.location.hash = `/${h}`), route!);
    await page.waitForTimeout(Number(wait ?? 1500));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (overflow > 0) {
      const wide = await page.evaluate(() => [...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
        .slice(0, 5).map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`));
      console.error(`${route}: ${overflow}px wider than the window`, wide);
    }
    const file = join(out, `${route!.replace(/[^a-z0-9]+/gi, '_')}.png`);
    await page.screenshot({ path: file, fullPage: full });
    console.log(file);
  }
} finally {
  await browser.close();
  await server.stop();
}
