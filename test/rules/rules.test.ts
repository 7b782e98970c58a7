import { describe, expect, it } from 'vitest';
import { AppError } from '../../src-main/contract/errors.ts';
import { checkWhole } from '../helpers/checks.ts';
import { freshCore, nip } from '../helpers/workspace.ts';
import {
  brief, complianceRow, importApprovals, importCsv, importAttendance, importCalendar, importReports, importRoster, importUnits,
  keys, of, officeWeek, week, type Person, type TestCore,
} from './rule-fixtures.ts';

// The rules as docs/rules.md states them: canonical values, LOK-01, LOK-02, ELG-01, APR-01, LAP-01,
// exemptions, weeks and working days, compliance and profiles.
// Every case goes through the public core API: CSV files imported with importFiles, then runChecks.
// Every week below is complete (37 j 30 m net) so JAM-01 stays silent unless a case wants it.

const AG = 'PEMKOT-BANDUNG';
const AG2 = 'KEMENKEU';
const W38 = '2025-09-15'; // Monday of 2025-W38 (no holidays in that week)
const W39 = '2025-09-22';
const W40 = '2025-09-29';

const ani: Person = { nip: nip(1), name: 'Ani Suryani', unit: 'Bagian Umum' };
const budi: Person = { nip: nip(2), name: 'Budi Santoso', unit: 'Bagian Umum' };
const citra: Person = { nip: nip(3), name: 'Citra Lestari', unit: 'Bagian Umum' };
const dodi: Person = { nip: nip(4), name: 'Dodi Pratama', unit: 'Bidang X' };
const eka: Person = { nip: nip(5), name: 'Eka Putri', unit: 'Bagian Keuangan' };

const THREE_WFH = ['WFH', 'WFH', 'WFH', 'WFO', 'WFO'] as const;
const LOK01_W38_3 = '3 hari fleksibel lokasi dalam Minggu 38 (15–21 Sep 2025), batas 2';

async function core(): Promise<TestCore> {
  return freshCore();
}

