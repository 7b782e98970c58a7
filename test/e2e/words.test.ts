import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../src-main/contract/wire.ts';
import { httpTransport } from '../../src-renderer/src/api/transport.ts';
import { HAVE_CHROMIUM, launch, openPage, shot } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';

const STEP = 180_000;
const LONG = { timeout: 120_000 };
type Lang = 'id' | 'en';

/**
 * Every screen in both languages holds no parameter key, no term of the engine and no word of the
 * other language (issue 19): a person reads words, dates and numbers, never `workDays`, `null`,
 * "2025-W29" or an Indonesian sentence on an English screen. Proper names, legal citations and the
 * data's own values (names, units, files, ratings, a rejected row's raw value) are not words of the UI
 * and are taken out of the text before it is read.
 */

/** Engine terms: what a screen shows when it prints a value or an identifier instead of words. */
const ENGINE: [string, RegExp][] = [
  ['undefined', /\bundefined\b/], ['null', /\bnull\b/], ['NaN', /\bNaN\b/], ['[object', /\[object/],
  ['an ISO week', /\b\d{4}-W\d{2}\b/], ['a snake_case identifier', /\b[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+\b/],
];

/** Words only one of the languages writes (function words, the UI's commonest words, month and day names). */
const MARKERS: Record<Lang, string[]> = {
  id: ['dan', 'yang', 'dari', 'tidak', 'untuk', 'dengan', 'pada', 'atau', 'ini', 'belum', 'sudah', 'baris', 'berkas', 'pegawai',
    'minggu', 'hari', 'bulan', 'temuan', 'kepatuhan', 'sebelum', 'sesudah', 'poin persen', 'ditolak', 'diimpor', 'memuat', 'tampilkan',
    'simpan', 'batal', 'unduh', 'pilih', 'semua', 'seluruh', 's.d.', 'Agu', 'Okt', 'Des', 'Agustus', 'Oktober', 'Desember',
    'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu', 'nasional', 'dijalankan'],
  en: ['the', 'and', 'of', 'difference', 'differences', 'with', 'without', 'not', 'for', 'from', 'this', 'rows', 'files', 'employees', 'week', 'weeks', 'findings',
    'before', 'after', 'percentage points', 'rejected', 'imported', 'loading', 'show', 'save', 'cancel', 'download', 'choose',
    'all', 'whole', 'Aug', 'Oct', 'Dec', 'August', 'October', 'December', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday',
    'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
};

/** Citations of the law keep their own words in both languages ("Perpres 21/2023 Pasal 4 dan Pasal 9"). */
const CITATION = /\b(?:PermenPANRB|Perpres|PP|Pasal)\b(?:\s+(?:\d+[a-z]?|\(\d+\)|[a-z]\b|\d+\/\d{4}|\d+–\d+|dan|ayat|huruf|Pasal))*/g;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const word = (w: string) => new RegExp(`(?<![\\p{L}\\p{N}_.-])${escape(w)}(?![\\p{L}\\p{N}_-])`, 'iu');

describe.skipIf(!HAVE_CHROMIUM)('every screen in one language, in words (issue 19)', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let api: ReturnType<typeof createClient>;
  let paramKeys: string[] = [];
  const data = new Set<string>();

  const remember = (...values: (string | null | undefined)[]) => {
    for (const v of values) if (v && v.trim().length >= 2) data.add(v.trim());
  };

  /** The visible text and the titles and labels a pointer or a screen reader meets. */
  async function visibleText(): Promise<string> {
    return page.evaluate(() => {
      const attrs = [...document.querySelectorAll('[title], [aria-label]')]
        .filter((e) => !(e as HTMLElement).closest('[hidden]'))
        .flatMap((e) => [e.getAttribute('title'), e.getAttribute('aria-label')]).filter(Boolean);
      return [document.title, document.body.innerText, ...attrs].join('\n');
    });
  }

  /** What the text says that it should not, each offence with the words around it. */
  async function offences(lang: Lang): Promise<string[]> {
    let text = await visibleText();
    // Longest first, so that a unit's name goes before its agency's name inside it.
    for (const value of [...data].sort((a, b) => b.length - a.length)) text = text.split(value).join(' ');
    // A name clipped to fit a chart ("Badan Kepegawaian dan Pengembangan Sumb…") is still the name.
    text = text.replace(/[^\n…]{8,}…/g, (clipped) => {
      const head = clipped.slice(0, -1);
      const value = [...data].find((v) => [...Array(head.length - 7).keys()].some((i) => v.startsWith(head.slice(i))));
      return value ? ' ' : clipped;
    });
    text = text.replace(CITATION, ' ');
    const found: string[] = [];
    const around = (m: RegExpExecArray | null) => (m ? text.slice(Math.max(0, m.index - 30), m.index + m[0].length + 30).replace(/\s+/g, ' ') : '');
    for (const key of paramKeys) {
      const m = word(key).exec(text);
      if (m) found.push(`parameter key ${key}: …${around(m)}…`);
    }
    for (const [what, re] of ENGINE) {
      const m = re.exec(text);
      if (m) found.push(`${what}: …${around(m)}…`);
    }
    for (const marker of MARKERS[lang === 'id' ? 'en' : 'id']) {
      const m = word(marker).exec(text);
      if (m) found.push(`${lang === 'id' ? 'English' : 'Indonesian'} "${marker}": …${around(m)}…`);
    }
    return found;
  }

  async function settle(): Promise<void> {
    await page.waitForFunction(() => !/Memuat…|Loading…/.test(document.body.innerText), undefined, LONG);
    await page.waitForTimeout(300);
  }

  async function setLang(lang: Lang): Promise<void> {
    if ((await page.evaluate(() => document.documentElement.lang)) !== lang) {
      await page.getByRole('button', { name: lang === 'en' ? /English/ : /Bahasa Indonesia/ }).first().click();
      await page.waitForFunction((l) => document.documentElement.lang === l, lang);
    }
  }

  async function visit(hash: string, ready: string): Promise<void> {
    await page.evaluate((h) => (window.location.hash = h), hash);
    await page.locator(ready).first().waitFor(LONG);
    await settle();
  }

  beforeAll(async () => {
    server = await startServer();
    browser = await launch();
    ({ page } = await openPage(browser, server.url));
    api = createClient(httpTransport(server.token, server.origin));
  }, STEP);

  afterAll(async () => {
    await browser?.close();
    expect(await server?.stop()).toBe(0);
  }, STEP);

  it('the samples load with one click, as a person would load them', async () => {
    await page.getByRole('button', { name: 'Muat data contoh' }).click();
    // Importing every sample and running the checks takes minutes on a busy machine.
    await page.getByRole('region', { name: 'Kepatuhan per unit kerja' }).waitFor({ timeout: 2 * STEP });
    // The parameter keys as the core names them, not a list kept here.
    const rules = await api.listRules({});
    paramKeys = [...new Set([...rules.parameters.map((p) => p.key), ...rules.rules.flatMap((r) => r.parameters)])];
    expect(paramKeys).toContain('workDays');
    // The data's own values: names of agencies, units, people, files, ratings and rejected values.
    const overview = await api.overview({});
    for (const a of overview.data.agencies) remember(a.agency, a.name);
    for (const u of overview.units) remember(u.unit, u.agency);
    for (const b of (await api.listImports({ includeUndone: true })).batches) remember(b.file, b.batch, b.agency);
    const compare = await api.compare({});
    for (const r of compare.performance.ratings) remember(r.rating);
    for (const u of compare.performance.byUnit) remember(u.unit);
    remember('Pantau', 'FWA', 'WFH', 'WFO', 'WFA', 'NIP', 'SKP', 'Excel', 'PNG', 'JSON', 'Wilson', 'Kemenkeu', 'English', 'Bahasa Indonesia');
  }, 3 * STEP);

  /** A unit with findings and, in it, an employee with findings: the drill-down a person makes. */
  async function drillTarget(): Promise<{ agency: string; unit: string }> {
    const overview = await api.overview({});
    const u = [...overview.units].filter((x) => x.findings > 0 && x.agency).sort((a, b) => b.findings - a.findings)[0]!;
    return { agency: u.agency!, unit: u.unit };
  }

  const screens: { name: string; open: () => Promise<void> }[] = [
    { name: 'Ringkasan', open: () => visit('#/ringkasan', '.kpis') },
    {
      name: 'Impor, its history and a batch\'s rejected rows',
      open: async () => {
        await visit('#/impor', '#history table');
        const batch = (await api.listImports({})).batches.find((b) => b.rowsRejected > 0)!;
        const rejects = await api.batchRejects({ batch: batch.batch, offset: 0, limit: 50 });
        for (const r of rejects.rejects) remember(r.value, r.column, r.sheet);
        await page.locator('#history').getByRole('button', { name: new RegExp(escape(batch.file)) }).first().click();
        await page.locator('#history table').nth(1).waitFor(LONG);
        await settle();
      },
    },
    {
      name: 'Kepatuhan with a unit, a finding and an employee open',
      open: async () => {
        const { agency, unit } = await drillTarget();
        await visit(`#/kepatuhan?${new URLSearchParams({ agency, unit })}`, '#employees [role="row"]');
        await page.locator('#findings [role="row"]').nth(1).waitFor(LONG);
        const findings = await api.findings({ agency, unit, limit: 500 });
        const rows = (await import('../../src-renderer/src/api/arrow.ts')).arrowRows<{ nip: string; name: string }>(findings.rows);
        for (const r of rows) remember(r.name, r.nip);
        const nip = rows[0]!.nip;
        const employee = await api.employeeDays({ nip });
        remember(employee.name, employee.position, employee.unit, ...employee.days.map((d) => d.holidayName));
        await page.locator('#employees [role="row"]').filter({ hasText: nip }).first().click();
        await page.locator('#employee .cal-day').first().waitFor(LONG);
        await page.locator('#findings [role="row"]').nth(1).click();
        await page.locator('.finding-detail').waitFor(LONG);
        await settle();
      },
    },
    { name: 'Perbandingan', open: () => visit('#/perbandingan', '#before-after svg') },
    { name: 'Aturan', open: () => visit('#/aturan', '#profile') },
    { name: 'Ekspor', open: () => visit('#/ekspor', '#export-form') },
  ];

  // The rows a table holds were fetched in the language of their time: a switch on the screen must
  // fetch them again (the findings' details stayed Indonesian on an English screen before).
  it('a switch of language on Kepatuhan writes the rows already shown in the new language', async () => {
    await setLang('id');
    await screens.find((s) => s.name.startsWith('Kepatuhan'))!.open();
    await setLang('en');
    await page.getByRole('heading', { level: 1, name: 'Compliance' }).waitFor();
    await settle();
    expect(await offences('en')).toEqual([]);
  }, STEP);

  for (const lang of ['id', 'en'] as const) {
    for (const screen of screens) {
      it(`${screen.name} in ${lang === 'id' ? 'Indonesian' : 'English'}`, async () => {
        await setLang(lang);
        await screen.open();
        await shot(page, `words-${lang}-${screen.name.split(/[ ,']/)[0]!.toLowerCase()}`, true);
        expect(await offences(lang)).toEqual([]);
      }, STEP);
    }
  }
});
