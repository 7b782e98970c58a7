import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../src-main/contract/wire.ts';
import { httpTransport } from '../../src-renderer/src/api/transport.ts';
import { expectAccessible } from './support/axe.ts';
import { HAVE_CHROMIUM, launch, openPage, SCREENSHOTS } from './support/browser.ts';
import { OverviewPage } from './support/pages.ts';
import { ROOT, startServer, type RunningServer } from './support/server.ts';

const STEP = 180_000;
const OUT = join(ROOT, 'test-results/print');
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** pdftotext and pdftoppm come with Debian's poppler-utils (.ci/run installs it). */
for (const tool of HAVE_CHROMIUM ? ['pdftotext', 'pdftoppm'] : []) {
  try {
    execFileSync(tool, ['-v'], { stdio: 'ignore' });
  } catch {
    throw new Error(`${tool} not found: the print tests need poppler-utils (apt-get install poppler-utils).`);
  }
}

/** The pages of a PDF as text, one string a page (pdftotext). */
function pdfPages(pdf: string): string[] {
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  return text.split('\f').filter((p, i, all) => i < all.length - 1 || p.trim() !== '');
}

/** The page boxes a PDF declares, in points. */
function pageBoxes(pdf: string): number[][] {
  const raw = readFileSync(pdf, 'latin1');
  return [...raw.matchAll(/\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => m.slice(1, 5).map(Number));
}

/** Every page of the PDF as a PNG beside the screenshots, for a person to look at. */
function pagesAsPng(pdf: string, name: string): string[] {
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const f of readdirSync(SCREENSHOTS)) if (f.startsWith(`${name}-`)) rmSync(join(SCREENSHOTS, f));
  execFileSync('pdftoppm', ['-r', '70', '-png', pdf, join(SCREENSHOTS, name)]);
  return readdirSync(SCREENSHOTS).filter((f) => f.startsWith(`${name}-`)).sort();
}

/**
 * Issue 19, item 6: Ringkasan and Kepatuhan print on A4 landscape without the menu and the buttons,
 * no chart split across pages, tables repeating their header row; each chart saved as a PNG. Checked
 * on the PDFs Chromium prints (page.pdf), read back with pdftotext and pdftoppm.
 */