describe('LOK-01: at most maxFlexDays flexible-location working days per ISO week', () => {
  it('WFH on Thursday and Friday, then Monday of the next ISO week, is no finding', async () => {
    const c = await core();
    await importAttendance(c, AG, [
      ...week(ani, W38, ['WFO', 'WFO', 'WFO', 'WFH', 'WFH']),
      ...week(ani, W39, ['WFH', 'WFO', 'WFO', 'WFO', 'WFO']),
    ]);
    const r = await checkWhole(c, {});
    expect(r.findings).toEqual([]);
    expect(r.resolved).toEqual([]);
  });

  it('three flexible days in one week give one weekly finding for that ISO week', async () => {
    const c = await core();
    const imp = await importAttendance(c, AG, week(ani, W38, [...THREE_WFH]));
    const r = await checkWhole(c, {});
    expect(r.findings).toHaveLength(1);
    const f = r.findings[0]!;
    expect(brief([f])).toEqual([{ rule: 'LOK-01', nip: ani.nip, period: '2025-W38', detail: LOK01_W38_3, status: 'new' }]);
    expect(f.agency).toBe(AG);
    expect(f.name).toBe(ani.name);
    expect(f.unit).toBe(ani.unit);
    expect(f.basis).toContain('Pasal 13');
    // The three WFH rows of the imported file: lines 2–4 (line 1 is the header).
    expect(f.sources).toEqual([2, 3, 4].map((row) => ({ batch: imp.batch, row })));
  });

  it('monthly runs: a week cut by the month boundary is still checked as one ISO week', async () => {
    const c = await core();
    // 2025-W40 runs Monday 29 September to Sunday 5 October: WFH on Tue 30/9, Wed 1/10, Thu 2/10.
    await importAttendance(c, AG, [
      ...officeWeek(ani, W39),
      ...week(ani, W40, ['WFO', 'WFH', 'WFH', 'WFH', 'WFO']),
      ...officeWeek(ani, '2025-10-06'),
    ]);
    const september = await checkWhole(c, { agency: AG, from: '2025-09-01', to: '2025-09-30' });
    const october = await checkWhole(c, { agency: AG, from: '2025-10-01', to: '2025-10-31' });
    // Whichever monthly run reports it (one or both), the week is reported, counting all three days.
    const lok = [...of(september, 'LOK-01'), ...of(october, 'LOK-01')];
    expect(lok.length).toBeGreaterThan(0);
    expect(new Set(lok.map((f) => `${f.nip} ${f.period} ${f.detail}`))).toEqual(
      new Set([`${ani.nip} 2025-W40 3 hari fleksibel lokasi dalam Minggu 40 (29 Sep – 5 Okt 2025), batas 2`]),
    );
  });

  it('an ISO week that spans two calendar years is one week (2025-W01: 30 Dec 2024 – 3 Jan 2025)', async () => {
    const c = await core();
    // 1 January 2025 is a national holiday in the shipped calendar: no record that day.
    await importAttendance(c, AG, week(ani, '2024-12-30', ['WFH', 'WFH', '-', 'WFH', 'WFO']));
    const r = await checkWhole(c, {});
    expect(brief(r.findings)).toEqual([
      { rule: 'LOK-01', nip: ani.nip, period: '2025-W01', detail: '3 hari fleksibel lokasi dalam Minggu 1 (30 Des 2024 – 5 Jan 2025), batas 2', status: 'new' },
    ]);
  });

  it('WFH, WFA and Kantor Lain are all flexible-location days and are summed', async () => {
    const c = await core();
    await importAttendance(c, AG, week(ani, W38, ['WFH', 'WFA', 'Kantor Lain', 'WFO', 'WFO']));
    const r = await checkWhole(c, {});
    expect(brief(r.findings)).toEqual([
      { rule: 'LOK-01', nip: ani.nip, period: '2025-W38', detail: LOK01_W38_3, status: 'new' },
    ]);
  });

  it('a DL (Dinas Luar) mode day is not a flexible-location day', async () => {
    const c = await core();
    await importAttendance(c, AG, week(ani, W38, ['WFH', 'WFA', 'DL', 'DL', 'WFO']));
    const r = await checkWhole(c, {});
    expect(r.findings).toEqual([]);
  });

  describe('exemptions from the location cap', () => {
    async function withRoster(entry: Parameters<typeof importRoster>[2][number], pattern: readonly string[] = THREE_WFH) {
      const c = await core();
      // Budi is the control: same pattern, no exemption.
      await importRoster(c, AG, [entry, { person: budi }]);
      await importAttendance(c, AG, [
        ...week(ani, W38, [...pattern] as Parameters<typeof week>[2]),
        ...week(budi, W38, [...THREE_WFH]),
      ]);
      return checkWhole(c, {});
    }
    const budiFinding = { rule: 'LOK-01', nip: budi.nip, period: '2025-W38', detail: LOK01_W38_3, status: 'new' };

    it('Tugas Luar Kantor = Ya: no LOK-01', async () => {
      const r = await withRoster({ person: ani, fieldDuty: 'Ya' });
      expect(brief(r.findings)).toEqual([budiFinding]);
    });

    it('Keadaan Khusus = Ya without dates: no LOK-01', async () => {
      const r = await withRoster({ person: ani, special: 'Ya' });
      expect(brief(r.findings)).toEqual([budiFinding]);
    });

    it('Keadaan Khusus = Ya with dates covering the week: no LOK-01', async () => {
      const r = await withRoster({ person: ani, special: 'Ya', specialFrom: '15/09/2025', specialTo: '19/09/2025' });
      expect(brief(r.findings)).toEqual([budiFinding]);
    });

    it('Keadaan Khusus = Ya with dates outside the week: LOK-01 as usual', async () => {
      const r = await withRoster({ person: ani, special: 'Ya', specialFrom: '01/08/2025', specialTo: '31/08/2025' });
      expect(brief(of(r, 'LOK-01'))).toEqual([
        { rule: 'LOK-01', nip: ani.nip, period: '2025-W38', detail: LOK01_W38_3, status: 'new' },
        budiFinding,
      ]);
    });

    it('Keadaan Khusus from Thursday on exempts only Thursday: Mon–Wed still count', async () => {
      const r = await withRoster(
        { person: ani, special: 'Ya', specialFrom: '18/09/2025' },
        ['WFH', 'WFH', 'WFH', 'WFH', 'WFO'],
      );
      expect(brief(of(r, 'LOK-01'))).toEqual([
        { rule: 'LOK-01', nip: ani.nip, period: '2025-W38', detail: LOK01_W38_3, status: 'new' },
        budiFinding,
      ]);
    });

    it('an APPROVED (Disetujui) approval with Keadaan Khusus = Ya covering the days: no LOK-01', async () => {
      const c = await core();
      await importRoster(c, AG, [{ person: ani }, { person: budi }]);
      await importApprovals(c, AG, [[ani.nip, '15/09/2025', '17/09/2025', 'WFH', 'Ya', 'Disetujui']]);
      await importAttendance(c, AG, [...week(ani, W38, [...THREE_WFH]), ...week(budi, W38, [...THREE_WFH])]);
      const r = await checkWhole(c, {});
      // Ani: exempt and approved. Budi: over the cap, and (approvals exist for the agency) unapproved.
      expect(keys(r.findings)).toEqual([
        `APR-01 ${budi.nip} 2025-09-15`, `APR-01 ${budi.nip} 2025-09-16`, `APR-01 ${budi.nip} 2025-09-17`,
        `LOK-01 ${budi.nip} 2025-W38`,
      ]);
    });

    it('a REJECTED (Ditolak) approval with Keadaan Khusus = Ya does not exempt', async () => {
      const c = await core();
      await importApprovals(c, AG, [[ani.nip, '15/09/2025', '17/09/2025', 'WFH', 'Ya', 'Ditolak']]);
      await importAttendance(c, AG, week(ani, W38, [...THREE_WFH]));
      const r = await checkWhole(c, {});
      expect(brief(of(r, 'LOK-01'))).toEqual([
        { rule: 'LOK-01', nip: ani.nip, period: '2025-W38', detail: LOK01_W38_3, status: 'new' },
      ]);
      expect(keys(of(r, 'APR-01'))).toEqual([
        `APR-01 ${ani.nip} 2025-09-15`, `APR-01 ${ani.nip} 2025-09-16`, `APR-01 ${ani.nip} 2025-09-17`,
      ]);
    });

    it('an APPROVED approval without Keadaan Khusus does not exempt from the cap', async () => {
      const c = await core();
      await importApprovals(c, AG, [[ani.nip, '15/09/2025', '17/09/2025', 'WFH', 'Tidak', 'Disetujui']]);
      await importAttendance(c, AG, week(ani, W38, [...THREE_WFH]));
      const r = await checkWhole(c, {});
      expect(brief(r.findings)).toEqual([
        { rule: 'LOK-01', nip: ani.nip, period: '2025-W38', detail: LOK01_W38_3, status: 'new' },
      ]);
    });
  });

  describe('calendar', () => {
    // 2027 is not in the shipped calendar: the user imports it. 2027-03-01 is Monday of 2027-W09.
    async function fwaWeek(countNationalFwaDays?: string) {
      const c = await core();
      await importCalendar(c, [
        ['02/03/2027', 'Hari FWA Nasional', 'FWA ASN sebelum libur'],
        ['03/03/2027', 'Hari FWA Nasional', 'FWA ASN sebelum libur'],
      ]);
      if (countNationalFwaDays) await c.setProfile({ agency: AG, set: { countNationalFwaDays } });
      await importAttendance(c, AG, week(ani, '2027-03-01', [...THREE_WFH]));
      return checkWhole(c, {});
    }

    it('NATIONAL_FWA_DAYs do not count towards the cap by default', async () => {
      const r = await fwaWeek();
      expect(r.findings).toEqual([]);
    });

    it('NATIONAL_FWA_DAYs count when the agency profile sets countNationalFwaDays=true', async () => {
      const r = await fwaWeek('true');
      expect(brief(r.findings)).toEqual([
        { rule: 'LOK-01', nip: ani.nip, period: '2027-W09', detail: '3 hari fleksibel lokasi dalam Minggu 9 (1–7 Mar 2027), batas 2', status: 'new' },
      ]);
    });

    it('a HOLIDAY is not a working day: a WFH record on it is not counted', async () => {
      const c = await core();
      // 2025-W36: Friday 5 September 2025 is Maulid Nabi (Libur Nasional in the shipped calendar).
      await importAttendance(c, AG, [
        ...week(ani, '2025-09-01', ['WFH', 'WFH', 'WFO', 'WFO', 'WFH']),
        ...week(budi, '2025-09-01', ['WFH', 'WFH', 'WFO', 'WFH', '-']),
      ]);
      const r = await checkWhole(c, {});
      expect(brief(r.findings)).toEqual([
        { rule: 'LOK-01', nip: budi.nip, period: '2025-W36', detail: '3 hari fleksibel lokasi dalam Minggu 36 (1–7 Sep 2025), batas 2', status: 'new' },
      ]);
    });

    it('a Saturday is not a working day on the 5-day pattern, but is on a 6-day agency', async () => {
      const c = await core();
      await c.setProfile({ agency: AG2, set: { workDays: '6' } });
      const pattern = ['WFH', 'WFH', 'WFO', 'WFO', 'WFO', 'WFH'] as const;
      await importAttendance(c, AG, week(ani, W38, [...pattern]));
      await importAttendance(c, AG2, week(eka, W38, [...pattern]));
      const r = await checkWhole(c, {});
      expect(brief(r.findings)).toEqual([
        { rule: 'LOK-01', nip: eka.nip, period: '2025-W38', detail: LOK01_W38_3, status: 'new' },
      ]);
    });
  });

  it('an agency profile with maxFlexDays = 1 is applied to that agency only', async () => {
    const c = await core();
    const p = await c.setProfile({ agency: AG2, set: { maxFlexDays: '1' } });
    expect(p.params.maxFlexDays).toBe(1);
    await importAttendance(c, AG2, week(eka, W38, ['WFH', 'WFH', 'WFO', 'WFO', 'WFO']));
    await importAttendance(c, AG, week(ani, W38, ['WFH', 'WFH', 'WFO', 'WFO', 'WFO']));
    const r = await checkWhole(c, {});
    expect(brief(r.findings)).toEqual([
      { rule: 'LOK-01', nip: eka.nip, period: '2025-W38', detail: '2 hari fleksibel lokasi dalam Minggu 38 (15–21 Sep 2025), batas 1', status: 'new' },
    ]);
    expect(r.findings[0]!.agency).toBe(AG2);
  });
});

