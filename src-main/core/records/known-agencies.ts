import { AppError } from '../../contract/errors.ts';
import type { Db } from '../db/database.ts';
import { AGENCIES } from '../views/views-sql.ts';

/** The agencies the workspace knows: seen in an active batch, a profile or the survey (the overview's list). */
export async function knownAgencies(db: Db): Promise<string[]> {
  const rows = await db.all<{ agency: string }>(`SELECT agency FROM (${AGENCIES}) ORDER BY agency`);
  return rows.map((r) => r.agency);
}

/**
 * Refuses an agency the workspace does not know, naming the ones it does: a typo in --agency must
 * never read as a clean month (a check with no findings, a comparison of nobody).
 */
export async function assertKnownAgency(db: Db, agency: string | undefined): Promise<void> {
  if (agency === undefined) return;
  const known = await knownAgencies(db);
  if (known.includes(agency)) return;
  const list = known.join(', ');
  throw new AppError(
    'NOT_FOUND',
    `Instansi "${agency}" tidak dikenal di workspace ini. ${known.length ? `Instansi yang ada: ${list}.` : 'Belum ada instansi: impor data lebih dahulu.'}`,
    `Agency "${agency}" is not known in this workspace. ${known.length ? `Known agencies: ${list}.` : 'No agency yet: import data first.'}`,
    { agency, known },
  );
}
