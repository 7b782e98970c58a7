import { tableFromIPC } from 'apache-arrow';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient, createDispatcher, inProcessTransport } from '../../src-main/contract/wire.ts';
import { openDatabase, type Db } from '../../src-main/core/db/database.ts';
import { createCore } from '../../src-main/core/index.ts';
import { runChecks } from '../../src-main/core/rules/check-run.ts';
import { RULES } from '../../src-main/core/rules/index.ts';
import { createRuleBook } from '../../src-main/core/rules/rule-book.ts';
import { storeRunWeeks } from '../../src-main/core/views/index.ts';
import { overview } from '../../src-main/core/views/overview.ts';
import { SAMPLES, expected, manifest } from '../helpers/samples.ts';
import { freshCore, samplesCore, samplesWorkspace, TODAY, tempDir, type TestCore } from '../helpers/workspace.ts';

const BOOK = createRuleBook(RULES);
const open: { close(): void }[] = [];
afterEach(() => open.splice(0).forEach((c) => c.close()));

const api = (core: TestCore) => createClient(inProcessTransport(createDispatcher(core)));

/** A new workspace that can load the samples, through the codec. */
async function emptyApi() {
  return api(await freshCore(tempDir(), { samplesDir: SAMPLES, log: (e) => console.error(e) }));
}

/** The samples imported (a copy of the run's samples workspace) and checked once, through the codec. */
async function checkedApi() {
  const client = api(await samplesCore(tempDir(), { log: (e) => console.error(e) }));
  const { run } = await client.runChecks({});
  return { api: client, run };
}

