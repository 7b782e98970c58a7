import { tableFromIPC } from 'apache-arrow';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CoreApi } from '../../src-main/contract/api.ts';
import { createClient, createDispatcher, inProcessTransport } from '../../src-main/contract/wire.ts';
import { createCore } from '../../src-main/core/index.ts';
import { RULES } from '../../src-main/core/rules/index.ts';
import { createRuleBook } from '../../src-main/core/rules/rule-book.ts';
import { readWithExcelJs, sheet, table } from '../export/xlsx.ts';
import { checkWhole } from '../helpers/checks.ts';
import { csv, nip, tempDir, TODAY, writeText } from '../helpers/workspace.ts';
import { FIX_01, LOK_03 } from './fixtures/extra-rules.ts';
import { ATTENDANCE_HEADER, week, type Person } from './rule-fixtures.ts';

// A rule is one definition: the two rules of the fixture reach the check, compliance, the catalogue,
// the profile, the screens' filters and the workbook without any other file knowing them.

const AG = 'PEMKOT-UJI';
const ani: Person = { nip: nip(1), name: 'Ani', unit: 'Bagian Uji' };
const budi: Person = { nip: nip(2), name: 'Budi', unit: 'Bagian Uji' };

/** Ani works WFA on two Mondays and on three other days of September, never more than two flexible days a week. */
const ROWS = [
  ...week(ani, '2025-09-01', ['WFA', 'WFO', 'WFO', 'WFO', 'WFO']),
  ...week(ani, '2025-09-08', ['WFO', 'WFA', 'WFA', 'WFO', 'WFO']),
  ...week(ani, '2025-09-15', ['WFA', 'WFO', 'WFO', 'WFO', 'WFO']),
  ...week(ani, '2025-09-22', ['WFO', 'WFO', 'WFO', 'WFO', 'WFA']),
  ...week(budi, '2025-09-01', ['WFO', 'WFO', 'WFO', 'WFO', 'WFO']),
];

async function workspace(): Promise<{ api: CoreApi; dir: string; close: () => void }> {
  const dir = tempDir();
  const core = await createCore({ dbPath: join(dir, 'ws.duckdb'), tmpDir: dir, now: () => TODAY, log: () => undefined, rules: [...RULES, FIX_01, LOK_03] });
  const api = createClient(inProcessTransport(createDispatcher(core)));
  const path = writeText(dir, 'presensi.csv', csv([ATTENDANCE_HEADER, ...ROWS]));
  const { files } = await api.importFiles({ files: [{ path, kind: 'attendance', agency: AG }] });
  expect(files[0]!.rowsImported).toBe(ROWS.length);
  return { api, dir, close: () => core.close() };
}

