import { describe, expect, it } from 'vitest';
import { AppError, messageIn } from '../../src-main/contract/errors.ts';
import type { AgencyInfo, Profile } from '../../src-main/contract/rules-types.ts';
import { RULES } from '../../src-main/core/rules/index.ts';
import { applySetting } from '../../src-main/core/rules/profiles.ts';
import { createRuleBook } from '../../src-main/core/rules/rule-book.ts';

const book = createRuleBook(RULES);

/** What --set KEY=VALUE (and the form, and a profile file) answers, in both languages. */
function refusal(key: string, value: string): { id: string; en: string; details: Record<string, unknown> | undefined } {
  try {
    applySetting(book, { overrides: {} as Profile['overrides'], info: {} as AgencyInfo }, key, value);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    expect(err.code).toBe('PROFILE_REFUSED');
    return { id: messageIn('id', err), en: messageIn('en', err), details: err.details };
  }
  throw new Error(`${key}=${value} was accepted`);
}

// Each refusal names the setting as people read it, with its unit, in the reader's language (issue 19).
const CASES: [key: string, value: string, id: string, en: string][] = [
  ['maxFlexDays', 'x',
    'Batas hari fleksibel lokasi per minggu harus bilangan bulat antara 0 dan 7 hari, bukan "x".',
    'Flexible-location days allowed per week must be a whole number between 0 and 7 days, not "x".'],
  ['maxFlexDays', '3',
    'Batas hari fleksibel lokasi per minggu paling banyak 2 hari: PermenPANRB 4/2025 Pasal 13 ayat (1) membatasi fleksibilitas lokasi paling banyak 2 hari kerja dalam 1 minggu; profil instansi boleh lebih ketat, tidak boleh lebih longgar; 3 ditolak.',
    'Flexible-location days allowed per week may be at most 2 days: PermenPANRB 4/2025 Pasal 13 ayat (1) limits location flexibility to at most 2 working days in 1 week; an agency profile may be stricter, never looser; 3 refused.'],
  ['minGroupSize', '1001',
    'Ukuran kelompok terkecil harus bilangan bulat antara 1 dan 1.000 catatan, bukan "1001".',
    'Smallest group size must be a whole number between 1 and 1,000 records, not "1001".'],
  ['weeklyHours', '0x20',
    'Jam kerja per minggu harus angka antara 1 dan 80 jam, bukan "0x20".',
    'Working hours per week must be a number between 1 and 80 hours, not "0x20".'],
  ['countNationalFwaDays', 'mungkin',
    'Hari FWA nasional ikut dihitung harus ya atau tidak, bukan "mungkin".',
    'National FWA days count must be yes or no, not "mungkin".'],
  ['rules.LOK-02.enabled', 'kadang',
    'Aturan LOK-02 (Unit layanan langsung bekerja dari kantor) aktif harus ya atau tidak, bukan "kadang".',
    'Rule LOK-02 (Front-line units work from the office) enabled must be yes or no, not "kadang".'],
  ['ramadanFrom', '2025-02-31',
    'Ramadan mulai harus tanggal YYYY-MM-DD yang ada, bukan "2025-02-31".',
    'Ramadan from must be a date that exists, written YYYY-MM-DD, not "2025-02-31".'],
  ['dayStartsAt', '25:00',
    'Hari presensi dimulai pukul harus jam seperti 05:00, bukan "25:00".',
    'The attendance day starts at must be a time such as 05:00, not "25:00".'],
  ['breakFri', '13:00-11:30',
    'Istirahat Jumat harus rentang jam seperti 12:00-13:00, bukan "13:00-11:30".',
    'Break Friday must be a time range such as 12:00-13:00, not "13:00-11:30".'],
  ['level', 'desa',
    'Tingkat harus salah satu dari pusat, provinsi, kabupaten, kota, bukan "desa".',
    'Level must be one of pusat, provinsi, kabupaten, kota, not "desa".'],
];

describe('a refused profile value, in people\'s words (issue 19)', () => {
  it.each(CASES)('%s=%s', (key, value, id, en) => {
    const r = refusal(key, value);
    expect(r).toEqual({ id, en, details: { key } });
  });

  it('no refusal of a known setting shows a parameter key (issue 19)', () => {
    const keys = [...book.parameters.map((p) => p.key), ...book.rules.map((r) => `rules.${r.id}.enabled`)];
    for (const [key, value] of CASES) {
      const r = refusal(key, value);
      for (const k of keys) {
        expect(r.id).not.toMatch(new RegExp(`\\b${k.replace(/[.]/g, '\\.')}\\b`));
        expect(r.en).not.toMatch(new RegExp(`\\b${k.replace(/[.]/g, '\\.')}\\b`));
      }
    }
  });

  it('an unknown key is echoed as typed, without the list of keys', () => {
    expect(refusal('foo', '1')).toEqual({ id: 'Parameter "foo" tidak dikenal.', en: 'Unknown parameter "foo".', details: { key: 'foo' } });
    expect(refusal('rules.XYZ-99.enabled', 'true').en).toBe('There is no rule XYZ-99; the rules are LOK-01, LOK-02, ELG-01, JAM-01, APR-01, LAP-01, DIS-01.');
  });
});
