import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.ts';
import { freshCore } from '../helpers/workspace.ts';
import { figure } from '../support/figures.ts';
import { readCsvObjects } from './read-csv.ts';

const CORPUS = join(ROOT, 'test/corpora/csv-spectrum');
/**
 * Its expected JSON is wrong: a single object instead of an array of rows, a different phone
 * number (1234567890 vs 2095257564 in the CSV). So it is only a must-not-crash case.
 */
const BAD_ORACLE = 'location_coordinates';

const cases = readdirSync(join(CORPUS, 'csvs')).map((f) => f.replace(/\.csv$/, '')).sort();

describe('CSV conformance: csv-spectrum through the production CSV reader', () => {
  it('csv-spectrum: 11/11 match, 1/1 no crash', async () => {
    const core = await freshCore();
    let matched = 0;
    for (const name of cases.filter((c) => c !== BAD_ORACLE)) {
      const expected = JSON.parse(readFileSync(join(CORPUS, 'json', `${name}.json`), 'utf8')) as unknown;
      const got = await readCsvObjects(core, join(CORPUS, 'csvs', `${name}.csv`));
      expect(got.rejects, name).toBe(0);
      expect(got.rows, name).toEqual(expected);
      matched++;
    }
    expect(matched).toBe(11);
    const odd = await readCsvObjects(core, join(CORPUS, 'csvs', `${BAD_ORACLE}.csv`));
    expect(odd.rows).toHaveLength(1);
    expect(odd.rows[0]!.Cities).toBe('Modesto');
    figure('csv-spectrum', `csv-spectrum: ${matched}/${cases.length - 1} match, 1/1 no crash`);
  });
});
