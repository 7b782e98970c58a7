import type { RunInfo, ViewFilter } from '../../contract/views-types.ts';
import type { Db } from '../db/database.ts';
import { LATEST_RUN } from './views-sql.ts';

interface RunRow {
  run: string; run_at: string; agency: string | null; from: string | null; to: string | null; profile_version: string;
  findings: number; new_findings: number; open_findings: number; resolved_findings: number; stale: boolean;
}

/** The run the screens show: the latest one asked for through the API (it has a stored summary). */
export async function latestRun(db: Db): Promise<RunInfo | null> {
  const r = await db.one<RunRow & Record<string, unknown>>(LATEST_RUN);
  if (!r) return null;
  return {
    run: r.run, runAt: r.run_at, agency: r.agency, from: r.from, to: r.to, profileVersion: r.profile_version,
    findings: r.findings, newFindings: r.new_findings, openFindings: r.open_findings, resolvedFindings: r.resolved_findings,
    stale: r.stale,
  };
}

/** The bound parameters every view statement takes; NULL means "no filter". */
export function filterParams(run: string, f: ViewFilter): Record<string, string | null> {
  return {
    run, agency: f.agency ?? null, unit: f.unit ?? null, rule: f.rule ?? null, from: f.from ?? null, to: f.to ?? null,
  };
}

/**
 * compliant / observed, unrounded: the screens show it with one decimal (docs/rules.md,
 * Compliance), and a rate rounded to 4 decimals first would show 15/19 (78.947 %) as 79,0 %.
 */
export function ratio(employeeWeeks: number, compliant: number): number | null {
  return employeeWeeks ? compliant / employeeWeeks : null;
}
