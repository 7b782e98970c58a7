import { createHash } from 'node:crypto';
import { addDays } from '../../contract/dates.ts';
import type { FormatLang } from '../../contract/format.ts';
import { AppError } from '../../contract/errors.ts';
import {
  CHECK_RESULT_FINDINGS, RUN_FINDINGS_PAGE, type ComplianceRow, type DataQuality, type Finding, type NoteKind, type Ratio,
  type RunChecksRequest, type RunChecksResult, type RunFindingsRequest, type RunFindingsResult, type RunNotesRequest, type RunNotesResult,
} from '../../contract/rules-types.ts';
import type { Db } from '../db/database.ts';
import { numberedList } from '../db/numbered-list.ts';
import { batchRecords } from '../import/batches.ts';
import { PANTAU_VERSION } from '../export/version.ts';
import {
  COMPLIANCE_SQL, NOTES_SQL, OBSERVED_WEEKS, RATED_RULES, ruleCounts, RUN_WEEK_ROWS, TAKEN_WEEK, weekCountsSql, type WeekCounts,
} from './compliance-sql.ts';
import { effectiveProfile } from './profiles.ts';
import type { RuleBook, StoredFinding } from './rule-book.ts';
import {
  buildSharedTables, createRunProfiles, DROP_RUN_TABLES, JUDGED, judgeWeeks, runProfileOf, SHARED_RUN_TABLES, type JudgedSpan, type RunRange,
} from './run-tables.ts';
import { refreshWeekFacts } from './week-facts.ts';
import { findingsOf, keptFindings } from './findings-sql.ts';

async function scopeRange(db: Db, req: RunChecksRequest): Promise<{ from: string | null; to: string | null }> {
  const row = await db.one<{ lo: string | null; hi: string | null }>(
    `SELECT strftime(min(date), '%Y-%m-%d') AS lo, strftime(max(date), '%Y-%m-%d') AS hi
FROM attendance
WHERE $agency IS NULL OR agency = $agency`,
    { agency: req.agency ?? null },
  );
  return { from: req.from ?? row?.lo ?? null, to: req.to ?? row?.hi ?? null };
}

/** Fills `run_profiles` with each agency's effective profile; returns the versions used and each agency's province. */
async function loadProfiles(db: Db, book: RuleBook, agencies: string[]): Promise<{ version: string; provinces: Map<string, string | null> }> {
  const versions = new Set<string>();
  const provinces = new Map<string, string | null>();
  const rows = [];
  for (const agency of agencies) {
    const { row, version, province } = await runProfileOf(db, book, agency);
    versions.add(version);
    provinces.set(agency, province?.trim() || null);
    rows.push(row);
  }
  await createRunProfiles(db, book, rows);
  if (versions.size === 0) versions.add((await effectiveProfile(db, book, null)).version);
  return { version: [...versions].sort().join('; '), provinces };
}

/** The agencies' totals summed per province, provinces in order and "no province" last. */
function byRegion(rows: ComplianceRow[], provinces: Map<string, string | null>): RunChecksResult['complianceByRegion'] {
  const sums = new Map<string | null, { employee_weeks: number; compliant: number }>();
  for (const r of rows) {
    if (r.level !== 'agency') continue;
    const province = provinces.get(r.agency ?? '') ?? null;
    const sum = sums.get(province) ?? { employee_weeks: 0, compliant: 0 };
    sum.employee_weeks += r.employeeWeeks;
    sum.compliant += r.compliantEmployeeWeeks;
    sums.set(province, sum);
  }
  return [...sums].sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b, 'id')))
    .map(([province, sum]) => ({ province, ...ratio(sum) }));
}

const FINDING_COLUMNS = `rule, nip, name, agency, unit, period, strftime(period_start, '%Y-%m-%d') AS "periodStart",
  strftime(period_end, '%Y-%m-%d') AS "periodEnd", figures, detail, basis, status, sources`;

/**
 * A finding `f` of this run is the finding `o` of the run before when both name the same rule,
 * employee, period and agency: an employee moved mid-week can fail the same week in two agencies,
 * and each is a finding of its own. Matched on the first three only, and joined rather than looked
 * up, each was stored once per match: two, then four, then eight.
 */
const SAME_FINDING = 'o.rule = f.rule AND o.nip = f.nip AND o.period = f.period AND o.agency IS NOT DISTINCT FROM f.agency';

/** The columns of `findings` a run writes. */
const STORED_COLUMNS = ['run_id', 'rule', 'nip', 'name', 'agency', 'unit', 'period', 'period_start', 'period_end', 'week', 'figures', 'detail', 'basis', 'status', 'sources', 'end_seq'];

