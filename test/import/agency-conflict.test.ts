// A file filed under the wrong agency must not pass silently. The import screen asks for a
// confirmation (rosterConflict); an import made without it, as the CLI makes one, said nothing.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLES } from '../helpers/samples.ts';
import { freshCore } from '../helpers/workspace.ts';

const ROSTER = join(SAMPLES, 'pemkot-bogor/pegawai.csv');
const ATTENDANCE = join(SAMPLES, 'pemkot-bogor/presensi-2025-09-10.csv');
const WRONG = /Menurut daftar pegawai, (\d+) dari (\d+) NIP berkas ini terdaftar di instansi PEMKOT-BOGOR dan hanya 0 di PEMKAB-SLEMAN/;

describe('an import into an agency whose roster holds fewer of the file’s NIPs than another’s warns', () => {
  it('attendance of Bogor’s staff imported for Sleman warns, naming Bogor; imported for Bogor it does not', async () => {
    const core = await freshCore();
    await core.importFiles({ files: [{ path: ROSTER, kind: 'roster', agency: 'PEMKOT-BOGOR' }] });
    const [wrong] = (await core.importFiles({ files: [{ path: ATTENDANCE, kind: 'attendance', agency: 'PEMKAB-SLEMAN' }] })).files;
    expect(wrong!.status).toBe('imported');
    const warning = wrong!.warnings.find((w) => WRONG.test(w));
    expect(warning).toBeDefined();
    const [, matched, of] = WRONG.exec(warning!)!;
    expect(Number(matched)).toBe(Number(of));
    const [right] = (await core.importFiles({ files: [{ path: ATTENDANCE, kind: 'attendance', agency: 'PEMKOT-BOGOR' }] })).files;
    expect(right!.warnings.filter((w) => w.startsWith('Menurut daftar pegawai'))).toEqual([]);
  });

  it('a roster of Bogor’s staff imported again for Sleman warns too: the file is judged by the other rosters', async () => {
    const core = await freshCore();
    await core.importFiles({ files: [{ path: ROSTER, kind: 'roster', agency: 'PEMKOT-BOGOR' }] });
    const [again] = (await core.importFiles({ files: [{ path: ROSTER, kind: 'roster', agency: 'PEMKAB-SLEMAN' }] }, { lang: 'en' })).files;
    expect(again!.warnings.some((w) => /^By the rosters, \d+ of the \d+ NIPs in this file belong to agency PEMKOT-BOGOR and only 0 to PEMKAB-SLEMAN/.test(w))).toBe(true);
  });

  it('with no roster known, nothing is said', async () => {
    const core = await freshCore();
    const [f] = (await core.importFiles({ files: [{ path: ATTENDANCE, kind: 'attendance', agency: 'PEMKAB-SLEMAN' }] })).files;
    expect(f!.warnings.filter((w) => w.startsWith('Menurut daftar pegawai'))).toEqual([]);
  });
});
