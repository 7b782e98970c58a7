import { useCallback, useRef, useSyncExternalStore } from 'react';
import { rosterConflict, type DesktopFile, type DetectImportResult, type ImportFileRequest, type ImportKind, type LayoutId, type MappingRecipe, type PreviewImportResult, type RosterMatch } from '../../../../src-main/contract/index.ts';
import { useApiContext } from '../../api/ApiProvider.tsx';
import { fileRef, type FileRef } from '../../api/files.ts';
import { errorText } from '../../api/useQuery.ts';
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx';
import { createStore } from './store.ts';

/** What the user set in the wizard; everything else is the preview's guess. */
export interface Choice {
  layout?: LayoutId;
  /** 1-based row (line) where the header starts, clicked in the raw rows. */
  headerRow?: number;
  headerRows?: number;
  /** field → 0-based column of the shown headers; null: no column. */
  columns?: Record<string, number | null>;
  /** Per field, the file's codes and the canonical values the user chose for them. */
  values?: Record<string, Record<string, string>>;
  period?: string;
  date?: string;
}

/** A file waiting to be imported, with what Pantau recognised and what the user changed. */
export interface Staged {
  id: number;
  name: string;
  size: number;
  ref: FileRef | null;
  phase: 'uploading' | 'detecting' | 'ready' | 'error';
  /** Previews in flight: the card keeps its last preview meanwhile, and an import waits for them. */
  busy: number;
  error: string | null;
  kind: ImportKind | null;
  agency: string;
  /** Why the agency was suggested; null once the user typed or confirmed one. */
  agencyFrom: DetectImportResult['agencyFrom'];
  rosterMatches: DetectImportResult['rosterMatches'];
  /** The user confirmed the agency although the file's NIPs are another agency's. */
  conflictOk: boolean;
  choice: Choice;
  /** Per code field, the canonical values it takes, as the previews said (kept once its codes are all mapped). */
  valueChoices: Record<string, string[]>;
  /** The kind and mapping the roster counts were read with (JSON), so they are read again only when these change. */
  detectedFor: string;
  /** Save the edited mapping as the agency's recipe (one tick). */
  saveRecipe: boolean;
  preview: PreviewImportResult | null;
}

const NEEDS_AGENCY = (kind: ImportKind | null) => kind !== null && kind !== 'calendar' && kind !== 'survey';

/** The column each field is read from: the user's choice over the preview's guess. */
export function columnsOf(s: Staged): Record<string, number | null> {
  const guessed = Object.fromEntries((s.preview?.fields ?? []).map((f) => [f.field, f.column]));
  return { ...guessed, ...(s.choice.columns ?? {}) };
}

export function missingFields(s: Staged): string[] {
  const columns = columnsOf(s);
  return (s.preview?.fields ?? []).filter((f) => f.required && (columns[f.field] ?? null) === null).map((f) => f.field);
}

/** The value the user must give: a constant the file holds nowhere. */
export function missingConstants(s: Staged): ('date' | 'period')[] {
  return (s.preview?.needs ?? []).filter((n) => !s.choice[n]);
}

/** The agency whose roster holds more of the file's NIPs than the chosen one: the data may be going to the wrong place. */
export const conflictOf = (s: Staged): RosterMatch | null => rosterConflict(s.agency, s.rosterMatches);

