import { tableFromIPC } from 'apache-arrow';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunChecksResult } from '../../src-main/contract/rules-types.ts';
import { readWithExcelJs, sheet, table } from '../export/xlsx.ts';
import { checkWhole } from '../helpers/checks.ts';
import { pantauInProcess as pantau } from '../helpers/cli-in-process.ts';
import { nip, workspaceTemplate, type WorkspaceTemplate } from '../helpers/workspace.ts';
import { importAttendance, week, type Person, type TestCore } from './rule-fixtures.ts';

// Issue 19, item 1: findings were stored as Indonesian sentences, so `pantau check --lang en`, the
// English screens and an English workbook showed them in Indonesian. A finding now stores its
// figures and every edge writes the sentence in its caller's language. The tests marked "(issue 19)"
// fail on the old code.

const AG = 'PEMKOT-UJI';
const W38 = '2025-09-15';
const ani: Person = { nip: nip(1), name: 'Ani Suryani', unit: 'Bagian Umum' };
const budi: Person = { nip: nip(2), name: 'Budi Santoso', unit: 'Bagian Umum' };

/** The Indonesian sentences' own words: none may reach an English reader. */
const INDONESIAN = /\b(hari|dalam|batas|pada|padahal|dari|tanpa|saat|Minggu|berturut|keterangan|laporan|persetujuan|hukuman|j \d\d m)\b/;

const LOK_ID = '3 hari fleksibel lokasi dalam Minggu 38 (15–21 Sep 2025), batas 2';
const LOK_EN = '3 flexible-location days in Week 38 (15–21 Sep 2025), limit 2';

// Ani works from home three days of one week (LOK-01); Budi is absent without leave three days of it
// (JAM-01 and DIS-01).
let template: WorkspaceTemplate;
beforeAll(async () => {
  template = await workspaceTemplate(async (c) => {
    await importAttendance(c, AG, [
      ...week(ani, W38, ['WFH', 'WFH', 'WFH', 'WFO', 'WFO']),
      ...week(budi, W38, ['TK', 'TK', 'TK', 'WFO', 'WFO']),
    ]);
  });
});

const details = (r: Pick<RunChecksResult, 'findings'>) => r.findings.map((f) => [f.rule, f.nip, f.period, f.detail]);

describe("a finding's sentence is written in the caller's language", () => {
  it('pantau check --lang en --json gives every detail in English, the period still its label (issue 19)', async () => {
    const out = await pantau(['check', '--db', template.file(), '--lang', 'en', '--json']);
    expect(out.status).toBe(0);
    const r = JSON.parse(out.stdout) as RunChecksResult;
    expect(details(r)).toEqual([
      ['DIS-01', budi.nip, '2025', '3 unexcused working days in 2025: oral reprimand'],
      ['JAM-01', budi.nip, '2025-W38', '15 h 00 min worked of 37 h 30 min required'],
      ['LOK-01', ani.nip, '2025-W38', LOK_EN],
    ]);
  });

  it('pantau check without --lang writes them in Bahasa Indonesia', async () => {
    const r = JSON.parse((await pantau(['check', '--db', template.file(), '--json'])).stdout) as RunChecksResult;
    expect(details(r)).toEqual([
      ['DIS-01', budi.nip, '2025', '3 hari kerja tanpa keterangan dalam 2025: teguran lisan'],
      ['JAM-01', budi.nip, '2025-W38', '15 j 00 m dari 37 j 30 m'],
      ['LOK-01', ani.nip, '2025-W38', LOK_ID],
    ]);
  });

  it('the same check asked in the other language returns the stored run, its sentences in that language', async () => {
    const c = await template.open();
    const id = await checkWhole(c, {});
    const en = await checkWhole(c, {}, { lang: 'en' });
    expect(en.run).toBe(id.run);
    expect(en.findings.map((f) => [f.rule, f.nip, f.period, f.status])).toEqual(id.findings.map((f) => [f.rule, f.nip, f.period, f.status]));
    expect(en.findings.map((f) => f.detail).filter((d) => INDONESIAN.test(d))).toEqual([]);
  });

  it('the findings screen, asked in English, shows English details and keeps the period label (issue 19)', async () => {
    const c = await checked();
    const page = await c.findings({ sort: 'rule' }, { lang: 'en' });
    const rows = tableFromIPC(page.rows).toArray().map((r) => r.toJSON() as { rule: string; period: string; detail: string });
    expect(rows.map((r) => [r.rule, r.period, r.detail])).toEqual([
      ['DIS-01', '2025', '3 unexcused working days in 2025: oral reprimand'],
      ['JAM-01', '2025-W38', '15 h 00 min worked of 37 h 30 min required'],
      ['LOK-01', '2025-W38', LOK_EN],
    ]);
  });

  it('a page of the findings screen in Bahasa Indonesia by default', async () => {
    const c = await checked();
    const page = await c.findings({ rule: 'LOK-01' });
    expect(tableFromIPC(page.rows).toArray().map((r) => (r.toJSON() as { detail: string }).detail)).toEqual([LOK_ID]);
  });

  it("the employee panel, asked in English, shows the employee's findings in English (issue 19)", async () => {
    const c = await checked();
    const days = await c.employeeDays({ nip: budi.nip }, { lang: 'en' });
    expect(days.findings.map((f) => [f.rule, f.period, f.detail])).toEqual([
      ['DIS-01', '2025', '3 unexcused working days in 2025: oral reprimand'],
      ['JAM-01', '2025-W38', '15 h 00 min worked of 37 h 30 min required'],
    ]);
  });

  it("an English workbook's Findings sheet has English details and periods in words (issue 19)", async () => {
    const c = await checked();
    const out = join(c.dir, 'findings-en.xlsx');
    await c.exportWorkbook({ out }, { lang: 'en' });
    const rows = table(sheet(await readWithExcelJs(out), 'Findings'), 'Rule').slice(1);
    expect(rows.map((r) => [r[0], r[5], r[8]]).sort()).toEqual([
      ['DIS-01', '2025', '3 unexcused working days in 2025: oral reprimand'],
      ['JAM-01', 'Week 38 (15–21 Sep 2025)', '15 h 00 min worked of 37 h 30 min required'],
      ['LOK-01', 'Week 38 (15–21 Sep 2025)', LOK_EN],
    ]);
  });

  it("an Indonesian workbook's Temuan sheet writes them in Bahasa Indonesia", async () => {
    const c = await checked();
    const out = join(c.dir, 'temuan.xlsx');
    await c.exportWorkbook({ out });
    const rows = table(sheet(await readWithExcelJs(out), 'Temuan'), 'Aturan').slice(1);
    expect(rows.find((r) => r[0] === 'LOK-01')!.slice(5, 9)).toEqual([
      'Minggu 38 (15–21 Sep 2025)', new Date('2025-09-15T00:00:00Z'), new Date('2025-09-21T00:00:00Z'), LOK_ID,
    ]);
  });
});

/** The workspace checked once, as the screens and the workbook read it. */
async function checked(): Promise<TestCore> {
  const c = await template.open();
  await c.runChecks({});
  return c;
}
