import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { formatter } from '../../src-main/contract/format.ts';
import { createClient } from '../../src-main/contract/wire.ts';
import { httpTransport } from '../../src-renderer/src/api/transport.ts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expected, manifest } from '../helpers/samples.ts';
import { HAVE_CHROMIUM, launch, openPage, shot } from './support/browser.ts';
import { writeMessyAttendance } from './support/messy.ts';
import { CompliancePage, ImportsPage, OverviewPage, RulesPage, Shell } from './support/pages.ts';
import { startServer, type RunningServer } from './support/server.ts';

const STEP = 180_000;
const LONG_WAIT = { timeout: 120_000 };

/**
 * The analyst's journey through the real `pantau serve` in Debian's Chromium, from an empty
 * workspace. Steps run in order on one page; each keeps a screenshot in test-results/screenshots/.
 */
describe.skipIf(!HAVE_CHROMIUM)('the journey, in a browser against pantau serve', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let shell: Shell;

  beforeAll(async () => {
    server = await startServer();
    browser = await launch();
    ({ page, errors } = await openPage(browser, server.url));
    shell = new Shell(page);
  }, STEP);

  afterAll(async () => {
    await browser?.close();
    expect(await server?.stop()).toBe(0);
  }, STEP);

  it('an empty workspace offers the samples; one click loads them and shows the compliance chart', async () => {
    await page.getByRole('heading', { name: 'Workspace ini masih kosong' }).waitFor();
    expect(new URL(page.url()).searchParams.has('token')).toBe(false);
    await shot(page, '01-empty-workspace');
    const overview = new OverviewPage(page);
    await overview.loadSamples();
    // Every sample file was imported (a file that failed to read would otherwise show only as a smaller count).
    const api = createClient(httpTransport(server.token, server.origin));
    const stored = new Set((await api.listImports({})).batches.map((b) => basename(b.file)));
    expect(manifest.map((m) => basename(m.file)).filter((f) => !stored.has(f))).toEqual([]);
    // The samples' own account (samples/expected.json): agencies, findings, compliance and units.
    const totals = expected.compliance.filter((c) => c.unit === '(semua unit)');
    const sum = (k: 'employeeWeeks' | 'compliantEmployeeWeeks') => totals.reduce((n, c) => n + c[k], 0);
    expect(await overview.kpi('Instansi').textContent()).toBe(String(new Set(manifest.flatMap((m) => (m.agency ? [m.agency] : []))).size));
    expect(await overview.kpi('Temuan').textContent()).toBe(String(expected.findings.length));
    expect(await overview.kpi('Tingkat kepatuhan').textContent()).toBe(formatter('id').pct(sum('compliantEmployeeWeeks') / sum('employeeWeeks')));
    // The chart shows the first 15 units until asked for all (UnitsCard).
    await expect(overview.unitsChart.locator('.recharts-bar-rectangle').count()).resolves
      .toBe(Math.min(15, expected.compliance.filter((c) => c.unit !== '(semua unit)').length));
    await shot(page, '02-overview');
  }, STEP);

  it('imports a messy file through the mapping preview, fixing the NIP column by hand', async () => {
    await shell.open('Impor');
    const imports = new ImportsPage(page);
    const file = writeMessyAttendance(mkdtempSync(join(tmpdir(), 'pantau-messy-')));
    await imports.addFiles([file]);
    const card = imports.file('rekap-presensi-bogor-september.csv');
    await card.getByText('Kolom wajib belum dipetakan: NIP.').waitFor({ timeout: 60_000 });
    expect(await card.getByRole('combobox', { name: 'Jenis data' }).inputValue()).toBe('attendance');
    expect(await card.getByRole('combobox', { name: 'Instansi (kode)' }).inputValue()).toBe('PEMKOT-BOGOR');
    await card.getByText('baris 4–4').waitFor();
    await shot(page, '03-import-preview', true);
    await imports.mapColumn('rekap-presensi-bogor-september.csv', 'NIP', 'nomor_pegawai');
    await card.getByRole('checkbox', { name: /^Simpan sebagai resep PEMKOT-BOGOR untuk Presensi/ }).waitFor();
    const results = await imports.importAll();
    await results.getByText('121 baris dibaca · 120 diimpor · 1 ditolak').waitFor();
    await results.getByText('"Rabu, 31 September 2025" bukan tanggal yang valid').first().waitFor();
    await expect(imports.history.getByRole('cell', { name: 'rekap-presensi-bogor-september.csv', exact: true }).count()).resolves.toBe(1);
    await shot(page, '04-import-result', true);
    await page.getByRole('button', { name: 'Jalankan pemeriksaan' }).click();
    await page.getByText(/Pemeriksaan r-\d+ selesai/).waitFor(LONG_WAIT);
  }, STEP);

  it('drills from the compliance chart into a unit and one employee’s days', async () => {
    await shell.open('Ringkasan');
    const overview = new OverviewPage(page);
    await overview.unitsChart.waitFor();
    await overview.openUnit('Badan Kepegawaian dan Pengembangan Sumber Daya Manusia');
    const compliance = new CompliancePage(page);
    const unit = 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia';
    await compliance.employees(unit).waitFor();
    expect(await compliance.filter('Instansi').inputValue()).toBe('PEMKOT-BOGOR');
    await shot(page, '05-unit-employees');
    const panel = await compliance.openEmployee(unit, 'Euis Sumarni, S.Sos.');
    await panel.getByRole('cell', { name: '35 j 05 m dari 37 j 30 m' }).waitFor();
    await expect(panel.getByRole('listitem', { name: /Senin, 6 Oktober 2025/ }).count()).resolves.toBe(1);
    await shot(page, '06-employee-days', true);
    await expect(compliance.findings.getByRole('row').count()).resolves.toBeGreaterThan(1);
  }, STEP);

  it('opens the comparison of flexible and conventional work', async () => {
    await shell.open('Perbandingan');
    const performance = page.getByRole('region', { name: 'Capaian target kinerja' });
    await performance.getByText(/Interval selisih memuat nol/).waitFor(LONG_WAIT);
    await page.getByRole('region', { name: 'Survei FWA' }).getByText('Rujukan: 90,22\u00a0%').waitFor();
    await shot(page, '07-comparison', true);
  }, STEP);

  it('a looser agency profile is refused citing Pasal 13; a stricter one is saved and the checks re-run', async () => {
    await shell.open('Aturan');
    const rules = new RulesPage(page);
    await rules.choose('Pemerintah Kota Bogor (PEMKOT-BOGOR)');
    await rules.profile.getByText(/Versi efektif: nasional v1 \+ PEMKOT-BOGOR v1/).waitFor();
    await rules.set('Batas hari fleksibel lokasi per minggu', '3');
    await rules.save();
    await rules.profile.getByRole('alert').getByText(/Pasal 13 ayat \(1\)/).waitFor();
    await shot(page, '08-profile-refused', true);
    await rules.set('Batas hari fleksibel lokasi per minggu', '1');
    await rules.save();
    await rules.profile.getByText(/Profil disimpan sebagai nasional v1 \+ PEMKOT-BOGOR v2/).waitFor();
    await rules.profile.getByRole('button', { name: 'Jalankan ulang pemeriksaan' }).click();
    await rules.profile.getByText(/Pemeriksaan r-\d+ selesai/).waitFor(LONG_WAIT);
    await shell.open('Ringkasan');
    await page.getByText(/PEMKOT-BOGOR v2/).first().waitFor();
    await shot(page, '09-overview-after-profile');
  }, STEP);

  it('exports the workbook, pseudonymised, and the browser downloads it', async () => {
    await shell.open('Ekspor');
    await page.getByRole('checkbox', { name: 'Samarkan NIP dan nama dengan kunci' }).check();
    await page.getByLabel('Kunci penyamaran').fill('rahasia-bulanan-2025');
    const downloaded = page.waitForEvent('download', LONG_WAIT);
    await page.getByRole('button', { name: 'Ekspor workbook' }).click();
    const file = await downloaded;
    expect(file.suggestedFilename()).toMatch(/^Pantau-semua-\d{4}-\d{2}-\d{2}-disamarkan\.xlsx$/);
    const saved = join(mkdtempSync(join(tmpdir(), 'pantau-dl-')), file.suggestedFilename());
    await file.saveAs(saved);
    expect(readFileSync(saved).subarray(0, 2).toString()).toBe('PK');
    const result = page.getByRole('region', { name: /^Workbook selesai: / });
    await result.getByText(/· disamarkan$/).waitFor();
    await expect(result.getByRole('row').count()).resolves.toBeGreaterThan(3);
    await shot(page, '10-export');
  }, STEP);

  it('switches to English and back', async () => {
    await shell.open('Ringkasan');
    await page.getByRole('button', { name: 'Ganti bahasa ke English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    await page.getByRole('button', { name: 'Switch language to Bahasa Indonesia' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ringkasan' }).waitFor();
  }, STEP);

  it('the page raised no script errors', () => {
    expect(errors).toEqual([]);
  });
});

