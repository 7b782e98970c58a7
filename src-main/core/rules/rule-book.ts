import { formatter, type FormatLang } from '../../contract/format.ts';
import type { ListRulesResult, ParamInfo, ParamValue, ProfileParams, RuleInfo } from '../../contract/rules-types.ts';
import { quoteLiteral } from '../db/database.ts';
import { SHARED_PARAMETERS } from './parameters.ts';
import { PERIOD_SQL, type RuleDefinition } from './rule.ts';
import { JUDGED_ONLY_TABLES } from './run-tables.ts';

/**
 * The rules a workspace checks, with everything derived from their definitions: the parameters
 * table, the national defaults, the catalogue and the one statement that runs them all. The core
 * builds one from RULES; a test may build one with a rule of its own.
 */
export interface RuleBook {
  readonly rules: readonly RuleDefinition[];
  /** The shared parameters, then each rule's own, in catalogue order. */
  readonly parameters: readonly ParamInfo[];
  param(key: string): ParamInfo | undefined;
  rule(id: string): RuleDefinition | undefined;
  /** The national defaults: each parameter's default, every rule enabled. */
  defaults(): ProfileParams;
  catalogue(): ListRulesResult;
  /** Ids of the rules whose findings count in the weekly compliance rate. */
  readonly weeklyRateIds: readonly string[];
  /** A SQL CASE giving the legal basis of the finding's rule `column`. */
  basisSql(column: string): string;
  /**
   * Every rule's findings as one SELECT: rule, nip, agency, name, unit, period, period_start,
   * period_end, week (the ISO week a finding counts in, NULL outside the weekly rate), figures (JSON
   * text), sources.
   */
  findingsSql(): string;
  /** A stored finding's sentence in `lang` (rule.ts, Sentence). */
  detail(finding: StoredFinding, lang: FormatLang): string;
}

/**
 * What a finding stores for its sentence: its figures (JSON text), or, from a run made before
 * findings kept figures, the sentence itself (`detail`, then written in Bahasa Indonesia).
 */
export interface StoredFinding {
  rule: string;
  period: string;
  unit: string | null;
  figures: string | null;
  detail: string | null;
}

const RULE_ID = /^[A-Z]{3}-\d{2}$/;

function check(rules: readonly RuleDefinition[], parameters: readonly ParamInfo[]): void {
  const ids = new Set<string>();
  for (const r of rules) {
    if (!RULE_ID.test(r.id)) throw new Error(`rule id ${r.id}: three capitals, a dash, two digits`);
    if (ids.has(r.id)) throw new Error(`rule ${r.id} is listed twice`);
    ids.add(r.id);
    if (r.weeklyRate && r.period !== 'day' && r.period !== 'week') throw new Error(`rule ${r.id}: only day and week rules can count in the weekly rate`);
    const partial = r.period === 'month' || r.period === 'year' ? JUDGED_ONLY_TABLES.find((t) => new RegExp(`\\b${t}\\b`).test(r.sql)) : undefined;
    if (partial) throw new Error(`rule ${r.id} judges each ${r.period} whole, but reads ${partial}, which a re-check holds for the weeks it judges only`);
  }
  const keys = new Set<string>();
  for (const p of parameters) {
    if (keys.has(p.key)) throw new Error(`parameter ${p.key} is declared twice`);
    keys.add(p.key);
  }
  for (const r of rules) {
    for (const key of r.reads ?? []) if (!keys.has(key)) throw new Error(`rule ${r.id} reads an unknown parameter ${key}`);
  }
}

export function createRuleBook(rules: readonly RuleDefinition[]): RuleBook {
  const parameters = [...SHARED_PARAMETERS, ...rules.flatMap((r) => r.ownParameters ?? [])];
  check(rules, parameters);
  const byId = new Map(rules.map((r) => [r.id, r]));
  const info = (r: RuleDefinition): RuleInfo => ({
    id: r.id, title: r.title, explanation: r.explanation, basis: r.basis, period: r.period, weeklyRate: r.weeklyRate,
    parameters: [...(r.ownParameters ?? []).map((p) => p.key), ...(r.reads ?? []), `rules.${r.id}.enabled`],
  });
  const select = (r: RuleDefinition): string => {
    const period = PERIOD_SQL[r.period];
    return `SELECT ${quoteLiteral(r.id)} AS rule, nip, agency, name, unit, ${period.label('period_start')} AS period,
  CAST(period_start AS DATE) AS period_start, ${period.end('CAST(period_start AS DATE)')} AS period_end,
  ${r.weeklyRate ? `strftime(period_start, '%G-W%V')` : 'CAST(NULL AS VARCHAR)'} AS week, CAST(to_json(figures) AS VARCHAR) AS figures, sources
FROM (${r.sql}\n)`;
  };
  return {
    rules,
    parameters,
    param: (key) => parameters.find((p) => p.key === key),
    rule: (id) => byId.get(id),
    defaults: () => ({
      ...Object.fromEntries(parameters.map((p): [string, ParamValue] => [p.key, p.default])),
      rules: Object.fromEntries(rules.map((r) => [r.id, { enabled: true }])),
    }),
    catalogue: () => ({ rules: rules.map(info), parameters: [...parameters] }),
    weeklyRateIds: rules.filter((r) => r.weeklyRate).map((r) => r.id),
    basisSql: (column) => `CASE ${column} ${rules.map((r) => `WHEN ${quoteLiteral(r.id)} THEN ${quoteLiteral(r.basis)}`).join(' ')} END`,
    findingsSql: () => rules.map(select).join('\nUNION ALL\n'),
    detail: (f, lang) => {
      const rule = byId.get(f.rule);
      // A rule no longer in the book has no sentence: its finding shows its rule, period and basis.
      if (f.figures === null || !rule) return f.detail ?? '';
      const at = { period: f.period, unit: f.unit || null };
      return rule.detail[lang](JSON.parse(f.figures), at, formatter(lang));
    },
  };
}
