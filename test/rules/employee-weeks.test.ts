import { describe, expect, it } from 'vitest';
import { checkWhole } from '../helpers/checks.ts';
import { csv, freshCore, importOne, nip, writeText } from '../helpers/workspace.ts';

const HEADER = ['NIP', 'Nama', 'Unit Kerja', 'Tanggal', 'Jam Masuk', 'Jam Pulang', 'Kode Kehadiran', 'Lokasi Kerja'];
const day = (n: number, date: string, where: string) => [nip(n), `Pegawai ${n}`, 'Biro Umum', date, '07:30', '16:00', 'H', where];

// docs/rules.md, Compliance: an employee-week is the employee's, whichever agencies sent its records.
// The table per unit counts it under each agency that holds records of it; the trend per week and
// the ratio per rule count it once, non-compliant when a finding of any of its agencies falls in it.
describe('employee-weeks of an employee whose records come from two agencies', () => {
  it('count once in the trend and in each rule\'s ratio, on the screens too, under each agency in the table', async () => {
    const core = await freshCore();
    // Employee 1 works 1–3 September 2025 for A from home, three flexible-location days (LOK-01
    // allows two), and 4 September for B; 8–12 September only for A, at the office. Employee 2: A,
    // both weeks, at the office. 5 September is a national holiday (the built-in calendar).
    await importOne(core, {
      path: writeText(core.dir, 'a.csv', csv([HEADER,
        day(1, '01/09/2025', 'WFH'), day(1, '02/09/2025', 'WFH'), day(1, '03/09/2025', 'WFH'),
        ...['08', '09', '10', '11', '12'].map((d) => day(1, `${d}/09/2025`, 'Kantor')),
        ...['01', '02', '03', '04', '05', '08', '09', '10', '11', '12'].map((d) => day(2, `${d}/09/2025`, 'Kantor')),
      ])),
      kind: 'attendance', agency: 'A',
    });
    await importOne(core, {
      path: writeText(core.dir, 'b.csv', csv([HEADER, day(1, '04/09/2025', 'WFH')])),
      kind: 'attendance', agency: 'B',
    });
    const r = await checkWhole(core, {});
    const agencyRows = r.compliance.filter((c) => c.level === 'agency').map((c) => [c.agency, c.employeeWeeks]);
    expect(agencyRows).toEqual([['A', 4], ['B', 1]]);

    // The employee-weeks by NIP and week, and the weeks each rule's findings fall in, from the findings themselves.
    const failed = new Map<string, Set<string>>();
    for (const f of r.findings) {
      if (/^\d{4}-W\d{2}$/.test(f.period)) failed.set(f.rule, (failed.get(f.rule) ?? new Set()).add(`${f.nip} ${f.period}`));
    }
    const anyFailed = new Set([...failed.values()].flatMap((s) => [...s]));
    expect(failed.get('LOK-01')?.has(`${nip(1)} 2025-W36`), 'employee 1 fails LOK-01 in the week of three days from home').toBe(true);
    const weeks = [[nip(1), '2025-W36'], [nip(2), '2025-W36'], [nip(1), '2025-W37'], [nip(2), '2025-W37']];
    expect(r.complianceByWeek.map((w) => [w.week, w.employeeWeeks, w.compliantEmployeeWeeks])).toEqual(['2025-W36', '2025-W37'].map((week) => {
      const those = weeks.filter(([, w]) => w === week);
      return [week, those.length, those.filter(([n]) => !anyFailed.has(`${n} ${week}`)).length];
    }));
    expect(r.complianceByRule.length).toBeGreaterThan(0);
    for (const rule of r.complianceByRule) {
      expect([rule.rule, rule.employeeWeeks, rule.compliantEmployeeWeeks])
        .toEqual([rule.rule, 4, weeks.filter(([n, w]) => !failed.get(rule.rule)?.has(`${n} ${w}`)).length]);
    }

    // The screens count them as the check does (they counted a row per agency).
    const o = await core.overview({});
    expect(o.weeks.map((w) => [w.week, w.employeeWeeks, w.compliantEmployeeWeeks]))
      .toEqual(r.complianceByWeek.map((w) => [w.week, w.employeeWeeks, w.compliantEmployeeWeeks]));
    for (const rule of r.complianceByRule) {
      expect(o.rules.find((x) => x.rule === rule.rule), rule.rule)
        .toMatchObject({ employeeWeeks: rule.employeeWeeks, compliantEmployeeWeeks: rule.compliantEmployeeWeeks });
    }
    expect(o.headline).toMatchObject({ agencies: 2, employees: 2, employeeWeeks: 5 });
  });

  // The screens count employees as bits of a bitstring, which is NULL when no row reaches it (a first
  // draft answered null where the API promises a number).
  it('the screens count 0 employees, not none, when no employee-week or no flexible day is in scope', async () => {
    const core = await freshCore();
    await importOne(core, {
      path: writeText(core.dir, 'a.csv', csv([HEADER, ...['08', '09', '10', '11', '12'].map((d) => day(1, `${d}/09/2025`, 'Kantor'))])),
      kind: 'attendance', agency: 'A',
    });
    await checkWhole(core, {});
    const all = await core.overview({});
    expect(all.headline).toMatchObject({ employees: 1, flexEmployees: 0, employeeWeeks: 1 });
    for (const filter of [{ unit: 'Biro Lain' }, { agency: 'A', from: '2025-10-01', to: '2025-10-31' }]) {
      const none = await core.overview(filter);
      expect(none.headline, JSON.stringify(filter)).toMatchObject({ agencies: 0, employees: 0, flexEmployees: 0, employeeWeeks: 0, compliantEmployeeWeeks: 0 });
      expect(none.units, JSON.stringify(filter)).toEqual([]);
    }
  });
});
