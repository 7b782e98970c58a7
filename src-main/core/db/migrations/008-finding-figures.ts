import type { Migration } from './index.ts';

// A finding keeps its figures (JSON text: counts, limits, minutes, codes) instead of a sentence, so
// each edge writes the sentence in its reader's language. Findings stored before keep their
// sentence in `detail` (Bahasa Indonesia) and no figures; new ones have figures and no detail.
export const migration: Migration = {
  version: 8,
  name: 'findings keep their figures; the sentence is written when read',
  sql: `
      ALTER TABLE findings ALTER COLUMN detail DROP NOT NULL;
      ALTER TABLE findings ADD COLUMN figures VARCHAR;
    `,
};