describe('LOK-02: FRONTLINE units work from the office', () => {
  async function frontlineCase(importUnitFile: (c: TestCore, front: string) => Promise<unknown>) {
    const c = await core();
    const front = 'Bagian Pelayanan';
    await importUnitFile(c, front);
    const aniF = { ...ani, unit: front };
    const budiF = { ...budi, unit: front };
    await importRoster(c, AG, [{ person: aniF }, { person: budiF, fieldDuty: 'Ya' }, { person: citra }]);
    await importAttendance(c, AG, [
      ...week(aniF, W38, ['WFO', 'WFH', 'WFO', 'WFO', 'WFO']),
      ...week(budiF, W38, ['WFO', 'WFH', 'WFO', 'WFO', 'WFO']),
      ...week(citra, W38, ['WFO', 'WFH', 'WFO', 'WFO', 'WFO']),
    ]);
    const r = await checkWhole(c, {});
    expect(r.findings.map((f) => [f.rule, f.nip, f.period, f.unit, f.status])).toEqual([
      ['LOK-02', ani.nip, '2025-09-16', front, 'new'],
    ]);
    expect(r.findings[0]!.detail).toBe(`WFH pada 16 Sep 2025 padahal unit ${front} memberi layanan langsung`);
  }

  it('one WFH day in a Layanan Langsung unit is one daily finding; an exempt colleague has none', async () => {
    // The units file exactly as agencies send it: two columns, Nama Unit and Jenis Layanan.
    await frontlineCase((c, front) => importUnits(c, AG, [[front, 'Layanan Langsung'], ['Bagian Umum', 'Administrasi']]));
  });

  it('the same with a units file that also has a Kode Unit column', async () => {
    await frontlineCase((c, front) => importCsv(c, 'units', AG, ['Kode Unit', 'Nama Unit', 'Jenis Layanan'], [
      ['U01', front, 'Layanan Langsung'], ['U02', 'Bagian Umum', 'Administrasi'],
    ]));
  });
});

