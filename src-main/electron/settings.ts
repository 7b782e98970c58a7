import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute } from 'node:path';

/** What the desktop app remembers between runs (settings.json in the user's data folder). */
export interface Settings {
  lastWorkspace?: string;
}

/** The settings, or none when the file is missing or unreadable: a broken file must not stop the app. */
export async function readSettings(file: string): Promise<Settings> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return {};
  }
  if (typeof parsed !== 'object' || parsed === null) return {};
  const last = (parsed as Record<string, unknown>).lastWorkspace;
  return typeof last === 'string' && isAbsolute(last) ? { lastWorkspace: last } : {};
}

/** Written to a temporary file and renamed, so a crash mid-write leaves the old settings whole. */
export async function writeSettings(file: string, settings: Settings): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(settings, null, 2)}\n`, 'utf8');
  await rename(tmp, file);
}

export async function rememberWorkspace(file: string, workspace: string): Promise<void> {
  await writeSettings(file, { ...(await readSettings(file)), lastWorkspace: workspace });
}
