import { beforeAll, describe, expect, it } from 'vitest';
import type { ImportKind } from '../../src-main/contract/import-types.ts';
import type { CanonicalRecord } from '../../src-main/contract/records-types.ts';
import { pantauInProcess as run } from '../helpers/cli-in-process.ts';
import { nip, workspaceTemplate, type WorkspaceTemplate } from '../helpers/workspace.ts';
import { AG, batchOf, importFixture, OTHER } from '../records/fixture.ts';

let template: WorkspaceTemplate;
beforeAll(async () => {
  template = await workspaceTemplate(importFixture);
});

async function records(args: string[]): Promise<{ kind: string; records: CanonicalRecord[] }> {
  const r = await run(['records', '--db', template.file(), '--json', ...args]);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout);
}

const ani = nip(1);
const att = batchOf('presensi.csv');

/** What each fixture file says, as `records` must give it back: canonical names, typed values, batch and row. */
const EXPECTED: Record<ImportKind, CanonicalRecord[]> = {
  attendance: [
    { agency: OTHER, nip: nip(3), date: '2025-09-01', name: 'Cici', unitName: null, status: 'HADIR', mode: 'WFO', checkIn: '07:00', checkOut: '16:00', batch: batchOf('presensi-lain.csv'), row: 2 },
    { agency: AG, nip: ani, date: '2025-09-01', name: 'Ani', unitName: 'Bagian Umum', status: 'HADIR', mode: 'WFH', checkIn: '07:31', checkOut: '16:05', batch: att, row: 2 },
    // A time given with seconds keeps them; an empty mode on a present day is WFO (rules.md §1).
    { agency: AG, nip: ani, date: '2025-09-02', name: 'Ani', unitName: 'Bagian Umum', status: 'TERLAMBAT', mode: 'WFO', checkIn: '07:31', checkOut: null, batch: att, row: 3 },
    { agency: AG, nip: nip(2), date: '2025-09-01', name: '=SUM(1,2)', unitName: 'Bagian "Umum"', status: 'SAKIT', mode: null, checkIn: null, checkOut: null, batch: att, row: 4 },
  ],
  roster: [{
    agency: AG, nip: ani, name: 'Ani', unitName: 'Bagian Umum', position: 'Analis', fieldDuty: true, specialCondition: true,
    specialFrom: '2025-09-01', specialTo: '2025-09-30', discipline: 'NONE', serviceType: 'FRONTLINE', pin: '0107', batch: batchOf('pegawai.csv'), row: 2,
  }],
  units: [{ agency: AG, unitName: 'Bagian Umum', unitCode: 'U.01', parentUnit: 'U', serviceType: 'ADMIN', fwaStart: '2025-09-01', batch: batchOf('unit.csv'), row: 2 }],
  performance: [
    { agency: AG, nip: ani, periodStart: '2025-07-01', periodEnd: '2025-09-30', name: 'Ani', unitName: null, year: 2025, periodLabel: 'Triwulan III', achievementPct: 90.22, rating: 'Baik', batch: batchOf('kinerja.csv'), row: 2 },
    { agency: AG, nip: ani, periodStart: '2025-10-01', periodEnd: '2025-10-31', name: 'Ani', unitName: null, year: 2025, periodLabel: 'Oktober', achievementPct: 101.5, rating: 'Sangat Baik', batch: batchOf('kinerja.csv'), row: 3 },
  ],
  approvals: [{
    agency: AG, nip: ani, dateFrom: '2025-09-01', dateTo: '2025-09-05', kind: 'RUMAH', specialCondition: false, status: 'APPROVED',
    approver: 'Kepala Bagian', batch: batchOf('persetujuan.csv'), row: 2,
  }],
  reports: [{ agency: AG, nip: ani, date: '2025-09-01', activity: 'Menyusun laporan', output: '1 laporan', verified: true, batch: batchOf('laporan.csv'), row: 2 }],
  survey: [{
    agency: AG, respondentId: 'R1', unitName: 'Bagian Umum', participated: true, satisfaction: 4, metTarget: true, answers: '{"Saran":"-"}',
    batch: batchOf('survei.csv'), row: 2,
  }],
  calendar: [{ date: '2027-01-01', dayType: 'HOLIDAY', description: 'Tahun Baru 2027', batch: batchOf('kalender-2027.csv'), row: 2 }],
};

