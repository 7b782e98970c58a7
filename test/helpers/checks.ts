import { expect } from 'vitest';
import type { CoreApi } from '../../src-main/contract/api.ts';
import type { CallOptions } from '../../src-main/contract/progress.ts';
import {
  CHECK_RESULT_FINDINGS, RUN_FINDINGS_PAGE_MAX, type DataQuality, type Finding, type NoteKind, type RunChecksRequest, type RunChecksResult,
} from '../../src-main/contract/rules-types.ts';

type Checks = Pick<CoreApi, 'runChecks' | 'runFindings' | 'runNotes'>;

/** Every finding of a run (or every one it resolved), paged from runFindings. */
export async function everyFinding(
  api: Pick<CoreApi, 'runFindings'>, run: string, resolved = false, opts?: CallOptions, pageSize = RUN_FINDINGS_PAGE_MAX,
): Promise<Finding[]> {
  const all: Finding[] = [];
  for (let offset = 0; ; offset += pageSize) {
    const { findings } = await api.runFindings({ run, resolved, offset, limit: pageSize }, opts);
    all.push(...findings);
    if (findings.length < pageSize) return all;
  }
}

/**
 * A check's answer with its lists whole, as runChecks answered before issue 20 bounded it: every
 * finding and every resolved one, paged. The answer's own lists must be the first of them and its
 * counts theirs.
 */
export async function checkWhole(api: Checks, req: RunChecksRequest = {}, opts?: CallOptions): Promise<RunChecksResult> {
  const result = await api.runChecks(req, opts);
  return wholeLists(api, result, opts);
}

/** Every note of one kind of a run, paged from runNotes. */
export async function everyNote<K extends NoteKind>(api: Pick<CoreApi, 'runNotes'>, run: string, note: K, pageSize = RUN_FINDINGS_PAGE_MAX): Promise<DataQuality[K]> {
  const all: unknown[] = [];
  for (let offset = 0; ; offset += pageSize) {
    const page = (await api.runNotes({ run, note, offset, limit: pageSize }))[note] ?? [];
    all.push(...page);
    if (page.length < pageSize) return all as DataQuality[K];
  }
}

/** The answer `result` with its lists whole (see checkWhole), the data-quality notes too. */
export async function wholeLists(api: Pick<CoreApi, 'runFindings' | 'runNotes'>, result: RunChecksResult, opts?: CallOptions): Promise<RunChecksResult> {
  const findings = await everyFinding(api, result.run, false, opts);
  const resolved = await everyFinding(api, result.run, true, opts);
  expect(result.findings).toEqual(findings.slice(0, CHECK_RESULT_FINDINGS));
  expect(result.resolved).toEqual(resolved.slice(0, CHECK_RESULT_FINDINGS));
  expect([result.findingsTotal, result.newFindings, result.resolvedTotal])
    .toEqual([findings.length, findings.filter((f) => f.status === 'new').length, resolved.length]);
  const notInRoster = await everyNote(api, result.run, 'notInRoster');
  const missingTimes = await everyNote(api, result.run, 'missingTimes');
  const { dataQuality: q } = result;
  expect([q.notInRoster, q.missingTimes]).toEqual([notInRoster.slice(0, CHECK_RESULT_FINDINGS), missingTimes.slice(0, CHECK_RESULT_FINDINGS)]);
  expect([q.notInRosterTotal, q.missingTimesTotal]).toEqual([notInRoster.length, missingTimes.length]);
  return { ...result, findings, resolved, dataQuality: { ...q, notInRoster, missingTimes } };
}
