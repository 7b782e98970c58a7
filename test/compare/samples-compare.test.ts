import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CompareResult } from '../../src-main/contract/compare-types.ts';
import { pantauInProcess as run } from '../helpers/cli-in-process.ts';
import { SAMPLES } from '../helpers/samples.ts';
import { samplesWorkspace, suiteDir } from '../helpers/workspace.ts';

interface Counts { n: number; met: number }
/** The generator's hand count of §4 over its own model (samples/expected.json). */
const expected = JSON.parse(readFileSync(join(SAMPLES, 'expected.json'), 'utf8')) as {
  compare: { flex: Counts; conventional: Counts; withoutAttendance: number;
    byAgency: { agency: string; flex: Counts; conventional: Counts; withoutAttendance: number }[] };
  survey: { respondents: number; participants: number; nonParticipants: number; satisfied: number; metTarget: number;
    satisfiedPct: number; metTargetPct: number;
    byAgency: { agency: string; participants: number; nonParticipants: number; satisfiedPct: number; metTargetPct: number }[] };
};

describe('pantau compare on the samples', () => {
  // compare only reads the workspace: one copy of the samples' workspace serves every test.
  let db: string;
  let result: CompareResult;

  beforeAll(async () => {
    db = await samplesWorkspace(suiteDir());
    const compared = await run(['compare', '--db', db, '--json']);
    expect(compared.status).toBe(0);
    result = JSON.parse(compared.stdout) as CompareResult;
  }, 180_000);

  it('flex and conventional counts equal the generator’s hand count, overall and per agency', () => {
    const p = result.performance;
    const e = expected.compare;
    expect({ flex: { n: p.flex.n, met: p.flex.met }, conventional: { n: p.conventional.n, met: p.conventional.met } })
      .toEqual({ flex: e.flex, conventional: e.conventional });
    expect(p.withoutAttendance).toBe(e.withoutAttendance);
    const byAgency = p.byAgency.map((a) => ({ agency: a.agency, flex: { n: a.flex.n, met: a.flex.met },
      conventional: { n: a.conventional.n, met: a.conventional.met }, withoutAttendance: a.withoutAttendance }));
    expect(byAgency).toEqual([...e.byAgency].sort((a, b) => a.agency.localeCompare(b.agency)));
  });

  it('has the JSON shape of cli.md: rates as fractions with Wilson intervals and the Newcombe difference', () => {
    const p = result.performance;
    expect(p.flex.rate).toBe(Number((p.flex.met / p.flex.n).toFixed(4)));
    expect(p.flex.ci95![0]).toBeLessThan(p.flex.rate!);
    expect(p.flex.ci95![1]).toBeGreaterThan(p.flex.rate!);
    expect(p.difference.value).toBeCloseTo(p.flex.met / p.flex.n - p.conventional.met / p.conventional.n, 4);
    expect(p.difference.ci95).toHaveLength(2);
    expect(p.byUnit.length).toBeGreaterThan(p.byAgency.length);
    const unitTotal = p.byUnit.reduce((s, u) => s + u.flex.n + u.conventional.n + u.withoutAttendance, 0);
    expect(unitTotal).toBe(p.flex.n + p.conventional.n + p.withoutAttendance);
    expect(p.byUnit.some((u) => u.flex.small && u.flex.n > 0)).toBe(true);
  });

  it('the survey summary equals the generator’s count and carries the reference figures', () => {
    const s = result.survey;
    const e = expected.survey;
    expect(s).toMatchObject({ respondents: e.respondents, participants: e.participants, nonParticipants: e.nonParticipants,
      satisfied: e.satisfied, metTarget: e.metTarget, satisfiedPct: e.satisfiedPct, metTargetPct: e.metTargetPct });
    expect(s.reference).toMatchObject({ satisfiedPct: 90.22, metTargetPct: 90.73 });
    expect(s.byAgency.map((a) => [a.agency, a.participants, a.nonParticipants, a.satisfiedPct, a.metTargetPct]))
      .toEqual([...e.byAgency].sort((a, b) => a.agency.localeCompare(b.agency))
        .map((a) => [a.agency, a.participants, a.nonParticipants, a.satisfiedPct, a.metTargetPct]));
  });

  it('before/after uses the units’ FWA start dates', () => {
    expect(result.beforeAfter.startDates.length).toBeGreaterThan(0);
    expect(result.beforeAfter.starters.units).toBeGreaterThan(0);
    expect(result.beforeAfter.starters.before.n).toBeGreaterThan(0);
  });

  it('prints a readable summary without --json, and refuses a malformed period as wrong usage (exit 2)', async () => {
    const text = await run(['compare', '--db', db, '--agency', 'PEMKOT-BOGOR']);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('PEMKOT-BOGOR');
    expect(text.stdout).toMatch(/fleksibel: 12\/13 = 92,3\u00a0%/);
    expect(text.stdout).toContain('acuan: puas 90,22\u00a0%');
    const bad = await run(['compare', '--db', db, '--period', 'September']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--period harus berbentuk YYYY-MM');
  });
});
