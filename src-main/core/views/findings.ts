import type { FormatLang } from '../../contract/format.ts';
import type { FindingsRequest, FindingsResult, UnitEmployeesRequest, UnitEmployeesResult } from '../../contract/views-types.ts';
import type { ColumnarResult, Db } from '../db/database.ts';
import type { RuleBook } from '../rules/rule-book.ts';
import { queryArrow, toArrow } from './arrow.ts';
import { filterParams, latestRun } from './scope.ts';
import { FINDINGS_IN_SCOPE, UNIT_EMPLOYEES } from './views-sql.ts';

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
 * The findings table scrolls through every finding, a page at a time. The filtered, sorted list
 * is numbered once into a temp table and kept while the same question is asked, so each page
 * is a range read instead of a fresh sort of a million rows. A new run has a new id, so a new key.
 */
export function createFindingsView(db: Db, book: RuleBook) {
  let cachedKey = '';
  let cachedCounts: FindingsResult['counts'] = { new: 0, open: 0, resolved: 0 };

  async function prepare(run: string, req: FindingsRequest): Promise<FindingsResult['counts']> {
    const key = JSON.stringify([run, req.agency, req.unit, req.rule, req.from, req.to, req.status, req.nip, req.search, req.sort, req.desc]);
    if (key === cachedKey) return cachedCounts;
    const params = { ...filterParams(run, req), status: req.status ?? null, nip: req.nip ?? null, search: req.search?.trim() || null };
    await db.run(
      `CREATE OR REPLACE TEMP TABLE findings_view AS
WITH f AS (${FINDINGS_IN_SCOPE}
  AND ($nip IS NULL OR nip = $nip)
  AND ($search IS NULL OR contains(nip, $search) OR contains(lower(coalesce(name, '')), lower($search)))
)
SELECT row_number() OVER (ORDER BY ${orderBy(req)}) - 1 AS i, ${VIEW_COLUMNS}
FROM f
WHERE $status IS NULL OR status = $status`,
      params,
    );
    const counts = await db.one<{ new: number; open: number; resolved: number }>(
      `WITH f AS (${FINDINGS_IN_SCOPE}
  AND ($nip IS NULL OR nip = $nip)
  AND ($search IS NULL OR contains(nip, $search) OR contains(lower(coalesce(name, '')), lower($search)))
)
SELECT
  count(*) FILTER (WHERE status = 'new') AS new,
  count(*) FILTER (WHERE status = 'open') AS open,
  count(*) FILTER (WHERE status = 'resolved') AS resolved
FROM f`,
      params,
    );
    cachedKey = key;
    cachedCounts = counts ?? { new: 0, open: 0, resolved: 0 };
    return cachedCounts;
  }

  return {
    async findings(req: FindingsRequest, lang: FormatLang): Promise<FindingsResult> {
      const run = await latestRun(db);
      const offset = req.offset ?? 0;
      if (!run) {
        const empty = await db.columns(`SELECT ${VIEW_COLUMNS} FROM findings WHERE false`);
        return { run: null, total: 0, counts: { new: 0, open: 0, resolved: 0 }, offset, rows: toArrow(withSentences(empty, book, lang)).bytes };
      }
      const counts = await prepare(run.run, req);
      const total = (await db.one<{ n: number }>('SELECT count(*) AS n FROM findings_view'))!.n;
      const page = await db.columns(
        `SELECT * EXCLUDE (i)
FROM findings_view
WHERE i >= $offset AND i < $end
ORDER BY i`,
        { offset, end: offset + (req.limit ?? 200) },
      );
      return { run: run.run, total, counts, offset, rows: toArrow(withSentences(page, book, lang)).bytes };
    },
  };
}

export async function unitEmployees(db: Db, req: UnitEmployeesRequest): Promise<UnitEmployeesResult> {
  const run = await latestRun(db);
  const { bytes, rows } = await queryArrow(db, UNIT_EMPLOYEES, filterParams(run?.run ?? '', req));
  return { total: rows, rows: bytes };
}
