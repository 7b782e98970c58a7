import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/workspace.ts';
import { crashRounds, crashSummary } from './crash.ts';

describe('crash durability: random SIGKILLs during imports of a large file', () => {
  it('crash: 3 kills, 3 clean reopens, 0 partial batches, 0 duplicates (npm run robustness: 20 kills)', async () => {
    const seed = Number(process.env.PANTAU_SEED ?? Date.now() % 100_000);
    const f = await crashRounds(tempDir(), 3, 200_000, seed);
    console.log(`${crashSummary(f)} (seed ${seed})\n${f.log.join('\n')}`);
    expect(f).toMatchObject({ kills: 3, cleanReopens: 3, partialBatches: 0, duplicates: 0, retryImportedOnce: true });
  }, 300_000);
});
