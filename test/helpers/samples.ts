import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportFileResult, ImportKind } from '../../src-main/contract/import-types.ts';
import type { Core } from '../../src-main/core/index.ts';
import { ROOT } from './cli.ts';

export const SAMPLES = join(ROOT, 'samples');

export interface ManifestEntry {
  file: string;
  agency: string | null;
  kind: ImportKind;
}

export const manifest = JSON.parse(readFileSync(join(SAMPLES, 'manifest.json'), 'utf8')) as ManifestEntry[];

/** The generator's own account of the samples: rows, bad rows, planted findings, figures. */
export const expected = JSON.parse(readFileSync(join(SAMPLES, 'expected.json'), 'utf8')) as {
  /** dataRows = rowsRead (a scan line, a filled day cell, skipped rows each once); records = canonical records written. */
  files: { file: string; agency: string | null; kind: ImportKind; layout: string; dataRows: number; badRows: number; duplicateRows: number;
    skippedRows: number; records: number; constants?: Record<string, { value: string; from: string }> }[];
  badRows: { file: string; row: number; column: string; value: string }[];
  duplicates: { file: string; rows: number[] }[];
  findings: { rule: string; nip: string; agency: string; unit: string; period: string; detail: string }[];
  compliance: { agency: string; unit: string; employeeWeeks: number; compliantEmployeeWeeks: number; rate: number }[];
  /** Present days without both times, from the generator's model (rules.md, JAM-01: data-quality notes). */
  dataQuality: { missingTimes: { agency: string; nip: string; date: string }[] };
};

/** Imports every sample file in manifest order; results keyed by file. */
export async function importSamples(core: Core): Promise<Map<string, ImportFileResult>> {
  const { files } = await core.importFiles({
    files: manifest.map((m) => ({ path: join(SAMPLES, m.file), kind: m.kind, agency: m.agency ?? undefined })),
  });
  return new Map(files.map((f, i) => [manifest[i]!.file, f]));
}
