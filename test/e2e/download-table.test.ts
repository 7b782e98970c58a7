import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreApi, FindingsRequest } from '../../src-main/contract/index.ts';
import { createClient } from '../../src-main/contract/wire.ts';
import { httpTransport } from '../../src-renderer/src/api/transport.ts';
import { HAVE_CHROMIUM, launch, openPage, shot } from './support/browser.ts';
import { CompliancePage, OverviewPage } from './support/pages.ts';
import { startServer, type RunningServer } from './support/server.ts';

const STEP = 180_000;
const LONG = { timeout: 120_000 };

type Cell = string | number | null;

/** The first sheet of a workbook as rows of values. */
async function sheetRows(path: string): Promise<Cell[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.worksheets[0]!;
  const rows: Cell[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row: Cell[] = [];
    for (let c = 1; c <= ws.columnCount; c++) row.push((ws.getRow(r).getCell(c).value ?? null) as Cell);
    rows.push(row);
  }
  return rows;
}

/** The rows below a table's header (the row whose first cell is `first`), and the heading above it. */
function split(rows: Cell[][], first: string): { heading: string[]; header: Cell[]; data: Cell[][] } {
  const i = rows.findIndex((r) => r[0] === first);
  expect(i).toBeGreaterThan(0);
  return { heading: rows.slice(0, i).map((r) => String(r[0] ?? '')), header: rows[i]!, data: rows.slice(i + 1) };
}

/** Every NIP of the findings a request gives, every page of them. */
async function findingNips(api: CoreApi, req: FindingsRequest): Promise<string[]> {
  const nips: string[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await api.findings({ ...req, offset, limit: 1000 });
    nips.push(...tableFromIPC(page.rows).toArray().map((r) => String(r.nip)));
    if (nips.length >= page.total) return nips;
  }
}

/**
 * Issue 19, item 6: "Unduh Excel" on Kepatuhan downloads the findings as they are filtered, every
 * row rather than the rows scrolled into view, a unit's employees and a batch's rejected rows; the browser saves the file
 * the server wrote (a download handle).
 */