describe('ELG-01: no flexibility under a disciplinary penalty (exemptions do not apply)', () => {
  it('Sedang Menjalani + Tugas Luar Kantor + WFH, Dalam Proses + WFH: findings; office only: none', async () => {
    const c = await core();
    await importRoster(c, AG, [
      { person: ani, fieldDuty: 'Ya', discipline: 'Sedang Menjalani' },
      { person: budi, discipline: 'Dalam Proses' },
      { person: citra, discipline: 'Sedang Menjalani' },
    ]);
    await importAttendance(c, AG, [
      ...week(ani, W38, [...THREE_WFH]),
      ...week(budi, W38, ['WFO', 'WFH', 'WFO', 'WFO', 'WFO']),
      ...officeWeek(citra, W38),
    ]);
    const r = await checkWhole(c, {});
    // Ani is exempt from LOK-01 (field duty) but not from ELG-01: one finding per flexible day.
    expect(keys(r.findings)).toEqual([
      `ELG-01 ${ani.nip} 2025-09-15`, `ELG-01 ${ani.nip} 2025-09-16`, `ELG-01 ${ani.nip} 2025-09-17`,
      `ELG-01 ${budi.nip} 2025-09-16`,
    ]);
  });
});

describe('APR-01 and LAP-01 run only for agencies that imported approvals / reports', () => {
  it('are silent for an agency without imported approvals or reports', async () => {
    const c = await core();
    await importAttendance(c, AG, week(ani, W38, ['WFH', 'WFO', 'WFH', 'WFO', 'WFO']));
    const r = await checkWhole(c, {});
    expect(r.findings).toEqual([]);
  });

  it('APR-01: a flexible day without an APPROVED approval covering it (a range covers its inner days)', async () => {
    const c = await core();
    await importApprovals(c, AG, [
      [ani.nip, '15/09/2025', '17/09/2025', 'WFH', 'Tidak', 'Disetujui'],
      [ani.nip, '18/09/2025', '', 'WFH', 'Tidak', 'Diajukan'],
    ]);
    await importAttendance(c, AG, [
      ...week(ani, W38, ['WFO', 'WFH', 'WFO', 'WFH', 'WFO']),
      ...week(budi, W38, ['WFO', 'WFO', 'WFH', 'WFO', 'WFO']),
    ]);
    await importAttendance(c, AG2, week(eka, W38, ['WFO', 'WFH', 'WFO', 'WFO', 'WFO']));
    const r = await checkWhole(c, {});
    expect(brief(r.findings).map(({ rule, nip: n, period, status }) => ({ rule, nip: n, period, status }))).toEqual([
      { rule: 'APR-01', nip: ani.nip, period: '2025-09-18', status: 'new' },
      { rule: 'APR-01', nip: budi.nip, period: '2025-09-17', status: 'new' },
    ]);
  });

  it('LAP-01: a flexible day without a daily report that day', async () => {
    const c = await core();
    await importReports(c, AG, [
      [ani.nip, '15/09/2025', 'Rapat koordinasi'],
      [ani.nip, '16/09/2025', 'Menyusun laporan kinerja'],
    ]);
    await importAttendance(c, AG, [
      ...week(ani, W38, ['WFO', 'WFH', 'WFO', 'WFH', 'WFO']),
      ...week(budi, W38, ['WFO', 'WFO', 'WFH', 'WFO', 'WFO']),
    ]);
    await importAttendance(c, AG2, week(eka, W38, ['WFO', 'WFH', 'WFO', 'WFO', 'WFO']));
    const r = await checkWhole(c, {});
    expect(keys(r.findings)).toEqual([`LAP-01 ${ani.nip} 2025-09-18`, `LAP-01 ${budi.nip} 2025-09-17`]);
  });
});

