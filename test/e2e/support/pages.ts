import type { Locator, Page } from 'playwright-core';

const LONG = { timeout: 120_000 };

/** The shell: the main menu and the language switch. */
export class Shell {
  constructor(readonly page: Page) {}
  nav(name: 'Ringkasan' | 'Impor' | 'Kepatuhan' | 'Perbandingan' | 'Aturan' | 'Ekspor'): Locator {
    return this.page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name });
  }
  async open(name: Parameters<Shell['nav']>[0]): Promise<void> {
    await this.nav(name).click();
    await this.page.getByRole('heading', { level: 1, name }).waitFor();
  }
}

export class OverviewPage {
  constructor(readonly page: Page) {}
  get unitsChart(): Locator {
    return this.page.getByRole('region', { name: 'Kepatuhan per unit kerja' });
  }
  async loadSamples(): Promise<void> {
    await this.page.getByRole('button', { name: 'Muat data contoh' }).click();
    await this.unitsChart.waitFor(LONG);
  }
  kpi(label: string): Locator {
    return this.page.locator('.kpi').filter({ has: this.page.getByText(label, { exact: true }) }).locator('.kpi-value');
  }
  /** The chart's table view: one link per unit, the keyboard path into a unit. */
  async openUnit(unit: string): Promise<void> {
    await this.unitsChart.getByRole('button', { name: 'Tampilkan sebagai tabel' }).click();
    await this.unitsChart.getByRole('link', { name: unit }).first().click();
  }
}

export class ImportsPage {
  constructor(readonly page: Page) {}
  async addFiles(paths: string[]): Promise<void> {
    await this.page.getByLabel('Pilih berkas…').setInputFiles(paths);
  }
  file(name: string): Locator {
    return this.page.getByRole('region', { name });
  }
  column(file: string, field: string): Locator {
    return this.file(file).getByRole('combobox', { name: `Kolom untuk ${field}` });
  }
  async mapColumn(file: string, field: string, header: string): Promise<void> {
    await this.column(file, field).waitFor(LONG);
    await this.column(file, field).selectOption({ label: header });
  }
  agency(file: string): Locator {
    return this.file(file).getByRole('combobox', { name: 'Instansi (kode)' });
  }
  /** Waits until the file is read and, unless `ready` is false, can be imported. */
  async ready(file: string, ready = true): Promise<void> {
    const card = this.file(file);
    await (ready ? card.getByText('Siap diimpor', { exact: true }) : card.getByText(/^(Siap diimpor|Belum siap)$/)).waitFor(LONG);
  }
  get runButton(): Locator {
    return this.page.getByRole('button', { name: /^Impor \d+ berkas$/ });
  }
  get results(): Locator {
    return this.page.getByRole('region', { name: 'Hasil impor' });
  }
  async importAll(): Promise<Locator> {
    const before = await this.results.locator('.result').count().catch(() => 0);
    await this.runButton.click();
    await this.results.waitFor(LONG);
    await this.page.waitForFunction((n) => document.querySelectorAll('#results .result').length > n, before, LONG);
    return this.results;
  }
  get history(): Locator {
    return this.page.getByRole('region', { name: 'Riwayat impor' });
  }
}

export class CompliancePage {
  constructor(readonly page: Page) {}
  filter(label: 'Instansi' | 'Unit kerja' | 'Aturan' | 'Periode'): Locator {
    return this.page.getByRole('combobox', { name: label, exact: true });
  }
  get heatmap(): Locator {
    return this.page.getByRole('region', { name: 'Peta panas unit × minggu' });
  }
  get findings(): Locator {
    return this.page.getByRole('grid', { name: /^Temuan, / });
  }
  employees(unit: string): Locator {
    return this.page.getByRole('grid', { name: `Pegawai ${unit}` });
  }
  async openEmployee(unit: string, name: string): Promise<Locator> {
    await this.employees(unit).getByRole('row', { name: new RegExp(name) }).click();
    const panel = this.page.getByRole('region', { name: `Hari kerja ${name}` });
    await panel.waitFor(LONG);
    return panel;
  }
}

export class RulesPage {
  constructor(readonly page: Page) {}
  get profile(): Locator {
    return this.page.getByRole('region', { name: 'Profil aturan' });
  }
  async choose(profile: string): Promise<void> {
    await this.profile.getByRole('combobox', { name: 'Profil', exact: true }).selectOption({ label: profile });
  }
  async set(label: string, value: string): Promise<void> {
    await this.profile.getByLabel(label, { exact: true }).fill(value);
  }
  async save(): Promise<void> {
    await this.profile.getByRole('button', { name: 'Simpan profil' }).click();
  }
}
