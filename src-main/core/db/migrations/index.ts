/**
 * The workspace schema as numbered migrations, applied in order by migrate(). Workspaces already
 * hold the result of every released migration, so a released one is never edited: change the
 * schema by adding the next numbered file (its SQL a plain literal, importing nothing), listing it
 * here, and updating db/canonical.ts when a canonical table changes. test/db/migrations.test.ts
 * holds each migration's SHA-256 and fails on an edit.
 */
import { migration as m001 } from './001-workspace.ts';
import { migration as m002 } from './002-rule-checks.ts';
import { migration as m003 } from './003-run-weeks.ts';
import { migration as m004 } from './004-finding-periods.ts';
import { migration as m005 } from './005-skipped-rows.ts';
import { migration as m006 } from './006-real-exports.ts';
import { migration as m007 } from './007-run-results.ts';
import { migration as m008 } from './008-finding-figures.ts';
import { migration as m009 } from './009-week-facts.ts';
import { migration as m010 } from './010-run-notes.ts';
import { migration as m011 } from './011-run-week-rules.ts';
import { migration as m012 } from './012-run-week-employees.ts';
import { migration as m013 } from './013-run-states.ts';
import { migration as m014 } from './014-run-week-writers.ts';
import { migration as m015 } from './015-finding-ends.ts';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [m001, m002, m003, m004, m005, m006, m007, m008, m009, m010, m011, m012, m013, m014, m015];