describe('profiles and rule switches', () => {
  it('rules.LOK-01.enabled=false removes LOK-01 findings (and other rules still run)', async () => {
    const c = await core();
    await importRoster(c, AG, [{ person: ani }, { person: budi, discipline: 'Sedang Menjalani' }]);
    await importAttendance(c, AG, [
      ...week(ani, W38, [...THREE_WFH]),
      ...week(budi, W38, ['WFO', 'WFH', 'WFO', 'WFO', 'WFO']),
    ]);
    const before = await checkWhole(c, {});
    expect(keys(before.findings)).toEqual([`ELG-01 ${budi.nip} 2025-09-16`, `LOK-01 ${ani.nip} 2025-W38`]);
    const p = await c.setProfile({ agency: AG, set: { 'rules.LOK-01.enabled': 'false' } });
    expect(p.params.rules['LOK-01']?.enabled).toBe(false);
    const after = await checkWhole(c, {});
    expect(keys(after.findings)).toEqual([`ELG-01 ${budi.nip} 2025-09-16`]);
    // A finding of a disabled rule does not make the week non-compliant.
    expect(complianceRow(after, AG, 'Bagian Umum')).toEqual({
      agency: AG, unit: 'Bagian Umum', employeeWeeks: 2, compliantEmployeeWeeks: 1, rate: 0.5,
    });
  });

  it('a looser agency profile (maxFlexDays=3) is refused citing Pasal 13, and nothing changes', async () => {
    const c = await core();
    await c.setProfile({ agency: AG, set: { maxFlexDays: '1', name: 'Pemerintah Kota Bandung' } });
    const before = await c.getProfile({ agency: AG });
    const exported = await c.exportProfiles({});

    const attempt = c.setProfile({ agency: AG, set: { name: 'Nama Baru', maxFlexDays: '3' } });
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ code: 'PROFILE_REFUSED', message: expect.stringContaining('Pasal 13') });
    // The national profile cannot be loosened either.
    await expect(c.setProfile({ set: { maxFlexDays: '3' } })).rejects.toMatchObject({ code: 'PROFILE_REFUSED' });

    expect(await c.getProfile({ agency: AG })).toEqual(before);
    expect(await c.exportProfiles({})).toEqual(exported);
    expect(before.params.maxFlexDays).toBe(1);
    expect(before.name).toBe('Pemerintah Kota Bandung');

    await importAttendance(c, AG, week(ani, W38, ['WFH', 'WFH', 'WFO', 'WFO', 'WFO']));
    const r = await checkWhole(c, {});
    expect(r.findings.map((f) => f.detail)).toEqual(['2 hari fleksibel lokasi dalam Minggu 38 (15–21 Sep 2025), batas 1']);
  });
});

