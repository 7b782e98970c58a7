// One benchmark measurement in a fresh process, so its peak memory is its own.
// Prints one JSON line: { task, seconds, rows, peakRssMiB }.
import { copyFileSync, createReadStream, existsSync, readFileSync, rmSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { openDatabase } from '../src-main/core/db/database.ts';
import { createCore, DEFAULT_MEMORY_LIMIT } from '../src-main/core/index.ts';

const [task, file, workDir, base] = process.argv.slice(2) as [string, string, string, string | undefined];
let peak = 0;
const sample = () => (peak = Math.max(peak, process.memoryUsage.rss()));
const timer = setInterval(sample, 20);

function freshDb(name: string): string {
  const path = `${workDir}/${name}.duckdb`;
  rmSync(path, { force: true });
  rmSync(`${path}.wal`, { force: true });
  return path;
}

// The raw-DuckDB baselines open with the core's memory limit: a ratio against Pantau then
// measures the work, not a different ceiling.
async function rawCsv(): Promise<number> {
  const db = await openDatabase(freshDb('raw'), { memoryLimit: DEFAULT_MEMORY_LIMIT });
  await db.run('CREATE TABLE raw AS SELECT * FROM read_csv($file)', { file });
  const n = (await db.one<{ n: number }>('SELECT count(*) AS n FROM raw'))!.n;
  db.close();
  return n;
}

async function iterateXlsx(): Promise<number> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(createReadStream(file), {
    sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'emit',
  });
  let rows = 0;
  for await (const sheet of reader) for await (const row of sheet as AsyncIterable<ExcelJS.Row>) if (row.values) rows++;
  return rows - 1;
}

async function pantauImport(): Promise<number> {
  const core = await createCore({ dbPath: freshDb('pantau'), tmpDir: workDir });
  const r = await core.importFiles({ files: [{ path: file, kind: 'attendance', agency: 'BENCH' }] });
  core.close();
  const f = r.files[0]!;
  if (f.status !== 'imported') throw new Error(f.error ?? 'import failed');
  return f.rowsImported;
}

/** A workspace holding the rows of `source`, built once and reused by the check measurements. */
async function checkWorkspace(source = file): Promise<string> {
  const path = `${workDir}/check-${source.split('/').pop()}.duckdb`;
  if (!existsSync(path)) {
    const core = await createCore({ dbPath: path, tmpDir: workDir });
    await core.importFiles({ files: [{ path: source, kind: 'attendance', agency: 'BENCH' }] });
    core.close();
  }
  return path;
}

/** Opening the workspace and importing the file (the next month), timed; `into` is a fresh copy of a workspace, or nothing. */
async function importMonth(into: string | null): Promise<number> {
  const path = freshDb('month');
  if (into) copyFileSync(into, path);
  const r = await timed(async () => {
    const core = await createCore({ dbPath: path, tmpDir: workDir });
    const result = await core.importFiles({ files: [{ path: file, kind: 'attendance', agency: 'BENCH' }] });
    core.close();
    return result;
  });
  const f = r.files[0]!;
  if (f.status !== 'imported') throw new Error(f.error ?? 'import failed');
  return f.rowsImported;
}

/** Times only `work` (not opening or building the workspace it runs on). */
async function timed<T>(work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  checkSeconds = (performance.now() - started) / 1000;
  return result;
}

async function fullCheck(): Promise<number> {
  // A first check: on a copy of the workspace (earlier measurements leave their runs in it), over
  // the bench's one agency, a scope with no run before (a run writes only the findings the run
  // before it did not have: rules/findings-sql.ts).
  const path = freshDb('check');
  copyFileSync(await checkWorkspace(), path);
  const core = await createCore({ dbPath: path, tmpDir: workDir });
  const result = await timed(() => core.runChecks({ agency: 'BENCH' }));
  core.close();
  return result.compliance.find((c) => c.agency === null)?.employeeWeeks ?? 0;
}

/**
 * The check after the month file is imported into a copy of the workspace of `base`, checked first
 * by this code (not timed) as an analyst's workspace is before the month arrives: only the re-check is timed.
 */
async function recheckMonth(): Promise<number> {
  const path = freshDb('month');
  copyFileSync(await checkWorkspace(base), path);
  const core = await createCore({ dbPath: path, tmpDir: workDir });
  await core.db.run('DELETE FROM run_results');
  await core.runChecks({});
  await core.importFiles({ files: [{ path: file, kind: 'attendance', agency: 'BENCH' }] });
  const result = await timed(() => core.runChecks({}));
  core.close();
  return result.compliance.find((c) => c.agency === null)?.employeeWeeks ?? 0;
}

