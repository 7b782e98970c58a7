/**
 * The workspace's weekly facts (migration 009): per agency, employee and ISO week, the figures
 * `weekAggregate` makes of the records, for whole weeks. A check reads them instead of every record
 * (run-tables.ts `employee_weeks`); they are brought up to date before a check reads them and by
 * every import and undo, so that a month imported costs its own weeks, not the workspace's.
 *
 * They are a cache of the records and never the only copy of anything: what a fact depends on is
 * recorded with it, and whatever may be out of date is rebuilt from the records.
 * - An attendance batch imported or undone changes rows only between its first and last key date
 *   (a merge replaces rows with the same key; an undo restores the rows it replaced): the weeks of
 *   that range are rebuilt for every agency. A batch whose range is not known (imported before the
 *   range was kept) rebuilds everything.
 * - An agency's facts are built with its effective profile (work days, breaks, weekly hours, Ramadan)
 *   and the holidays: when either changes, or the SQL that makes them, that agency's facts are
 *   rebuilt whole.
 */
import { createHash } from 'node:crypto';
import { addDays } from '../../contract/dates.ts';
import type { Db } from '../db/database.ts';
import { batchRecords } from '../import/batches.ts';
import type { RuleBook } from './rule-book.ts';
import { AGENCY_DAYS, createRunProfiles, runProfileOf, weekAggregate, weekStart, type RunProfile } from './run-tables.ts';

/** Facts for every record `where` selects, of the agencies in `run_profiles` (with `agency_days` built for their dates). */
export const insertWeekFacts = (where: string) => `INSERT INTO week_facts
${weekAggregate(where, 'true')}`;

const HOLIDAY_DATES = `SELECT coalesce(string_agg(DISTINCT strftime(date, '%Y-%m-%d'), ',' ORDER BY strftime(date, '%Y-%m-%d')), '') AS days
FROM calendar
WHERE day_type = 'HOLIDAY'`;

/** Attendance batches whose state the facts do not reflect yet, with the Monday and Sunday around their key dates. */
const CHANGED_BATCHES = `SELECT
  b.batch_id,
  b.key_from IS NULL AND ${batchRecords('b')} > 0 AS unknown,
  strftime(${weekStart('b.key_from')}, '%Y-%m-%d') AS lo,
  strftime(${weekStart('b.key_to')} + 6, '%Y-%m-%d') AS hi
FROM batches b
LEFT JOIN week_fact_batches w ON w.batch_id = b.batch_id
WHERE b.kind = 'attendance' AND w.status IS DISTINCT FROM b.status`;

const stampOf = (logic: string, profile: RunProfile, holidays: string) =>
  createHash('sha256').update(JSON.stringify([logic, profile.values, holidays])).digest('hex');

/** What makes an agency's facts besides its profile and the holidays: another release may make them differently. */
const LOGIC = createHash('sha256').update(JSON.stringify([AGENCY_DAYS, insertWeekFacts('')])).digest('hex');

/** Whole-week date ranges, overlapping or adjacent ones merged. */
function mergeRanges(ranges: { lo: string; hi: string }[]): { lo: string; hi: string }[] {
  const merged: { lo: string; hi: string }[] = [];
  for (const r of [...ranges].sort((a, b) => a.lo.localeCompare(b.lo))) {
    const last = merged.at(-1);
    // Ranges run Monday to Sunday, so the next one starting within a day of the last one's end touches it.
    if (last && r.lo <= addDays(last.hi, 1)) last.hi = r.hi > last.hi ? r.hi : last.hi;
    else merged.push({ ...r });
  }
  return merged;
}

/**
 * Brings `week_facts` up to date with the records, the profiles and the holidays; the caller holds
 * the transaction (an import's or undo's own, or the check's).
 */
