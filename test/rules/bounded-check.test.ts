// Issue 20, "store and return less": a check's answer listed every finding and every resolved one
// with its sentence and sources; at 10M attendance rows that is some 124,000 findings, which the CLI
// encoded, decoded and printed again (3 s of JSON, 115 MB) while the app read only the run and the
// count. The answer now lists the first CHECK_RESULT_FINDINGS of each with exact counts; runFindings
// pages through the rest and `pantau check --json` streams them from the core into the same document.
import { beforeAll, describe, expect, it } from 'vitest';
import { printCheckJson, printCheckText } from '../../src-main/cli/commands/check.ts';
import { toJson } from '../../src-main/cli/output.ts';
import { CHECK_RESULT_FINDINGS, type Finding, type RunChecksResult } from '../../src-main/contract/rules-types.ts';
import { checkWhole, everyFinding, everyNote } from '../helpers/checks.ts';
import { pantauInProcess } from '../helpers/cli-in-process.ts';
import { nip, workspaceTemplate, type WorkspaceTemplate } from '../helpers/workspace.ts';
import { importAttendance, officeWeek, week, type Person } from './rule-fixtures.ts';

const AG = 'PEMKOT-BANDUNG';
const W38 = '2025-09-15';
const people: Person[] = Array.from({ length: 250 }, (_, i) => ({ nip: nip(i + 1), name: `Pegawai ${i + 1}`, unit: `Bagian ${i % 7}` }));
/** Three days of WFH in one week: one LOK-01 finding per person. */
const threeWfh = (p: Person) => week(p, W38, ['WFH', 'WFH', 'WFH', 'WFO', 'WFO']);

/** 250 findings in the first run; then 130 of them gone (their week re-imported as office days): 120 open, 130 resolved. */
let workspace: WorkspaceTemplate;
let first: RunChecksResult;
let second: RunChecksResult;
beforeAll(async () => {
  workspace = await workspaceTemplate(async (core) => {
    await importAttendance(core, AG, people.flatMap(threeWfh));
    first = await core.runChecks({});
    await importAttendance(core, AG, people.slice(0, 130).flatMap((p) => officeWeek(p, W38)));
    second = await core.runChecks({});
  });
}, 120_000);

const key = (f: Finding) => `${f.agency} ${f.rule} ${f.nip} ${f.period}`;

/** The document `pantau check --json` printed before the answer was bounded: toJson of the whole result, counts left out. */
function oldDocument(whole: RunChecksResult): string {
  const { findingsTotal: _t, newFindings: _n, resolvedTotal: _r, dataQuality, ...old } = whole;
  const { notInRosterTotal: _nr, missingTimesTotal: _mt, ...notes } = dataQuality;
  return `${toJson({ ...old, dataQuality: notes })}\n`;
}