/** LOK-01 alone, written by hand: flexible days per employee and ISO week above two. */
async function lok01Only(): Promise<number> {
  const db = await openDatabase(await checkWorkspace(), { memoryLimit: DEFAULT_MEMORY_LIMIT });
  const row = await timed(() => db.one<{ n: number }>(`SELECT count(*) AS n FROM (
    SELECT nip, strftime(date, '%G-W%V') AS week FROM attendance
    WHERE mode IN ('WFH', 'WFA', 'KANTOR_LAIN') AND status IN ('HADIR', 'TERLAMBAT', 'PULANG_CEPAT') AND isodow(date) <= 5
    GROUP BY ALL HAVING count(*) > 2)`));
  db.close();
  return row!.n;
}

/**
 * The seven rules' findings and compliance per unit, as an expert would write them by hand
 * (scripts/bench/expert-check.sql; test/bench/expert-check.test.ts keeps them equal to Pantau's).
 * The script materialises its findings and compliance as temp tables, as the check stores its own.
 */
async function expertCheck(): Promise<number> {
  const script = readFileSync(new URL('bench/expert-check.sql', import.meta.url), 'utf8');
  const db = await openDatabase(await checkWorkspace(), { memoryLimit: DEFAULT_MEMORY_LIMIT });
  const row = await timed(async () => {
    await db.run(script);
    return db.one<{ n: number }>('SELECT count(*) AS n FROM expert_findings');
  });
  db.close();
  return row!.n;
}

/** One monthly performance record per employee and month of attendance, added once (not timed). */
async function withPerformance(): Promise<string> {
  const path = await checkWorkspace();
  const db = await openDatabase(path, { memoryLimit: DEFAULT_MEMORY_LIMIT });
  if (!(await db.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM performance'))!.n) {
    await db.run(`INSERT INTO performance SELECT nip, m::DATE, (m + INTERVAL 1 MONTH - INTERVAL 1 DAY)::DATE, any_value(agency),
      NULL, any_value(unit_name), year(m), 'bench', 90 + (hash(nip, m) % 20)::DOUBLE, 'Baik', 'b-bench', 1
      FROM (SELECT nip, agency, unit_name, date_trunc('month', date) AS m FROM attendance) GROUP BY nip, m`);
  }
  db.close();
  return path;
}

async function compareAll(): Promise<number> {
  const core = await createCore({ dbPath: await withPerformance(), tmpDir: workDir });
  const result = await timed(() => core.compare({}));
  core.close();
  return result.performance.flex.n + result.performance.conventional.n + result.performance.withoutAttendance;
}

/** The flex/conventional counts alone, written by hand. */
async function compareRaw(): Promise<number> {
  const db = await openDatabase(await withPerformance(), { memoryLimit: DEFAULT_MEMORY_LIMIT });
  const row = await timed(() => db.one<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM (
    SELECT p.nip, p.period_start, bool_or(a.mode IN ('WFH', 'WFA', 'KANTOR_LAIN')) AS flex, any_value(p.achievement_pct >= 100) AS met
    FROM performance p JOIN attendance a ON a.nip = p.nip AND a.date BETWEEN p.period_start AND p.period_end
    GROUP BY p.nip, p.period_start)`));
  db.close();
  return row!.n;
}

let checkSeconds: number | undefined;
const TASKS: Record<string, () => Promise<number>> = {
  'raw-csv': rawCsv, 'iterate-xlsx': iterateXlsx, import: pantauImport, check: fullCheck, 'lok01-only': lok01Only,
  'expert-check': expertCheck,
  compare: compareAll, 'compare-raw': compareRaw,
  // The month file, into an empty workspace / into a copy of the workspace of `base` (built once, not timed).
  'month-empty': () => importMonth(null),
  'month-workspace': async () => importMonth(await checkWorkspace(base)),
  'recheck-month': recheckMonth,
};
const start = performance.now();
const rows = await TASKS[task]!();
// Check and month measurements time their work only, not building the workspace they run on.
const seconds = checkSeconds ?? (performance.now() - start) / 1000;
sample();
clearInterval(timer);
console.log(JSON.stringify({ task, seconds: Number(seconds.toFixed(2)), rows, peakRssMiB: Math.round(peak / 2 ** 20) }));
