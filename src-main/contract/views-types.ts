import type { ImportFilesResult, ImportKind, MappingRecipe } from './import-types.ts';
import type { CallOptions } from './progress.ts';
import type { RuleId } from './rules-types.ts';

/**
 * Read methods behind the screens. They read the latest stored check run, so the app, the CLI
 * and the exports show the same results. Big tables come back as Arrow IPC stream bytes
 * (decode with apache-arrow's tableFromIPC); the wire codec carries Uint8Array values.
 */
export type ArrowBytes = Uint8Array;

/** Narrows a run's results; every field optional. Dates are ISO (YYYY-MM-DD); weeks follow them. */
export interface ViewFilter {
  agency?: string;
  unit?: string;
  rule?: RuleId;
  from?: string;
  to?: string;
}

export interface RunInfo {
  run: string;
  runAt: string;
  agency: string | null;
  from: string | null;
  to: string | null;
  profileVersion: string;
  findings: number;
  newFindings: number;
  openFindings: number;
  resolvedFindings: number;
  /** Imports or undos happened after the run: its results may be out of date. */
  stale: boolean;
}

export interface AgencyEntry {
  agency: string;
  name: string | null;
  level: string | null;
  province: string | null;
}

export interface Rate {
  employeeWeeks: number;
  compliantEmployeeWeeks: number;
  rate: number | null;
}

export interface UnitRate extends Rate {
  agency: string | null;
  unit: string;
  employees: number;
  findings: number;
}

export interface OverviewResult {
  run: RunInfo | null;
  /** What the workspace holds, so an empty one can offer the samples. */
  data: { batches: number; attendanceRows: number; agencies: AgencyEntry[] };
  /** Months (YYYY-MM) the run covers, for the period filter. */
  months: string[];
  headline: Rate & { agencies: number; employees: number; flexEmployees: number; adoption: number | null; findings: number };
  units: UnitRate[];
  weeks: (Rate & { week: string })[];
  rules: (Rate & { rule: RuleId; findings: number })[];
}

export interface ComplianceGridResult {
  weeks: string[];
  /** Columns: agency, unit, week, employeeWeeks, compliant, rate (null when no employee-week). */
  cells: ArrowBytes;
}

export type FindingStatus = 'new' | 'open' | 'resolved';

export interface FindingsRequest extends ViewFilter {
  status?: FindingStatus;
  nip?: string;
  /** Matches NIP or name, case-insensitive. */
  search?: string;
  sort?: 'agency' | 'unit' | 'rule' | 'nip' | 'name' | 'period' | 'status';
  desc?: boolean;
  offset?: number;
  /** At most 5000. */
  limit?: number;
}

export interface FindingsResult {
  run: string | null;
  total: number;
  counts: { new: number; open: number; resolved: number };
  offset: number;
  /**
   * Columns: rule, nip, name, agency, unit, period (its label: 2025-W37; the screen writes it out), detail (in the
   * caller's language), basis, status, sources ("b-000002:14, ...").
   */
  rows: ArrowBytes;
}

export interface UnitEmployeesRequest extends ViewFilter {
  agency: string;
  unit: string;
  /** A page of the list, lowest compliance first; without them, the whole list. */
  offset?: number;
  /** At most 5000. */
  limit?: number;
}

export interface UnitEmployeesResult {
  /** The unit's employees in scope, whatever the page. */
  total: number;
  offset: number;
  /** Columns: nip, name, employeeWeeks, compliant, rate, flexDays, findings. */
  rows: ArrowBytes;
}

export interface EmployeeDaysRequest {
  nip: string;
  from?: string;
  to?: string;
}

export interface EmployeeDay {
  date: string;
  week: string;
  /** HADIR, TERLAMBAT, ... or null on a day without a record. */
  status: string | null;
  mode: string | null;
  checkIn: string | null;
  checkOut: string | null;
  /** HOLIDAY, NATIONAL_FWA_DAY, ... from the calendar. */
  dayType: string | null;
  holidayName: string | null;
  weekend: boolean;
}

export interface EmployeeFinding {
  rule: RuleId;
  period: string;
  /** First and last day of the period (ISO dates): the calendar strip marks the days in between. */
  periodStart: string;
  periodEnd: string;
  /** In the caller's language. */
  detail: string;
  basis: string;
  status: FindingStatus;
}

export interface EmployeeDaysResult {
  nip: string;
  name: string | null;
  agency: string | null;
  unit: string | null;
  position: string | null;
  flags: { fieldDuty: boolean; specialCondition: boolean; discipline: string | null } | null;
  from: string | null;
  to: string | null;
  days: EmployeeDay[];
  findings: EmployeeFinding[];
}

export interface LoadSamplesResult extends ImportFilesResult {
  run: RunInfo | null;
}

export interface DetectImportRequest {
  path: string;
  fileName?: string;
  /** The kind and mapping the user settled on: the agency is then suggested from the columns as mapped. */
  kind?: ImportKind;
  mapping?: MappingRecipe;
}

/** How many of a file's distinct NIPs (or PINs) an agency's roster holds, of how many the file has. */
export type RosterMatch = {
  agency: string;
  matched: number;
  of: number;
};

/**
 * The agency whose roster holds more of the file's identifiers than the chosen agency's does (the
 * data may be going to the wrong place), or null. `matches` sorted most first. The import screen
 * asks for a confirmation; an import the CLI made warns with it.
 */
export function rosterConflict(agency: string, matches: RosterMatch[]): RosterMatch | null {
  const chosen = agency.trim().toUpperCase();
  const top = matches[0];
  if (!chosen || !top || top.matched === 0 || top.agency === chosen) return null;
  const own = matches.find((m) => m.agency === chosen)?.matched ?? 0;
  return own < top.matched ? top : null;
}

export interface DetectImportResult {
  /** Best-matching kind, or null when no kind's headers were found. */
  kind: ImportKind | null;
  /** The suggested agency (null if none): a suggestion, shown as one. */
  agency: string | null;
  /** Why it is suggested; null when `agency` is. */
  agencyFrom: 'column' | 'roster' | 'units' | 'file name' | null;
  /**
   * Per agency whose roster holds some of the file's NIPs or PINs: how many distinct identifiers it
   * holds, of the distinct ones in the rows read for detection (the first 5,000, at most 256 KB of
   * a text file). Sorted by matched, most first.
   */
  rosterMatches: RosterMatch[];
  /** Why no kind could be read, in the user's language (Indonesian by default), for an empty, binary or unreadable file; null otherwise. */
  problem: string | null;
  candidates: { kind: ImportKind; mapped: number; fields: number; missing: number }[];
}

/** The screens' read methods, part of CoreApi. */
export interface ViewsApi {
  overview(req: ViewFilter, opts?: CallOptions): Promise<OverviewResult>;
  complianceGrid(req: ViewFilter, opts?: CallOptions): Promise<ComplianceGridResult>;
  findings(req: FindingsRequest, opts?: CallOptions): Promise<FindingsResult>;
  unitEmployees(req: UnitEmployeesRequest, opts?: CallOptions): Promise<UnitEmployeesResult>;
  employeeDays(req: EmployeeDaysRequest, opts?: CallOptions): Promise<EmployeeDaysResult>;
  loadSamples(req: Record<string, never>, opts?: CallOptions): Promise<LoadSamplesResult>;
  detectImport(req: DetectImportRequest, opts?: CallOptions): Promise<DetectImportResult>;
}
