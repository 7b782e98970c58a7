import type { FormatLang } from '../../contract/format.ts';
import type { CallOptions } from '../../contract/progress.ts';
import type { ViewsApi } from '../../contract/views-types.ts';
import type { Db } from '../db/database.ts';
import type { AfterStore } from '../rules/check-run.ts';
import type { RuleBook } from '../rules/rule-book.ts';
import { queryArrow } from './arrow.ts';
import { employeeDays } from './employee.ts';
import type { createFindingsView, createUnitEmployeesView } from './findings.ts';
import { overview, storeSummary } from './overview.ts';
import { filterParams, latestRun } from './scope.ts';
import { CLEAR_RUN_WEEKS, DROP_LATER_SUMMARIES, DROP_RUN_WEEKS, GRID, GRID_WEEKS, STORE_RUN_WEEKS, WRITE_RUN_WEEKS } from './views-sql.ts';

export interface ViewsEnv {
  db: Db;
  /** Runs work on the one connection, one call at a time. */
  serial: <T>(work: () => Promise<T>) => Promise<T>;
  book: RuleBook;
  /** The language a call asks for, else the core's. */
  langOf: (opts?: CallOptions) => FormatLang;
}

/**
 * Hook for the check runs asked for through the API (the app, `pantau check`): keeps their
 * employee-weeks and overview for the screens. The runs an export makes for itself have none,
 * so the screens keep showing the run the user last asked for.
 */
export function storeRunWeeks(db: Db, book: RuleBook): AfterStore {
  const store: AfterStore = async (run, source, weeks) => {
    // The employee-weeks the run judged, then (at once) the weeks it took from $source, its summary,
    // which makes it the screens' run, and the earlier runs' employee-weeks gone. Stopped in between,
    // the screens keep showing the earlier run whole.
    for (const sql of [...CLEAR_RUN_WEEKS, ...STORE_RUN_WEEKS]) await db.run(sql, { run });
    await db.transaction(async () => {
      for (const sql of WRITE_RUN_WEEKS) await db.run(sql, { run, source, ...weeks });
      await storeSummary(db, book, run);
      for (const sql of DROP_RUN_WEEKS) await db.run(sql, { run });
      await db.run(DROP_LATER_SUMMARIES, { run });
    });
  };
  // A stored run returned again by an unchanged check needs nothing when the screens already show it.
  return Object.assign(store, { holds: async (run: string) => (await latestRun(db))?.run === run });
}

/** The screens' read methods over the latest stored run. */
export function createViews(
  env: ViewsEnv,
  findingsView: ReturnType<typeof createFindingsView>,
  unitEmployeesView: ReturnType<typeof createUnitEmployeesView>,
): Omit<ViewsApi, 'loadSamples' | 'detectImport'> {
  const { db, serial, book, langOf } = env;
  return {
    overview: (req) => serial(() => overview(db, book, req)),
    complianceGrid: (req) =>
      serial(async () => {
        const run = await latestRun(db);
        const cells = await queryArrow(db, GRID, filterParams(run?.run ?? '', req));
        const weeks = await db.all<{ week: string }>(GRID_WEEKS, filterParams(run?.run ?? '', req));
        return { weeks: weeks.map((w) => w.week), cells: cells.bytes };
      }),
    findings: (req, opts) => serial(() => findingsView.findings(req, langOf(opts))),
    unitEmployees: (req) => serial(() => unitEmployeesView.unitEmployees(req)),
    employeeDays: (req, opts) => serial(() => employeeDays(db, book, req, langOf(opts))),
  };
}