describe('pantau records --json: the canonical records as stored', () => {
  it.each(Object.keys(EXPECTED) as ImportKind[])('a round trip gives back exactly what the %s file held', async (kind) => {
    // The shipped national calendar (b-000001) lies before 2027.
    const doc = await records(['--kind', kind, ...(kind === 'calendar' ? ['--from', '2027-01-01'] : [])]);
    expect(doc).toEqual({ kind, records: EXPECTED[kind] });
    // The field order is the kind's own, the same for every record.
    expect(doc.records.map((r) => Object.keys(r))).toEqual(EXPECTED[kind].map((r) => Object.keys(r)));
  });

  it('--agency keeps one agency', async () => {
    const doc = await records(['--kind', 'attendance', '--agency', OTHER]);
    expect(doc.records.map((r) => r.nip)).toEqual([nip(3)]);
  });

  it('--nip keeps one employee, written with the spaces and dots people use', async () => {
    const spaced = `${ani.slice(0, 8)} ${ani.slice(8, 14)} ${ani.slice(14, 15)}.${ani.slice(15)}`;
    const doc = await records(['--kind', 'attendance', '--nip', spaced]);
    expect(doc.records.map((r) => r.date)).toEqual(['2025-09-01', '2025-09-02']);
  });

  it('--from and --to keep the records of those days', async () => {
    expect((await records(['--kind', 'attendance', '--from', '2025-09-02'])).records.map((r) => r.date)).toEqual(['2025-09-02']);
    expect((await records(['--kind', 'attendance', '--to', '2025-09-01'])).records).toHaveLength(3);
    expect((await records(['--kind', 'reports', '--from', '2025-09-02'])).records).toEqual([]);
  });

  it('for performance and approvals, --from and --to keep each period or range that overlaps them', async () => {
    const labels = async (...args: string[]) => (await records(['--kind', 'performance', ...args])).records.map((r) => r.periodLabel);
    expect(await labels('--to', '2025-07-01')).toEqual(['Triwulan III']);
    expect(await labels('--from', '2025-09-30', '--to', '2025-10-01')).toEqual(['Triwulan III', 'Oktober']);
    expect(await labels('--from', '2025-10-15')).toEqual(['Oktober']);
    const ranges = async (...args: string[]) => (await records(['--kind', 'approvals', ...args])).records.length;
    expect([await ranges('--from', '2025-09-05'), await ranges('--from', '2025-09-06'), await ranges('--to', '2025-08-31')]).toEqual([1, 0, 0]);
  });

  it('filters combine, and a filter nothing matches gives an empty list', async () => {
    expect((await records(['--kind', 'attendance', '--agency', AG, '--nip', ani, '--from', '2025-09-02', '--to', '2025-09-02'])).records)
      .toEqual([EXPECTED.attendance[2]]);
    expect(await records(['--kind', 'attendance', '--agency', OTHER, '--nip', ani])).toEqual({ kind: 'attendance', records: [] });
  });
});