describe('the screens read the stored run', () => {
  it('an empty workspace has no run and offers the samples', async () => {
    const o = await (await emptyApi()).overview({});
    expect(o.run).toBeNull();
    expect(o.data.batches).toBe(0);
  });

  it('loadSamples imports every sample, names the agencies and runs the checks', async () => {
    const api = await emptyApi();
    const loaded = await api.loadSamples({});
    expect(loaded.files.every((f) => f.status === 'imported')).toBe(true);
    expect(loaded.run?.findings).toBe(expected.findings.length);
    const o = await api.overview({});
    expect(o.data.agencies.find((a) => a.agency === 'PEMKOT-BOGOR')?.name).toBe('Pemerintah Kota Bogor');
    const units = o.units.map((u) => ({ agency: u.agency, unit: u.unit, employeeWeeks: u.employeeWeeks, compliantEmployeeWeeks: u.compliantEmployeeWeeks }));
    expect(units).toEqual(expect.arrayContaining(expected.compliance.filter((c) => c.unit !== '(semua unit)').map((c) => ({
      agency: c.agency, unit: c.unit, employeeWeeks: c.employeeWeeks, compliantEmployeeWeeks: c.compliantEmployeeWeeks,
    }))));
    expect(o.headline.findings).toBe(expected.findings.length);
    expect(o.months).toEqual(['2025-09', '2025-10']);
    console.log(JSON.stringify({ headline: o.headline, rules: o.rules, weeks: o.weeks.length }, null, 1));
  });

  it('findings come as Arrow pages; the grid and a unit’s employees too', async () => {
    const { api } = await checkedApi();
    const page = await api.findings({ limit: 3, offset: 1, sort: 'rule' });
    expect(page.total).toBe(expected.findings.length);
    const t = tableFromIPC(page.rows);
    expect(t.numRows).toBe(3);
    expect(t.schema.fields.map((f) => f.name)).toEqual(['rule', 'nip', 'name', 'agency', 'unit', 'period', 'detail', 'basis', 'status', 'sources']);
    const lok = await api.findings({ rule: 'LOK-01' });
    expect(lok.total).toBe(expected.findings.filter((f) => f.rule === 'LOK-01').length);
    const grid = await api.complianceGrid({ agency: 'PEMKOT-BOGOR' });
    expect(grid.weeks[0]).toBe('2025-W36');
    expect(tableFromIPC(grid.cells).numRows).toBeGreaterThan(0);
    const f = expected.findings.find((x) => x.rule === 'JAM-01')!;
    const emps = await api.unitEmployees({ agency: f.agency, unit: f.unit });
    const rows = tableFromIPC(emps.rows).toArray().map((r) => r.toJSON());
    expect(rows[0]).toMatchObject({ nip: f.nip });
    const days = await api.employeeDays({ nip: f.nip });
    expect(days.findings.map((x) => x.rule)).toContain('JAM-01');
    expect(days.days.length).toBeGreaterThan(50);
  });

  it('the findings table\'s pages, in every order, join into the run\'s findings in that order', async () => {
    // The list keeps each finding's rowid and a page reads its rows by them (views/findings.ts): a
    // page holding another finding's row, or a place out of order, shows here.
    const { api } = await checkedApi();
    const key = (r: { rule: string; nip: string; period: string }) => `${r.rule} ${r.nip} ${r.period}`;
    const want = expected.findings.map(key).sort();
    const byKey = new Map(expected.findings.map((f) => [key(f), f]));
    const statusOrder: Record<string, string> = { new: '0', open: '1', resolved: '2' };
    for (const sort of ['agency', 'unit', 'rule', 'nip', 'name', 'period', 'status'] as const) {
      for (const desc of [false, true]) {
        const whole = await api.findings({ sort, desc, limit: 5000 });
        const all = tableFromIPC(whole.rows).toArray().map((r) => r.toJSON());
        expect(all.map(key).sort(), sort).toEqual(want);
        // Each finding's own columns came with it.
        for (const r of all) {
          const f = byKey.get(key(r))!;
          expect({ agency: r.agency, unit: r.unit }, key(r)).toEqual({ agency: f.agency, unit: f.unit });
        }
        const firsts = all.map((r) => (sort === 'status' ? statusOrder[r.status]! : String(r[sort]))).filter((v) => v !== '');
        const sorted = [...firsts].sort();
        expect(firsts, `${sort} ${desc ? 'desc' : 'asc'}`).toEqual(desc ? sorted.reverse() : sorted);
        const joined: unknown[] = [];
        for (let offset = 0; offset < all.length; offset += 5) {
          const page = await api.findings({ sort, desc, offset, limit: 5 });
          expect(page).toMatchObject({ total: all.length, offset });
          joined.push(...tableFromIPC(page.rows).toArray().map((r) => r.toJSON()));
        }
        expect(joined).toEqual(all);
      }
    }
  });

  it('an employee\'s days are their own records, asked one employee after another', async () => {
    // employeeDays reads the employee's records once into a temp table (views/employee.ts): a day
    // from another employee's records, or from the previous call's, shows here.
    const { api } = await checkedApi();
    const one = expected.findings.find((x) => x.rule === 'JAM-01')!;
    const other = expected.findings.find((x) => x.agency !== one.agency)!;
    for (const { nip, agency } of [one, other, one]) {
      const records = (await api.listRecords({ kind: 'attendance', nip, limit: 10_000 })).records;
      const dates = records.map((r) => String(r.date)).sort();
      expect(dates.length, nip).toBeGreaterThan(5);
      const days = await api.employeeDays({ nip, from: dates[0], to: dates.at(-1) });
      expect({ nip: days.nip, agency: days.agency }).toEqual({ nip, agency });
      expect(days.days.length).toBe((Date.parse(dates.at(-1)!) - Date.parse(dates[0]!)) / 86_400_000 + 1);
      const byDate = new Map(records.map((r) => [String(r.date), r]));
      for (const d of days.days) {
        const r = byDate.get(d.date);
        const time = (t: unknown) => (t == null ? null : String(t).slice(0, 5));
        expect({ status: d.status, mode: d.mode, checkIn: d.checkIn, checkOut: d.checkOut }, `${nip} ${d.date}`)
          .toEqual(r ? { status: r.status, mode: r.mode, checkIn: time(r.checkIn), checkOut: time(r.checkOut) } : { status: null, mode: null, checkIn: null, checkOut: null });
      }
    }
  });

  it('a unit\'s employees come a page at a time: the pages join into the whole list, each saying the whole list\'s length', async () => {
    const { api } = await checkedApi();
    const biggest = (await api.overview({})).units.reduce((a, b) => (b.employees > a.employees ? b : a));
    const req = { agency: biggest.agency!, unit: biggest.unit };
    const whole = await api.unitEmployees(req);
    const all = tableFromIPC(whole.rows).toArray().map((r) => r.toJSON());
    expect(whole.total).toBe(all.length);
    expect(all.length).toBeGreaterThan(5);
    const joined: unknown[] = [];
    for (let offset = 0; offset < all.length + 3; offset += 3) {
      const page = await api.unitEmployees({ ...req, offset, limit: 3 });
      expect(page).toMatchObject({ total: all.length, offset });
      joined.push(...tableFromIPC(page.rows).toArray().map((r) => r.toJSON()));
    }
    expect(joined).toEqual(all);
    // Lowest compliance first, most findings first among equals, then by NIP.
    const order = all.map((r) => [r.rate, -r.findings, r.nip]);
    expect(order).toEqual([...order].sort((a, b) => (a[0] - b[0]) || (a[1] - b[1]) || String(a[2]).localeCompare(String(b[2]))));
    // Each filter is its own list, not a page of the one kept: asked one after another, each list's
    // employee-weeks and compliant weeks add up to its unit's in the overview of the same filter.
    const f = expected.findings.find((x) => x.rule === 'JAM-01')!;
    const unit = { agency: f.agency, unit: f.unit };
    for (const filter of [{}, { rule: 'JAM-01' as const }, { from: '2025-09-01', to: '2025-09-30' }, { rule: 'LOK-01' as const }, {}]) {
      const list = await api.unitEmployees({ ...unit, ...filter, limit: 1000 });
      const rows = tableFromIPC(list.rows).toArray().map((r) => r.toJSON());
      expect(rows.length).toBe(list.total);
      const u = (await api.overview(filter)).units.find((x) => x.agency === unit.agency && x.unit === unit.unit)!;
      const sum = (k: string) => rows.reduce((n, r) => n + r[k], 0);
      expect({ employees: rows.length, employeeWeeks: sum('employeeWeeks'), compliant: sum('compliant') }, JSON.stringify(filter))
        .toEqual({ employees: u.employees, employeeWeeks: u.employeeWeeks, compliant: u.compliantEmployeeWeeks });
    }
  });

  it('the lists the screens keep go when a check starts, and come back for the new run', async () => {
    const core = await samplesCore(tempDir(), { log: (e) => console.error(e) });
    open.push(core);
    const client = api(core);
    await client.runChecks({});
    const kept = async () => (await core.db.all<{ name: string }>(
      "SELECT table_name AS name FROM duckdb_tables() WHERE temporary AND regexp_matches(table_name, '^(findings_view|unit_employees_view)_')")).length;
    const unit = (await client.overview({})).units.find((u) => u.agency)!;
    const before = await client.findings({ limit: 5 });
    await client.unitEmployees({ agency: unit.agency!, unit: unit.unit, limit: 5 });
    expect(await kept()).toBe(2);
    await core.db.run('DELETE FROM run_results');
    const { run } = await client.runChecks({});
    expect(await kept()).toBe(0);
    const after = await client.findings({ limit: 5 });
    expect(after).toMatchObject({ run, total: before.total });
    expect((await client.unitEmployees({ agency: unit.agency!, unit: unit.unit, limit: 5 })).total).toBe(unit.employees);
  });

  it('counts each employee once: the headline and each unit against the units\' employee lists and the records', async () => {
    const core = await samplesCore(tempDir(), { log: (e) => console.error(e) });
    open.push(core);
    const client = api(core);
    await client.runChecks({});
    const week = { from: '2025-09-08', to: '2025-09-14' };
    const bogorUnit = { agency: 'PEMKOT-BOGOR', unit: expected.compliance.find((c) => c.agency === 'PEMKOT-BOGOR' && c.unit !== '(semua unit)')!.unit };
    for (const filter of [{}, { agency: 'PEMKOT-BOGOR' }, { rule: 'JAM-01' as const }, bogorUnit, week]) {
      const o = await client.overview(filter);
      const everyone = new Set<string>();
      const flexible = new Set<string>();
      for (const u of o.units) {
        const rows = tableFromIPC((await client.unitEmployees({ ...filter, agency: u.agency!, unit: u.unit })).rows).toArray().map((r) => r.toJSON());
        expect(u.employees, `${u.agency} ${u.unit}`).toBe(rows.length);
        for (const r of rows) {
          everyone.add(r.nip);
          if (r.flexDays > 0) flexible.add(r.nip);
        }
      }
      expect(o.headline.employees, JSON.stringify(filter)).toBe(everyone.size);
      expect(o.headline.flexEmployees, JSON.stringify(filter)).toBe(flexible.size);
      // The samples' checked dates hold every record: each NIP with a record is an employee.
      if ('unit' in filter || 'from' in filter) continue;
      const withRecords = await core.db.one<{ n: number }>('SELECT count(DISTINCT nip)::INTEGER AS n FROM attendance WHERE $agency IS NULL OR agency = $agency',
        { agency: 'agency' in filter ? filter.agency : null } as { agency: string | null });
      expect(o.headline.employees, JSON.stringify(filter)).toBe(withRecords!.n);
    }
  });

  it('detectImport names the kind and, from the file itself, the agency', async () => {
    const empty = await emptyApi();
    expect(await empty.detectImport({ path: `${SAMPLES}/pemprov-jateng/presensi-2025-09-10.csv` }))
      .toMatchObject({ kind: 'attendance', agency: null, agencyFrom: null, rosterMatches: [], problem: null });
    const { api } = await checkedApi();
    for (const [file, kind, agency, agencyFrom] of [
      ['pemprov-jateng/presensi-2025-09-10.csv', 'attendance', 'PEMPROV-JATENG', 'roster'],
      ['kemendagri/pegawai.xlsx', 'roster', 'KEMENDAGRI', 'roster'],
      ['pemkot-bogor/unit-kerja.csv', 'units', 'PEMKOT-BOGOR', 'units'],
      // Its Instansi column names every agency: each row names its own.
      ['survei-fwa-2025.csv', 'survey', null, null],
      ['pemkot-bogor/laporan-harian.csv', 'reports', 'PEMKOT-BOGOR', 'roster'],
      ['pemkab-sleman/scanlog-2025-10.csv', 'attendance', 'PEMKAB-SLEMAN', 'roster'],
    ] as const) {
      const found = await api.detectImport({ path: `${SAMPLES}/${file}` });
      expect(found, file).toMatchObject({ kind, agency, agencyFrom, problem: null });
      if (agencyFrom === 'roster') expect(found.rosterMatches[0], file).toMatchObject({ agency });
    }
  });

  it('the screens keep the run the user asked for when an export makes its own', async () => {
    const { api, run } = await checkedApi();
    await api.exportWorkbook({ out: `${tempDir()}/book.xlsx`, agency: 'PEMKOT-BOGOR' });
    const o = await api.overview({});
    expect(o.run?.run).toBe(run);
    expect(o.headline.agencies).toBe(new Set(manifest.filter((m) => m.agency).map((m) => m.agency)).size);
    expect((await api.findings({ limit: 1 })).run).toBe(run);
  });

  it('a run whose summary is never written leaves the screens on the earlier run, whole', async () => {
    const dir = tempDir();
    const path = await samplesWorkspace(dir);
    const core = await createCore({ dbPath: path, tmpDir: dir, now: () => TODAY });
    const first = (await core.runChecks({})).run;
    core.close();
    const db = await openDatabase(path);
    open.push(db);
    const weeksOf = async (run: string) => (await db.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM run_weeks WHERE run_id = $run', { run }))!.n;
    const before = await overview(db, BOOK, {});
    const firstWeeks = await weeksOf(first);
    expect(firstWeeks).toBeGreaterThan(0);

    // A profile saved again (the same values) makes the next check a run of its own (an unchanged
    // check returns the stored run); it commits and its employee-weeks are written; then the step that
    // stores its summary fails.
    await db.run(`INSERT INTO profiles SELECT agency, version + 1, info, overrides, saved_at FROM profiles
      WHERE agency = '' QUALIFY version = max(version) OVER ()`);
    const stopping: Db = { ...db, transaction: () => Promise.reject(new Error('berhenti')) };
    await expect(runChecks(db, BOOK, {}, TODAY, 'id', storeRunWeeks(stopping, BOOK))).rejects.toThrow('berhenti');
    const stopped = (await db.one<{ run_id: string }>('SELECT run_id FROM runs ORDER BY seq DESC LIMIT 1'))!.run_id;
    expect(stopped).not.toBe(first);
    const after = await overview(db, BOOK, {});
    expect(after.run?.run).toBe(first);
    expect({ ...after, run: null, data: null }).toEqual({ ...before, run: null, data: null });
    expect(await weeksOf(first)).toBe(firstWeeks);

    // The next check completes: nothing changed, so it is the stopped run, stored for the screens
    // again (its employee-weeks once); it becomes the screens' run and only its employee-weeks stay.
    const next = await runChecks(db, BOOK, {}, TODAY, 'id', storeRunWeeks(db, BOOK));
    expect(next.run).toBe(stopped);
    expect((await overview(db, BOOK, {})).run?.run).toBe(next.run);
    for (const table of ['run_weeks', 'run_employees']) {
      expect(await db.one(`SELECT count(DISTINCT run_id)::INTEGER AS runs FROM ${table}`), table).toEqual({ runs: 1 });
    }
    expect(await weeksOf(next.run)).toBe(firstWeeks);
  });

  it("a re-check keeps the weeks it takes as the earlier run's rows; stopped before its summary, it leaves them whole (old code: copied them)", async () => {
    const dir = tempDir();
    const core = await createCore({ dbPath: await samplesWorkspace(dir), tmpDir: dir, now: () => TODAY });
    open.push(core);
    const { db } = core;
    const first = (await core.runChecks({})).run;
    const [last, beforeLast] = (await db.all<{ batch_id: string }>(
      "SELECT batch_id FROM batches WHERE kind = 'attendance' AND status = 'active' ORDER BY seq DESC LIMIT 2")).map((b) => b.batch_id);
    const weeksBy = async () => (await db.all<{ run_id: string; weeks: number }>(
      'SELECT run_id, count(DISTINCT week)::INTEGER AS weeks FROM run_weeks GROUP BY run_id ORDER BY run_id')).map((r): [string, number] => [r.run_id, r.weeks]);
    const [[, allWeeks]] = await weeksBy() as [[string, number]];

    // A batch undone: the re-check writes the weeks it judged; the others stay the first run's rows.
    await core.undoImport({ batch: last! });
    const second = (await core.runChecks({})).run;
    const [[, kept], [, judged]] = await weeksBy() as [[string, number], [string, number]];
    expect(await weeksBy()).toEqual([[first, kept], [second, judged]]);
    expect(kept + judged).toBe(allWeeks);
    expect(judged).toBeLessThan(allWeeks);
    expect(await db.all('SELECT writer FROM run_week_writers WHERE run_id = $run ORDER BY 1', { run: second }))
      .toEqual([{ writer: first }, { writer: second }]);

    // Another undone, and its store stopped before the summary: the screens keep the second run, whole.
    const rows = () => db.all('SELECT * FROM run_weeks ORDER BY ALL');
    const before = { overview: await overview(db, BOOK, {}), rows: await rows() };
    expect(before.overview.run?.run).toBe(second);
    await core.undoImport({ batch: beforeLast! });
    const stopping: Db = { ...db, transaction: () => Promise.reject(new Error('berhenti')) };
    await expect(runChecks(db, BOOK, {}, TODAY, 'id', storeRunWeeks(stopping, BOOK))).rejects.toThrow('berhenti');
    const stopped = (await db.one<{ run_id: string }>('SELECT run_id FROM runs ORDER BY seq DESC LIMIT 1'))!.run_id;
    expect((await weeksBy()).map(([run]) => run)).toEqual([first, second, stopped]);
    expect({ ...await overview(db, BOOK, {}), data: null }).toEqual({ ...before.overview, data: null });
    expect(await db.all('SELECT * FROM run_weeks WHERE run_id <> $stopped ORDER BY ALL', { stopped })).toEqual(before.rows);
  });
});
