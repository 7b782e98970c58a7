// npm run bench: import speed and memory against raw DuckDB / bare exceljs, same files, same run.
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { join, resolve } from 'node:path';

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const CSV_ROWS = arg('--csv-rows', 2_000_000);
const XLSX_ROWS = arg('--xlsx-rows', 300_000);
const CHECK_ROWS = arg('--check-rows', 10_000_000);
const dir = resolve('bench-data');
mkdirSync(dir, { recursive: true });

function ensure(rows: number, format: 'csv' | 'xlsx'): string {
  const file = join(dir, `presensi-big-${rows}.${format}`);
  if (!existsSync(file)) {
    execFileSync(process.execPath, ['--import', 'tsx', 'scripts/make-big-sample.ts', '--rows', String(rows), '--format', format, '--out', dir], { stdio: 'inherit' });
  }
  return file;
}

interface Result { task: string; seconds: number; rows: number; peakRssMiB: number }

function run(task: string, file: string): Result {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/bench-task.ts', task, file, dir], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop()!) as Result;
}

const rate = (r: Result) => Math.round(r.rows / r.seconds).toLocaleString('en-US');
const line = (label: string, r: Result) =>
  `| ${label} | ${r.rows.toLocaleString('en-US')} | ${r.seconds.toFixed(2)} s | ${rate(r)} rows/s | ${r.peakRssMiB} MiB |`;

const csv = ensure(CSV_ROWS, 'csv');
const xlsx = ensure(XLSX_ROWS, 'xlsx');
const rawCsv = run('raw-csv', csv);
const importCsv = run('import', csv);
const iterXlsx = run('iterate-xlsx', xlsx);
const importXlsx = run('import', xlsx);

console.log('| measurement | rows | time | speed | peak memory |');
console.log('|---|---|---|---|---|');
console.log(line('raw DuckDB `read_csv` into a table', rawCsv));
console.log(line('Pantau import, CSV', importCsv));
console.log(line('bare exceljs streaming iteration, XLSX', iterXlsx));
console.log(line('Pantau import, XLSX', importXlsx));
console.log(`\nCSV import / raw read_csv: ${(importCsv.seconds / rawCsv.seconds).toFixed(2)}× (goal ≤ 1.5×)`);
console.log(`XLSX import / bare iteration: ${(importXlsx.seconds / iterXlsx.seconds).toFixed(2)}× (goal ≤ 1.25×)`);

// A scan log against the same number of rows as a rows file: each of the first rows with both
// times becomes its two clock events (NIP, date, time), so the log holds SCAN_ROWS scans.
async function scanFiles(source: string, scans: number): Promise<{ rows: string; log: string }> {
  const rows = join(dir, `presensi-rows-${scans}.csv`);
  const log = join(dir, `presensi-scans-${scans}.csv`);
  if (existsSync(rows) && existsSync(log)) return { rows, log };
  const lines = createInterface({ input: createReadStream(source) });
  const rowOut: string[] = [];
  const logOut: string[] = ['NIP,Tanggal,Jam,Status'];
  for await (const line of lines) {
    if (rowOut.length === 0) { rowOut.push(line); continue; }
    if (rowOut.length <= scans) rowOut.push(line);
    const c = line.split(',');
    if (logOut.length <= scans && c[5] && c[6]) logOut.push(`${c[1]},${c[4]},${c[5]}:05,C/In`, `${c[1]},${c[4]},${c[6]}:40,C/Out`);
    if (rowOut.length > scans && logOut.length > scans) break;
  }
  lines.close();
  writeFileSync(rows, `${rowOut.join('\n')}\n`);
  writeFileSync(log, `${logOut.slice(0, scans + 1).join('\n')}\n`);
  return { rows, log };
}
const SCANS = arg('--scans', 500_000);
const scanInput = await scanFiles(csv, SCANS);
const importRows = run('import', scanInput.rows);
const importScans = run('import', scanInput.log);
console.log(`\n| measurement | rows | time | speed | peak memory |\n|---|---|---|---|---|`);
console.log(line('Pantau import, rows layout', importRows));
console.log(line('Pantau import, scans layout (same number of lines)', importScans));
console.log(`Scan log / rows file: ${(importScans.seconds / importRows.seconds).toFixed(2)}× (goal < 3×)`);