/**
 * What a finding says besides its name (SAME_FINDING): a finding of the run before is found again
 * as it is when these are the same too, and its row stays the run's (findings-sql.ts).
 */
const SAID = ['name', 'unit', 'period_start', 'period_end', 'week', 'figures', 'basis', 'sources'];

/**
 * A row of STORED_COLUMNS for the run ($run) from the finding `x` (of the rules, or of the run
 * before), its detail, basis and status as given; a resolved row ends with the run (`end_seq`).
 */
function storedRow(x: string, own: { detail: string; basis: string; status: string; end_seq?: string }): string {
  const values: Record<string, string> = { run_id: '$run', end_seq: 'NULL', ...own };
  return STORED_COLUMNS.map((c) => values[c] ?? `${x}.${c}`).join(',\n  ');
}

/**
 * The order of a run's findings, in the check's answer and its pages. Agency, rule, NIP and period
 * name a finding; the other columns only order rows a rule made twice, so that the order is total
 * and consecutive pages neither repeat nor skip a row.
 */
const FINDING_ORDER = 'agency, rule, nip, period, status, unit, name, figures, detail, sources';

/** Rows `offset` to `offset + limit - 1` of the run's findings (or of those it resolved), each with its sentence in `lang`. */
async function readFindings(
  db: Db, book: RuleBook, run: string, resolved: boolean, page: { offset: number; limit: number }, lang: FormatLang,
): Promise<Finding[]> {
  const rows = await db.json<StoredFindingRow>(
    `SELECT ${FINDING_COLUMNS}
FROM ${findingsOf('$run')} f
WHERE (status = 'resolved') = $resolved
ORDER BY ${FINDING_ORDER}
LIMIT $limit OFFSET $offset`,
    { run, resolved, ...page },
  );
  return withSentences(rows, book, lang);
}

type StoredFindingRow = Omit<Finding, 'detail'> & StoredFinding & Record<string, unknown>;

/** Stored findings as the API gives them: the figures written as a sentence in `lang`. */
function withSentences(rows: StoredFindingRow[], book: RuleBook, lang: FormatLang): Finding[] {
  return rows.map(({ figures, ...f }) => ({ ...f, detail: book.detail({ ...f, figures }, lang) }));
}

/** How many findings a stored run has, new among them, and how many it resolved (`runs` keeps the counts). */
async function runCounts(db: Db, run: string): Promise<Pick<RunChecksResult, 'findingsTotal' | 'newFindings' | 'resolvedTotal'> | undefined> {
  return db.one<{ findingsTotal: number; newFindings: number; resolvedTotal: number }>(
    `SELECT findings AS "findingsTotal", new_findings AS "newFindings", resolved_findings AS "resolvedTotal"
FROM runs
WHERE run_id = $run`,
    { run },
  );
}

/** NOT_FOUND for a run the workspace does not have. */
async function assertRun(db: Db, run: string): Promise<void> {
  if (!(await runCounts(db, run))) {
    throw new AppError('NOT_FOUND', `Pemeriksaan ${run} tidak ditemukan.`, `Check run ${run} not found.`, { run });
  }
}

/**
 * The pages of runFindings; NOT_FOUND for a run the workspace does not have. A run's list (or its
 * resolved list) is sorted once (db/numbered-list.ts), kept while that list is paged,
 * so each page is a range read: a fresh sort per page would sort every finding of the run once a
 * page (13 times for 124,000 findings, 100 times for a million). A run's findings never change once
 * it is stored, so the kept list stays right; it is dropped once a page comes back short (the list
 * read to its end), or replaced when another list is paged.
 */
export function createRunFindingsPages(db: Db, book: RuleBook) {
  // The list keeps rowids (a stored finding is never deleted or moved: architecture.test.ts) and
  // each finding's status in the run.
  const list = numberedList(db, 'run_finding_pages', (k) => keptFindings(k, FINDING_COLUMNS));
  return async (req: RunFindingsRequest, lang: FormatLang): Promise<RunFindingsResult> => {
    const { run } = req;
    await assertRun(db, run);
    const resolved = req.resolved ?? false;
    const offset = req.offset ?? 0;
    const limit = req.limit ?? RUN_FINDINGS_PAGE;
    await list.keep(JSON.stringify([run, resolved]), `
SELECT r, status
FROM ${findingsOf('$run')} f
WHERE (status = 'resolved') = $resolved
ORDER BY ${FINDING_ORDER}`, { run, resolved });
    const rows = await list.rows<StoredFindingRow>(offset, limit);
    if (rows.length < limit) await list.forget();
    return { findings: withSentences(rows, book, lang) };
  };
}