describe.skipIf(!HAVE_CHROMIUM)('tables downloaded as Excel, in a browser against pantau serve', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let api: CoreApi;
  const dir = mkdtempSync(join(tmpdir(), 'pantau-download-'));

  beforeAll(async () => {
    server = await startServer();
    browser = await launch();
    ({ page, errors } = await openPage(browser, server.url));
    await new OverviewPage(page).loadSamples();
    // 60 hours a week makes a finding of nearly every employee-week: far more rows than the table shows at once.
    api = createClient(httpTransport(server.token, server.origin));
    await api.setProfile({ set: { weeklyHours: '60' } });
    await api.runChecks({});
  }, STEP);

  afterAll(async () => {
    await browser?.close();
    expect(await server?.stop()).toBe(0);
  }, STEP);

  async function download(button: string): Promise<string> {
    const [file] = await Promise.all([page.waitForEvent('download', LONG), page.getByRole('button', { name: button, exact: true }).click()]);
    expect(file.suggestedFilename()).toMatch(/^pantau-[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const path = join(dir, file.suggestedFilename());
    await file.saveAs(path);
    return path;
  }

  it('the findings as filtered on Kepatuhan: every row of the filter, in the screen\'s order and columns', async () => {
    await page.evaluate(() => (window.location.hash = '/kepatuhan'));
    const compliance = new CompliancePage(page);
    await compliance.filter('Aturan').selectOption('JAM-01');
    await page.getByRole('button', { name: /^Baru \(/ }).click();
    const expected = await findingNips(api, { rule: 'JAM-01', status: 'new', sort: 'agency' });
    expect(expected.length).toBeGreaterThan(100);
    await page.waitForFunction((n) => Number(document.querySelector('[role="grid"][aria-label^="Temuan, "]')?.getAttribute('aria-rowcount')) === n + 1,
      expected.length, LONG);
    const shown = await compliance.findings.locator('.vt-row:not(.placeholder)').count();
    expect(shown).toBeLessThan(expected.length);
    await shot(page, 'download-findings');
    const { heading, header, data } = split(await sheetRows(await download('Unduh Excel: Daftar temuan')), 'Status');
    expect(header).toEqual(['Status', 'Aturan', 'NIP', 'Nama', 'Instansi', 'Unit kerja', 'Periode', 'Uraian']);
    expect(data.map((r) => r[2])).toEqual(expected);
    expect(new Set(data.map((r) => `${r[0]} ${r[1]}`))).toEqual(new Set(['Baru JAM-01']));
    expect(heading).toContain('Filter: Aturan JAM-01; Status Baru; Urutan: Instansi');
    expect(errors).toEqual([]);
  }, STEP);

  it('a page of rows that fails to load says so in its rows, and a click loads it (fixed bug: its rows stayed "…" for good)', async () => {
    await page.evaluate(() => (window.location.hash = '/kepatuhan'));
    const compliance = new CompliancePage(page);
    const grid = compliance.findings;
    await grid.locator('.vt-row:not(.placeholder)').first().waitFor(LONG);
    // Every page after the first fails, as a server error would.
    const failing = (route: import('playwright-core').Route) => {
      const body = route.request().postDataJSON() as { offset?: number };
      return (body.offset ?? 0) > 0 ? route.fulfill({ status: 500, body: 'rusak' }) : route.continue();
    };
    await page.route('**/api/findings', failing);
    await grid.locator('.vt-body').evaluate((el) => (el.scrollTop = el.scrollHeight));
    const failed = grid.locator('.vt-failed').first();
    await failed.waitFor(LONG);
    expect(await failed.textContent()).toMatch(/^Baris ini tidak dapat dimuat: .*500.* Klik untuk mencoba lagi\.$/);
    await page.unroute('**/api/findings', failing);
    await failed.click();
    await page.waitForFunction(() => !document.querySelector('.vt-failed') && !document.querySelector('.vt-row.placeholder'), undefined, LONG);
    expect(await grid.locator('.vt-row:not(.placeholder)').count()).toBeGreaterThan(0);
    // The failures were the test's own: the page logged them as failed requests.
    errors.splice(0, errors.length, ...errors.filter((e) => !/500/.test(e)));
  }, STEP);

  it('a unit\'s employees, as the unit\'s table lists them', async () => {
    const unit = (await api.overview({ agency: 'PEMKOT-BOGOR' })).units[0]!.unit;
    await page.evaluate((u) => (window.location.hash = `/kepatuhan?agency=PEMKOT-BOGOR&unit=${encodeURIComponent(u)}`), unit);
    await new CompliancePage(page).employees(unit).waitFor(LONG);
    const view = tableFromIPC((await api.unitEmployees({ agency: 'PEMKOT-BOGOR', unit })).rows).toArray().map((r) => String(r.nip));
    const { heading, header, data } = split(await sheetRows(await download(`Unduh Excel: Pegawai ${unit}`)), 'Nama');
    expect(header).toEqual(['Nama', 'NIP', 'Kepatuhan', 'Hari fleksibel', 'Temuan']);
    expect(data.map((r) => r[1])).toEqual(view);
    expect(heading).toContain(`Unit kerja: ${unit}`);
    expect(errors).toEqual([]);
  }, STEP);

  it('a batch\'s rejected rows, from the import history', async () => {
    const batch = (await api.listImports({})).batches.find((b) => b.rowsRejected > 0)!;
    const { rejects } = await api.batchRejects({ batch: batch.batch, limit: 1000 });
    await page.evaluate(() => (window.location.hash = '/impor'));
    const history = page.getByRole('region', { name: 'Riwayat impor' });
    await history.getByRole('row', { name: new RegExp(`^${batch.batch} `) }).getByRole('button', { name: /Lihat baris ditolak/ }).click();
    const label = `Baris yang ditolak (${batch.rowsRejected}) — ${batch.batch}`;
    const rows = await sheetRows(await download(`Unduh Excel: ${label}`));
    const { header, data } = split(rows, 'Berkas');
    const row = header.indexOf('Baris');
    expect(data.map((r) => r[row])).toEqual(rejects.map((r) => r.row));
    expect(errors).toEqual([]);
  }, STEP);
});
