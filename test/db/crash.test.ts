import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/workspace.ts';
import { figure } from '../support/figures.ts';
import { SIZES } from '../support/sizes.ts';
import { crashRounds, crashSummary } from './crash.ts';

// Also the CLI's crash-safety test: its one kill once the import writes to the workspace is this
// test's first round; the others land at seeded random moments.
describe('crash durability: SIGKILLs during imports of a large file', () => {
  it(`crash: ${SIZES.crashKills} kills (the first mid-write) of a ${SIZES.crashRows}-row import, as many clean reopens, 0 partial batches, 0 duplicates (npm run robustness: 20 kills, 1,000,000 rows)`, async () => {
    const seed = Number(process.env.PANTAU_SEED ?? Date.now() % 100_000);
    const kills = SIZES.crashKills;
    const f = await crashRounds(tempDir(), kills, SIZES.crashRows, seed);
    console.log(f.log.join('\n'));
    figure('crash', `${crashSummary(f)} (seed ${seed})`);
    expect(f).toMatchObject({ kills, writingKills: 1, cleanReopens: kills, partialBatches: 0, duplicates: 0, retryImportedOnce: true });
  }, 1_800_000);
});
