import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplesWorkspace, suiteDir } from '../helpers/workspace.ts';
import { HAVE_CHROMIUM, launch, openPage, shot } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';

const STEP = 180_000;
const LONG_WAIT = { timeout: 150_000 };

/**
 * Issue 19: the export panel describes the workbook's sheets in plain words, counts only what a table
 * lists (never "Ringkasan 0 baris"), and offers a pseudonymised workbook under its own name
 * (…-disamarkan.xlsx), so that it never takes the named one's place. In both languages, through the
 * real `pantau serve` on the samples workspace in Chromium.
 */
describe.skipIf(!HAVE_CHROMIUM)('the export panel, in Bahasa Indonesia and in English', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    server = await startServer(await samplesWorkspace(suiteDir()));
    browser = await launch();
    ({ page, errors } = await openPage(browser, server.url));
    await page.evaluate(() => (window.location.hash = '/ekspor'));
  }, STEP);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  }, STEP);

  const fileName = () => page.locator('#export-name');
  /** Each row of the written workbook's sheet list: [name, what it holds, count]. */
  const sheetRows = async (result: Locator) => (await result.getByRole('row').all())
    .map(async (r) => (await r.locator('th, td').allTextContents()).map((t) => t.trim()));

  it('Indonesian: the contents in plain words, the file name marks a pseudonymised workbook, and only tables are counted', async () => {
    await page.getByRole('heading', { level: 1, name: 'Ekspor' }).waitFor(LONG_WAIT);
    const contents = page.getByRole('region', { name: 'Isi workbook' });
    await expect(contents.getByRole('listitem').allTextContents()).resolves.toEqual([
      expect.stringMatching(/^Ringkasan: Kop laporan, angka utama/), expect.stringMatching(/^Kepatuhan per unit: /), expect.stringMatching(/^Temuan: Setiap temuan/),
      expect.stringMatching(/^Perbandingan: /), expect.stringMatching(/^Survei: /), expect.stringMatching(/^Kualitas data: /),
      expect.stringMatching(/^Metode: /), expect.stringMatching(/^Manifest: Asal data/),
    ]);
    await expect(fileName().inputValue()).resolves.toMatch(/^Pantau-semua-\d{4}-\d{2}-\d{2}\.xlsx$/);
    await page.getByRole('checkbox', { name: 'Samarkan NIP dan nama dengan kunci' }).check();
    await expect(fileName().inputValue()).resolves.toMatch(/^Pantau-semua-\d{4}-\d{2}-\d{2}-disamarkan\.xlsx$/);
    await page.getByRole('checkbox', { name: 'Samarkan NIP dan nama dengan kunci' }).uncheck();

    const downloaded = page.waitForEvent('download', LONG_WAIT);
    await page.getByRole('button', { name: 'Ekspor workbook' }).click();
    await downloaded;
    const result = page.getByRole('region', { name: /^Workbook selesai: / });
    await result.waitFor(LONG_WAIT);
    const rows = await Promise.all(await sheetRows(result));
    expect(rows.map((r) => r[0])).toEqual(['Ringkasan', 'Kepatuhan per unit', 'Temuan', 'Perbandingan', 'Survei', 'Kualitas data', 'Metode', 'Manifest']);
    // The summary is a page, not a table: described, not counted.
    expect(rows[0]![1]).toMatch(/^Kop laporan/);
    expect(rows[0]![2]).toBe('');
    expect(rows.slice(1).map((r) => r[2])).toEqual([expect.stringMatching(/^\d+ unit kerja$/), expect.stringMatching(/^[\d.]+ temuan$/),
      expect.stringMatching(/^\d+ baris kinerja$/), expect.stringMatching(/^\d+ baris survei$/), expect.stringMatching(/^[\d.]+ catatan$/),
      '7 aturan', expect.stringMatching(/^\d+ berkas sumber$/)]);
    expect(rows.flat().filter((t) => /\b0 baris\b/.test(t))).toEqual([]);
    await shot(page, 'export-panel-id');
  }, STEP);

  it('English: the same panel in English, a unit report listing its own sheets', async () => {
    await page.getByRole('button', { name: 'Ganti bahasa ke English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Export' }).waitFor();
    // A fresh page (the language is kept): the contents show until a workbook is written.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Export' }).waitFor(LONG_WAIT);
    const contents = page.getByRole('region', { name: 'What the workbook holds' });
    await expect(contents.getByRole('listitem').first().textContent()).resolves.toMatch(/^Summary: The letterhead, headline figures/);
    await page.getByRole('checkbox', { name: 'Replace NIPs and names by codes from a key' }).check();
    await expect(fileName().inputValue()).resolves.toMatch(/-disamarkan\.xlsx$/);
    await page.getByRole('checkbox', { name: 'Replace NIPs and names by codes from a key' }).uncheck();
    await page.getByRole('radio', { name: 'One unit report' }).check();
    await expect(contents.getByRole('listitem').allTextContents()).resolves.toEqual([
      expect.stringMatching(/^Summary: /), expect.stringMatching(/^Compliance per week: This unit's compliance week by week$/),
      expect.stringMatching(/^Findings: /), expect.stringMatching(/^Comparison: /), expect.stringMatching(/^Survey: /),
      expect.stringMatching(/^Method: /), expect.stringMatching(/^Manifest: /),
    ]);
    await page.getByRole('radio', { name: 'Full workbook' }).check();

    const downloaded = page.waitForEvent('download', LONG_WAIT);
    await page.getByRole('button', { name: 'Export the workbook' }).click();
    await downloaded;
    const result = page.getByRole('region', { name: /^Workbook written: / });
    await result.getByRole('cell', { name: /findings$/ }).waitFor(LONG_WAIT);
    const rows = await Promise.all(await sheetRows(result));
    expect(rows.map((r) => r[0])).toEqual(['Summary', 'Compliance per unit', 'Findings', 'Comparison', 'Survey', 'Data quality', 'Method', 'Manifest']);
    expect(rows[0]![2]).toBe('');
    expect(rows.find((r) => r[0] === 'Method')![2]).toBe('7 rules');
    expect(rows.find((r) => r[0] === 'Findings')![2]).toMatch(/^[\d,]+ findings$/);
    expect(rows.flat().filter((t) => /\b(baris|temuan|aturan)\b/.test(t))).toEqual([]);
    await shot(page, 'export-panel-en');
  }, STEP);

  it('the page raised no script errors', () => {
    expect(errors).toEqual([]);
  });
});
