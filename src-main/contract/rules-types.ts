/** A rule's id, e.g. "LOK-01". The rules are data (the core's RULES list), so the contract names no ids. */
export type RuleId = string;

export type AgencyLevel = 'pusat' | 'provinsi' | 'kabupaten' | 'kota';

/** The span a finding covers: one day, one ISO week (Monday–Sunday), one calendar month or year. */
export type PeriodKind = 'day' | 'week' | 'month' | 'year';

/** A text in Bahasa Indonesia and English. */
export interface Texts {
  id: string;
  en: string;
}

export type ParamType = 'integer' | 'decimal' | 'boolean' | 'date' | 'time' | 'timeRange';
export type ParamValue = number | boolean | string | null;

/** One profile parameter: what the form shows, what --set accepts, what a check reads. */
export interface ParamInfo {
  /** The key in the profile file, the CLI and the app, e.g. maxFlexDays. */
  key: string;
  type: ParamType;
  default: ParamValue;
  /** Bounds of a number. */
  min?: number;
  max?: number;
  /** The national ceiling: an agency may be stricter, never looser; a value above it is refused with `reason`. */
  ceiling?: { max: number; reason: Texts };
  /** A small set of allowed values shown as a choice (e.g. 5 or 6 working days). */
  choices?: { value: ParamValue; label: Texts }[];
  label: Texts;
  /** What the number counts, e.g. hari/days. */
  unit?: Texts;
  hint?: Texts;
  /** Which part of the product reads it. */
  group: 'rules' | 'compare';
}

export type RuleSwitches = Record<RuleId, { enabled: boolean }>;

/** Parameter values by key (ParamInfo.key), and each rule's switch: the same keys in the JSON file, the CLI and the app. */
export interface ProfileParams {
  [key: string]: ParamValue | RuleSwitches;
  rules: RuleSwitches;
}

export interface AgencyInfo {
  name?: string;
  level?: AgencyLevel;
  province?: string;
}

/** A stored profile: the national one (agency null) or one agency's overrides. */
export interface Profile extends AgencyInfo {
  agency: string | null;
  version: number;
  /** Only the keys this profile sets; the rest come from the national profile. */
  overrides: { [key: string]: ParamValue | RuleSwitches | undefined; rules?: RuleSwitches };
  savedAt: string;
}

export interface EffectiveProfile extends AgencyInfo {
  agency: string | null;
  /** e.g. "nasional v1" or "nasional v1 + KEMENDAGRI v3" */
  version: string;
  params: ProfileParams;
}

export interface GetProfileRequest {
  agency?: string;
}
export interface SetProfileRequest {
  agency?: string;
  /** KEY=VALUE pairs with profile keys (docs/rules.md, Profiles), e.g. maxFlexDays=1, rules.APR-01.enabled=false, name=... */
  set: Record<string, string>;
}
export interface ProfilesFile {
  pantauProfiles: 1;
  profiles: Profile[];
}
export interface ImportProfilesRequest {
  file: ProfilesFile;
}
export interface ImportProfilesResult {
  profiles: Profile[];
}

export interface RuleInfo {
  id: RuleId;
  title: Texts;
  explanation: Texts;
  basis: string;
  period: PeriodKind;
  /** Whether its findings count in the weekly compliance rate (only day and week rules can). */
  weeklyRate: boolean;
  /** Keys of the parameters it reads (ParamInfo.key), its own switch rules.<ID>.enabled included. */
  parameters: string[];
}

export interface ListRulesResult {
  rules: RuleInfo[];
  /** Every profile parameter, the rules' own included, in the order the form shows them. */
  parameters: ParamInfo[];
}

export interface FindingSource {
  batch: string;
  row: number;
}

export interface Finding {
  rule: RuleId;
  nip: string;
  name: string | null;
  agency: string | null;
  unit: string | null;
  /** An ISO date (day rules), ISO week 2025-W37 (week rules), YYYY-MM (month rules) or year (year rules). */
  period: string;
  /** First and last day of the period, ISO dates. */
  periodStart: string;
  periodEnd: string;
  /** One line in the caller's language, written from the figures the finding stores (or, stored by an older run, its Indonesian text). */
  detail: string;
  basis: string;
  status: 'new' | 'open' | 'resolved';
  sources: FindingSource[];
}

export interface ComplianceRow {
  /** 'unit': one unit of an agency; 'agency': the agency's total (unit null); 'all': the whole data set. */
  level: 'unit' | 'agency' | 'all';
  agency: string | null;
  unit: string | null;
  employeeWeeks: number;
  compliantEmployeeWeeks: number;
  rate: number | null;
}

