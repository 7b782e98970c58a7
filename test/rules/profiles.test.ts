import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ProfilesFile } from '../../src-main/contract/rules-types.ts';
import { checkWhole } from '../helpers/checks.ts';
import { pantau } from '../helpers/cli.ts';
import { freshCore, tempDir } from '../helpers/workspace.ts';

describe('rule profiles', () => {
  it('the national profile holds the defaults of rules.md and is version 1 in a new workspace', async () => {
    const core = await freshCore();
    const p = await core.getProfile({});
    expect(p.version).toBe('nasional v1');
    expect(p.params).toMatchObject({ maxFlexDays: 2, weeklyHours: 37.5, ramadanWeeklyHours: 32.5, breakFri: '11:30-13:00', minGroupSize: 5 });
    expect(Object.values(p.params.rules).every((r) => r.enabled)).toBe(true);
  });

  it('an agency profile may be stricter; each change is a new version', async () => {
    const core = await freshCore();
    await core.setProfile({ agency: 'KEMENKEU', set: { maxFlexDays: '1', weeklyHours: '42,75', name: 'Kementerian Keuangan', level: 'pusat' } });
    const p = await core.setProfile({ agency: 'KEMENKEU', set: { 'rules.APR-01.enabled': 'false' } });
    expect(p).toMatchObject({ version: 'nasional v1 + KEMENKEU v2', name: 'Kementerian Keuangan', level: 'pusat' });
    expect(p.params).toMatchObject({ maxFlexDays: 1, weeklyHours: 42.75 });
    expect(p.params.rules['APR-01']?.enabled).toBe(false);
    expect((await core.getProfile({ agency: 'OTHER' })).params.maxFlexDays).toBe(2);
  });

  it('a looser profile is refused citing Pasal 13, and nothing is stored', async () => {
    const core = await freshCore();
    await expect(core.setProfile({ agency: 'X', set: { maxFlexDays: '3' } })).rejects.toMatchObject({
      code: 'PROFILE_REFUSED', message: expect.stringContaining('Pasal 13 ayat (1)'),
    });
    expect((await core.getProfile({ agency: 'X' })).version).toBe('nasional v1');
    await expect(core.setProfile({ set: { breakFri: '13:00-11:30' } })).rejects.toMatchObject({ code: 'PROFILE_REFUSED' });
    await expect(core.setProfile({ set: { bogus: '1' } })).rejects.toThrow(/tidak dikenal/);
  });

  it('a number must be written as a plain decimal: empty, blank, hex and exponent forms are refused', async () => {
    const core = await freshCore();
    for (const [key, value] of [['maxFlexDays', ''], ['toleranceMinutes', ' '], ['weeklyHours', '0x20'], ['weeklyHours', '4e1'],
      ['minGroupSize', '0b101'], ['windowMonths', 'Infinity'], ['weeklyHours', '1.000,5'], ['ramadanWeeklyHours', '.5']]) {
      await expect(core.setProfile({ agency: 'A', set: { [key!]: value! } })).rejects.toMatchObject({
        code: 'PROFILE_REFUSED', details: { key }, message: expect.stringMatching(new RegExp(` harus .*, bukan "${value!.replace('.', '\\.')}"`)),
      });
    }
    expect((await core.getProfile({ agency: 'A' })).version).toBe('nasional v1');
    const p = await core.setProfile({ agency: 'A', set: { maxFlexDays: ' 1 ', weeklyHours: '42,75', ramadanWeeklyHours: '32.5', toleranceMinutes: '0' } });
    expect(p.params).toMatchObject({ maxFlexDays: 1, weeklyHours: 42.75, ramadanWeeklyHours: 32.5, toleranceMinutes: 0 });
    await expect(core.setProfile({ agency: 'A', set: { maxFlexDays: '-1' } })).rejects.toThrow(/antara 0 dan 7/);
  });

  it('a Ramadan date that does not exist is refused, and every check still runs (fixed bug: 2025-02-31 was stored, rolled over by Date.parse, and every check then failed in DuckDB)', async () => {
    const core = await freshCore();
    for (const agency of [undefined, 'A']) {
      await expect(core.setProfile({ ...(agency ? { agency } : {}), set: { ramadanFrom: '2025-02-31' } })).rejects.toMatchObject({
        code: 'PROFILE_REFUSED', message: 'Ramadan mulai harus tanggal YYYY-MM-DD yang ada, bukan "2025-02-31".', details: { key: 'ramadanFrom' },
      });
    }
    await expect(core.importProfiles({ file: { pantauProfiles: 1, profiles: [{ agency: null, version: 1, overrides: { ramadanTo: '2026-13-01' }, savedAt: '' }] } }))
      .rejects.toMatchObject({ code: 'PROFILE_REFUSED' });
    expect((await core.getProfile({})).params).toMatchObject({ ramadanFrom: null, ramadanTo: null });
    await expect(checkWhole(core, {})).resolves.toMatchObject({ findings: [] });
    const p = await core.setProfile({ set: { ramadanFrom: '2026-02-18', ramadanTo: '2026-03-19' } });
    expect(p.params).toMatchObject({ ramadanFrom: '2026-02-18', ramadanTo: '2026-03-19' });
  });

  it('an imported profile file with a null number is refused like an empty value, and nothing is stored', async () => {
    const core = await freshCore();
    const file = { pantauProfiles: 1 as const, profiles: [{ agency: 'A', overrides: { maxFlexDays: null } }] } as unknown as ProfilesFile;
    await expect(core.importProfiles({ file })).rejects.toMatchObject({
      code: 'PROFILE_REFUSED', message: 'Profil A: Batas hari fleksibel lokasi per minggu harus bilangan bulat antara 0 dan 7 hari, bukan "".', details: { key: 'maxFlexDays' },
    });
    expect((await core.getProfile({ agency: 'A' })).version).toBe('nasional v1');
    // A null date still means "no Ramadan dates", as the export writes it.
    const dates = { pantauProfiles: 1 as const, profiles: [{ agency: 'A', overrides: { ramadanFrom: null } }] } as unknown as ProfilesFile;
    await core.importProfiles({ file: dates });
    expect((await core.getProfile({ agency: 'A' })).params.ramadanFrom).toBeNull();
  });

  it('pantau profile --set with an empty, blank or hex number exits 1 and stores nothing', () => {
    const db = join(tempDir(), 'ws.duckdb');
    for (const set of ['maxFlexDays=', 'toleranceMinutes= ', 'weeklyHours=0x20']) {
      const r = pantau(['profile', '--db', db, '--agency', 'A', '--set', set, '--json']);
      expect(r.status).toBe(1);
      expect(JSON.parse(r.stdout)).toMatchObject({ code: 'PROFILE_REFUSED', error: expect.stringContaining(`bukan "${set.slice(set.indexOf('=') + 1)}"`) });
    }
    expect(JSON.parse(pantau(['profile', '--db', db, '--agency', 'A', '--json']).stdout)).toMatchObject({ version: 'nasional v1' });
  });

  it('profiles export to a JSON file and import into another workspace', async () => {
    const dir = tempDir();
    const a = join(dir, 'a.duckdb');
    const b = join(dir, 'b.duckdb');
    const file = join(dir, 'profil.json');
    expect(pantau(['profile', '--db', a, '--agency', 'PEMKOT-BOGOR', '--set', 'maxFlexDays=1', '--set', 'province=Jawa Barat']).status).toBe(0);
    expect(pantau(['profile', '--db', a, '--export', file]).status).toBe(0);
    expect(pantau(['profile', '--db', b, '--import', file]).status).toBe(0);
    const shown = JSON.parse(pantau(['profile', '--db', b, '--agency', 'PEMKOT-BOGOR', '--json']).stdout);
    expect(shown).toMatchObject({ agency: 'PEMKOT-BOGOR', province: 'Jawa Barat', params: { maxFlexDays: 1 } });
  });

  it('pantau profile --set refuses a looser value with exit 1 and the Pasal 13 message', () => {
    const dir = tempDir();
    const r = pantau(['profile', '--db', join(dir, 'ws.duckdb'), '--agency', 'A', '--set', 'maxFlexDays=4', '--json']);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ code: 'PROFILE_REFUSED', error: expect.stringContaining('PermenPANRB 4/2025 Pasal 13 ayat (1)') });
  });
});
