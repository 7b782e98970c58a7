import { tableFromIPC, type Table } from 'apache-arrow';
import type { ExportTableRequest, ExportTableResult, FindingsQuery, UnitEmployeesQuery } from '../../contract/export-types.ts';
import { formatter, type Formatter } from '../../contract/format.ts';
import { COLUMN_LABELS, STATUS_LABELS } from '../../contract/labels.ts';
import type {
  FindingsRequest, FindingsResult, FindingStatus, UnitEmployeesRequest, UnitEmployeesResult, ViewFilter,
} from '../../contract/views-types.ts';
import type { Db } from '../db/database.ts';
import type { Lang } from '../import/reasons.ts';
import { AGENCIES } from '../views/views-sql.ts';
import { commitOutput, discardOutput, newBook, openOutput } from './output.ts';
import { ColumnFit, EXCEL_ROWS, TableWriter, type Col, type TitleRow, type Value } from './sheet-kit.ts';

/**
 * The words of the downloaded tables [Bahasa Indonesia, English]: the screens' column headers and
 * finding statuses, then the heading's own.
 */
const WORDS = {
  ...COLUMN_LABELS,
  ...STATUS_LABELS,
  findingsTitle: ['Daftar temuan', 'Findings'],
  unitEmployeesTitle: ['Pegawai unit kerja', 'Employees of the unit'],
  allAgencies: ['Semua instansi', 'All agencies'],
  filter: ['Filter', 'Filter'],
  noFilter: ['tanpa filter', 'none'],
  since: ['sejak', 'from'],
  until: ['s.d.', 'until'],
  search: ['Pencarian', 'Search'],
  order: ['Urutan', 'Order'],
  descending: ['menurun', 'descending'],
  lowestFirst: ['kepatuhan terendah lebih dahulu', 'lowest compliance first'],
  downloaded: ['Diunduh', 'Downloaded'],
  rows: ['baris', 'rows'],
  cut: [
    'Hanya {n} baris pertama dari {total} yang muat dalam satu lembar Excel; persempit filternya untuk melihat sisanya.',
    'Only the first {n} of {total} rows fit on one Excel sheet; narrow the filter to see the rest.',
  ],
} satisfies Record<string, readonly [string, string]>;

type Word = keyof typeof WORDS;
type Say = (word: Word) => string;

/** Rows read from a view at a time: the views keep their sorted lists, so each is a range read. */
const PAGE = 10_000;

export interface TableViews {
  findings(req: FindingsRequest): Promise<FindingsResult>;
  unitEmployees(req: UnitEmployeesRequest): Promise<UnitEmployeesResult>;
}

export interface TableWorkbookOptions {
  now: Date;
  lang: Lang;
  /** Data rows the sheet takes (tests use a small number); Excel's limit less the heading by default. */
  maxRows?: number;
  /** Rows read from a view at a time (tests use a small number). */
  pageSize?: number;
}

/** One screen's table: its title, what its filter says, its columns and its rows a page at a time. */
interface Source {
  title: string;
  filter: string[];
  cols: Col[];
  total: number;
  pages(): AsyncGenerator<Value[][], void>;
}

/**
 * A screen's table as a workbook: a short heading (title, agency and unit, the filter in words, the
 * moment of download), one header row repeated on every printed page, then every row the screen's
 * filter gives, read through the same view the screen reads, as the screen orders them. Rows past
 * one sheet are left out, and the heading says so.
 */
export async function exportTable(db: Db, req: ExportTableRequest, views: TableViews, opts: TableWorkbookOptions): Promise<ExportTableResult> {
  const f = formatter(opts.lang);
  const say: Say = (word) => WORDS[word][opts.lang === 'en' ? 1 : 0];
  const source = req.table === 'findings' ? await findingsSource(views, req.filter, say, f, opts.pageSize ?? PAGE) : await employeesSource(views, req.filter, say, f, opts.pageSize ?? PAGE);
  const filter: ViewFilter = req.filter;
  const place = [
    `${say('agency')}: ${filter.agency ? await agencyName(db, filter.agency) : say('allAgencies')}`,
    ...(filter.unit ? [`${say('unit')}: ${filter.unit}`] : []),
  ];
  // Room for the heading with its note of a cut, so that the cap is known before the heading is.
  const cap = Math.min(opts.maxRows ?? EXCEL_ROWS, EXCEL_ROWS - (place.length + 5) - 1);
  const written = Math.min(source.total, cap);
  const across = (text: string, style: TitleRow['style'] = 'text'): TitleRow => ({ values: [text], style, merges: [[1, source.cols.length]] });
  const title: TitleRow[] = [
    across(source.title, 'subtitle'),
    ...place.map((p) => across(p)),
    across(`${say('filter')}: ${source.filter.length ? source.filter.join('; ') : say('noFilter')}`),
    across(`${say('downloaded')} ${f.dateTime(opts.now.toISOString())} · ${f.int(source.total)} ${say('rows')}`),
    ...(written < source.total ? [across(say('cut').replace('{n}', f.int(written)).replace('{total}', f.int(source.total)), 'label')] : []),
    { values: [] },
  ];

  const pages = source.pages();
  const first = (await pages.next()).value ?? [];
  const fit = new ColumnFit(source.cols);
  for (const row of first) fit.add(row);
  // A column marked to wrap keeps the mark: fitting sets it only for the text it measured.
  const cols = fit.fitted().map((c, i) => ({ ...c, wrap: c.wrap || source.cols[i]!.wrap === true }));

  const output = await openOutput(req.out);
  try {
    const book = newBook(output, opts.now);
    const write = async () => {
      const table = new TableWriter(book, source.title, cols, { title, maxRows: cap, lang: opts.lang });
      let n = 0;
      let page: Value[][] | undefined = first;
      while (page && n < written) {
        for (const row of page.slice(0, written - n)) table.add(row);
        n += page.length;
        await table.drain();
        page = n < written ? (await pages.next()).value ?? undefined : undefined;
      }
      table.finish();
    };
    await Promise.race([write(), output.broken]);
    await commitOutput(output, book);
  } catch (err) {
    await discardOutput(output);
    throw err;
  } finally {
    await pages.return(undefined);
  }
  return { out: req.out, total: source.total, rows: written };
}

