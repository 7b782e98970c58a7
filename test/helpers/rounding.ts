import { csv, nip, writeText } from './workspace.ts';

/**
 * A workspace whose compliance rates are the ones a 4-decimal rate shows wrongly with one decimal
 * (rules.md §3): 15/19 = 78.947 % (0.7895 → 79,0 %), 14/17 = 82.353 % (0.8235 → 82,3 %) and, over
 * all units and for LOK-01, 32/41 = 78.049 % (0.7805 → 78,1 %).
 *
 * One agency, three units, each observed in its own ISO week, so the units, the weeks and the
 * unit × week cells share these ratios. An employee-week is not compliant when it has three WFH
 * days (LOK-01, at most two); every other week is five office days.
 */
export const ROUNDING_AGENCY = 'PEMKOT-BULAT';

export const ROUNDING_UNITS = [
  { unit: 'Bagian A', week: '2025-W37', monday: '2025-09-08', employees: 19, compliant: 15, shown: '78,9' },
  { unit: 'Bagian B', week: '2025-W38', monday: '2025-09-15', employees: 17, compliant: 14, shown: '82,4' },
  { unit: 'Bagian C', week: '2025-W39', monday: '2025-09-22', employees: 5, compliant: 3, shown: '60,0' },
] as const;

export const ROUNDING_TOTAL = { employees: 41, compliant: 32, shown: '78,0' } as const;

const HEADER = ['NIP', 'Nama', 'Unit Kerja', 'Tanggal', 'Jam Masuk', 'Jam Pulang', 'Kode Kehadiran', 'Mode Kerja'];

function day(monday: string, i: number): string {
  const d = new Date(`${monday}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + i);
  return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
}

/** The attendance CSV's rows, header first. */
export function roundingRows(): string[][] {
  const rows = [HEADER];
  let seq = 0;
  for (const u of ROUNDING_UNITS) {
    for (let e = 0; e < u.employees; e++) {
      seq += 1;
      const flex = e >= u.compliant ? 3 : 0;
      for (let i = 0; i < 5; i++) {
        rows.push([nip(seq), `Pegawai ${seq}`, u.unit, day(u.monday, i), '07:30', i === 4 ? '16:30' : '16:00', 'H', i < flex ? 'WFH' : 'WFO']);
      }
    }
  }
  return rows;
}

/**
 * Performance records for September 2025 whose met-target rates are the same kind of ratio
 * (rules.md §4): 19 conventional employees with 15 met (78.947 %), the 9 flexible ones with 7 met.
 */
export const ROUNDING_PERFORMANCE = { conventional: { n: 19, met: 15 }, flex: { n: 9, met: 7 } } as const;

export function performanceRows(): string[][] {
  const rows = [['NIP', 'Nama', 'Tahun', 'Periode', 'Capaian Kinerja', 'Predikat Kinerja']];
  const conventional: number[] = [];
  const flex: number[] = [];
  let seq = 0;
  for (const u of ROUNDING_UNITS) {
    for (let e = 0; e < u.employees; e++) (e >= u.compliant ? flex : conventional).push(++seq);
  }
  const add = (nips: number[], met: number) => nips.forEach((n, i) =>
    rows.push([nip(n), `Pegawai ${n}`, '2025', 'September', i < met ? '"105,5"' : '"92,5"', 'Baik']));
  add(conventional.slice(0, ROUNDING_PERFORMANCE.conventional.n), ROUNDING_PERFORMANCE.conventional.met);
  add(flex, ROUNDING_PERFORMANCE.flex.met);
  return rows;
}

export function writePerformanceCsv(dir: string): string {
  return writeText(dir, 'kinerja-bulat.csv', csv(performanceRows()));
}

/** Writes the attendance CSV into dir and returns its path. */
export function writeRoundingCsv(dir: string): string {
  return writeText(dir, 'presensi-bulat.csv', csv(roundingRows()));
}
