import { AppError } from '../../contract/errors.ts';
import type { ComplianceRow, DataQuality, Finding, Ratio, RuleId, RunChecksRequest, RunChecksResult } from '../../contract/rules-types.ts';
import { quoteLiteral, type Db } from '../db/database.ts';
import { CATALOGUE } from './catalogue.ts';
import {
  APR01_SQL, COMPLIANCE_BY_RULE_SQL, COMPLIANCE_BY_UNIT_WEEK_SQL, COMPLIANCE_BY_WEEK_SQL, COMPLIANCE_SQL, CREATE_AGENCY_DAYS, CREATE_DAYS, CREATE_EW, CREATE_NW,
  CREATE_NU, CREATE_PROF, CREATE_WU, ELG01_SQL, INSERT_PROF, LAP01_SQL,
  LOK01_SQL, LOK02_SQL, MISSING_TIMES_SQL, NOT_IN_ROSTER_SQL,
} from './check-sql.ts';
import { DIS01_SQL, JAM01_SQL } from './jam-dis-sql.ts';
import { effectiveProfile } from './profiles.ts';

const RULE_SQL = [LOK01_SQL, LOK02_SQL, ELG01_SQL, JAM01_SQL, APR01_SQL, LAP01_SQL, DIS01_SQL];
const BASIS = `CASE f.rule ${Object.values(CATALOGUE).map((r) => `WHEN '${r.id}' THEN ${quoteLiteral(r.basis)}`).join(' ')} END`;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A day that exists, written YYYY-MM-DD: Date.parse would roll 2025-02-31 over to 3 March, so the date must come back unchanged. */
function isIsoDate(value: string): boolean {
  const day = new Date(`${value}T00:00:00Z`);
  return ISO_DATE.test(value) && !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value;
}

/** A request's date must be a day that exists (the CLI refuses it before opening the workspace). */
export function checkDate(value: string | undefined, what: string): void {
  if (value !== undefined && !isIsoDate(value)) {
    throw new AppError('BAD_REQUEST', `${what} harus tanggal YYYY-MM-DD yang ada, bukan "${value}".`,
      `${what} must be a date that exists, written YYYY-MM-DD, not "${value}".`);
  }
}

async function scopeRange(db: Db, req: RunChecksRequest): Promise<{ from: string | null; to: string | null }> {
  const row = await db.one<{ lo: string | null; hi: string | null }>(
    `SELECT strftime(min(date), '%Y-%m-%d') AS lo, strftime(max(date), '%Y-%m-%d') AS hi FROM attendance
     WHERE $agency IS NULL OR agency = $agency`,
    { agency: req.agency ?? null },
  );
  return { from: req.from ?? row?.lo ?? null, to: req.to ?? row?.hi ?? null };
}