export interface Ratio {
  employeeWeeks: number;
  compliantEmployeeWeeks: number;
  rate: number | null;
}

export interface RunChecksRequest {
  agency?: string;
  from?: string;
  to?: string;
}

export interface RunChecksResult {
  run: string;
  profileVersion: string;
  from: string | null;
  to: string | null;
  /** Whole ISO weeks around from..to, over which the weekly rules were judged. */
  weeksFrom: string | null;
  weeksTo: string | null;
  /**
   * The run's first CHECK_RESULT_FINDINGS findings (new and open), by agency, rule, NIP and period;
   * `findingsTotal` counts them all and runFindings pages through them (CLI `check --json` prints them all).
   */
  findings: Finding[];
  /** Likewise the first findings of the previous run over the same scope that this run no longer finds (status resolved). */
  resolved: Finding[];
  /** How many findings the run has, listed in `findings` or not: new + open. */
  findingsTotal: number;
  /** How many of them are new, not found by the previous run over the same scope; the others are open. */
  newFindings: number;
  /** How many findings the run resolved, listed in `resolved` or not. */
  resolvedTotal: number;
  compliance: ComplianceRow[];
  complianceByRule: (Ratio & { rule: RuleId })[];
  complianceByWeek: (Ratio & { week: string })[];
  /**
   * Per region (docs/rules.md, Compliance): the province of each agency's profile; an agency
   * without one counts under province null. Employee-weeks belong to one agency, so a region is
   * the sum of its agencies.
   */
  complianceByRegion: (Ratio & { province: string | null })[];
  /** The same ratio per unit and week (units as in `compliance`). */
  complianceByUnitWeek: (Ratio & { agency: string | null; unit: string; week: string })[];
  dataQuality: DataQuality;
}

/**
 * The findings (and, apart, the resolved ones) a check's answer lists: the first ones. A run over
 * 10 million attendance rows finds some 124,000, and the whole list made an answer of 115 MB that
 * only the CLI read whole; the counts are exact, runFindings pages through the rest.
 */
export const CHECK_RESULT_FINDINGS = 100;

/** A page of one run's findings, or of those it resolved: `offset` to `offset + limit - 1`, in the order of the check's answer. */
export interface RunFindingsRequest {
  run: string;
  /** The findings the run resolved instead of its own; false when left out. */
  resolved?: boolean;
  /** 0 when left out. */
  offset?: number;
  /** At most RUN_FINDINGS_PAGE_MAX; RUN_FINDINGS_PAGE when left out. */
  limit?: number;
}
export interface RunFindingsResult {
  /** Each with its sentence in the caller's language; page on while offset + limit is below the check's findingsTotal (resolvedTotal). */
  findings: Finding[];
}

/** The page runFindings gives when asked for none, and the largest it gives: every answer stays small. */
export const RUN_FINDINGS_PAGE = 1000;
export const RUN_FINDINGS_PAGE_MAX = 10_000;

/** An employee checked without a roster entry: checked all the same, with no exemption known. */
export interface NotInRosterNote { nip: string; name: string | null; agency: string | null; records: number }
/** A present day without a check-in or check-out: not counted for JAM-01. */
export interface MissingTimeNote { nip: string; date: string; agency: string | null; source: FindingSource }

/**
 * Notes that are not findings (docs/rules.md, JAM-01 and Compliance): they go to the data-quality
 * report. Each list holds the first CHECK_RESULT_FINDINGS notes (by agency, NIP and date), its
 * total counts them all, and runNotes pages through them (a run over 10 million rows may note
 * 250,000 employees missing from the roster; CLI `check --json` prints them all).
 */
export interface DataQuality {
  notInRoster: NotInRosterNote[];
  notInRosterTotal: number;
  missingTimes: MissingTimeNote[];
  missingTimesTotal: number;
}

export const NOTE_KINDS = ['notInRoster', 'missingTimes'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

/** A page of one kind of a run's notes: `offset` to `offset + limit - 1`, in the order of the check's answer. */
export interface RunNotesRequest {
  run: string;
  note: NoteKind;
  /** 0 when left out. */
  offset?: number;
  /** At most RUN_FINDINGS_PAGE_MAX; RUN_FINDINGS_PAGE when left out. */
  limit?: number;
}
/** The page, under the kind asked for. Notes are kept for the latest run of each scope (the one a check can return again). */
export type RunNotesResult = Partial<Pick<DataQuality, NoteKind>>;
