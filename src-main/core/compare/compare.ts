import type {
  BeforeAfter, BeforeAfterGroup, CompareRequest, CompareResult, Difference, GroupComparison, GroupRate,
  PerformanceComparison, RatingCount, SurveyFigures, SurveySummary,
} from '../../contract/compare-types.ts';
import type { Db } from '../db/database.ts';
import { effectiveProfile, numberParam } from '../rules/profiles.ts';
import type { RuleBook } from '../rules/rule-book.ts';
import {
  BEFORE_AFTER_SQL, CMP_COUNTS_SQL, CMP_RATINGS_SQL, CREATE_CMP_RECORDS, START_DATES_SQL, SURVEY_SQL,
} from './compare-sql.ts';
import { newcombe, wilson } from './intervals.ts';

/** The FWA survey the government cited with PermenPANRB 4/2025 (docs/rules.md, Flexible versus conventional). */
export const SURVEY_REFERENCE = {
  satisfiedPct: 90.22,
  metTargetPct: 90.73,
  source: 'Survei FWA yang dikutip pemerintah saat menerbitkan PermenPANRB 4/2025 (survei fleksibilitas kerja Kemenkeu)',
};

function monthRange(period: string | undefined): { monthStart: string | null; monthEnd: string | null } {
  if (period === undefined) return { monthStart: null, monthEnd: null };
  const [year, month] = period.split('-') as [string, string];
  const last = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
  return { monthStart: `${year}-${month}-01`, monthEnd: `${year}-${month}-${String(last).padStart(2, '0')}` };
}

/** n, met and — when n reaches minGroupSize — the rate with its Wilson interval, unrounded. */
export function groupRate(n: number, met: number, minGroupSize: number): GroupRate {
  const small = n < minGroupSize || n === 0;
  if (small) return { n, met, rate: null, ci95: null, small: true };
  return { n, met, rate: met / n, ci95: wilson(met, n), small: false };
}

export function difference(a: GroupRate, b: GroupRate): Difference {
  if (a.small || b.small) return { value: null, ci95: null };
  return { value: a.met / a.n - b.met / b.n, ci95: newcombe(a.met, a.n, b.met, b.n) };
}

interface CountRow {
  level: 'all' | 'agency' | 'unit';
  agency: string | null;
  unit: string | null;
  grp: 'flex' | 'conventional' | 'unrated' | null;
  n: number;
  met: number;
}

function comparison(rows: CountRow[], minGroupSize: number): GroupComparison {
  const pick = (grp: CountRow['grp']) => rows.find((r) => r.grp === grp);
  const flex = groupRate(pick('flex')?.n ?? 0, pick('flex')?.met ?? 0, minGroupSize);
  const conventional = groupRate(pick('conventional')?.n ?? 0, pick('conventional')?.met ?? 0, minGroupSize);
  return {
    flex, conventional, difference: difference(flex, conventional), withoutAttendance: pick(null)?.n ?? 0,
    withoutRating: pick('unrated')?.n ?? 0,
  };
}

