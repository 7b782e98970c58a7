import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/workspace.ts';
import { crashRounds, crashSummary } from './crash.ts';
import { figure, FULL } from '../support/figures.ts';

// Also the CLI's crash-safety test since test/cli/crash.test.ts was folded in here: its one kill
// once the import writes to the workspace is this test's first round.
describe('crash durability: SIGKILLs during imports of a large file', () => {
  it('crash: 3 kills (the first mid-write), 3 clean reopens, 0 partial batches, 0 duplicates (npm run robustness: 20 kills)', async () => {
    const seed = Number(process.env.PANTAU_SEED ?? Date.now() % 100_000);
    const kills = FULL ? 20 : 3;
    const f = await crashRounds(tempDir(), kills, FULL ? 1_000_000 : 200_000, seed);
    console.log(f.log.join('\n'));
    figure('crash', `${crashSummary(f)} (seed ${seed})`);
    expect(f).toMatchObject({ kills, writingKills: 1, cleanReopens: kills, partialBatches: 0, duplicates: 0, retryImportedOnce: true });
  }, 1_800_000);
});