describe('employees missing from the roster', () => {
  it('are still checked and get the unit named on most of their attendance records that week', async () => {
    const c = await core();
    await importRoster(c, AG, [{ person: ani }]);
    await importAttendance(c, AG, [
      ...officeWeek(ani, W38),
      ...officeWeek(ani, W39),
      // Dodi is not in the roster. W38: 3 days Bidang X, 2 days Bidang Y. W39: 2 X, 3 Y.
      ...week(dodi, W38, ['WFH', 'WFH', 'WFH', { unit: 'Bidang Y' }, { unit: 'Bidang Y' }]),
      ...week(dodi, W39, ['WFO', 'WFO', { mode: 'WFH', unit: 'Bidang Y' }, { mode: 'WFA', unit: 'Bidang Y' },
        { mode: 'WFH', unit: 'Bidang Y' }]),
    ]);
    const r = await checkWhole(c, {});
    expect(r.findings.map((f) => [f.rule, f.nip, f.period, f.unit, f.name])).toEqual([
      ['LOK-01', dodi.nip, '2025-W38', 'Bidang X', dodi.name],
      ['LOK-01', dodi.nip, '2025-W39', 'Bidang Y', dodi.name],
    ]);
    expect(r.findings.map((f) => f.detail)).toEqual([
      LOK01_W38_3, '3 hari fleksibel lokasi dalam Minggu 39 (22–28 Sep 2025), batas 2',
    ]);
    expect(complianceRow(r, AG, 'Bidang X')).toMatchObject({ employeeWeeks: 1, compliantEmployeeWeeks: 0, rate: 0 });
    expect(complianceRow(r, AG, 'Bidang Y')).toMatchObject({ employeeWeeks: 1, compliantEmployeeWeeks: 0, rate: 0 });
    expect(complianceRow(r, AG, 'Bagian Umum')).toMatchObject({ employeeWeeks: 2, compliantEmployeeWeeks: 2, rate: 1 });
  });

  it('get no exemption, not even from an approved special-condition approval (rules.md §3)', async () => {
    const c = await core();
    await importRoster(c, AG, [{ person: ani }]);
    await importApprovals(c, AG, [
      [ani.nip, '15/09/2025', '17/09/2025', 'WFH', 'Ya', 'Disetujui'],
      [dodi.nip, '15/09/2025', '17/09/2025', 'WFH', 'Ya', 'Disetujui'],
    ]);
    await importAttendance(c, AG, [...week(ani, W38, [...THREE_WFH]), ...week(dodi, W38, [...THREE_WFH])]);
    const r = await checkWhole(c, {});
    // Both are approved (no APR-01); only Ani, who is in the roster, is exempt from the cap.
    expect(brief(r.findings)).toEqual([
      { rule: 'LOK-01', nip: dodi.nip, period: '2025-W38', detail: LOK01_W38_3, status: 'new' },
    ]);
    expect(r.dataQuality.notInRoster.map((e) => e.nip)).toEqual([dodi.nip]);
  });
});

describe('new / open / resolved across runs over the same scope', () => {
  it('a re-imported corrected file: A stays open, B is resolved, C is new; undoing it brings B back', async () => {
    const c = await core();
    await importAttendance(c, AG, [
      ...week(ani, W38, [...THREE_WFH]), // A
      ...week(budi, W38, [...THREE_WFH]), // B
      ...officeWeek(citra, W38),
    ]);
    const run1 = await checkWhole(c, {});
    expect(brief(run1.findings)).toEqual([
      { rule: 'LOK-01', nip: ani.nip, period: '2025-W38', detail: LOK01_W38_3, status: 'new' },
      { rule: 'LOK-01', nip: budi.nip, period: '2025-W38', detail: LOK01_W38_3, status: 'new' },
    ]);
    expect(run1.resolved).toEqual([]);

    // The corrected file: Budi was in the office after all; Citra's WFH days were missing.
    const fix = await importAttendance(c, AG, [
      ...officeWeek(budi, W38),
      ...week(citra, W38, ['WFO', 'WFA', 'WFH', 'WFH', 'WFO']), // C
    ]);
    const run2 = await checkWhole(c, {});
    expect(run2.run).not.toBe(run1.run);
    expect(brief(run2.findings)).toEqual([
      { rule: 'LOK-01', nip: ani.nip, period: '2025-W38', detail: LOK01_W38_3, status: 'open' },
      { rule: 'LOK-01', nip: citra.nip, period: '2025-W38', detail: LOK01_W38_3, status: 'new' },
    ]);
    expect(brief(run2.resolved)).toEqual([
      { rule: 'LOK-01', nip: budi.nip, period: '2025-W38', detail: LOK01_W38_3, status: 'resolved' },
    ]);

    await c.undoImport({ batch: fix.batch! });
    const run3 = await checkWhole(c, {});
    expect(run3.findings.map((f) => [f.nip, f.status])).toEqual([[ani.nip, 'open'], [budi.nip, 'new']]);
    expect(run3.resolved.map((f) => [f.nip, f.status])).toEqual([[citra.nip, 'resolved']]);
  });

  it('the same comparison holds for an explicit scope (agency, from, to)', async () => {
    const c = await core();
    const scope = { agency: AG, from: '2025-09-01', to: '2025-09-30' };
    await importAttendance(c, AG, [...week(ani, W38, [...THREE_WFH]), ...week(budi, W38, [...THREE_WFH])]);
    const run1 = await checkWhole(c, scope);
    expect(run1.findings.map((f) => [f.nip, f.status])).toEqual([[ani.nip, 'new'], [budi.nip, 'new']]);
    const fix = await importAttendance(c, AG, officeWeek(budi, W38));
    // A run over another scope in between does not disturb the comparison.
    await checkWhole(c, { agency: AG, from: '2025-09-15', to: '2025-09-21' });
    const run2 = await checkWhole(c, scope);
    expect(run2.findings.map((f) => [f.nip, f.status])).toEqual([[ani.nip, 'open']]);
    expect(run2.resolved.map((f) => [f.nip, f.status])).toEqual([[budi.nip, 'resolved']]);
    expect(fix.batch).toBeTruthy();
  });
});