function groupBy<T>(rows: T[], key: (r: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

async function performance(db: Db, scope: Record<string, string | null>, minGroupSize: number): Promise<PerformanceComparison> {
  await db.run(CREATE_CMP_RECORDS, scope);
  const rows = await db.all<CountRow & Record<string, unknown>>(CMP_COUNTS_SQL);
  const ratings = await db.all<RatingCount & Record<string, unknown>>(CMP_RATINGS_SQL);
  await db.run('DROP TABLE cmp_records');
  const agencyRows = groupBy(rows.filter((r) => r.level === 'agency'), (r) => r.agency ?? '');
  const unitRows = groupBy(rows.filter((r) => r.level === 'unit'), (r) => JSON.stringify([r.agency, r.unit]));
  return {
    ...comparison(rows.filter((r) => r.level === 'all'), minGroupSize),
    byAgency: [...agencyRows].map(([agency, rs]) => ({ agency, ...comparison(rs, minGroupSize) })),
    byUnit: [...unitRows.values()].map((rs) => ({
      agency: rs[0]?.agency ?? '', unit: rs[0]?.unit ?? null, ...comparison(rs, minGroupSize),
    })),
    ratings: ratings.map((r) => ({ group: r.group, rating: r.rating, n: r.n })),
  };
}

async function beforeAfter(db: Db, agency: string | null, windowMonths: number, minGroupSize: number): Promise<BeforeAfter> {
  const rows = await db.all<{ grp: string; side: string | null; n: number; met: number; units: number }>(
    BEFORE_AFTER_SQL, { agency, window: windowMonths });
  const starts = await db.all<{ d: string }>(START_DATES_SQL, { agency });
  const group = (grp: string): BeforeAfterGroup => {
    const cell = (side: string) => rows.find((r) => r.grp === grp && r.side === side);
    const before = groupRate(cell('before')?.n ?? 0, cell('before')?.met ?? 0, minGroupSize);
    const after = groupRate(cell('after')?.n ?? 0, cell('after')?.met ?? 0, minGroupSize);
    const units = rows.find((r) => r.grp === grp && r.side === null)?.units ?? 0;
    const change = before.small || after.small ? null : after.met / after.n - before.met / before.n;
    return { units, before, after, change };
  };
  const starters = group('starters');
  const nonStarters = group('nonStarters');
  const did = starters.change === null || nonStarters.change === null ? null : starters.change - nonStarters.change;
  return { windowMonths, startDates: starts.map((s) => s.d), starters, nonStarters, differenceInDifferences: did };
}

interface SurveyRow {
  level: 'all' | 'agency' | 'unit';
  agency: string | null;
  unit: string | null;
  respondents: number;
  participants: number;
  non_participants: number;
  satisfied_answered: number;
  satisfied: number;
  met_answered: number;
  met: number;
}

/** A share as a percentage, as the survey reports it, with its Wilson interval; unrounded. */
function pct(x: number, n: number, minGroupSize: number): { pct: number | null; ci: [number, number] | null } {
  if (n === 0 || n < minGroupSize) return { pct: null, ci: null };
  const [lo, hi] = wilson(x, n);
  return { pct: (100 * x) / n, ci: [100 * lo, 100 * hi] };
}

function surveyFigures(r: SurveyRow | undefined, minGroupSize: number): SurveyFigures {
  const s = pct(r?.satisfied ?? 0, r?.satisfied_answered ?? 0, minGroupSize);
  const m = pct(r?.met ?? 0, r?.met_answered ?? 0, minGroupSize);
  return {
    respondents: r?.respondents ?? 0, participants: r?.participants ?? 0, nonParticipants: r?.non_participants ?? 0,
    satisfied: r?.satisfied ?? 0, satisfiedAnswered: r?.satisfied_answered ?? 0, satisfiedPct: s.pct, satisfiedCi95: s.ci,
    metTarget: r?.met ?? 0, metTargetAnswered: r?.met_answered ?? 0, metTargetPct: m.pct, metTargetCi95: m.ci,
  };
}

async function survey(db: Db, agency: string | null, minGroupSize: number): Promise<SurveySummary> {
  const rows = await db.all<SurveyRow & Record<string, unknown>>(SURVEY_SQL, { agency });
  return {
    ...surveyFigures(rows.find((r) => r.level === 'all'), minGroupSize),
    byAgency: rows.filter((r) => r.level === 'agency').map((r) => ({ agency: r.agency ?? '', ...surveyFigures(r, minGroupSize) })),
    byUnit: rows.filter((r) => r.level === 'unit').map((r) => ({ agency: r.agency ?? '', unit: r.unit, ...surveyFigures(r, minGroupSize) })),
    reference: { ...SURVEY_REFERENCE },
  };
}

/** The comparison (docs/rules.md) over the workspace; minGroupSize and windowMonths come from the scope's effective profile. */
export async function compare(db: Db, book: RuleBook, req: CompareRequest): Promise<CompareResult> {
  const agency = req.agency ?? null;
  const months = monthRange(req.period);
  const profile = await effectiveProfile(db, book, agency);
  const minGroupSize = numberParam(profile.params, 'minGroupSize');
  const windowMonths = numberParam(profile.params, 'windowMonths');
  return {
    agency,
    period: req.period ?? null,
    profileVersion: profile.version,
    minGroupSize,
    performance: await performance(db, { agency, ...months }, minGroupSize),
    beforeAfter: await beforeAfter(db, agency, windowMonths, minGroupSize),
    survey: await survey(db, agency, minGroupSize),
  };
}
