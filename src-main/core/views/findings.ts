import type { FormatLang } from '../../contract/format.ts';
import type { FindingsRequest, FindingsResult, UnitEmployeesRequest, UnitEmployeesResult } from '../../contract/views-types.ts';
import type { ColumnarResult, Db } from '../db/database.ts';
import type { RuleBook } from '../rules/rule-book.ts';
import { toArrow } from './arrow.ts';
import { numberedList } from '../db/numbered-list.ts';
import { filterParams, latestRun } from './scope.ts';
import { FINDINGS_IN_SCOPE, UNIT_EMPLOYEES } from './views-sql.ts';
import { keptFindings } from '../rules/findings-sql.ts';

const SORT_SQL: Record<NonNullable<FindingsRequest['sort']>, string> = {
  agency: 'agency, unit, rule, nip, period', unit: 'unit, agency, rule, nip, period', rule: 'rule, agency, unit, nip, period',
  nip: 'nip, period, rule', name: 'name, nip, period, rule', period: 'period, agency, unit, rule, nip',
  status: "CASE status WHEN 'new' THEN 0 WHEN 'open' THEN 1 ELSE 2 END, agency, unit, rule, nip, period",
};

function orderBy(req: FindingsRequest): string {
  const cols = SORT_SQL[req.sort ?? 'agency'];
  if (!req.desc) return cols;
  return cols.split(', ').map((c) => `${c} DESC`).join(', ');
}

const VIEW_COLUMNS = `rule, nip, coalesce(name, '') AS name, coalesce(agency, '') AS agency, coalesce(unit, '') AS unit, period, detail,
  basis, status, array_to_string(list_transform(sources, s -> s.batch || ':' || s.row), ', ') AS sources, figures`;

/**
 * A page as the screen gets it: `detail` the finding's sentence in `lang`, written for the page's
 * rows only from their figures (rule-book.ts, detail), and `figures` left out.
 */
function withSentences(page: ColumnarResult, book: RuleBook, lang: FormatLang): ColumnarResult {
  const col = (name: string) => page.columns[page.names.indexOf(name)] as (string | null)[];
  const [rule, period, unit, figures, detail] = [col('rule'), col('period'), col('unit'), col('figures'), col('detail')];
  const sentences = rule.map((r, i) =>
    book.detail({ rule: r!, period: period[i]!, unit: unit[i] ?? null, figures: figures[i] ?? null, detail: detail[i] ?? null }, lang));
  const keep = page.names.flatMap((name, i) => (name === 'figures' ? [] : [i]));
  return {
    names: keep.map((i) => page.names[i]!),
    types: keep.map((i) => page.types[i]!),
    columns: keep.map((i) => (page.names[i] === 'detail' ? sentences : page.columns[i]!)),
  };
}

/**
 * The findings table scrolls through every finding, a page at a time (db/numbered-list.ts); the
 * counts by status are kept with the list. The list keeps each finding's place and its rowid, and
 * a page reads its rows by rowid: a stored finding is never deleted or moved (rules/findings-sql.ts,
 * architecture.test.ts), so its rowid names it for as long as the list is kept, and a run's findings
 * never change once it is stored. The list keeps each finding's status in the run with it.
 */
export function createFindingsView(db: Db, book: RuleBook) {
  const list = numberedList(db, 'findings_view', (k) => keptFindings(k, VIEW_COLUMNS));
  let countsKey = '';
  let counts: FindingsResult['counts'] = { new: 0, open: 0, resolved: 0 };

  async function prepare(run: string, req: FindingsRequest): Promise<number> {
    const key = JSON.stringify([run, req.agency, req.unit, req.rule, req.from, req.to, req.status, req.nip, req.search, req.sort, req.desc]);
    const params = { ...filterParams(run, req), status: req.status ?? null, nip: req.nip ?? null, search: req.search?.trim() || null };
    const inScope = `WITH f AS (${FINDINGS_IN_SCOPE}
  AND ($nip IS NULL OR nip = $nip)
  AND ($search IS NULL OR contains(nip, $search) OR contains(lower(coalesce(name, '')), lower($search)))
)`;
    const total = await list.keep(key, `${inScope}
SELECT r, status
FROM f
WHERE $status IS NULL OR status = $status
ORDER BY ${orderBy(req)}`, params);
    if (countsKey !== key) {
      counts = (await db.one<{ new: number; open: number; resolved: number }>(
        `${inScope}
SELECT
  count(*) FILTER (WHERE status = 'new') AS new,
  count(*) FILTER (WHERE status = 'open') AS open,
  count(*) FILTER (WHERE status = 'resolved') AS resolved
FROM f`,
        params,
      )) ?? { new: 0, open: 0, resolved: 0 };
      countsKey = key;
    }
    return total;
  }

  return {
    async findings(req: FindingsRequest, lang: FormatLang): Promise<FindingsResult> {
      const run = await latestRun(db);
      const offset = req.offset ?? 0;
      if (!run) {
        const empty = await db.columns(`SELECT ${VIEW_COLUMNS} FROM findings WHERE false`);
        return { run: null, total: 0, counts: { new: 0, open: 0, resolved: 0 }, offset, rows: toArrow(withSentences(empty, book, lang)).bytes };
      }
      const total = await prepare(run.run, req);
      const page = await list.page(offset, req.limit ?? 200);
      return { run: run.run, total, counts, offset, rows: toArrow(withSentences(page, book, lang)).bytes };
    },
    forget: () => list.forget(),
  };
}

/**
 * A unit's employees, lowest compliance first, a page at a time when a limit is given (the
 * screen's list), else whole (its download); numbered once per question (db/numbered-list.ts).
 */
export function createUnitEmployeesView(db: Db) {
  const list = numberedList(db, 'unit_employees_view');
  return {
    async unitEmployees(req: UnitEmployeesRequest): Promise<UnitEmployeesResult> {
      const run = (await latestRun(db))?.run ?? '';
      const key = JSON.stringify([run, req.agency, req.unit, req.rule, req.from, req.to]);
      const total = await list.keep(key, UNIT_EMPLOYEES, filterParams(run, req));
      const offset = req.offset ?? 0;
      const page = await list.page(offset, req.limit ?? total);
      return { total, offset, rows: toArrow(page).bytes };
    },
    forget: () => list.forget(),
  };
}