export async function refreshWeekFacts(db: Db, book: RuleBook): Promise<void> {
  const agencies = (await db.all<{ agency: string }>('SELECT DISTINCT agency FROM attendance WHERE agency IS NOT NULL ORDER BY 1'))
    .map((r) => r.agency);
  const holidays = (await db.one<{ days: string }>(HOLIDAY_DATES))!.days;
  const profiles: RunProfile[] = [];
  for (const agency of agencies) profiles.push((await runProfileOf(db, book, agency)).row);
  const stamps = new Map(profiles.map((p) => [p.agency, stampOf(LOGIC, p, holidays)]));
  const stored = new Map((await db.all<{ agency: string; stamp: string }>('SELECT agency, stamp FROM week_fact_agencies'))
    .map((r) => [r.agency, r.stamp]));
  const changed = await db.all<{ batch_id: string; unknown: boolean; lo: string | null; hi: string | null }>(CHANGED_BATCHES);
  const everything = changed.some((b) => b.unknown);
  const stale = everything ? agencies : agencies.filter((a) => stored.get(a) !== stamps.get(a));
  const gone = [...stored.keys()].filter((a) => !stamps.has(a));
  const ranges = everything ? [] : mergeRanges(changed.filter((b) => b.lo && b.hi).map((b) => ({ lo: b.lo!, hi: b.hi! })));
  if (stale.length === 0 && gone.length === 0 && ranges.length === 0) {
    if (changed.length) await recordState(db, stamps);
    return;
  }

  // Which facts go, and which records make them again: every week of a stale agency, the changed weeks of every agency.
  const dates: Record<string, string> = {};
  ranges.forEach((r, i) => {
    dates[`lo${i}`] = r.lo;
    dates[`hi${i}`] = r.hi;
  });
  const within = (column: string) => ranges.map((_, i) => `${column} BETWEEN CAST($lo${i} AS DATE) AND CAST($hi${i} AS DATE)`);
  const listOf = (name: string) => `(SELECT unnest(from_json($${name}, '["VARCHAR"]')))`;
  await db.run(
    `DELETE FROM week_facts WHERE ${[`agency IN ${listOf('stale')}`, `agency IN ${listOf('gone')}`, ...within('week_start')].join(' OR ')}`,
    { stale: JSON.stringify(stale), gone: JSON.stringify(gone), ...dates },
  );
  const span = (await db.one<{ lo: string | null; hi: string | null }>(
    `SELECT strftime(min(date), '%Y-%m-%d') AS lo, strftime(max(date), '%Y-%m-%d') AS hi FROM attendance`,
  ))!;
  if (span.lo && span.hi && (stale.length || ranges.length)) {
    // agency_days covers the years of the records read: all of them when an agency is rebuilt whole.
    const days = stale.length ? span : { lo: ranges[0]!.lo, hi: ranges.at(-1)!.hi };
    await createRunProfiles(db, book, profiles);
    await db.run(AGENCY_DAYS, { weekFrom: days.lo, weekTo: days.hi });
    await db.run(insertWeekFacts([`a.agency IN ${listOf('stale')}`, ...within('a.date')].join(' OR ')), { stale: JSON.stringify(stale), ...dates });
  }
  await recordState(db, stamps);
  await db.run('DROP TABLE IF EXISTS agency_days; DROP TABLE IF EXISTS run_profiles');
}

/** The facts now reflect every attendance batch as it stands and each agency's stamp. */
async function recordState(db: Db, stamps: Map<string, string>): Promise<void> {
  await db.run('DELETE FROM week_fact_batches');
  await db.run(`INSERT INTO week_fact_batches SELECT batch_id, status FROM batches WHERE kind = 'attendance'`);
  await db.run('DELETE FROM week_fact_agencies');
  await db.run(
    `INSERT INTO week_fact_agencies SELECT unnest(from_json($agencies, '["VARCHAR"]')), unnest(from_json($stamps, '["VARCHAR"]'))`,
    { agencies: JSON.stringify([...stamps.keys()]), stamps: JSON.stringify([...stamps.values()]) },
  );
}
