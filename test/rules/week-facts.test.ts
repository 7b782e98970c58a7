import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportKind } from '../../src-main/contract/import-types.ts';
import type { RunChecksResult } from '../../src-main/contract/rules-types.ts';
import { RULES } from '../../src-main/core/rules/index.ts';
import { createRuleBook } from '../../src-main/core/rules/rule-book.ts';
import { refreshWeekFacts } from '../../src-main/core/rules/week-facts.ts';
import { checkWhole } from '../helpers/checks.ts';
import { freshCore } from '../helpers/workspace.ts';
import { importCalendar, type TestCore } from './rule-fixtures.ts';

// Issue 20: a check reads each employee-week's figures from `week_facts`, kept up to date by every
// import and undo for the weeks it touches and rebuilt for an agency whose profile or holidays
// changed. After every step of a sequence over the samples, the kept facts must be exactly the
// facts built from scratch from the records, and a check on them must find what a check of a
// workspace that only ever held the final records finds.

const SAMPLES = join(import.meta.dirname, '../../samples');
const MANIFEST = JSON.parse(readFileSync(join(SAMPLES, 'manifest.json'), 'utf8')) as { file: string; agency?: string; kind: ImportKind }[];
const BOOK = createRuleBook(RULES);

const FACTS = 'SELECT * FROM week_facts ORDER BY ALL';

/** The kept facts, then the facts built again from nothing: they must be the same rows. */
async function expectFactsCurrent(c: TestCore, step: string): Promise<number> {
  const kept = await c.db.json(FACTS);
  await c.db.transaction(async () => {
    for (const t of ['week_fact_batches', 'week_fact_agencies', 'week_facts']) await c.db.run(`DELETE FROM ${t}`);
    await refreshWeekFacts(c.db, BOOK);
  });
  const rebuilt = await c.db.json(FACTS);
  expect(kept, `facts after: ${step}`).toEqual(rebuilt);
  return kept.length;
}

async function importSample(c: TestCore, m: (typeof MANIFEST)[number]): Promise<string> {
  const { files } = await c.importFiles({ files: [{ path: join(SAMPLES, m.file), kind: m.kind, ...(m.agency ? { agency: m.agency } : {}) }] });
  expect(files[0]!.status, m.file).toBe('imported');
  return files[0]!.batch!;
}

/** What a check found and judged, without what names the run or the batches (sources). */
function outcome(r: RunChecksResult) {
  const key = (f: RunChecksResult['findings'][number]) => [f.rule, f.nip, f.agency, f.period, f.unit, f.name, f.detail].join(' | ');
  return {
    findings: r.findings.map(key).sort(),
    compliance: r.compliance,
    complianceByRule: r.complianceByRule,
    complianceByUnitWeek: r.complianceByUnitWeek,
    notInRoster: r.dataQuality.notInRoster,
  };
}

const ATTENDANCE = MANIFEST.filter((m) => m.kind === 'attendance');
const SLEMAN = ATTENDANCE.filter((m) => m.agency === 'PEMKAB-SLEMAN');

describe('weekly facts', () => {
  it('are the facts built from scratch after every import, undo, re-import, profile and calendar change of the samples', async () => {
    const c = await freshCore();
    const batches = new Map<string, string>();
    // Only attendance and the calendar make facts.
    for (const m of ATTENDANCE) {
      batches.set(m.file, await importSample(c, m));
      await expectFactsCurrent(c, `import ${m.file}`);
    }
    expect(SLEMAN.length).toBeGreaterThan(2);
    // Undo in another order than imported, so that rows replaced by a later batch come back.
    for (const m of [SLEMAN[1]!, ATTENDANCE[0]!, SLEMAN.at(-1)!]) {
      await c.undoImport({ batch: batches.get(m.file)! });
      await expectFactsCurrent(c, `undo ${m.file}`);
    }
    for (const m of [ATTENDANCE[0]!, SLEMAN[1]!]) {
      await importSample(c, m);
      await expectFactsCurrent(c, `import again ${m.file}`);
    }
    // A profile change is taken up by the next check (or import).
    await c.setProfile({ agency: 'PEMKAB-SLEMAN', set: { workDays: '6', breakMonThu: '12:00-12:30' } });
    await c.runChecks({});
    expect(await expectFactsCurrent(c, 'profile of PEMKAB-SLEMAN')).toBeGreaterThan(0);
    // A holiday on a working day with records changes which days count, for every agency.
    await importCalendar(c, [['2025-10-02', 'Libur', 'Hari libur uji']]);
    await expectFactsCurrent(c, 'a holiday added');
  });

  it('give the findings and compliance of a workspace that only ever held the final records', async () => {
    const kept = await freshCore();
    const batches = new Map<string, string>();
    for (const m of MANIFEST) batches.set(m.file, await importSample(kept, m));
    await kept.runChecks({});
    await kept.undoImport({ batch: batches.get(SLEMAN[1]!.file)! });
    await kept.setProfile({ agency: 'KEMENDAGRI', set: { weeklyHours: '40' } });

    // The profile first: these facts are built with it from the start.
    const fresh = await freshCore();
    await fresh.setProfile({ agency: 'KEMENDAGRI', set: { weeklyHours: '40' } });
    for (const m of MANIFEST) if (m !== SLEMAN[1]) await importSample(fresh, m);

    const a = outcome(await checkWhole(kept, {}));
    const b = outcome(await checkWhole(fresh, {}));
    expect(a.findings.length).toBeGreaterThan(0);
    expect(a).toEqual(b);
  });
});
