import { registerFile } from './transport.ts';

export interface FileRef {
  /** What requests carry as `path`: an upload handle, or (in Electron) a placeholder for the File or the shell's token for a file chosen in its dialog. */
  path: string;
  fileName: string;
  size: number;
}

/** Makes a dropped or picked file nameable in API requests. */
export async function fileRef(file: File, token: string | null): Promise<FileRef> {
  if (window.pantau) return { path: registerFile(file), fileName: file.name, size: file.size };
  const res = await fetch('/upload', {
    method: 'POST',
    headers: { 'x-pantau-token': token ?? '', 'x-pantau-filename': encodeURIComponent(file.name), 'Content-Type': 'application/octet-stream' },
    body: file,
  });
  if (!res.ok) throw new Error(res.status === 413 ? 'TOO_LARGE' : `${res.status}: ${await res.text()}`);
  const uploaded = (await res.json()) as { path: string; fileName: string; size: number };
  return { path: uploaded.path, fileName: file.name, size: uploaded.size };
}
