// The screens under load, in headless Chromium against `pantau serve` (docs/benchmarks.md, Screens):
// time from navigation to the rendered overview chart, and a scroll of the findings table from top
// to bottom. node --import tsx scripts/bench-ui.ts --db WORKSPACE [--findings N]
// WORKSPACE is copied first (the original is not changed); the copy is checked once (not timed) so
// its run is stored with the screens' tables; --findings tops the run up with synthetic findings.
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { openDatabase } from '../src-main/core/db/database.ts';
import { createCore } from '../src-main/core/index.ts';
import { startServer } from '../test/e2e/support/server.ts';

const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const source = resolve(arg('--db') ?? 'bench-data/check-presensi-big-10000000.csv.duckdb');
const wanted = Number(arg('--findings') ?? 0);
const dir = resolve('bench-data');
const copy = join(dir, 'ui-bench.duckdb');
if (!existsSync(source)) throw new Error(`${source} not found: run npm run bench (it builds the 10M-row workspace) or pass --db`);
rmSync(copy, { force: true });
rmSync(`${copy}.wal`, { force: true });
copyFileSync(source, copy);

const core = await createCore({ dbPath: copy, tmpDir: dir });
const started = performance.now();
const run = await core.runChecks({});
const checkSeconds = (performance.now() - started) / 1000;
core.close();
let synthetic = 0;
if (wanted > run.findingsTotal) {
  // Copies of real findings with a numbered NIP: enough rows to scroll, about as wide as real ones.
  const db = await openDatabase(copy, { memoryLimit: '2GB' });
  synthetic = wanted - run.findingsTotal;
  // The copies differ by NIP: a period must stay one a sentence can be written for (an invalid one fails its page).
  await db.run(`INSERT INTO findings BY NAME SELECT f.* REPLACE (f.nip || '-' || g.i AS nip, 'open' AS status)
    FROM (SELECT * FROM findings WHERE run_id = $run LIMIT 1000) f, range(CAST(ceil($n / 1000) AS BIGINT)) g(i)
    LIMIT $n`, { run: run.run, n: synthetic });
  db.close();
}

const server = await startServer(copy);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
  // The moment the first bar of the per-unit chart enters the page, on the page's own clock (from navigation).
  await page.addInitScript(() => {
    const seen = new MutationObserver(() => {
      if (document.querySelector('#units .recharts-bar-rectangle')) {
        (window as unknown as { chartAt: number }).chartAt = performance.now();
        seen.disconnect();
      }
    });
    seen.observe(document, { childList: true, subtree: true });
  });
  await page.goto(server.url);
  await page.locator('#units .recharts-bar-rectangle').first().waitFor({ timeout: 120_000 });
  const overviewMs = await page.evaluate(() => (window as unknown as { chartAt: number }).chartAt);

  await page.evaluate(() => (window.location.hash = '/kepatuhan'));
  const grid = page.getByRole('grid', { name: /^Temuan, / });
  await grid.locator('.vt-row:not(.placeholder)').first().waitFor({ timeout: 120_000 });
  const total = Number((await grid.getAttribute('aria-rowcount')) ?? 1) - 1;
  // Scrolls at a steady pace, one step per frame, then waits for the last rows' data.
  const scroll = await page.evaluate(async (steps) => {
    const body = document.querySelector<HTMLElement>('.vt-body')!;
    const frames: number[] = [];
    const start = performance.now();
    let last = start;
    for (let i = 1; i <= steps; i++) {
      body.scrollTop = ((body.scrollHeight - body.clientHeight) * i) / steps;
      await new Promise(requestAnimationFrame);
      const now = performance.now();
      frames.push(now - last);
      last = now;
    }
    const scrolled = performance.now() - start;
    // A page that fails shows its error instead of rows; a minute without them ends the measurement.
    while (body.querySelector('.vt-row.placeholder') && performance.now() - start < 60_000) await new Promise(requestAnimationFrame);
    if (body.querySelector('.vt-row.placeholder, .vt-failed')) throw new Error('the last rows did not load');
    frames.sort((a, b) => a - b);
    return {
      scrolledMs: scrolled, settledMs: performance.now() - start, frames: frames.length,
      p95: frames[Math.floor(frames.length * 0.95)]!, max: frames[frames.length - 1]!, over33: frames.filter((f) => f > 33.4).length,
    };
  }, 600);
  console.log(`UI over ${source.split('/').pop()} (check run ${checkSeconds.toFixed(1)} s, not timed; ${total.toLocaleString('en-US')} findings${synthetic ? `, ${synthetic.toLocaleString('en-US')} of them synthetic copies` : ''}):`);
  console.log('| measurement | result |\n|---|---|');
  console.log(`| navigation → rendered overview chart | ${(overviewMs / 1000).toFixed(2)} s |`);
  console.log(`| findings table, top → bottom in ${scroll.frames} scroll steps (one per frame) | ${(scroll.scrolledMs / 1000).toFixed(2)} s, last rows shown after ${(scroll.settledMs / 1000).toFixed(2)} s |`);
  console.log(`| frame time while scrolling | p95 ${scroll.p95.toFixed(1)} ms, max ${scroll.max.toFixed(1)} ms, ${scroll.over33} of ${scroll.frames} frames over 33 ms |`);
} finally {
  await browser.close();
  await server.stop();
  rmSync(copy, { force: true });
  rmSync(`${copy}.wal`, { force: true });
}
