import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { expectAccessible } from './support/axe.ts';
import { HAVE_CHROMIUM, launch, openPage } from './support/browser.ts';
import { writeMessyAttendance } from './support/messy.ts';
import { ImportsPage, OverviewPage } from './support/pages.ts';
import { startServer, type RunningServer } from './support/server.ts';

const STEP = 180_000;

/** axe-core over every screen (WCAG 2.0/2.1 A and AA): no serious or critical violation. */
describe.skipIf(!HAVE_CHROMIUM)('accessibility of every screen (axe)', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launch();
    ({ page } = await openPage(browser, server.url));
  }, STEP);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  }, STEP);

  async function goto(hash: string, heading: string): Promise<void> {
    await page.evaluate((h) => (window.location.hash = h), hash);
    await page.getByRole('heading', { name: heading }).first().waitFor({ timeout: 60_000 });
    await page.waitForTimeout(300);
  }

  it('Ringkasan, empty workspace', async () => {
    await page.getByRole('heading', { name: 'Workspace ini masih kosong' }).waitFor();
    await expectAccessible(page, 'ringkasan-kosong');
  }, STEP);

  it('Ringkasan with the samples, chart and table views', async () => {
    const overview = new OverviewPage(page);
    await overview.loadSamples();
    await expectAccessible(page, 'ringkasan');
    await overview.unitsChart.getByRole('button', { name: 'Tampilkan sebagai tabel' }).click();
    await expectAccessible(page, 'ringkasan-tabel');
  }, STEP);

  it('Impor with a file in the mapping preview, and its result', async () => {
    await goto('/impor', 'Riwayat impor');
    const imports = new ImportsPage(page);
    await imports.addFiles([writeMessyAttendance(mkdtempSync(join(tmpdir(), 'pantau-a11y-')))]);
    await imports.column('rekap-presensi-bogor-september.csv', 'NIP').waitFor({ timeout: 60_000 });
    await expectAccessible(page, 'impor-pratinjau');
    await imports.mapColumn('rekap-presensi-bogor-september.csv', 'NIP', 'nomor_pegawai');
    await imports.importAll();
    await expectAccessible(page, 'impor-hasil');
  }, STEP);

  it('Kepatuhan: overview, a unit, an employee, a finding', async () => {
    await goto('/kepatuhan', 'Peta panas unit × minggu');
    await expectAccessible(page, 'kepatuhan');
    await goto('/kepatuhan?agency=PEMKOT-BOGOR&unit=Badan%20Kepegawaian%20dan%20Pengembangan%20Sumber%20Daya%20Manusia', 'Pegawai Badan Kepegawaian dan Pengembangan Sumber Daya Manusia');
    await expectAccessible(page, 'kepatuhan-unit');
    await goto('/kepatuhan?agency=PEMKOT-BOGOR&unit=Badan%20Kepegawaian%20dan%20Pengembangan%20Sumber%20Daya%20Manusia&nip=198108142005122001', 'Hari kerja Euis Sumarni, S.Sos.');
    await page.getByRole('grid', { name: /^Temuan, / }).getByRole('row').nth(1).click();
    await page.getByRole('region', { name: /JAM-01/ }).waitFor();
    await expectAccessible(page, 'kepatuhan-pegawai');
  }, STEP);

  it('Perbandingan', async () => {
    await goto('/perbandingan', 'Capaian target kinerja');
    await expectAccessible(page, 'perbandingan');
  }, STEP);

  it('Aturan, with a refused profile change shown', async () => {
    await goto('/aturan', 'Katalog aturan');
    await page.getByLabel('Batas hari fleksibel lokasi per minggu', { exact: true }).fill('3');
    await page.getByRole('button', { name: 'Simpan profil' }).click();
    await page.getByRole('alert').first().waitFor();
    await expectAccessible(page, 'aturan');
  }, STEP);

  it('Ekspor', async () => {
    await goto('/ekspor', 'Isi workbook');
    await page.getByRole('checkbox', { name: 'Samarkan NIP dan nama dengan kunci' }).check();
    await expectAccessible(page, 'ekspor');
  }, STEP);

  it('in English too', async () => {
    await page.getByRole('button', { name: 'Ganti bahasa ke English' }).click();
    await goto('/ringkasan', 'Compliance per work unit');
    await expectAccessible(page, 'overview-en');
  }, STEP);
});