const checkCsv = ensure(CHECK_ROWS, 'csv');
const lok01 = run('lok01-only', checkCsv); // builds the workspace first (not timed)
const check = run('check', checkCsv);
const expert = run('expert-check', checkCsv);
console.log(`\nRule checks over ${CHECK_ROWS.toLocaleString('en-US')} attendance rows:`);
console.log(`| measurement | time | peak memory |\n|---|---|---|`);
console.log(`| hand-written LOK-01 statement | ${lok01.seconds.toFixed(2)} s | ${lok01.peakRssMiB} MiB |`);
console.log(`| expert hand-written script (7 rules' findings + compliance per unit) | ${expert.seconds.toFixed(2)} s | ${expert.peakRssMiB} MiB |`);
console.log(`| Pantau full check (7 rules + compliance, stored) | ${check.seconds.toFixed(2)} s | ${check.peakRssMiB} MiB |`);
console.log(`Full check / LOK-01 alone: ${(check.seconds / lok01.seconds).toFixed(2)}× (goal ≤ 5×, memory < 4 GiB)`);
console.log(`Full check / expert script: ${(check.seconds / expert.seconds).toFixed(2)}× (goal ≤ 1.5×)`);

// Monthly use (issue 20): the month after the check file (its employees, the next working days) imported into
// an empty workspace and into a copy of the checked one, then checked there and in a workspace holding only it.
function ensureMonth(): string {
  const rows = CHECK_ROWS / 2, employees = Math.ceil(CHECK_ROWS / 40), start = '2025-03-06';
  const file = join(dir, `presensi-big-${rows}-of-${employees}-from-${start}.csv`);
  if (!existsSync(file)) {
    execFileSync(process.execPath, ['--import', 'tsx', 'scripts/make-big-sample.ts', '--rows', String(rows), '--employees', String(employees),
      '--start', start, '--format', 'csv', '--out', dir], { stdio: 'inherit' });
  }
  return file;
}
const monthCsv = ensureMonth();
const runWith = (task: string, file: string, base: string): Result =>
  JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', 'scripts/bench-task.ts', task, file, dir, base], { encoding: 'utf8' }).trim().split('\n').pop()!) as Result;
const monthEmpty = run('month-empty', monthCsv);
const monthInto = runWith('month-workspace', monthCsv, checkCsv);
const monthOnly = run('check', monthCsv);
const recheck = runWith('recheck-month', monthCsv, checkCsv);
console.log(`\nOne more month (${monthEmpty.rows.toLocaleString('en-US')} rows) after the ${CHECK_ROWS.toLocaleString('en-US')}-row workspace:`);
console.log(`| measurement | time | peak memory |\n|---|---|---|`);
console.log(`| import into an empty workspace | ${monthEmpty.seconds.toFixed(2)} s | ${monthEmpty.peakRssMiB} MiB |`);
console.log(`| import into the checked workspace | ${monthInto.seconds.toFixed(2)} s | ${monthInto.peakRssMiB} MiB |`);
console.log(`| check of a workspace holding only the month | ${monthOnly.seconds.toFixed(2)} s | ${monthOnly.peakRssMiB} MiB |`);
console.log(`| re-check of the workspace after the month's import | ${recheck.seconds.toFixed(2)} s | ${recheck.peakRssMiB} MiB |`);
console.log(`Month into the workspace / into an empty one: ${(monthInto.seconds / monthEmpty.seconds).toFixed(2)}× (goal ≤ 1.1×)`);
console.log(`Re-check after the month / check of the month alone: ${(recheck.seconds / monthOnly.seconds).toFixed(2)}× (goal ≤ 1.2×)`);

const cmpRaw = run('compare-raw', checkCsv); // adds monthly performance records first (not timed)
const cmp = run('compare', checkCsv);
console.log(`\nComparison over the same attendance and ${cmp.rows.toLocaleString('en-US')} monthly performance records:`);
console.log(`| measurement | time | peak memory |\n|---|---|---|`);
console.log(`| hand-written flex/conventional count | ${cmpRaw.seconds.toFixed(2)} s | ${cmpRaw.peakRssMiB} MiB |`);
console.log(`| Pantau compare (groups, agencies, units, ratings, before/after, survey) | ${cmp.seconds.toFixed(2)} s | ${cmp.peakRssMiB} MiB |`);
console.log(`Compare / hand-written count: ${(cmp.seconds / cmpRaw.seconds).toFixed(2)}×`);

// The screens in headless Chromium over the same workspace: overview chart and a million-row findings scroll,
// on a renderer built from the sources as they are (a stale out/ would measure old screens).
execFileSync('npx', ['electron-vite', 'build'], { stdio: 'ignore' });
execFileSync(process.execPath, ['--import', 'tsx', 'scripts/bench-ui.ts', '--db', join(dir, `check-${checkCsv.split('/').pop()}.duckdb`), '--findings', '1000000'], { stdio: 'inherit' });