/** Puts each agency's effective profile into `prof`; returns the versions used and each agency's province. */
async function loadProfiles(db: Db, agencies: string[]): Promise<{ version: string; provinces: Map<string, string | null> }> {
  await db.run(CREATE_PROF);
  const versions = new Set<string>();
  const provinces = new Map<string, string | null>();
  for (const agency of agencies) {
    const { params: p, version, province } = await effectiveProfile(db, agency);
    versions.add(version);
    provinces.set(agency, province?.trim() || null);
    const [mtStart, mtEnd] = p.breakMonThu.split('-');
    const [friStart, friEnd] = p.breakFri.split('-');
    await db.run(INSERT_PROF, {
      agency, maxFlex: p.maxFlexDays, countFwa: p.countNationalFwaDays, workDays: p.workDays, weekly: p.weeklyHours,
      ramadanWeekly: p.ramadanWeeklyHours, ramadanFrom: p.ramadanFrom, ramadanTo: p.ramadanTo,
      tolerance: p.toleranceMinutes, mtStart: mtStart!, mtEnd: mtEnd!, friStart: friStart!, friEnd: friEnd!,
      enabled: Object.entries(p.rules).filter(([, r]) => r.enabled).map(([id]) => id).join(','),
    });
  }
  if (versions.size === 0) versions.add((await effectiveProfile(db, null)).version);
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

const FINDING_COLUMNS = `rule, nip, name, agency, unit, period, detail, basis, status, sources`;

async function readFindings(db: Db, run: string, resolved: boolean): Promise<Finding[]> {
  return db.json<Finding & Record<string, unknown>>(
    `SELECT ${FINDING_COLUMNS} FROM findings WHERE run_id = $run AND (status = 'resolved') = $resolved
     ORDER BY agency, rule, nip, period`,
    { run, resolved },
  );
}

/** A stored run without its finding lists: the export streams those from `findings` by run id. */
export type StoredRun = Omit<RunChecksResult, 'findings' | 'resolved'>;

/**
 * Called with the run's id once the run is committed, while its temp tables still exist. Reading rows a transaction has just written is slower in DuckDB than reading committed
 * ones (a stored summary over 2.25 million employee-weeks: 3.1 s inside the run's transaction, 1.3 s
 * after it), so what the screens keep of a run is written after it.
 */
export type AfterStore = (run: string) => Promise<void>;

/**
 * One check run: every enabled rule over the scope, stored with its provenance, each finding
 * marked new or open against the previous run over the same scope (and what it resolved).
 */
export async function runChecks(db: Db, req: RunChecksRequest, now: Date, afterStore?: AfterStore): Promise<RunChecksResult> {
  return withTempTables(req, db, async () => {
    const { run, profileVersion, from, to, weeksFrom, weeksTo, ...figures } = await check(db, req, now, afterStore);
    return {
      run, profileVersion, from, to, weeksFrom, weeksTo,
      findings: await readFindings(db, run, false),
      resolved: await readFindings(db, run, true),
      ...figures,
    };
  });
}

/** The same run, leaving the findings in the database (a million of them need not become objects). */
export async function storeRun(db: Db, req: RunChecksRequest, now: Date): Promise<StoredRun> {
  return withTempTables(req, db, () => check(db, req, now, undefined));
}

/**
 * The run's temp tables are dropped whatever happens. The memory a run needs is the workspace's
 * (the core opens it with room for checks; the SQL sandbox then locks the configuration).
 */
async function withTempTables<T>(req: RunChecksRequest, db: Db, work: () => Promise<T>): Promise<T> {
  checkDate(req.from, '--from');
  checkDate(req.to, '--to');
  try {
    return await work();
  } finally {
    await db.run(['days', 'run_findings', 'agency_days', 'nw', 'nu', 'wu', 'ew'].map((t) => `DROP TABLE IF EXISTS ${t}`).join('; '));
  }
}

/** The tables the rules read (check-sql.ts), for the requested dates and the whole weeks around them; `prof` first. */
export async function buildRunTables(db: Db, range: { from: string; to: string }, weeks: { weekFrom: string; weekTo: string }): Promise<void> {
  await db.run(CREATE_AGENCY_DAYS, { from: weeks.weekFrom, to: weeks.weekTo });
  for (const sql of [CREATE_NU, CREATE_WU, CREATE_NW, CREATE_DAYS]) await db.run(sql, { ...range, ...weeks });
}

async function check(db: Db, req: RunChecksRequest, now: Date, afterStore: AfterStore | undefined): Promise<StoredRun> {
  const { from, to } = await scopeRange(db, req);
  const range = { from: from ?? '1900-01-01', to: to ?? '1900-01-01' };
  const weeks = wholeWeeks(range.from, range.to);
  const agencies = (await db.all<{ agency: string }>(
    `SELECT DISTINCT agency FROM attendance WHERE agency IS NOT NULL AND ($agency IS NULL OR agency = $agency)
     AND date BETWEEN $from AND $to ORDER BY 1`,
    { agency: req.agency ?? null, ...range },
  )).map((r) => r.agency);
  const { version: profileVersion, provinces } = await loadProfiles(db, agencies);
  await buildRunTables(db, range, weeks);
  await db.run(`CREATE OR REPLACE TEMP TABLE run_findings AS SELECT f.* FROM (${RULE_SQL.map((sql) => `SELECT * FROM (${sql})`).join(' UNION ALL ')}) f
    JOIN prof p ON p.agency = f.agency WHERE list_contains(p.enabled_rules, f.rule)`, { ...range, ...weeks });
  await db.run(CREATE_EW);
  const stored = await db.transaction(async () => {
    // The same scope is the same request: "everything imported" stays comparable as data arrives.
    const previous = await db.one<{ run_id: string }>(
      `SELECT run_id FROM runs WHERE agency IS NOT DISTINCT FROM $agency AND requested_from IS NOT DISTINCT FROM CAST($from AS DATE)
       AND requested_to IS NOT DISTINCT FROM CAST($to AS DATE) ORDER BY seq DESC LIMIT 1`,
      { agency: req.agency ?? null, from: req.from ?? null, to: req.to ?? null },
    );
    const seq = (await db.one<{ n: number }>("SELECT nextval('run_seq') AS n"))!.n;
    const run = `r-${String(seq).padStart(6, '0')}`;
    const prev = previous?.run_id ?? '';
    await db.run(
      `INSERT INTO findings SELECT $run, f.rule, f.nip, f.name, f.agency, f.unit, f.period, f.week, f.detail, ${BASIS},
         CASE WHEN o.rule IS NULL THEN 'new' ELSE 'open' END, f.sources
       FROM run_findings f LEFT JOIN (SELECT * FROM findings WHERE run_id = $prev AND status <> 'resolved') o
         ON o.rule = f.rule AND o.nip = f.nip AND o.period = f.period`,
      { run, prev },
    );
    await db.run(
      `INSERT INTO findings SELECT $run, o.rule, o.nip, o.name, o.agency, o.unit, o.period, o.week, o.detail, o.basis,
         'resolved', o.sources
       FROM findings o JOIN prof p ON p.agency = o.agency
       WHERE o.run_id = $prev AND o.status <> 'resolved' AND list_contains(p.enabled_rules, o.rule)
         AND NOT EXISTS (SELECT 1 FROM run_findings f WHERE f.rule = o.rule AND f.nip = o.nip AND f.period = o.period)`,
      { run, prev },
    );
    const counts = (await db.one<{ total: number; fresh: number; resolved: number }>(
      `SELECT count(*) FILTER (WHERE status <> 'resolved') AS total, count(*) FILTER (WHERE status = 'new') AS fresh,
         count(*) FILTER (WHERE status = 'resolved') AS resolved FROM findings WHERE run_id = $run`,
      { run },
    ))!;
    await db.run(
      `INSERT INTO runs VALUES ($run, $seq, $at, $agency, CAST($from AS DATE), CAST($to AS DATE), CAST($rFrom AS DATE),
        CAST($rTo AS DATE), $version, $total, $fresh, $open, $resolved)`,
      {
        run, seq, at: now.toISOString(), agency: req.agency ?? null, from, to, rFrom: req.from ?? null, rTo: req.to ?? null,
        version: profileVersion,
        total: counts.total, fresh: counts.fresh, open: counts.total - counts.fresh, resolved: counts.resolved,
      },
    );
    const rows = await compliance(db);
    return {
      run, profileVersion, from, to, weeksFrom: from ? weeks.weekFrom : null, weeksTo: to ? weeks.weekTo : null,
      compliance: rows,
      complianceByRegion: byRegion(rows, provinces),
      complianceByRule: (await db.all<{ rule: RuleId; employee_weeks: number; compliant: number }>(COMPLIANCE_BY_RULE_SQL))
        .map((r) => ({ rule: r.rule, ...ratio(r) })),
      complianceByWeek: (await db.all<{ week: string; employee_weeks: number; compliant: number }>(COMPLIANCE_BY_WEEK_SQL))
        .map((r) => ({ week: r.week, ...ratio(r) })),
      complianceByUnitWeek: (await db.all<{ agency: string | null; unit: string; week: string; employee_weeks: number; compliant: number }>(
        COMPLIANCE_BY_UNIT_WEEK_SQL,
      )).map((r) => ({ agency: r.agency, unit: r.unit, week: r.week, ...ratio(r) })),
      dataQuality: {
        notInRoster: await db.json<DataQuality['notInRoster'][number] & Record<string, unknown>>(NOT_IN_ROSTER_SQL),
        missingTimes: await db.json<DataQuality['missingTimes'][number] & Record<string, unknown>>(MISSING_TIMES_SQL),
      },
    };
  });
  await afterStore?.(stored.run);
  return stored;
}

function ratio(r: { employee_weeks: number; compliant: number }): Ratio {
  return {
    employeeWeeks: r.employee_weeks, compliantEmployeeWeeks: r.compliant,
    rate: r.employee_weeks ? Math.round((r.compliant / r.employee_weeks) * 10_000) / 10_000 : null,
  };
}

async function compliance(db: Db): Promise<ComplianceRow[]> {
  const rows = await db.all<{ agency: string | null; unit: string | null; g_agency: number; g_unit: number; employee_weeks: number; compliant: number }>(COMPLIANCE_SQL);
  return rows.map((r) => ({
    level: r.g_agency ? 'all' : r.g_unit ? 'agency' : 'unit', agency: r.agency, unit: r.unit, ...ratio(r),
  }));
}

/** Monday of the ISO week of an ISO date, and Sunday of the week of another. */
export function wholeWeeks(from: string, to: string): { weekFrom: string; weekTo: string } {
  const shift = (iso: string, toSunday: boolean) => {
    const d = new Date(`${iso}T00:00:00Z`);
    const dow = (d.getUTCDay() + 6) % 7;
    d.setUTCDate(d.getUTCDate() + (toSunday ? 6 - dow : -dow));
    return d.toISOString().slice(0, 10);
  };
  return { weekFrom: shift(from, false), weekTo: shift(to, true) };
}
