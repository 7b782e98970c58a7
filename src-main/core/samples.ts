import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CoreApi } from '../contract/api.ts';
import { AppError } from '../contract/errors.ts';
import type { ImportKind } from '../contract/import-types.ts';
import type { CallOptions } from '../contract/progress.ts';
import type { LoadSamplesResult } from '../contract/views-types.ts';

interface ManifestEntry {
  file: string;
  agency: string | null;
  kind: ImportKind;
  name?: string;
  level?: string | null;
  province?: string | null;
}

/** "Daftar pegawai — Pemerintah Kota Bogor" → "Pemerintah Kota Bogor". */
function agencyName(entry: ManifestEntry): string | undefined {
  const parts = entry.name?.split(' — ');
  return parts && parts.length > 1 ? parts[parts.length - 1] : undefined;
}

/**
 * "Muat data contoh": imports every file of samples/manifest.json, names the agencies
 * (where they have no name yet) and runs the checks, so the screens have something to show.
 */
export async function loadSamples(api: CoreApi, samplesDir: string | undefined, opts?: CallOptions): Promise<LoadSamplesResult> {
  if (!samplesDir) throw new AppError('NOT_FOUND', 'Data contoh tidak tersedia pada instalasi ini.', 'Sample data is not available in this installation.');
  const text = await readFile(join(samplesDir, 'manifest.json'), 'utf8').catch(() => {
    throw new AppError('NOT_FOUND', `Daftar data contoh tidak ditemukan di ${samplesDir}.`, `The sample data list was not found in ${samplesDir}.`);
  });
  const manifest = JSON.parse(text) as ManifestEntry[];
  const { files } = await api.importFiles(
    { files: manifest.map((m) => ({ path: join(samplesDir, m.file), kind: m.kind, ...(m.agency ? { agency: m.agency } : {}) })) },
    opts,
  );
  const named = new Set<string>();
  for (const m of manifest) {
    if (!m.agency || named.has(m.agency)) continue;
    named.add(m.agency);
    const current = await api.getProfile({ agency: m.agency });
    const name = agencyName(m);
    if (current.name || !name) continue;
    const set: Record<string, string> = { name };
    if (m.level) set.level = m.level;
    if (m.province) set.province = m.province;
    await api.setProfile({ agency: m.agency, set });
  }
  await api.runChecks({});
  const overview = await api.overview({});
  return { files, run: overview.run };
}
