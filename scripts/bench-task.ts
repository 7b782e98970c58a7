// One benchmark measurement in a fresh process, so its peak memory is its own.
// Prints one JSON line: { task, seconds, rows, peakRssMiB }.
import { createReadStream, rmSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { openDatabase } from '../src-main/core/db/database.ts';
import { createCore } from '../src-main/core/index.ts';

const [task, file, workDir] = process.argv.slice(2) as [string, string, string];
let peak = 0;
const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
const timer = setInterval(sample, 20);

function freshDb(name: string): string {
  const path = `${workDir}/${name}.duckdb`;
  rmSync(path, { force: true });
  rmSync(`${path}.wal`, { force: true });
  return path;
}

async function rawCsv(): Promise<number> {
  const db = await openDatabase(freshDb('raw'));
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

const TASKS: Record<string, () => Promise<number>> = { 'raw-csv': rawCsv, 'iterate-xlsx': iterateXlsx, import: pantauImport };
const start = performance.now();
const rows = await TASKS[task]!();
const seconds = (performance.now() - start) / 1000;
sample();
clearInterval(timer);
console.log(JSON.stringify({ task, seconds: Number(seconds.toFixed(2)), rows, peakRssMiB: Math.round(peak / 2 ** 20) }));