describe('DIS-01 accumulates the calendar year up to the end of the checked dates', () => {
  const long = { in: '07:00', out: '17:30' };

  it('a monthly run counts the earlier months of the year, and not the days after its end', async () => {
    const c = await core();
    await importAttendance(c, AG, [
      ...week(dodi, '2025-08-04', ['TK', 'TK', long, long, long]),
      ...week(dodi, '2025-09-01', ['TK', long, long, long, long]),
      ...week(dodi, '2025-10-06', ['TK', long, long, long, long]),
    ]);
    const dis = async (from: string, to: string) =>
      of(await checkWhole(c, { agency: AG, from, to }), 'DIS-01').map((f) => [f.period, f.detail, f.sources.length]);
    expect(await dis('2025-08-01', '2025-08-31')).toEqual([]);
    expect(await dis('2025-09-01', '2025-09-30')).toEqual([['2025', '3 hari kerja tanpa keterangan dalam 2025: teguran lisan', 3]]);
    expect(await dis('2025-10-01', '2025-10-31')).toEqual([['2025', '4 hari kerja tanpa keterangan dalam 2025: teguran tertulis', 4]]);
  });

  it('ten consecutive unexcused working days across a month boundary are found by the later month', async () => {
    const c = await core();
    await importAttendance(c, AG, [...week(dodi, '2025-09-22', ['TK', 'TK', 'TK', 'TK', 'TK']), ...week(dodi, '2025-09-29', ['TK', 'TK', 'TK', 'TK', 'TK'])]);
    const [september] = of(await checkWhole(c, { agency: AG, from: '2025-09-01', to: '2025-09-30' }), 'DIS-01');
    const [october] = of(await checkWhole(c, { agency: AG, from: '2025-10-01', to: '2025-10-31' }), 'DIS-01');
    expect(september!.detail).toBe('7 hari kerja tanpa keterangan dalam 2025: pernyataan tidak puas secara tertulis');
    expect(october!.detail).toMatch(/^10 hari kerja tanpa keterangan dalam 2025: .*; 10 hari kerja berturut-turut/);
    expect(october!.sources).toHaveLength(10);
  });
});