describe('a rule added as one definition', () => {
  // A re-check holds rule_days and employee_weeks for the weeks it judges only: a month or year rule
  // reading them would count a part of its period, with no error (the fixture's LOK-03 once did).
  it('is refused when it judges a month or year whole but reads what a re-check holds for some weeks only', () => {
    for (const table of ['rule_days', 'employee_weeks']) {
      const sql = LOK_03.sql.replace('FROM attendance a', `FROM ${table} a`);
      expect(() => createRuleBook([...RULES, { ...LOK_03, sql }]), table).toThrow(`rule LOK-03 judges each month whole, but reads ${table}`);
      expect(() => createRuleBook([...RULES, { ...LOK_03, period: 'week', sql }]), `${table}, a week rule`).not.toThrow();
    }
    expect(() => createRuleBook([...RULES, FIX_01, LOK_03])).not.toThrow();
  });

  it('fires, with its period as dates, and a day rule counts in compliance while a month rule does not', async () => {
    const { api, close } = await workspace();
    try {
      const run = await checkWhole(api, {});
      const ours = run.findings.filter((f) => f.rule === 'FIX-01' || f.rule === 'LOK-03')
        .map((f) => [f.rule, f.nip, f.period, f.periodStart, f.periodEnd, f.detail, f.basis]);
      expect(ours).toEqual([
        ['FIX-01', ani.nip, '2025-09-01', '2025-09-01', '2025-09-01', 'WFA pada hari Senin', 'Aturan uji'],
        ['FIX-01', ani.nip, '2025-09-15', '2025-09-15', '2025-09-15', 'WFA pada hari Senin', 'Aturan uji'],
        ['LOK-03', ani.nip, '2025-09', '2025-09-01', '2025-09-30', '5 hari WFA, batas 4', 'Aturan uji bulanan'],
      ]);
      expect(run.findings.filter((f) => !['FIX-01', 'LOK-03'].includes(f.rule))).toEqual([]);
      // Ani's weeks W36 and W38 hold a FIX-01 finding: 2 of her 4 weeks and Budi's 1 week are not all compliant.
      const all = run.compliance.find((c) => c.level === 'all')!;
      expect([all.employeeWeeks, all.compliantEmployeeWeeks]).toEqual([5, 3]);
      expect(run.complianceByRule.find((r) => r.rule === 'FIX-01')).toMatchObject({ employeeWeeks: 5, compliantEmployeeWeeks: 3 });
      expect(run.complianceByRule.map((r) => r.rule)).not.toContain('LOK-03');
    } finally {
      close();
    }
  });

  it('appears in the catalogue and the profile, with its own parameter that a profile can change', async () => {
    const { api, close } = await workspace();
    try {
      const { rules, parameters } = await api.listRules({});
      expect(rules.map((r) => [r.id, r.period, r.weeklyRate])).toContainEqual(['LOK-03', 'month', false]);
      expect(rules.find((r) => r.id === 'LOK-03')!.parameters).toEqual(['maxWfaDaysPerMonth', 'rules.LOK-03.enabled']);
      expect(parameters.find((p) => p.key === 'maxWfaDaysPerMonth')).toMatchObject({ default: 4, label: { id: 'Batas hari WFA per bulan' } });
      expect((await api.getProfile({ agency: AG })).params).toMatchObject({ maxWfaDaysPerMonth: 4, rules: { 'FIX-01': { enabled: true } } });
      await api.setProfile({ agency: AG, set: { maxWfaDaysPerMonth: '5', 'rules.FIX-01.enabled': 'false' } });
      await expect(api.setProfile({ agency: AG, set: { maxWfaDaysPerMonth: '32' } })).rejects.toMatchObject({ code: 'PROFILE_REFUSED' });
      const run = await checkWhole(api, {});
      expect(run.findings.map((f) => f.rule)).toEqual([]);
    } finally {
      close();
    }
  });

  it('is a filter of the findings screen, by rule and by month', async () => {
    const { api, close } = await workspace();
    try {
      await api.runChecks({});
      const rows = async (filter: Parameters<CoreApi['findings']>[0]) =>
        tableFromIPC((await api.findings(filter)).rows).toArray().map((r) => (r.toJSON() as { rule: string; period: string }).period);
      expect(await rows({ rule: 'LOK-03' })).toEqual(['2025-09']);
      expect(await rows({ rule: 'LOK-03', from: '2025-09-01', to: '2025-09-30' })).toEqual(['2025-09']);
      expect(await rows({ rule: 'LOK-03', from: '2025-10-01', to: '2025-10-31' })).toEqual([]);
      expect(await rows({ rule: 'FIX-01', from: '2025-09-08', to: '2025-09-21' })).toEqual(['2025-09-15']);
      const overview = await api.overview({});
      expect(overview.rules.find((r) => r.rule === 'LOK-03')).toMatchObject({ findings: 1, rate: null });
      expect(overview.rules.find((r) => r.rule === 'FIX-01')).toMatchObject({ findings: 2, employeeWeeks: 5, compliantEmployeeWeeks: 3 });
    } finally {
      close();
    }
  });

  it('is in the workbook: its findings with their first and last day, its method and its parameter', async () => {
    const { api, dir, close } = await workspace();
    try {
      const out = join(dir, 'laporan.xlsx');
      await api.exportWorkbook({ out });
      const xl = await readWithExcelJs(out);
      const findings = table(sheet(xl, 'Temuan'), 'Aturan').slice(1);
      const lok03 = findings.find((r) => r[0] === 'LOK-03')!;
      expect([lok03[5], lok03[6], lok03[7]]).toEqual(['September 2025', new Date('2025-09-01T00:00:00Z'), new Date('2025-09-30T00:00:00Z')]);
      expect(findings.filter((r) => r[0] === 'FIX-01')).toHaveLength(2);
      const method = table(sheet(xl, 'Metode'), 'Aturan').slice(1);
      expect(method.find((r) => r[0] === 'LOK-03')!.slice(0, 6)).toEqual([
        'LOK-03', 'Batas hari WFA per bulan', 'Paling banyak sekian hari WFA dalam satu bulan.', 'Aturan uji bulanan', 'bulan', 'Batas hari WFA per bulan',
      ]);
      const params = table(sheet(xl, 'Metode'), 'Instansi').slice(1);
      expect(params.find((r) => r[2] === 'Batas hari WFA per bulan')?.[3]).toBe('4 hari');
    } finally {
      close();
    }
  });
});
