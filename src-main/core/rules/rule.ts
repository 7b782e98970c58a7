import type { Formatter } from '../../contract/format.ts';
import type { ParamInfo, PeriodKind, Texts } from '../../contract/rules-types.ts';

/** Where a finding falls, as its sentence may name it: its period's label (2025-07-14, 2025-W29, 2025) and the employee's unit. */
export interface FindingPlace {
  period: string;
  unit: string | null;
}

/**
 * How a finding of a rule reads, in each language, from its figures (the `figures` its SQL
 * returns, as JSON) and its place; `fmt` writes the numbers, dates and weeks in that language.
 * Findings store the figures, so a screen, the CLI and the workbook each write the sentence in
 * their reader's language.
 */
export interface Sentence<F> {
  id(figures: F, at: FindingPlace, fmt: Formatter): string;
  en(figures: F, at: FindingPlace, fmt: Formatter): string;
}

/**
 * One rule of the catalogue, whole: adding a rule is adding its module, one line in the RULES list
 * (index.ts) and its tests. Everything else — the catalogue, the profile's switch and parameters,
 * the check run, compliance, the screens' filters and the workbook — derives from this definition.
 */
export interface RuleDefinition<F = unknown> {
  /** Three capitals, a dash, two digits: LOK-01. */
  id: string;
  /** The span of one finding. */
  period: PeriodKind;
  /**
   * Whether a finding makes the employee-week it falls in non-compliant (docs/rules.md,
   * Compliance). Only day and week rules can; a year rule such as DIS-01 is reported per employee
   * instead.
   */
  weeklyRate: boolean;
  /** The legal basis, as the finding and the workbook cite it. */
  basis: string;
  title: Texts;
  explanation: Texts;
  /** Parameters only this rule reads; each becomes a profile key and a column of `run_profiles`. */
  ownParameters?: ParamInfo[];
  /** Keys of shared or other rules' parameters it reads too (listed in the catalogue). */
  reads?: string[];
  /**
   * One SELECT over the check run's tables (run-tables.ts) and the canonical tables, with the bound
   * parameters $from/$to (the checked dates), $weekFrom/$weekTo (the whole ISO weeks around
   * them) and $judgedFrom/$judgedTo (the span of the weeks the run judges), returning one row per
   * finding. A day or week rule judges each day or week from that week's rows alone: a re-check
   * gives it only the weeks that changed (`employee_weeks`, the flexible and missing-time days of
   * `rule_days`) and keeps its other findings from the run before. A month or year rule is judged
   * whole every run and may read only what every run holds whole (`unexcused_days`, the records;
   * the rule book refuses one that reads `rule_days` or `employee_weeks`):
   *   nip, agency, name, unit, period_start DATE (the day; the Monday of the week; the 1st of the
   *   month; 1 January), figures (a STRUCT of what `detail` reads: counts, limits, minutes, codes),
   *   sources STRUCT(batch VARCHAR, "row" INTEGER)[].
   * The run adds the rule id, the period's label and last day, the week it counts in, and keeps only
   * the agencies whose profile enables the rule.
   */
  sql: string;
  /** The finding's one-line sentence, from the figures `sql` returns. */
  detail: Sentence<F>;
}

/** How a sentence names a work mode: its code, but for the one that is two words. */
export function modeName(mode: string, fmt: Formatter): string {
  if (mode === 'KANTOR_LAIN') return fmt.lang === 'en' ? 'Another office' : 'Kantor Lain';
  return mode;
}

/** How each period kind is written and where it ends, from its first day `start` (a DATE expression). */
export const PERIOD_SQL: Record<PeriodKind, { label: (start: string) => string; end: (start: string) => string }> = {
  day: { label: (s) => `strftime(${s}, '%Y-%m-%d')`, end: (s) => s },
  week: { label: (s) => `strftime(${s}, '%G-W%V')`, end: (s) => `CAST(${s} + 6 AS DATE)` },
  month: { label: (s) => `strftime(${s}, '%Y-%m')`, end: (s) => `last_day(${s})` },
  year: { label: (s) => `strftime(${s}, '%Y')`, end: (s) => `make_date(year(${s}), 12, 31)` },
};