/** Why a staged file cannot be imported yet, as message keys; empty when it can. */
export function blockers(s: Staged): { key: MessageKey; vars?: Record<string, string> }[] {
  if (s.phase === 'uploading' || s.phase === 'detecting') return [{ key: 'imports.block.reading' }];
  if (s.phase === 'error' || (s.error && !s.preview)) return [{ key: 'imports.block.error' }];
  if (s.kind === null) return [{ key: 'imports.block.kind' }];
  const out: { key: MessageKey; vars?: Record<string, string> }[] = [];
  if (!s.preview || !s.preview.headerFound) out.push({ key: 'imports.block.header' });
  else if (missingFields(s).length > 0) out.push({ key: 'imports.block.columns' });
  if (missingConstants(s).length > 0) out.push({ key: 'imports.block.constant' });
  if (NEEDS_AGENCY(s.kind) && s.agency.trim() === '') out.push({ key: 'imports.block.agency' });
  const conflict = conflictOf(s);
  if (conflict && !s.conflictOk) out.push({ key: 'imports.block.conflict', vars: { agency: conflict.agency } });
  // A problem the blockers above do not name is the import's own refusal of the file's first rows
  // (two dates in one sheet, a wide sheet without day columns): it would fail, so it is not ready.
  if (out.length === 0 && s.preview?.problem) out.push({ key: 'imports.block.problem' });
  return out;
}

export const isReady = (s: Staged) => blockers(s).length === 0;

/** Did the user change what the preview guessed (then the choice goes with the import, and may become the recipe)? */
export function edited(s: Staged): boolean {
  const c = s.choice;
  return c.layout !== undefined || c.headerRow !== undefined || c.headerRows !== undefined || c.columns !== undefined || c.values !== undefined;
}

/** The recipe of an edited mapping: header texts where they are unique, else 1-based column numbers. */
export function recipeOf(s: Staged): MappingRecipe | undefined {
  if (!edited(s) || !s.preview) return undefined;
  const { headers } = s.preview;
  const columns: Record<string, string | number> = {};
  for (const [field, index] of Object.entries(columnsOf(s))) {
    if (index === null || index === undefined) continue;
    const text = headers[index]?.trim() ?? '';
    const unique = text !== '' && headers.filter((h) => h.trim().toLowerCase() === text.toLowerCase()).length === 1;
    columns[field] = unique ? text : index + 1;
  }
  const c = s.choice;
  // A header row the user did not set stays out of the recipe: next month's file may have one more title line.
  return {
    ...(c.layout ? { layout: c.layout } : {}),
    ...(c.headerRow !== undefined ? { headerRow: c.headerRow } : {}),
    ...(c.headerRows !== undefined ? { headerRows: c.headerRows } : {}),
    ...(s.preview.headerRow === 0 ? { header: false } : {}),
    columns,
    ...(c.values ? { values: c.values } : {}),
  };
}

/** The mapping a re-preview asks for: the choices so far, columns only once the header is settled. */
function previewMapping(s: Staged): MappingRecipe | undefined {
  const c = s.choice;
  if (!edited(s)) return undefined;
  if (c.columns === undefined) {
    return {
      ...(c.layout ? { layout: c.layout } : {}), ...(c.headerRow !== undefined ? { headerRow: c.headerRow } : {}),
      ...(c.headerRows !== undefined ? { headerRows: c.headerRows } : {}), columns: {}, ...(c.values ? { values: c.values } : {}),
    };
  }
  return recipeOf(s);
}

export function requestOf(s: Staged): ImportFileRequest {
  const mapping = recipeOf(s);
  return {
    path: s.ref!.path, fileName: s.name, kind: s.kind!,
    ...(s.agency.trim() ? { agency: s.agency.trim().toUpperCase() } : {}),
    ...(mapping ? { mapping, saveRecipe: s.saveRecipe } : {}),
    ...(s.choice.period ? { period: s.choice.period } : {}),
    ...(s.choice.date ? { date: s.choice.date } : {}),
  };
}

// Kept for the session: leaving the Impor screen and coming back finds the staged files as they were.
const store = createStore<Staged[]>([]);
let nextId = 1;
const inflight = new Map<number, Promise<void>>();

function patch(id: number, change: Partial<Staged> | ((s: Staged) => Partial<Staged>)) {
  store.set((list) => list.map((f) => (f.id === id ? { ...f, ...(typeof change === 'function' ? change(f) : change) } : f)));
}

const current = (id: number) => store.get().find((f) => f.id === id);