describe('pantau records --csv', () => {
  it('writes the same records for Excel: BOM, header of the field names, quoting, formulas defused', async () => {
    const r = await run(['records', '--db', template.file(), '--kind', 'attendance', '--agency', AG, '--csv']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe([
      '\uFEFFagency,nip,date,name,unitName,status,mode,checkIn,checkOut,batch,row',
      `${AG},${ani},2025-09-01,Ani,Bagian Umum,HADIR,WFH,07:31,16:05,${att},2`,
      `${AG},${ani},2025-09-02,Ani,Bagian Umum,TERLAMBAT,WFO,07:31,,${att},3`,
      `${AG},${nip(2)},2025-09-01,"'=SUM(1,2)","Bagian ""Umum""",SAKIT,,,,${att},4`,
      '',
    ].join('\n'));
  });

  it('writes booleans as true/false, numbers with a decimal point, and the header alone when nothing matches', async () => {
    const perf = await run(['records', '--db', template.file(), '--kind', 'performance', '--csv', '--from', '2025-10-01']);
    expect(perf.stdout.split('\n')[1]).toBe(`${AG},${ani},2025-10-01,2025-10-31,Ani,,2025,Oktober,101.5,Sangat Baik,${batchOf('kinerja.csv')},3`);
    const roster = await run(['records', '--db', template.file(), '--kind', 'roster', '--csv']);
    expect(roster.stdout.split('\n')[1]).toContain(',Analis,true,true,2025-09-01,2025-09-30,NONE,FRONTLINE,0107,');
    const none = await run(['records', '--db', template.file(), '--kind', 'units', '--agency', OTHER, '--csv']);
    expect(none.stdout).toBe('\uFEFFagency,unitName,unitCode,parentUnit,serviceType,fwaStart,batch,row\n');
  });
});

describe('pantau records, for people', () => {
  it('lists one line per record under the field names, and the count, in Bahasa Indonesia', async () => {
    const r = await run(['records', '--db', template.file(), '--kind', 'roster']);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')).toEqual([
      'Instansi  NIP  Nama  Unit kerja  Jabatan  Tugas luar kantor  Keadaan khusus  Keadaan khusus mulai  Keadaan khusus selesai  Hukuman disiplin  Jenis layanan  PIN mesin / no. kartu  Impor  Baris',
      `${AG}  ${ani}  Ani  Bagian Umum  Analis  ya  ya  1 Sep 2025  30 Sep 2025  Tidak ada  Layanan langsung  0107  ${batchOf('pegawai.csv')}  2`,
      '1 catatan Daftar pegawai.',
      '',
    ]);
  });

  it('speaks English with --lang en, and says when nothing matches', async () => {
    const en = await run(['records', '--db', template.file(), '--kind', 'approvals', '--lang', 'en']);
    expect(en.stdout).toContain('  Home  no  Approved  Kepala Bagian  ');
    expect(en.stdout).toMatch(/\n1 record of FWA approvals\.\n$/);
    const none = await run(['records', '--db', template.file(), '--kind', 'attendance', '--nip', nip(9)]);
    expect(none.stdout).toMatch(/\nTidak ada catatan Presensi yang cocok\.\n$/);
    const noneEn = await run(['records', '--db', template.file(), '--kind', 'attendance', '--nip', nip(9), '--lang', 'en']);
    expect(noneEn.stdout).toMatch(/\nNo matching records of Attendance\.\n$/);
  });
});

describe('pantau records, wrong usage (exit 2)', () => {
  it.each([
    [['--kind', 'attendance', '--from', '2025-02-31'], /--from harus tanggal YYYY-MM-DD yang ada, bukan "2025-02-31"/],
    [['--kind', 'attendance', '--to', '14/10/2025'], /--to harus tanggal YYYY-MM-DD/],
    [['--kind', 'units', '--nip', '1'], /Saringan NIP \(--nip\) tidak berlaku untuk data Unit kerja/],
    [['--kind', 'roster', '--from', '2025-09-01'], /Saringan tanggal \(--from\/--to\) tidak berlaku untuk data Daftar pegawai/],
    [['--kind', 'calendar', '--agency', AG], /Saringan instansi \(--agency\) tidak berlaku untuk data Kalender libur/],
    [['--kind', 'gaji'], /--kind <jenis> tidak menerima "gaji"/],
    [[], /Opsi --kind <jenis> wajib diisi/],
  ])('%j', async (args, message) => {
    const r = await run(['records', '--db', template.file(), ...args]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });

  it('--json and --csv together: the usage error is the one JSON document', async () => {
    const r = await run(['records', '--db', template.file(), '--kind', 'attendance', '--json', '--csv']);
    expect(r.status).toBe(2);
    expect(JSON.parse(r.stdout)).toEqual({ error: 'Pilih salah satu: --json atau --csv.', code: 'BAD_REQUEST' });
  });

  it('says so in English with --lang en', async () => {
    const r = await run(['records', '--db', template.file(), '--kind', 'units', '--from', '2025-09-01', '--lang', 'en']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('The date (--from/--to) filter does not apply to Work units data: its records have no date or period.');
  });
});
