import { join } from 'node:path';
import type { Core } from '../../src-main/core/index.ts';
import { readCsvBody } from '../../src-main/core/import/csv-reader.ts';
import { splitRecords } from '../../src-main/core/import/csv-records.ts';
import { decodeSample, fileSize, sniffFile } from '../../src-main/core/import/sniff.ts';

/**
 * A CSV through the production path (byte sniffing, decoding, staging copy, DuckDB read_csv with
 * every column as text), with the header read by the production splitter. Template mapping is
 * left out: conformance files have headers no Pantau template knows. Empty cells come back as ''
 * (the importer treats NULL and '' alike).
 */
export async function readCsvObjects(core: Core & { dir: string }, path: string, delimiter = ','):
  Promise<{ rows: Record<string, string>[]; rejects: number; encoding: string | null }> {
  const sniffed = await sniffFile(path, await fileSize(path));
  const [header] = splitRecords(decodeSample(sniffed), delimiter, 1);
  if (!header) return { rows: [], rejects: 0, encoding: sniffed.encoding };
  const staging = (await core.db.one<{ d: string }>("SELECT current_setting('temp_directory') AS d"))!.d;
  const tmp = join(staging, '..', `conformance-${Date.now()}.csv`);
  const { scanner } = await readCsvBody(core.db, path, sniffed, { delimiter, headerEndLine: header.endLine, headers: header.cells }, tmp);
  const rejects = scanner.rejects.length;
  const cols = header.cells.map((_, i) => `c${i}`).join(', ');
  const raw = await core.db.all<Record<string, string | null>>(`SELECT ${cols} FROM stg`);
  await core.db.run('DROP TABLE IF EXISTS stg');
  const rows = raw.map((r) => Object.fromEntries(header.cells.map((h, i) => [h, r[`c${i}`] ?? ''])));
  return { rows, rejects, encoding: sniffed.encoding };
}
