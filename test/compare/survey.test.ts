import { describe, expect, it } from 'vitest';
import { wilson } from '../../src-main/core/compare/intervals.ts';
import { csv, freshCore, importOne, writeText } from '../helpers/workspace.ts';

const HEADER = ['ID Responden', 'Instansi', 'Unit Kerja', 'Pernah Menjalankan FWA (Ya/Tidak)', 'Kepuasan terhadap FWA (1-5)', 'Target Kinerja Tercapai (Ya/Tidak)'];

describe('survey summary (rules.md §4, Kemenkeu-style)', () => {
  it('10,000 participants built to give 90.22 % satisfied and 90.73 % met target give exactly those figures', async () => {
    const core = await freshCore();
    const rows: string[][] = [];
    for (let i = 0; i < 10_000; i++) {
      // 9,022 satisfied (4 or 5), 978 not (1–3); 9,073 met target; spread over two agencies.
      const satisfaction = i < 9_022 ? String(4 + (i % 2)) : String(1 + (i % 3));
      rows.push([`R${i}`, i % 2 ? 'KEMENKEU' : 'KEMENDAGRI', i % 4 < 2 ? 'Biro Umum' : 'Biro SDM', 'Ya', satisfaction, i < 9_073 ? 'Ya' : 'Tidak']);
    }
    for (let i = 0; i < 250; i++) rows.push([`N${i}`, 'KEMENKEU', 'Biro Umum', 'Tidak', '', '']);
    const path = writeText(core.dir, 'survei.csv', csv([HEADER, ...rows]));
    const imported = await importOne(core, { path, kind: 'survey' });
    expect(imported.rowsImported).toBe(10_250);

    const { survey } = await core.compare({});
    expect(survey).toMatchObject({
      respondents: 10_250, participants: 10_000, nonParticipants: 250,
      satisfied: 9_022, satisfiedAnswered: 10_000, satisfiedPct: 90.22,
      metTarget: 9_073, metTargetAnswered: 10_000, metTargetPct: 90.73,
    });
    const [lo, hi] = wilson(9_022, 10_000);
    expect(survey.satisfiedCi95).toEqual([100 * lo, 100 * hi]);
    // By hand: centre 0.90205, half-width 0.00582.
    expect(survey.satisfiedCi95).toEqual([expect.closeTo(89.62, 2), expect.closeTo(90.79, 2)]);
    expect(survey.reference).toMatchObject({ satisfiedPct: 90.22, metTargetPct: 90.73 });
    expect(survey.byAgency.map((a) => [a.agency, a.participants, a.nonParticipants])).toEqual([
      ['KEMENDAGRI', 5_000, 0], ['KEMENKEU', 5_000, 250],
    ]);
    expect(survey.byUnit).toHaveLength(4);
  }, 60_000);

  it('an unanswered satisfaction leaves the respondent out of that share; small units show no share', async () => {
    const core = await freshCore();
    const rows = [
      ['R1', 'KEMENDAGRI', 'Biro Umum', 'Ya', '5', 'Ya'],
      ['R2', 'KEMENDAGRI', 'Biro Umum', 'Ya', '', 'Ya'],
      ['R3', 'KEMENDAGRI', 'Biro Umum', 'Ya', '2', 'Tidak'],
    ];
    const path = writeText(core.dir, 'survei.csv', csv([HEADER, ...rows]));
    await importOne(core, { path, kind: 'survey' });
    await core.setProfile({ set: { minGroupSize: '2' } });
    const { survey } = await core.compare({});
    expect(survey).toMatchObject({ participants: 3, satisfied: 1, satisfiedAnswered: 2, satisfiedPct: 50, metTarget: 2, metTargetPct: expect.closeTo(66.67, 2) });
    await core.setProfile({ set: { minGroupSize: '5' } });
    const small = await core.compare({});
    expect(small.survey.byUnit[0]).toMatchObject({ participants: 3, satisfiedPct: null, satisfiedCi95: null, metTargetPct: null });
  });
});
