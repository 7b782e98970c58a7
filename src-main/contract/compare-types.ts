/**
 * Flexible versus conventional (docs/rules.md). Rates, intervals and differences are fractions in
 * [0, 1] (differences in [−1, 1]) and the survey's shares percentages, all unrounded: each figure
 * is rounded once, where it is shown (a workbook cell's number format, a screen, the CLI's JSON
 * with 4 decimals for fractions and 2 for the survey's percentages). Rounded here, a difference
 * of two rounded figures, or a rate shown with one decimal, would be rounded twice.
 */

export interface CompareRequest {
  agency?: string;
  /** YYYY-MM: only performance records whose period contains this month. */
  period?: string;
}

/** One group's met-target count. `rate` (met / n) and `ci95` are null when n < minGroupSize ("n < 5"). */
export interface GroupRate {
  n: number;
  met: number;
  rate: number | null;
  /** 95 % Wilson score interval. */
  ci95: [number, number] | null;
  small: boolean;
}

/** flex − conventional with its 95 % Newcombe hybrid-score interval; null when either group is small. */
export interface Difference {
  value: number | null;
  ci95: [number, number] | null;
}

export interface GroupComparison {
  flex: GroupRate;
  conventional: GroupRate;
  difference: Difference;
  /** Performance records whose employee has no attendance inside the record's period ("tanpa data presensi"). */
  withoutAttendance: number;
  /** Performance records not rated (predikat `-` in e-Kinerja): stored, left out of both groups. */
  withoutRating: number;
}

export interface RatingCount {
  group: 'flex' | 'conventional';
  /** The predikat as imported (e.g. "Sangat Baik"); null when the record has none. */
  rating: string | null;
  n: number;
}

export interface PerformanceComparison extends GroupComparison {
  byAgency: (GroupComparison & { agency: string })[];
  byUnit: (GroupComparison & { agency: string; unit: string | null })[];
  ratings: RatingCount[];
}

/** Before/after the unit's fwaStart, for units that started FWA and those that did not (difference in differences). */
export interface BeforeAfterGroup {
  units: number;
  before: GroupRate;
  after: GroupRate;
  /** after.rate − before.rate; null when either side is small. */
  change: number | null;
}

export interface BeforeAfter {
  windowMonths: number;
  /** Distinct fwaStart dates in scope; each is compared with the non-starters over the same windows. */
  startDates: string[];
  starters: BeforeAfterGroup;
  nonStarters: BeforeAfterGroup;
  /** starters.change − nonStarters.change; null when any of the four cells is small. */
  differenceInDifferences: number | null;
}

export interface SurveyFigures {
  respondents: number;
  participants: number;
  nonParticipants: number;
  /** Participants with satisfaction 4 or 5, of those who answered the question. */
  satisfied: number;
  satisfiedAnswered: number;
  /** Percent (0–100, unrounded; the survey reports it with two decimals); null when fewer than minGroupSize answered. */
  satisfiedPct: number | null;
  /** 95 % Wilson score interval, in percent like satisfiedPct. */
  satisfiedCi95: [number, number] | null;
  metTarget: number;
  metTargetAnswered: number;
  metTargetPct: number | null;
  metTargetCi95: [number, number] | null;
}

export interface SurveySummary extends SurveyFigures {
  byAgency: (SurveyFigures & { agency: string })[];
  byUnit: (SurveyFigures & { agency: string; unit: string | null })[];
  /** The government's FWA survey, printed beside our figures. */
  reference: { satisfiedPct: number; metTargetPct: number; source: string };
}

export interface CompareResult {
  agency: string | null;
  period: string | null;
  profileVersion: string;
  minGroupSize: number;
  performance: PerformanceComparison;
  beforeAfter: BeforeAfter;
  survey: SurveySummary;
}