/** "PEMKOT-BOGOR (Pemerintah Kota Bogor)", or the code alone when no profile names it. */
async function agencyName(db: Db, agency: string): Promise<string> {
  const row = await db.one<{ name: string | null }>(`SELECT name FROM (${AGENCIES}) WHERE agency = $agency`, { agency });
  return row?.name ? `${agency} (${row.name})` : agency;
}

/** The rule and the period of a screen's filter, in words; a whole month reads as the month. */
function viewFilterWords(filter: ViewFilter, say: Say, f: Formatter): string[] {
  const words: string[] = [];
  if (filter.rule) words.push(`${say('rule')} ${filter.rule}`);
  const { from, to } = filter;
  if (from && to) {
    const monthEnd = new Date(Date.UTC(Number(from.slice(0, 4)), Number(from.slice(5, 7)), 0)).toISOString().slice(0, 10);
    words.push(`${say('period')} ${from.endsWith('-01') && to === monthEnd ? f.month(from.slice(0, 7)) : f.range(from, to)}`);
  } else if (from) {
    words.push(`${say('period')} ${say('since')} ${f.date(from)}`);
  } else if (to) {
    words.push(`${say('period')} ${say('until')} ${f.date(to)}`);
  }
  return words;
}

/**
 * The `total` rows of a view, read `pageSize` at a time (each a range read of the list the view
 * keeps), each row turned into the sheet's cells by `cells`, which reads the row's values by column.
 */
function pagesOf(total: number, pageSize: number, read: (offset: number, limit: number) => Promise<Uint8Array>,
  cells: (value: (column: string) => unknown) => Value[]): () => AsyncGenerator<Value[][], void> {
  return async function* () {
    for (let offset = 0; offset < total; offset += pageSize) {
      const table: Table = tableFromIPC(await read(offset, pageSize));
      const columns = new Map(table.schema.fields.map((c) => [c.name, Array.from(table.getChild(c.name)!.toArray())]));
      const rows: Value[][] = [];
      for (let i = 0; i < table.numRows; i++) rows.push(cells((name) => columns.get(name)?.[i]));
      yield rows;
      if (table.numRows === 0) return;
    }
  };
}

const SORT_WORD: Record<NonNullable<FindingsRequest['sort']>, Word> = {
  agency: 'agency', unit: 'unit', rule: 'rule', nip: 'nip', name: 'name', period: 'period', status: 'status',
};

/**
 * Kepatuhan's findings table: status, rule, NIP, name, unit, period and detail, as the screen shows
 * them; the agency too when the filter spans agencies (the screen shows it over the unit).
 */
async function findingsSource(views: TableViews, query: FindingsQuery, say: Say, f: Formatter, pageSize: number): Promise<Source> {
  const head = await views.findings({ ...query, limit: 1 });
  const withAgency = !query.agency;
  const filter = [
    ...viewFilterWords(query, say, f),
    ...(query.status ? [`${say('status')} ${say(query.status)}`] : []),
    ...(query.search ? [`${say('search')} "${query.search}"`] : []),
    ...(query.nip ? [`${say('nip')} ${query.nip}`] : []),
    `${say('order')}: ${say(SORT_WORD[query.sort ?? 'agency'])}${query.desc ? ` (${say('descending')})` : ''}`,
  ];
  const cols: Col[] = [
    { header: say('status') },
    { header: say('rule') },
    { header: say('nip') },
    { header: say('name'), max: 30 },
    ...(withAgency ? [{ header: say('agency'), max: 24 }] : []),
    { header: say('unit'), max: 36 },
    { header: say('period'), max: 40 },
    // The detail wraps within its column: the rows after the first page are not measured.
    { header: say('detail'), min: 40, max: 70, wrap: true },
  ];
  const pages = pagesOf(head.total, pageSize, async (offset, limit) => (await views.findings({ ...query, offset, limit })).rows, (v) => [
    say(v('status') as FindingStatus), v('rule') as string, v('nip') as string, v('name') as string,
    ...(withAgency ? [v('agency') as string] : []), v('unit') as string, f.period(v('period') as string), v('detail') as string,
  ]);
  return { title: say('findingsTitle'), filter, cols, total: head.total, pages };
}

/** The employees of a unit: name, NIP, compliance, flexible days and findings, lowest compliance first. */
async function employeesSource(views: TableViews, query: UnitEmployeesQuery, say: Say, f: Formatter, pageSize: number): Promise<Source> {
  const head = await views.unitEmployees({ ...query, limit: 1 });
  const pages = pagesOf(head.total, pageSize, async (offset, limit) => (await views.unitEmployees({ ...query, offset, limit })).rows, (v) => [
    v('name') as string | null, v('nip') as string, v('rate') as number | null, v('flexDays') as number, v('findings') as number,
  ]);
  return {
    title: say('unitEmployeesTitle'),
    filter: [...viewFilterWords(query, say, f), `${say('order')}: ${say('lowestFirst')}`],
    cols: [
      { header: say('name'), max: 36 },
      { header: say('nip') },
      { header: say('rate'), fmt: 'pct' },
      { header: say('flexDays'), fmt: 'int' },
      { header: say('findings'), fmt: 'int' },
    ],
    total: head.total,
    pages,
  };
}