/** A stored run without its finding lists and their counts: the export streams the findings from `findings` by run id. */
export type StoredRun = Omit<RunChecksResult, 'findings' | 'resolved' | 'findingsTotal' | 'newFindings' | 'resolvedTotal'>;

/**
 * Called with the run's id once the run is committed, while its temp tables still exist, the run it
 * took the weeks it did not judge from (`source`, the screens' run; '' when it judged every week)
 * and the Monday and Sunday around its dates (`TAKEN_WEEK` binds them). Reading rows a transaction
 * has just written is slower in DuckDB than reading committed ones, so what the screens keep of a
 * run is written after it. A stored run returned again (nothing changed) is passed to it too, its
 * temp tables rebuilt, unless `holds` says the hook already has it.
 */
export interface AfterStore {
  (run: string, source: string, weeks: Pick<RunRange, 'weekFrom' | 'weekTo'>): Promise<void>;
  holds?: (run: string) => Promise<boolean>;
}

/**
 * One check run: every enabled rule over the scope, stored with its provenance, each finding marked
 * new or open against the previous run over the same scope (and what it resolved). When nothing it
 * depends on has changed since that previous run (`fingerprint`), that run is returned as stored:
 * same id, same findings, same new/open/resolved. Findings store figures; their sentences are
 * written in `lang`. The answer lists the first CHECK_RESULT_FINDINGS findings and resolved ones
 * with the counts of each: it stays small however many the run found (runFindings pages through the rest).
 */
export async function runChecks(
  db: Db, book: RuleBook, req: RunChecksRequest, now: Date, lang: FormatLang, afterStore?: AfterStore,
): Promise<RunChecksResult> {
  return withRunTables(db, async () => {
    const { run, profileVersion, from, to, weeksFrom, weeksTo, ...figures } = await check(db, book, req, now, afterStore);
    const first = { offset: 0, limit: CHECK_RESULT_FINDINGS };
    return {
      run, profileVersion, from, to, weeksFrom, weeksTo,
      findings: await readFindings(db, book, run, false, first, lang),
      resolved: await readFindings(db, book, run, true, first, lang),
      ...(await runCounts(db, run))!,
      ...figures,
    };
  });
}

/** The same run, leaving the findings in the database (a million of them need not become objects). */
export async function storeRun(db: Db, book: RuleBook, req: RunChecksRequest, now: Date): Promise<StoredRun> {
  return withRunTables(db, () => check(db, book, req, now, undefined));
}

/** The run's temp tables are dropped whatever happens. */
async function withRunTables<T>(db: Db, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } finally {
    await db.run(DROP_RUN_TABLES);
  }
}

/** The checked dates and the whole ISO weeks around them. */
export function runRange(from: string, to: string): RunRange {
  const { weekFrom, weekTo } = wholeWeeks(from, to);
  return { from, to, weekFrom, weekTo, innerFrom: weekFrom === from ? from : addDays(weekFrom, 7), innerTo: weekTo === to ? to : addDays(weekTo, -7) };
}

/** Bump when a run's stored result changes shape or meaning without a new release. */
const RESULT_FORMAT = 3;

const logicHashes = new WeakMap<RuleBook, string>();

/** The rules and the SQL that make a run's figures: another release or rule book is another logic. */
function logicOf(book: RuleBook): string {
  let hash = logicHashes.get(book);
  if (!hash) {
    hash = sha256([
      RESULT_FORMAT, PANTAU_VERSION, book.catalogue(), book.findingsSql(), book.basisSql('rule'), SHARED_RUN_TABLES, OBSERVED_WEEKS,
      COMPLIANCE_SQL, weekCountsSql('observed_weeks', book.weeklyRateIds), RATED_RULES(book.weeklyRateIds), NOTES_SQL,
    ]);
    logicHashes.set(book, hash);
  }
  return hash;
}

