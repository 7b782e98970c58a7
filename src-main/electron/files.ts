// The files the page may name: only those the main process obtained itself. A path from a native
// dialog becomes an opaque token ("file:…") that main keeps; a file the page passed as a `File`
// arrives as "dropped:<n>" with its path beside the request, put there by the preload (bridge.ts).
// A path, or a token main did not make, names nothing: the page cannot read or overwrite a file
// the user did not choose, whatever script runs in it.
import { randomBytes } from 'node:crypto';
import { basename, extname } from 'node:path';
import type { DesktopFile } from '../contract/desktop.ts';
import { AppError } from '../contract/errors.ts';
import type { FileRole } from '../contract/files.ts';
import { DROPPED_PREFIX } from './bridge.ts';

/**
 * How a file main obtained from a dialog is named in the page's requests: "file:<random id><.ext>".
 * The token keeps the file's extension and nothing else of its path, so a request naming it still
 * passes the contract's checks (a workbook's `out` must end in .xlsx).
 */
export const TOKEN_PREFIX = 'file:';
const DROPPED = /^dropped:(0|[1-9][0-9]{0,5})$/;

/** A file a request named, as main resolved it. */
export interface NamedFile {
  /** As the request named it: a token or "dropped:<n>". */
  token: string;
  path: string;
  /** The file's name, without its folder: what the page may see. */
  name: string;
  role: FileRole;
}

export interface FileTokens {
  /** A path from a dialog as a token the page can name; `role` is what the dialog chose it for. */
  issue(path: string, role: FileRole): DesktopFile;
  /**
   * The file behind a name in a request: a token made for this role, or, to read, a file dropped
   * with this call. Anything else is a BAD_REQUEST that never reaches the core.
   */
  resolve(value: string, role: FileRole, dropped: readonly string[]): NamedFile;
}

function refuse(message: string, messageEn: string): never {
  throw new AppError('BAD_REQUEST', message, messageEn);
}

export function createFileTokens(newId: () => string = () => randomBytes(18).toString('base64url')): FileTokens {
  const issued = new Map<string, { path: string; role: FileRole }>();
  return {
    issue(path, role) {
      const ext = extname(path);
      const token = `${TOKEN_PREFIX}${newId()}${/^\.[A-Za-z0-9]{1,10}$/.test(ext) ? ext : ''}`;
      issued.set(token, { path, role });
      return { token, name: basename(path) };
    },
    resolve(value, role, dropped) {
      const drop = DROPPED.exec(value);
      const path = drop ? dropped[Number(drop[1])] : undefined;
      if (drop && path !== undefined) {
        if (role === 'write') refuse('Workbook hanya dapat ditulis ke berkas yang dipilih di dialog simpan.', 'A workbook can only be written to a file chosen in the save dialog.');
        return { token: value, path, name: basename(path), role };
      }
      const chosen = value.startsWith(TOKEN_PREFIX) ? issued.get(value) : undefined;
      if (!chosen) {
        if (value.startsWith(TOKEN_PREFIX) || value.startsWith(DROPPED_PREFIX)) refuse('Berkas tidak dikenal; pilih berkasnya lagi.', 'Unknown file; choose the file again.');
        refuse(
          'Berkas hanya dapat disebut lewat dialog Pantau atau dengan menyeretnya ke jendela, bukan dengan jalurnya.',
          "A file can only be named through Pantau's dialogs or by dropping it on the window, not by its path.",
        );
      }
      if (chosen.role !== role) {
        if (role === 'write') refuse('Workbook hanya dapat ditulis ke berkas yang dipilih di dialog simpan.', 'A workbook can only be written to a file chosen in the save dialog.');
        refuse('Berkas yang dipilih untuk disimpan tidak dapat dibaca sebagai data.', 'A file chosen to save cannot be read as data.');
      }
      return { token: value, path: chosen.path, name: basename(chosen.path), role };
    },
  };
}