describe('compliance: compliant employee-weeks / observed employee-weeks', () => {
  it('hand-counted units, agency totals (unit null) and the whole-data row (agency null); DIS-01 stays out', async () => {
    const c = await core();
    const u1a = { ...ani, unit: 'Unit Satu' };
    const u1b = { ...budi, unit: 'Unit Satu' };
    const u2 = { ...citra, unit: 'Unit Dua' };
    const u3 = { ...dodi, unit: 'Unit Tiga' };
    const other = { ...eka, unit: 'Subbag Umum' };
    await importRoster(c, AG, [{ person: u1a }, { person: u1b }, { person: u2, discipline: 'Dalam Proses' }, { person: u3 }]);
    // Dodi: one unexcused Monday in each of three weeks, long days otherwise (exactly 37 j 30 m
    // required and worked, so JAM-01 is silent) -> DIS-01 (3 days in 2025) but every week compliant.
    const long = { in: '07:00', out: '17:30' };
    await importAttendance(c, AG, [
      ...week(u1a, W38, [...THREE_WFH]), // Unit Satu: LOK-01 in W38
      ...officeWeek(u1a, W39),
      ...officeWeek(u1b, W38),
      ...officeWeek(u1b, W39),
      ...officeWeek(u2, W38),
      ...week(u2, W39, ['WFO', 'WFO', 'WFO', 'WFH', 'WFO']), // Unit Dua: ELG-01 on 2025-09-25 (W39)
      ...week(u3, W38, ['TK', long, long, long, long]),
      ...week(u3, W39, ['TK', long, long, long, long]),
      ...week(u3, W40, ['TK', long, long, long, long]),
    ]);
    await importAttendance(c, AG2, officeWeek(other, W38));
    const r = await checkWhole(c, {});

    expect(keys(r.findings)).toEqual([
      `DIS-01 ${dodi.nip} 2025`, `ELG-01 ${citra.nip} 2025-09-25`, `LOK-01 ${ani.nip} 2025-W38`,
    ]);
    expect(of(r, 'DIS-01')[0]!.detail).toMatch(/^3 hari kerja tanpa keterangan dalam 2025/);

    expect(complianceRow(r, AG, 'Unit Satu')).toEqual({
      agency: AG, unit: 'Unit Satu', employeeWeeks: 4, compliantEmployeeWeeks: 3, rate: 0.75,
    });
    expect(complianceRow(r, AG, 'Unit Dua')).toEqual({
      agency: AG, unit: 'Unit Dua', employeeWeeks: 2, compliantEmployeeWeeks: 1, rate: 0.5,
    });
    expect(complianceRow(r, AG, 'Unit Tiga')).toEqual({
      agency: AG, unit: 'Unit Tiga', employeeWeeks: 3, compliantEmployeeWeeks: 3, rate: 1,
    });
    expect(complianceRow(r, AG, null)).toEqual({
      agency: AG, unit: null, employeeWeeks: 9, compliantEmployeeWeeks: 7, rate: 7 / 9,
    });
    expect(complianceRow(r, AG2, 'Subbag Umum')).toEqual({
      agency: AG2, unit: 'Subbag Umum', employeeWeeks: 1, compliantEmployeeWeeks: 1, rate: 1,
    });
    expect(complianceRow(r, AG2, null)).toEqual({
      agency: AG2, unit: null, employeeWeeks: 1, compliantEmployeeWeeks: 1, rate: 1,
    });
    expect(complianceRow(r, null, null)).toEqual({
      agency: null, unit: null, employeeWeeks: 10, compliantEmployeeWeeks: 8, rate: 0.8,
    });
    expect(r.compliance).toHaveLength(7);
  });

  it('per region: the agencies of a province summed; agencies without a province last, under null', async () => {
    const c = await core();
    await c.setProfile({ agency: AG, set: { province: 'Jawa Barat', level: 'kota' } });
    await c.setProfile({ agency: 'PEMKAB-BOGOR', set: { province: 'Jawa Barat', level: 'kabupaten' } });
    await importAttendance(c, AG, [...week(ani, W38, [...THREE_WFH]), ...officeWeek(ani, W39), ...officeWeek(budi, W38)]);
    await importAttendance(c, 'PEMKAB-BOGOR', [...officeWeek(citra, W38), ...week(citra, W39, [...THREE_WFH])]);
    await importAttendance(c, AG2, [...officeWeek(dodi, W38), ...week(eka, W38, [...THREE_WFH])]);
    const r = await checkWhole(c, {});
    // Jawa Barat: Ani 2 weeks (1 bad), Budi 1, Citra 2 (1 bad) = 3 of 5; KEMENKEU has no province: 1 of 2.
    expect(r.complianceByRegion).toEqual([
      { province: 'Jawa Barat', employeeWeeks: 5, compliantEmployeeWeeks: 3, rate: 0.6 },
      { province: null, employeeWeeks: 2, compliantEmployeeWeeks: 1, rate: 0.5 },
    ]);
  });

  it('an employee with no unit anywhere does not make the agency total row ambiguous', async () => {
    const c = await core();
    // Not in the roster and no Unit Kerja on any attendance row: the unit is unknown.
    await importAttendance(c, AG, [
      ...officeWeek({ ...citra, unit: '' }, W38),
      ...week(ani, W38, [...THREE_WFH]),
    ]);
    const r = await checkWhole(c, {});
    expect(r.findings.map((f) => [f.rule, f.nip, f.unit])).toEqual([['LOK-01', ani.nip, ani.unit]]);
    // Exactly one row of the agency has unit null, and it is the agency total.
    expect(complianceRow(r, AG, null)).toEqual({
      agency: AG, unit: null, employeeWeeks: 2, compliantEmployeeWeeks: 1, rate: 0.5,
    });
    const levels = r.compliance.filter((c) => c.agency === AG).map((c) => `${c.level} ${c.unit}`).sort();
    expect(levels).toEqual(['agency null', `unit ${ani.unit}`, 'unit (unit tidak diketahui)'].sort());
    expect(complianceRow(r, AG, ani.unit)).toMatchObject({ employeeWeeks: 1, compliantEmployeeWeeks: 0 });
  });
});