function sha256(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

interface BatchRow {
  batch_id: string;
  status: string;
  kind: string;
  records: number;
  key_from: string | null;
  key_to: string | null;
}

const BATCHES = `SELECT batch_id, status, kind, ${batchRecords('b')} AS records, strftime(key_from, '%Y-%m-%d') AS key_from,
  strftime(key_to, '%Y-%m-%d') AS key_to
FROM batches b
ORDER BY seq`;

const PROFILE_VERSIONS = `SELECT coalesce(string_agg(agency || ' v' || version, ',' ORDER BY agency), '') AS profiles
FROM (SELECT agency, max(version) AS version FROM profiles GROUP BY agency)`;

/**
 * Every batch with its state, and each profile's latest version. Batch numbers are never given
 * twice and an undone batch stays undone, so any import or undo (even an import undone again, or
 * a file undone and imported anew) changes the first; any profile saved changes the second. Both
 * are workspace-wide, as the screens' "stale" mark is: a run over one agency also reads other
 * agencies' records (units, names) and the roster, approvals and calendar are shared.
 */
interface Workspace {
  batches: BatchRow[];
  profiles: string;
}

async function workspaceOf(db: Db): Promise<Workspace> {
  return {
    batches: await db.all<BatchRow & Record<string, unknown>>(BATCHES),
    profiles: (await db.one<{ profiles: string }>(PROFILE_VERSIONS))!.profiles,
  };
}

/**
 * What a run's result depends on: the rules and their code, the request, the data and the profiles.
 * The calendar is data (a batch); no rule reads today's date.
 */
function fingerprintOf(book: RuleBook, req: RunChecksRequest, ws: Workspace): string {
  return sha256({
    logic: logicOf(book), agency: req.agency ?? null, from: req.from ?? null, to: req.to ?? null,
    batches: ws.batches.map((b) => (b.status === 'active' ? b.batch_id : `${b.batch_id} ${b.status}`)).join(','), profiles: ws.profiles,
  });
}

/** What a run was made from (`run_results.state`), for the next run of its scope to judge only the weeks that changed. */
interface RunState {
  logic: string;
  profiles: string;
  /** Every batch's state, by batch id. */
  batches: Record<string, string>;
}

const stateOf = (book: RuleBook, ws: Workspace): RunState => ({
  logic: logicOf(book), profiles: ws.profiles, batches: Object.fromEntries(ws.batches.map((b) => [b.batch_id, b.status])),
});

/** What a run judges only the changed weeks by: the previous run of its scope, and the workspace now and as a run state. */
interface Judging {
  previous: Previous | undefined;
  ws: Workspace;
  state: RunState;
}

/** The run the screens show: the latest with a summary, its employee-weeks kept in `run_weeks`. */
const SCREENS_RUN = `SELECT run_id FROM runs WHERE run_id IN (SELECT run_id FROM run_summaries) ORDER BY seq DESC LIMIT 1`;

/** Employees whose unit, as the previous run saw it, is not the one this run sees. */
const UNITS_CHANGED = `SELECT count(*)::INTEGER AS n
FROM run_employees pe
JOIN employee_units eu ON eu.nip = pe.nip
WHERE pe.run_id = $prev AND (pe.unit IS DISTINCT FROM eu.unit OR pe.weekly IS DISTINCT FROM eu.weekly)`;

/**
 * A re-check numbers its employees as the run it takes weeks from ($source) did, and those that run
 * did not have after its highest number: the weeks taken keep their numbers (compliance-sql.ts
 * `observed_weeks`). Each taken week also keeps whether its employee's records came from several
 * agencies as that run saw it: the flag only lets a count merge an employee's rows of a week, and a
 * week taken has one row per agency of its records, as it had then.
 */
const NUMBERS_OF_SOURCE = `CREATE OR REPLACE TEMP TABLE employee_units AS
WITH numbered AS (
  SELECT eu.*, pe.emp AS before
  FROM employee_units eu
  LEFT JOIN run_employees pe ON pe.run_id = $source AND pe.nip = eu.nip
)
SELECT * EXCLUDE (before) REPLACE (before AS emp)
FROM numbered
WHERE before IS NOT NULL
UNION ALL
SELECT * EXCLUDE (before) REPLACE (CAST((SELECT coalesce(max(emp), 0) FROM run_employees WHERE run_id = $source) + row_number() OVER () AS INTEGER) AS emp)
FROM numbered
WHERE before IS NULL`;

/** Mondays from the week of `lo` to the week of `hi`. */
function mondays(lo: string, hi: string): string[] {
  const out: string[] = [];
  for (let d = wholeWeeks(lo, lo).weekFrom; d <= hi; d = addDays(d, 7)) out.push(d);
  return out;
}

/**
 * The weeks this run judges, or null for every week. Only the weeks whose judgement can differ from
 * the previous run of the scope are judged again; the others are taken from that run as it stored
 * them (its findings, its employee-weeks, its notes). A week can differ when its records changed
 * (an attendance batch imported or undone since: its first to last key date; the checked dates
 * grow only by such records) or when the first or last checked date moved (the week it cuts now,
 * and the one it cut before). Everything is judged when anything else a week depends on may have
 * changed: the rules, a profile, any other kind of record (roster, approvals, calendar, units,
 * reports), an employee's unit (the unit of every week of theirs), or when the previous run cannot
 * be read back (not the screens' run, stored before runs kept their state, or none). DIS-01 counts
 * the year whichever weeks are judged: `unexcused_days` keeps every unexcused day.
 */
async function changedWeeks(db: Db, { previous, ws, state }: Judging, dates: { from: string | null; to: string | null }): Promise<string[] | null> {
  if (!previous?.state || !previous.date_from || !previous.date_to || !dates.from || !dates.to) return null;
  const before = JSON.parse(previous.state) as RunState;
  if (before.logic !== state.logic || before.profiles !== state.profiles) return null;
  if ((await db.one<{ run_id: string }>(SCREENS_RUN))?.run_id !== previous.run_id) return null;
  if (Object.keys(before.batches).some((id) => !(id in state.batches))) return null;
  const weeks = new Set<string>();
  for (const b of ws.batches) {
    if (before.batches[b.batch_id] === b.status) continue;
    if (b.kind !== 'attendance') return null;
    if (b.records > 0 && (!b.key_from || !b.key_to)) return null;
    if (b.key_from && b.key_to) for (const m of mondays(b.key_from, b.key_to)) weeks.add(m);
  }
  for (const [was, is] of [[previous.date_from, dates.from], [previous.date_to, dates.to]] as const) {
    if (was !== is) for (const d of [was, is]) weeks.add(wholeWeeks(d, d).weekFrom);
  }
  return [...weeks].sort();
}

/**
 * The latest run of the same scope, with its fingerprint and result. The same scope is the same
 * request: "everything imported" stays comparable as data arrives.
 */
const PREVIOUS_RUN = `
SELECT r.run_id, x.fingerprint, x.result, x.state, strftime(r.date_from, '%Y-%m-%d') AS date_from, strftime(r.date_to, '%Y-%m-%d') AS date_to
FROM runs r
LEFT JOIN run_results x ON x.run_id = r.run_id
WHERE r.agency IS NOT DISTINCT FROM $agency
  AND r.requested_from IS NOT DISTINCT FROM CAST($from AS DATE)
  AND r.requested_to IS NOT DISTINCT FROM CAST($to AS DATE)
ORDER BY r.seq DESC
LIMIT 1`;

interface Previous {
  run_id: string;
  fingerprint: string | null;
  result: string | null;
  state: string | null;
  date_from: string | null;
  date_to: string | null;
}

/** The rules that judge a day or a week: a re-check takes their findings in the weeks it does not judge from the previous run. */
const weekRules = (book: RuleBook): string => `(${book.rules.filter((r) => r.period === 'day' || r.period === 'week').map((r) => `'${r.id}'`).join(', ') || "''"})`;

/**
 * A finding `o` of the run the weeks not judged come from ($source) that the run takes as it is: a
 * finding still open, of a day or week rule the agency enables, in a week of the run it does not
 * judge. It is the run's own, open (it was found before), and not resolved.
 */
const taken = (book: RuleBook, o: string): string => `(${o}.run_id = $source AND ${o}.status <> 'resolved' AND ${o}.rule IN ${weekRules(book)}
  AND list_contains(p.enabled_rules, ${o}.rule) AND ${o}.period_start BETWEEN $weekFrom AND $weekTo AND NOT ${JUDGED(`${o}.period_start`)})`;

/**
 * Stores the run's findings against those of the run before ($prev, findings-sql.ts).
 * - A finding the run takes (`taken`) or finds again as it is stays the earlier row; one stored
 *   before rows outlived their run (migration 015) is written again, open.
 * - Any other finding of the rules is written: open when the run before had it, else new.
 * - A finding of the run before neither taken nor found again under its name is resolved: written
 *   again as resolved, for this run only, when its rule is still enabled.
 * - Every row of the run before that the run neither takes nor finds again as it is ends with it.
 * `before_findings` holds the run before's findings the run does not take as they are stored: few
 * after a month, when most are taken. A finding taken never has the name of one of the rules' (it
 * is of a week the run does not judge), so they alone say whether a finding is open.
 * `kept_findings` pairs each finding of the rules found again as it is with that run's row, one to
 * one (a rule may name the same finding twice: rows of a name are paired in the order of what they say).
 */
async function storeFindings(db: Db, book: RuleBook, bound: Record<string, string | number>): Promise<void> {
  await db.run(`CREATE OR REPLACE TEMP TABLE before_findings AS
SELECT *
FROM (
  SELECT o.*, coalesce(${taken(book, 'o')}, false) AS taken, coalesce(list_contains(p.enabled_rules, o.rule), false) AS enabled
  FROM ${findingsOf('$prev')} o
  LEFT JOIN run_profiles p ON p.agency = o.agency
  WHERE o.status <> 'resolved'
)
WHERE NOT taken OR end_seq IS NOT NULL`, bound);
  const place = (x: string) => `row_number() OVER (PARTITION BY ${x}.rule, ${x}.nip, ${x}.period, ${x}.agency ORDER BY ${SAID.map((c) => `${x}.${c}`).join(', ')})`;
  await db.run(`CREATE OR REPLACE TEMP TABLE kept_findings AS
WITH o AS (
  SELECT o.*, ${place('o')} AS place
  FROM before_findings o
  WHERE NOT o.taken AND o.end_seq IS NULL
),
f AS (
  -- Only the names the run before had are numbered (a first check numbers none): a name's rows are
  -- all kept or all left, so their places are the same.
  SELECT f.rowid AS fr, f.*, ${place('f')} AS place
  FROM run_findings f
  WHERE EXISTS (SELECT 1 FROM o WHERE ${SAME_FINDING})
)
SELECT f.fr, o.r
FROM f
JOIN o ON ${SAME_FINDING} AND o.place = f.place AND ${SAID.map((c) => `o.${c} IS NOT DISTINCT FROM f.${c}`).join(' AND ')}`);
  await db.run(
    `INSERT INTO findings (${STORED_COLUMNS.join(', ')})
SELECT ${storedRow('f', { detail: 'NULL', basis: 'f.basis', status: `CASE WHEN EXISTS (
  SELECT 1 FROM before_findings o WHERE NOT o.taken AND ${SAME_FINDING}) THEN 'open' ELSE 'new' END` })}
FROM run_findings f
WHERE f.rowid NOT IN (SELECT fr FROM kept_findings)
UNION ALL
SELECT ${storedRow('o', { detail: 'NULL', basis: book.basisSql('o.rule'), status: "'open'" })}
FROM before_findings o
WHERE o.taken`,
    bound,
  );
  await db.run(
    `INSERT INTO findings (${STORED_COLUMNS.join(', ')})
SELECT ${storedRow('o', { detail: 'o.detail', basis: 'o.basis', status: "'resolved'", end_seq: '$seq + 1' })}
FROM before_findings o
WHERE NOT o.taken AND o.enabled AND NOT EXISTS (SELECT 1 FROM run_findings f WHERE ${SAME_FINDING})`,
    bound,
  );
  await db.run(
    `UPDATE findings SET end_seq = $seq
WHERE rowid IN (SELECT r FROM before_findings WHERE NOT taken AND end_seq IS NULL AND r NOT IN (SELECT r FROM kept_findings))`,
    bound,
  );
}

/**
 * The run's temp tables, up to the findings and employee-weeks of the weeks it judges; those of the
 * others are the previous run's (none when it judges every week, as without `judging`): `observed_weeks`
 * holds them too (`taken`), and the store takes the findings (`taken`).
 */
async function prepare(db: Db, book: RuleBook, req: RunChecksRequest, judging?: Judging) {
  await db.transaction(() => refreshWeekFacts(db, book));
  const { from, to } = await scopeRange(db, req);
  const range = runRange(from ?? '1900-01-01', to ?? '1900-01-01');
  const agencies = (await db.all<{ agency: string }>(
    `SELECT DISTINCT agency
FROM attendance
WHERE agency IS NOT NULL AND ($agency IS NULL OR agency = $agency)
  AND date BETWEEN $from AND $to
ORDER BY 1`,
    { agency: req.agency ?? null, ...range },
  )).map((r) => r.agency);
  const { version: profileVersion, provinces } = await loadProfiles(db, book, agencies);
  // The run the weeks not judged come from: none when every week is judged.
  let source = '';
  const span = await buildSharedTables(db, range, async () => {
    const prev = judging?.previous?.run_id ?? '';
    let judged = judging ? await changedWeeks(db, judging, { from, to }) : null;
    if (judged && (await db.one<{ n: number }>(UNITS_CHANGED, { prev }))!.n > 0) judged = null;
    if (judged) {
      source = prev;
      await db.run(NUMBERS_OF_SOURCE, { source });
    }
    return judgeWeeks(db, range, judged);
  });
  await db.run(`CREATE OR REPLACE TEMP TABLE run_findings AS
SELECT f.*, ${book.basisSql('f.rule')} AS basis
FROM (${book.findingsSql()}) f
JOIN run_profiles p ON p.agency = f.agency
WHERE list_contains(p.enabled_rules, f.rule) AND (f.rule NOT IN ${weekRules(book)} OR ${JUDGED('f.period_start')})`, { ...range, ...span });
  await db.run(OBSERVED_WEEKS);
  await db.run(`INSERT INTO observed_weeks BY NAME
SELECT w.agency, w.unit, w.emp, w.several, w.week, w.days AS records, w.flex_days, w.failed, len(w.failed) = 0 AS is_compliant, true AS taken
FROM run_weeks w
WHERE ${RUN_WEEK_ROWS('$source')} AND ${TAKEN_WEEK('w')}`, { ...range, source });
  return { from, to, range: { ...range, ...span }, profileVersion, provinces, source };
}

async function check(db: Db, book: RuleBook, req: RunChecksRequest, now: Date, afterStore: AfterStore | undefined): Promise<StoredRun> {
  const ws = await workspaceOf(db);
  const fingerprint = fingerprintOf(book, req, ws);
  const state = stateOf(book, ws);
  const previous = await db.one<Previous & Record<string, unknown>>(
    PREVIOUS_RUN, { agency: req.agency ?? null, from: req.from ?? null, to: req.to ?? null },
  );
  if (previous?.result && previous.fingerprint === fingerprint) {
    // Nothing changed: the stored run, as it was returned when it was made. Its tables are made
    // again for the screens, every week judged (the screens do not hold it to take weeks from).
    const stored = JSON.parse(previous.result) as StoredRun;
    if (afterStore && !(await afterStore.holds?.(stored.run))) {
      const { range } = await prepare(db, book, req);
      await afterStore(stored.run, '', range);
    }
    return stored;
  }
  const { from, to, range, profileVersion, provinces, source } = await prepare(db, book, req, { previous, ws, state });
  // The run's number is taken before its transaction, committed at once (see import-file.ts).
  const seq = (await db.one<{ n: number }>("SELECT nextval('run_seq') AS n"))!.n;
  const stored = await db.transaction(async () => {
    const run = `r-${String(seq).padStart(6, '0')}`;
    const prev = previous?.run_id ?? '';
    const bound = { run, seq, prev, source, ...range };
    await storeFindings(db, book, bound);
    await db.run(
      `INSERT INTO runs
VALUES ($run, $seq, $at, $agency, CAST($from AS DATE), CAST($to AS DATE), CAST($rFrom AS DATE), CAST($rTo AS DATE), $version, 0, 0, 0, 0)`,
      { run, seq, at: now.toISOString(), agency: req.agency ?? null, from, to, rFrom: req.from ?? null, rTo: req.to ?? null, version: profileVersion },
    );
    // The counts are the run's findings', which are known once the run is recorded (findings-sql.ts).
    await db.run(
      `UPDATE runs SET findings = c.total, new_findings = c.fresh, open_findings = c.total - c.fresh, resolved_findings = c.resolved
FROM (
  SELECT
    count(*) FILTER (WHERE status <> 'resolved') AS total,
    count(*) FILTER (WHERE status = 'new') AS fresh,
    count(*) FILTER (WHERE status = 'resolved') AS resolved
  FROM ${findingsOf('$run')}
) c
WHERE runs.run_id = $run`,
      { run },
    );
    const { compliance, complianceByUnitWeek } = await complianceOf(db);
    const { complianceByWeek, complianceByRule } = await weeklyRatios(db, book);
    const result: StoredRun = {
      run, profileVersion, from, to, weeksFrom: from ? range.weekFrom : null, weeksTo: to ? range.weekTo : null,
      compliance,
      complianceByRegion: byRegion(compliance, provinces),
      complianceByRule,
      complianceByWeek,
      complianceByUnitWeek,
      dataQuality: await storeNotes(db, run, source, range),
    };
    // Only the latest run of a scope can be returned again: the previous one's result and notes go.
    await db.run('DELETE FROM run_results WHERE run_id = $prev', { prev });
    await db.run('DELETE FROM run_notes WHERE run_id = $prev', { prev });
    await db.run('INSERT INTO run_results VALUES ($run, $fingerprint, $result, $state)', {
      run, fingerprint, result: JSON.stringify(result), state: JSON.stringify(state),
    });
    return result;
  });
  await afterStore?.(stored.run, source, range);
  return stored;
}

/** Columns of each kind of note, as the API gives them. */
const NOTE_COLUMNS: Record<NoteKind, string> = {
  notInRoster: 'nip, name, agency, records',
  missingTimes: `nip, strftime(date, '%Y-%m-%d') AS date, agency, {'batch': batch_id, 'row': row_no} AS source`,
};

/** Notes `offset` to `offset + limit - 1` of one kind, a range of their stored positions. */
export async function readNotes<K extends NoteKind>(db: Db, run: string, note: K, page: { offset: number; limit: number }): Promise<DataQuality[K]> {
  const rows = await db.json(
    `SELECT ${NOTE_COLUMNS[note]}
FROM run_notes
WHERE run_id = $run AND note = $note AND i >= $offset AND i < $end
ORDER BY i`,
    { run, note, offset: page.offset, end: page.offset + page.limit },
  );
  return rows as unknown as DataQuality[K];
}

/** Stores the run's notes (those of the weeks not judged from `source`); the answer lists the first of each kind and counts them all. */
async function storeNotes(db: Db, run: string, source: string, range: RunRange & JudgedSpan): Promise<DataQuality> {
  for (const sql of NOTES_SQL) await db.run(sql, { run, source, ...range });
  const totals = (await db.one<Record<NoteKind, number>>(
    `SELECT count(*) FILTER (WHERE note = 'notInRoster') AS "notInRoster", count(*) FILTER (WHERE note = 'missingTimes') AS "missingTimes"
FROM run_notes
WHERE run_id = $run`,
    { run },
  ))!;
  const first = { offset: 0, limit: CHECK_RESULT_FINDINGS };
  return {
    notInRoster: await readNotes(db, run, 'notInRoster', first),
    notInRosterTotal: totals.notInRoster,
    missingTimes: await readNotes(db, run, 'missingTimes', first),
    missingTimesTotal: totals.missingTimes,
  };
}

/**
 * runNotes: a page of a run's notes. They are kept with the run's result, for the latest run of
 * each scope; an earlier run's are gone (NOT_FOUND says so), as is a run the workspace never had.
 */
export async function runNotes(db: Db, req: RunNotesRequest): Promise<RunNotesResult> {
  const { run, note } = req;
  await assertRun(db, run);
  if (!(await db.one('SELECT 1 FROM run_results WHERE run_id = $run', { run }))) {
    throw new AppError('NOT_FOUND',
      `Catatan kualitas data pemeriksaan ${run} tidak disimpan lagi: hanya pemeriksaan terakhir tiap cakupan yang menyimpannya. Jalankan pemeriksaan lagi.`,
      `The data-quality notes of check run ${run} are no longer kept: only the latest run of each scope keeps them. Run the check again.`, { run });
  }
  return { [note]: await readNotes(db, run, note, { offset: req.offset ?? 0, limit: req.limit ?? RUN_FINDINGS_PAGE }) };
}

/** compliant / observed, unrounded: only what people read (and the CLI's `--json`) rounds it. */
function ratio(r: { employee_weeks: number; compliant: number }): Ratio {
  return { employeeWeeks: r.employee_weeks, compliantEmployeeWeeks: r.compliant, rate: r.employee_weeks ? r.compliant / r.employee_weeks : null };
}

/** The ratios per unit, agency and overall, and per unit and week, from one pass (COMPLIANCE_SQL). */
async function complianceOf(db: Db): Promise<Pick<StoredRun, 'compliance' | 'complianceByUnitWeek'>> {
  const rows = await db.all<{
    agency: string | null; unit: string | null; week: string | null; g_agency: number; g_unit: number; g_week: number; employee_weeks: number; compliant: number;
  }>(COMPLIANCE_SQL);
  return {
    compliance: rows.filter((r) => r.g_week).map((r) => ({
      level: r.g_agency ? 'all' : r.g_unit ? 'agency' : 'unit', agency: r.agency, unit: r.unit, ...ratio(r),
    })),
    complianceByUnitWeek: rows.filter((r) => !r.g_week).map((r) => ({ agency: r.agency, unit: r.unit!, week: r.week!, ...ratio(r) })),
  };
}

/** The trend and each enabled rule's ratio of the weekly rate, from the same counts per week (weekCountsSql). */
async function weeklyRatios(db: Db, book: RuleBook): Promise<Pick<StoredRun, 'complianceByWeek' | 'complianceByRule'>> {
  const ids = book.weeklyRateIds;
  const weeks = await db.all<WeekCounts & Record<string, unknown>>(weekCountsSql('observed_weeks', ids));
  const rules = ruleCounts(weeks, ids);
  return {
    complianceByWeek: weeks.map((w) => ({ week: w.week, ...ratio(w) })),
    complianceByRule: (await db.all<{ rule: string }>(RATED_RULES(ids))).map(({ rule }) => ({ rule, ...ratio(rules.get(rule)!) })),
  };
}

/** Monday of the ISO week of an ISO date, and Sunday of the week of another. */
export function wholeWeeks(from: string, to: string): { weekFrom: string; weekTo: string } {
  const dow = (iso: string) => (new Date(`${iso}T00:00:00Z`).getUTCDay() + 6) % 7;
  return { weekFrom: addDays(from, -dow(from)), weekTo: addDays(to, 6 - dow(to)) };
}