export function useStaging() {
  const { api, token } = useApiContext();
  const { lang } = useI18n();
  const files = useSyncExternalStore(store.subscribe, store.get);
  const seq = useRef(new Map<number, number>());

  /** Asks for a fresh preview of the file as it stands now; a later ask wins over an earlier one still running. */
  const preview = useCallback((id: number) => {
    const s = current(id);
    if (!s?.ref || !s.kind) return Promise.resolve();
    const ask = (seq.current.get(id) ?? 0) + 1;
    seq.current.set(id, ask);
    patch(id, (f) => ({ busy: f.busy + 1 }));
    const agency = s.agency.trim().toUpperCase();
    const mapping = previewMapping(s);
    const work = api.previewImport({
      path: s.ref.path, fileName: s.name, kind: s.kind, ...(agency ? { agency } : {}), ...(mapping ? { mapping } : {}),
      ...(s.choice.period ? { period: s.choice.period } : {}), ...(s.choice.date ? { date: s.choice.date } : {}),
    }).then(
      (p) => {
        if (seq.current.get(id) !== ask) return;
        patch(id, (f) => ({ phase: 'ready', preview: p, error: null, valueChoices: { ...f.valueChoices, ...Object.fromEntries(p.unknownValues.map((u) => [u.field, u.choices])) } }));
        void suggestAgain(id);
      },
      (err) => { if (seq.current.get(id) === ask) patch(id, { phase: 'ready', preview: null, error: errorText(err, lang) }); },
    ).finally(() => patch(id, (f) => ({ busy: f.busy - 1 })));
    const all = Promise.all([inflight.get(id), work]).then(() => undefined);
    inflight.set(id, all);
    return all;
  }, [api, lang]);

  /**
   * Once the user chose the kind or mapped the columns, the file's NIPs are read again as mapped:
   * the roster counts (and so a conflict) are those of the columns the import will read, and an
   * agency the user has not typed is suggested from them.
   */
  const suggestAgain = useCallback(async (id: number) => {
    const s = current(id);
    if (!s?.ref || !s.kind || !s.preview?.headerFound) return;
    const mapping = recipeOf(s);
    const key = JSON.stringify([s.kind, mapping ?? null]);
    if (s.detectedFor === key) return;
    patch(id, { detectedFor: key });
    const found = await api.detectImport({ path: s.ref.path, fileName: s.name, kind: s.kind, ...(mapping ? { mapping } : {}) }).catch(() => null);
    const now = current(id);
    if (!found || !now || now.detectedFor !== key) return;
    const typed = now.agency.trim() !== '' && now.agencyFrom === null;
    const suggested = !typed && found.agency !== null && found.agency !== now.agency;
    patch(id, suggested ? { rosterMatches: found.rosterMatches, agency: found.agency!, agencyFrom: found.agencyFrom } : { rosterMatches: found.rosterMatches });
    // A new agency may bring its roster (PINs) and changes what the rows are checked against.
    if (suggested) void preview(id);
  }, [api]);

  const detect = useCallback(async (s: Staged, ref: FileRef) => {
    patch(s.id, { ref, phase: 'detecting' });
    const found = await api.detectImport({ path: ref.path, fileName: s.name });
    // What the user already chose while the file was being read wins over what detection found.
    patch(s.id, (f) => {
      const kind = f.kind ?? found.kind;
      const typed = f.agency.trim() !== '';
      return {
        kind, agency: typed ? f.agency : found.agency ?? '', agencyFrom: typed || !found.agency ? null : found.agencyFrom,
        rosterMatches: found.rosterMatches, phase: kind ? 'detecting' : 'ready', error: kind ? null : found.problem,
        detectedFor: JSON.stringify([found.kind, null]),
      };
    });
    if (current(s.id)?.kind) await preview(s.id);
  }, [api, preview]);

  const stage = (name: string, size: number, ref: FileRef | null): Staged => ({
    id: nextId++, name, size, ref, phase: ref ? 'detecting' : 'uploading', busy: 0, error: null, kind: null, agency: '',
    agencyFrom: null, rosterMatches: [], conflictOk: false, choice: {}, valueChoices: {}, detectedFor: '', saveRecipe: true, preview: null,
  });

  const add = useCallback(async (picked: File[]) => {
    const fresh = picked.map((file) => stage(file.name, file.size, null));
    store.set((list) => [...list, ...fresh]);
    for (const [i, s] of fresh.entries()) {
      try {
        await detect(s, await fileRef(picked[i]!, token));
      } catch (err) {
        patch(s.id, { phase: 'error', error: errorText(err, lang) });
      }
    }
  }, [token, detect, lang]);

  /** Files chosen in the desktop menu's open dialog, named by the shell's tokens: nothing to upload. */
  const addChosen = useCallback(async (chosen: DesktopFile[]) => {
    for (const { token, name } of chosen) {
      const s = stage(name, 0, { path: token, fileName: name, size: 0 });
      store.set((list) => [...list, s]);
      try {
        await detect(s, s.ref!);
      } catch (err) {
        patch(s.id, { phase: 'error', error: errorText(err, lang) });
      }
    }
  }, [detect, lang]);

  /** Changes the file's choices and previews it again. */
  const choose = (s: Staged, change: Partial<Staged>) => {
    patch(s.id, change);
    void preview(s.id);
  };

  return {
    files,
    add,
    addChosen,
    /** Resolves once every preview asked so far has answered, so an import takes the file as the user left it. */
    settled: async () => { await Promise.all(inflight.values()); },
    current,
    remove: (id: number) => store.set((list) => list.filter((f) => f.id !== id)),
    setKind: (s: Staged, kind: ImportKind) => choose(s, { kind, choice: {} }),
    setAgency: (s: Staged, agency: string) => patch(s.id, { agency, agencyFrom: null, conflictOk: false }),
    /** A new agency may have its own recipe: ask again unless the user already mapped by hand. */
    agencyDone: (s: Staged) => { if (!edited(s)) void preview(s.id); },
    /** "Terapkan ke semua berkas": one agency for every staged file that takes one. */
    agencyForAll: (agency: string) => {
      for (const f of store.get()) {
        if (!NEEDS_AGENCY(f.kind) && f.kind !== null) continue;
        patch(f.id, { agency, agencyFrom: null, conflictOk: false });
        if (!edited(f)) void preview(f.id);
      }
    },
    confirmConflict: (s: Staged, ok: boolean) => patch(s.id, { conflictOk: ok }),
    setHeaderRow: (s: Staged, headerRow: number) => choose(s, { choice: { ...s.choice, headerRow, columns: undefined } }),
    setHeaderRows: (s: Staged, headerRows: number) => choose(s, { choice: { ...s.choice, headerRows, columns: undefined } }),
    setLayout: (s: Staged, layout: LayoutId) => choose(s, { choice: { ...s.choice, layout, columns: undefined } }),
    setColumn: (s: Staged, field: string, column: number | null) =>
      choose(s, { choice: { ...s.choice, columns: { ...columnsOf(s), [field]: column } } }),
    setValue: (s: Staged, field: string, code: string, value: string) => {
      const forField = { ...(s.choice.values?.[field] ?? {}) };
      if (value === '') delete forField[code];
      else forField[code] = value;
      choose(s, { choice: { ...s.choice, columns: s.choice.columns ?? columnsOf(s), values: { ...(s.choice.values ?? {}), [field]: forField } } });
    },
    setConstant: (s: Staged, name: 'period' | 'date', value: string) => choose(s, { choice: { ...s.choice, [name]: value || undefined } }),
    setSaveRecipe: (s: Staged, saveRecipe: boolean) => patch(s.id, { saveRecipe }),
  };
}
