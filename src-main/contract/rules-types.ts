export const RULE_IDS = ['LOK-01', 'LOK-02', 'ELG-01', 'JAM-01', 'APR-01', 'LAP-01', 'DIS-01'] as const;
export type RuleId = (typeof RULE_IDS)[number];

export type AgencyLevel = 'pusat' | 'provinsi' | 'kabupaten' | 'kota';

/** Rule parameters (rules.md §5); the same keys in the JSON file, the CLI and the app. */
export interface ProfileParams {
  maxFlexDays: number;
  countNationalFwaDays: boolean;
  workDays: number;
  weeklyHours: number;
  ramadanWeeklyHours: number;
  ramadanFrom: string | null;
  ramadanTo: string | null;
  toleranceMinutes: number;
  breakMonThu: string;
  breakFri: string;
  minGroupSize: number;
  windowMonths: number;
  rules: Record<RuleId, { enabled: boolean }>;
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
  overrides: Partial<Omit<ProfileParams, 'rules'>> & { rules?: Partial<Record<RuleId, { enabled: boolean }>> };
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
  /** KEY=VALUE pairs with rules.md §5 keys, e.g. maxFlexDays=1, rules.APR-01.enabled=false, name=... */
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
  title: { id: string; en: string };
  explanation: { id: string; en: string };
  basis: string;
  period: 'week' | 'date' | 'year';
  parameters: string[];
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
  period: string;
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
  findings: Finding[];
  resolved: Finding[];
  compliance: ComplianceRow[];
  complianceByRule: (Ratio & { rule: RuleId })[];
  complianceByWeek: (Ratio & { week: string })[];
  /**
   * Per region (rules.md §3): the province of each agency's profile; an agency without one counts
   * under province null. Employee-weeks belong to one agency, so a region is the sum of its agencies.
   */
  complianceByRegion: (Ratio & { province: string | null })[];
  /** The same ratio per unit and week (units as in `compliance`). */
  complianceByUnitWeek: (Ratio & { agency: string | null; unit: string; week: string })[];
  dataQuality: DataQuality;
}

/** Notes that are not findings (rules.md §2–§3): they go to the data-quality report. */
export interface DataQuality {
  /** Checked all the same, with no exemption known. */
  notInRoster: { nip: string; name: string | null; agency: string | null; records: number }[];
  /** Present days without a check-in or check-out: not counted for JAM-01. */
  missingTimes: { nip: string; date: string; agency: string | null; source: FindingSource }[];
}