describe('a check answers with the first findings and exact counts; the rest is paged (issue 20)', () => {
  it('250 findings: 100 listed, total 250, all 250 paged in the answer\'s order, none twice; likewise the resolved ones', async () => {
    const core = await workspace.open();
    expect(first.findings).toHaveLength(CHECK_RESULT_FINDINGS);
    expect([first.findingsTotal, first.newFindings, first.resolvedTotal]).toEqual([250, 250, 0]);
    const paged = await everyFinding(core, first.run, false, undefined, 40);
    expect(paged).toHaveLength(250);
    expect(new Set(paged.map(key)).size).toBe(250);
    expect(new Set(paged.map((f) => f.nip))).toEqual(new Set(people.map((p) => p.nip)));
    expect(paged.slice(0, CHECK_RESULT_FINDINGS)).toEqual(first.findings);
    expect(paged.map(key)).toEqual(paged.map(key).sort());
    expect(paged.every((f) => f.rule === 'LOK-01' && f.status === 'new' && f.sources.length === 3)).toBe(true);
    // Another page size reads the same list.
    expect(await everyFinding(core, first.run, false, undefined, 7)).toEqual(paged);

    expect([second.findings.length, second.resolved.length]).toEqual([CHECK_RESULT_FINDINGS, CHECK_RESULT_FINDINGS]);
    expect([second.findingsTotal, second.newFindings, second.resolvedTotal]).toEqual([120, 0, 130]);
    const open = await everyFinding(core, second.run, false, undefined, 40);
    const resolved = await everyFinding(core, second.run, true, undefined, 40);
    expect([open.length, new Set(open.map(key)).size, resolved.length, new Set(resolved.map(key)).size]).toEqual([120, 120, 130, 130]);
    expect(resolved.map((f) => f.nip).sort()).toEqual(people.slice(0, 130).map((p) => p.nip).sort());
    expect(open.every((f) => f.status === 'open') && resolved.every((f) => f.status === 'resolved')).toBe(true);
    expect(resolved.slice(0, CHECK_RESULT_FINDINGS)).toEqual(second.resolved);

    // Unchanged data: the stored run again, with the same first findings and counts.
    const again = await core.runChecks({});
    expect(again).toEqual(second);
  });

  it('250 employees missing from the roster: 100 listed, total 250, all paged by agency and NIP; an earlier run\'s notes are gone, said so', async () => {
    const core = await workspace.open();
    const { dataQuality: q } = second;
    expect([q.notInRoster.length, q.notInRosterTotal, q.missingTimes.length, q.missingTimesTotal]).toEqual([CHECK_RESULT_FINDINGS, 250, 0, 0]);
    const paged = await everyNote(core, second.run, 'notInRoster', 7);
    expect(paged.map((n) => n.nip)).toEqual(people.map((p) => p.nip).sort());
    expect(paged.slice(0, CHECK_RESULT_FINDINGS)).toEqual(q.notInRoster);
    expect(paged.every((n) => n.agency === AG && n.records === 5)).toBe(true);
    expect(await core.runNotes({ run: second.run, note: 'missingTimes' })).toEqual({ missingTimes: [] });
    await expect(core.runNotes({ run: first.run, note: 'notInRoster' })).rejects.toMatchObject({
      code: 'NOT_FOUND', messageEn: `The data-quality notes of check run ${first.run} are no longer kept: only the latest run of each scope keeps them. Run the check again.`,
    });
  });

  it('check --json streams the document toJson gave for the whole result, byte for byte, page by page', async () => {
    const core = await workspace.open();
    const whole = await checkWhole(core, {});
    expect(whole.run).toBe(second.run);
    expect([whole.findings.length, whole.resolved.length]).toEqual([120, 130]);
    let streamed = '';
    let writes = 0;
    await printCheckJson((text) => {
      streamed += `${text}\n`;
      writes++;
    }, core, second, 7);
    expect(streamed).toBe(oldDocument(whole));
    // Pages of 7 findings and notes: no write holds more than 7 of them.
    expect(whole.dataQuality.notInRoster).toHaveLength(250);
    expect(writes).toBeGreaterThan((120 + 130 + 250) / 7);

    // The command itself, on the same workspace: the stored run, the same document.
    core.close();
    const cli = await pantauInProcess(['check', '--db', core.dbPath, '--json']);
    expect(cli.stderr).toBe('');
    expect(cli.status).toBe(0);
    expect(cli.stdout).toBe(oldDocument(whole));
  });

  it('the human report prints the counts and every finding\'s line, streamed page by page', async () => {
    const core = await workspace.open();
    const lines: string[] = [];
    await printCheckText((text) => lines.push(...text.split('\n')), core, second, 'en', 7);
    expect(lines[1]).toBe('120 findings (0 new), 130 resolved since the previous run');
    const findings = lines.filter((l) => l.startsWith('  LOK-01 '));
    expect(findings).toHaveLength(120);
    const open = await everyFinding(core, second.run);
    expect(findings.map((l) => / (\d{18}) /.exec(l)![1])).toEqual(open.map((f) => f.nip));
    expect(lines.indexOf('Compliance:')).toBe(2 + 120);
  });
});
