import { useCallback, useRef, useState } from 'react';
import type { ImportFileRequest, ImportKind, MappingRecipe, PreviewImportResult } from '../../../../src-main/contract/index.ts';
import { useApiContext } from '../../api/ApiProvider.tsx';
import { fileRef, type FileRef } from '../../api/files.ts';
import { errorText } from '../../api/useQuery.ts';

/** A file waiting to be imported, with what Pantau recognised and what the user changed. */
export interface Staged {
  id: number;
  name: string;
  size: number;
  ref: FileRef | null;
  phase: 'uploading' | 'detecting' | 'ready' | 'error';
  error: string | null;
  kind: ImportKind | null;
  agency: string;
  /** field → 0-based column, as shown; starts from the preview's guess. */
  columns: Record<string, number | null>;
  /** The user changed the header row or a column: the mapping goes with the import and is saved as a recipe. */
  edited: boolean;
  /** Only a header row the user set goes into the recipe; otherwise next month's file may have one more title line. */
  headerRowSet: boolean;
  preview: PreviewImportResult | null;
}

const NEEDS_AGENCY = (kind: ImportKind | null) => kind !== null && kind !== 'calendar' && kind !== 'survey';

export function missingFields(s: Staged): string[] {
  return (s.preview?.fields ?? []).filter((f) => f.required && (s.columns[f.field] ?? null) === null).map((f) => f.field);
}

export function isReady(s: Staged): boolean {
  return s.phase === 'ready' && s.kind !== null && s.preview !== null && missingFields(s).length === 0
    && (!NEEDS_AGENCY(s.kind) || s.agency.trim() !== '');
}

/** The recipe of an edited mapping: header texts where they are unique, else 1-based column numbers. */
export function recipeOf(s: Staged): MappingRecipe | undefined {
  if (!s.edited || !s.preview) return undefined;
  const headers = s.preview.headers;
  const columns: Record<string, string | number> = {};
  for (const [field, index] of Object.entries(s.columns)) {
    if (index === null || index === undefined) continue;
    const text = headers[index]?.trim() ?? '';
    const unique = text !== '' && headers.filter((h) => h.trim().toLowerCase() === text.toLowerCase()).length === 1;
    columns[field] = unique ? text : index + 1;
  }
  return s.headerRowSet ? { headerRow: s.preview.headerRow, columns } : { columns };
}

export function requestOf(s: Staged): ImportFileRequest {
  const mapping = recipeOf(s);
  return {
    path: s.ref!.path, fileName: s.name, kind: s.kind!,
    ...(s.agency.trim() ? { agency: s.agency.trim().toUpperCase() } : {}),
    ...(mapping ? { mapping } : {}),
  };
}

export function useStaging() {
  const { api, token } = useApiContext();
  const [files, setFiles] = useState<Staged[]>([]);
  const nextId = useRef(1);
  const patch = useCallback((id: number, change: Partial<Staged>) => {
    setFiles((list) => list.map((f) => (f.id === id ? { ...f, ...change } : f)));
  }, []);

  const preview = useCallback(async (s: Staged, mapping?: MappingRecipe) => {
    if (!s.ref || !s.kind) return;
    patch(s.id, { phase: 'detecting', error: null });
    try {
      const agency = s.agency.trim().toUpperCase();
      const p = await api.previewImport({ path: s.ref.path, fileName: s.name, kind: s.kind, ...(agency ? { agency } : {}), ...(mapping ? { mapping } : {}) });
      const columns = Object.fromEntries(p.fields.map((f) => [f.field, f.column]));
      patch(s.id, { phase: 'ready', preview: p, columns, edited: mapping !== undefined, headerRowSet: mapping?.headerRow !== undefined });
    } catch (err) {
      patch(s.id, { phase: 'ready', preview: null, error: errorText(err) });
    }
  }, [api, patch]);

  const add = useCallback(async (picked: File[]) => {
    const fresh: Staged[] = picked.map((file) => ({
      id: nextId.current++, name: file.name, size: file.size, ref: null, phase: 'uploading', error: null, kind: null,
      agency: '', columns: {}, edited: false, headerRowSet: false, preview: null,
    }));
    setFiles((list) => [...list, ...fresh]);
    for (const [i, s] of fresh.entries()) {
      try {
        const ref = await fileRef(picked[i]!, token);
        patch(s.id, { ref, phase: 'detecting' });
        const found = await api.detectImport({ path: ref.path, fileName: s.name });
        const next = { ...s, ref, kind: found.kind, agency: found.agency ?? '' };
        patch(s.id, { kind: found.kind, agency: found.agency ?? '', phase: found.kind ? 'detecting' : 'ready' });
        if (found.kind) await preview(next);
      } catch (err) {
        patch(s.id, { phase: 'error', error: errorText(err) });
      }
    }
  }, [api, token, patch, preview]);

  /** Files named by path (the desktop menu's open dialog): nothing to upload. */
  const addPaths = useCallback(async (paths: string[]) => {
    for (const path of paths) {
      const name = path.split(/[\\/]/).pop() ?? path;
      const s: Staged = {
        id: nextId.current++, name, size: 0, ref: { path, fileName: name, size: 0 }, phase: 'detecting', error: null, kind: null,
        agency: '', columns: {}, edited: false, headerRowSet: false, preview: null,
      };
      setFiles((list) => [...list, s]);
      try {
        const found = await api.detectImport({ path, fileName: name });
        patch(s.id, { kind: found.kind, agency: found.agency ?? '', phase: found.kind ? 'detecting' : 'ready' });
        if (found.kind) await preview({ ...s, kind: found.kind, agency: found.agency ?? '' });
      } catch (err) {
        patch(s.id, { phase: 'error', error: errorText(err) });
      }
    }
  }, [api, patch, preview]);

  return {
    files,
    add,
    addPaths,
    remove: (id: number) => setFiles((list) => list.filter((f) => f.id !== id)),
    clear: (ids: number[]) => setFiles((list) => list.filter((f) => !ids.includes(f.id))),
    setKind: (s: Staged, kind: ImportKind) => {
      patch(s.id, { kind, edited: false });
      void preview({ ...s, kind });
    },
    setAgency: (s: Staged, agency: string) => patch(s.id, { agency }),
    /** A new agency may have its own recipe: ask again unless the user already mapped by hand. */
    agencyDone: (s: Staged) => !s.edited && void preview(s),
    setHeaderRow: (s: Staged, headerRow: number) => void preview(s, { headerRow, columns: {} }),
    setColumn: (s: Staged, field: string, column: number | null) =>
      patch(s.id, { columns: { ...s.columns, [field]: column }, edited: true }),
  };
}