describe.skipIf(!HAVE_CHROMIUM)('printing and chart images', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    server = await startServer();
    browser = await launch();
    ({ page, errors } = await openPage(browser, server.url));
    await new OverviewPage(page).loadSamples();
    // The print dialog is the browser's; here it is counted instead of opened.
    await page.evaluate(() => {
      const w = window as unknown as { prints: number };
      w.prints = 0;
      window.print = () => void w.prints++;
    });
  }, STEP);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  }, STEP);

  async function printed(name: string): Promise<string> {
    const before = await page.evaluate(() => (window as unknown as { prints: number }).prints);
    await page.getByRole('button', { name: 'Cetak', exact: true }).click();
    await page.waitForFunction((n) => (window as unknown as { prints: number }).prints > n, before, { timeout: 60_000 });
    await page.emulateMedia({ media: 'print' });
    const pdf = join(OUT, `${name}.pdf`);
    writeFileSync(pdf, await page.pdf({ format: 'A4', landscape: true, printBackground: true }));
    // The stylesheet's own page size (@page) is A4 landscape too.
    writeFileSync(join(OUT, `${name}-css.pdf`), await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    return pdf;
  }

  async function hiddenOnPaper(): Promise<Record<string, boolean>> {
    return page.evaluate(() => {
      const gone = (sel: string) => [...document.querySelectorAll(sel)].every((el) => getComputedStyle(el).display === 'none' || !(el as HTMLElement).offsetParent);
      return {
        sidebar: gone('nav.sidebar'),
        buttons: gone('.btn'),
        stampShown: [...document.querySelectorAll('.print-stamp')].some((el) => getComputedStyle(el).display !== 'none'),
        // A chart's box is no larger than its drawing (recharts' inline 100 % stretched it around a small centred chart).
        chartsAsDrawn: [...document.querySelectorAll<SVGSVGElement>('.chart svg.recharts-surface')]
          .every((svg) => svg.getBoundingClientRect().width <= Number(svg.getAttribute('width')) + 1),
      };
    });
  }

  function expectA4Landscape(pdf: string): void {
    for (const file of [pdf, pdf.replace(/\.pdf$/, '-css.pdf')]) {
      const boxes = pageBoxes(file);
      expect(boxes.length, file).toBeGreaterThan(0);
      for (const [, , w, h] of boxes) {
        expect(Math.abs(w! - 842)).toBeLessThan(2);
        expect(Math.abs(h! - 595)).toBeLessThan(2);
      }
    }
  }

  it('issue 19: Ringkasan prints on A4 landscape without the menu and buttons, each chart whole on one page', async () => {
    const pdf = await printed('ringkasan');
    expect(await hiddenOnPaper()).toEqual({ sidebar: true, buttons: true, stampShown: true, chartsAsDrawn: true });
    await page.emulateMedia({ media: 'screen' });
    expectA4Landscape(pdf);
    const pages = pdfPages(pdf);
    const all = pages.join('\n');
    expect(all).not.toMatch(/Menu utama|Perbandingan\s+Aturan|Simpan gambar|Cetak\b|Tampilkan sebagai tabel/);
    // A chart is whole when its title and its last axis label are on the same page.
    const chartEnds: [string, RegExp][] = [
      ['Kepatuhan per unit kerja', /Target 95,0\s*%/],
      ['Tren kepatuhan per minggu', /Mg \d+\s*$/m],
      ['Temuan per aturan', /DIS-01/],
    ];
    for (const [title, end] of chartEnds) {
      const at = pages.findIndex((p) => p.includes(title));
      expect(at, title).toBeGreaterThanOrEqual(0);
      expect(pages[at], title).toMatch(end);
    }
    expect(pagesAsPng(pdf, 'print-ringkasan').length).toBe(pages.length);
  }, STEP);

  async function savedPng(title: string, name: string): Promise<{ width: number; height: number; bytes: number; file: string }> {
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByRole('button', { name: `Simpan gambar (PNG): ${title}`, exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^pantau-${name}-\\d{4}-\\d{2}-\\d{2}\\.png$`));
    const file = join(SCREENSHOTS, `png-${name}.png`);
    mkdirSync(SCREENSHOTS, { recursive: true });
    copyFileSync((await download.path())!, file);
    const png = readFileSync(file);
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
    return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), bytes: png.length, file };
  }

  it('issue 19: each chart of Ringkasan and Kepatuhan saves as a PNG with its title, on white', async () => {
    await page.evaluate(() => (window.location.hash = '/ringkasan'));
    await new OverviewPage(page).unitsChart.locator('svg.recharts-surface').first().waitFor({ timeout: 60_000 });
    const saved = [
      await savedPng('Kepatuhan per unit kerja', 'kepatuhan-per-unit-kerja'),
      await savedPng('Tren kepatuhan per minggu', 'tren-kepatuhan-per-minggu'),
      await savedPng('Temuan per aturan', 'temuan-per-aturan'),
    ];
    await page.evaluate(() => (window.location.hash = '/kepatuhan'));
    await page.getByRole('region', { name: 'Peta panas unit × minggu' }).locator('.heat-cell').first().waitFor({ timeout: 60_000 });
    saved.push(await savedPng('Peta panas unit × minggu', 'peta-panas-unit-minggu'));
    saved.push(await savedPng('Kepatuhan per unit kerja', 'kepatuhan-per-unit-kerja'));
    for (const s of saved) {
      // Twice the chart's pixels with a margin and the title: wider than 600, under 8 MB.
      expect(s.width, s.file).toBeGreaterThan(600);
      expect(s.height, s.file).toBeGreaterThan(200);
      expect(s.bytes, s.file).toBeGreaterThan(8_000);
      expect(s.bytes, s.file).toBeLessThan(8_000_000);
    }
    await expectAccessible(page, 'kepatuhan-print-png');
    await page.evaluate(() => (window.location.hash = '/ringkasan'));
    await page.getByRole('button', { name: 'Cetak', exact: true }).waitFor();
    await expectAccessible(page, 'ringkasan-print-png');
  }, STEP);
  it('issue 19: Kepatuhan prints its findings as a table whose header row repeats on every page', async () => {
    // The samples hold 12 findings; 60 hours a week makes a finding of nearly every employee-week, pages of them.
    const api = createClient(httpTransport(server.token, server.origin));
    await api.setProfile({ set: { weeklyHours: '60' } });
    await api.runChecks({});
    await page.evaluate(() => (window.location.hash = '/kepatuhan'));
    await page.waitForFunction(() => Number(document.querySelector('[role="grid"][aria-label^="Temuan, "]')?.getAttribute('aria-rowcount')) > 500
      && document.querySelector('[role="grid"][aria-label^="Temuan, "] .vt-row:not(.placeholder)') !== null, undefined, { timeout: 60_000 });
    const pdf = await printed('kepatuhan');
    expect(await hiddenOnPaper()).toEqual({ sidebar: true, buttons: true, stampShown: true, chartsAsDrawn: true });
    const rows = await page.locator('.print-table tbody tr').count();
    await page.emulateMedia({ media: 'screen' });
    expectA4Landscape(pdf);
    const total = Number((await page.getByRole('grid', { name: /^Temuan, / }).getAttribute('aria-rowcount'))) - 1;
    expect(total).toBeGreaterThan(500);
    expect(rows).toBe(500);
    const pages = pdfPages(pdf);
    const tablePages = pages.filter((p) => /\bDIS-01\b|\bJAM-01\b|\bLOK-01\b/.test(p) && /\d{18}/.test(p));
    expect(tablePages.length).toBeGreaterThan(5);
    expect(pages.at(-1)).toContain(`Dicetak 500 baris pertama dari ${total.toLocaleString('id-ID')}; daftar lengkap ada di ekspor Excel.`);
    for (const p of tablePages) expect(p).toMatch(/Status\s+Aturan\s+NIP\s+Nama\s+Unit kerja\s+Periode\s+Uraian/);
    const heat = pages.findIndex((p) => p.includes('Peta panas unit × minggu'));
    expect(pages[heat]).toMatch(/≥ 95,0 %|85–95 %/);
    expect(pagesAsPng(pdf, 'print-kepatuhan').length).toBe(pages.length);
    expect(errors).toEqual([]);
  }, STEP);

});
