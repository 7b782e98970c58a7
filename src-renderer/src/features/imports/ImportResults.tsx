import { forwardRef, useState } from 'react';
import { IMPORT_RESULT_ROWS, type ImportBatch, type ImportFileResult, type RejectedRow } from '../../../../src-main/contract/index.ts';
import { useApiContext } from '../../api/ApiProvider.tsx';
import { desktopCall, downloadWorkbook } from '../../api/desktop.ts';
import { errorText, useQuery } from '../../api/useQuery.ts';
import { DownloadTable } from '../../components/DownloadTable.tsx';
import { Notice } from '../../components/ui.tsx';
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx';
import { createStore } from './store.ts';

/** One line of the session's results: a file imported or failed, or the file a cancel stopped. */
export interface ResultEntry {
  key: number;
  file: string;
  result: ImportFileResult | null;
  /** Set for the file a cancel stopped: nothing of it was stored. */
  cancelled?: { before: number; after: number };
}

// Kept for the session: the results stay when the user looks at another screen and comes back.
export const results = createStore<ResultEntry[]>([]);

const PAGE = 100;

/** One page of a long list and its pager, each row with its whole reason (never cut). */
function PagedTable<T>({ rows, page, total, onPage, label, head, line }: {
  rows: T[]; page: number; total: number; onPage: (page: number) => void; label: string; head: string[]; line: (r: T) => (string | number)[];
}) {
  const { t, fmt } = useI18n();
  const pages = Math.ceil(total / PAGE);
  return (
    <div>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={label}>
        <table className="data reasons">
          <thead><tr>{head.map((h) => <th key={h} scope="col">{h}</th>)}</tr></thead>
          <tbody>
            {rows.map((r, i) => <tr key={page * PAGE + i}>{line(r).map((c, k) => <td key={k} className={typeof c === 'number' ? 'num' : ''}>{typeof c === 'number' ? fmt.int(c) : c}</td>)}</tr>)}
          </tbody>
        </table>
      </div>
      {pages > 1 && (
        <div className="pager">
          <button type="button" className="btn btn-sm" disabled={page === 0} onClick={() => onPage(page - 1)}>{t('pager.prev')}</button>
          <span>{t('pager.of', { from: fmt.int(page * PAGE + 1), to: fmt.int(Math.min(total, page * PAGE + PAGE)), n: fmt.int(total) })}</span>
          <button type="button" className="btn btn-sm" disabled={page === pages - 1} onClick={() => onPage(page + 1)}>{t('pager.next')}</button>
        </div>
      )}
    </div>
  );
}

/** A list held in full, a page at a time. */
function Paged<T>({ rows, ...rest }: { rows: T[]; label: string; head: string[]; line: (r: T) => (string | number)[] }) {
  const [page, setPage] = useState(0);
  return <PagedTable rows={rows.slice(page * PAGE, page * PAGE + PAGE)} page={page} total={rows.length} onPage={setPage} {...rest} />;
}

function rejectColumns(t: ReturnType<typeof useI18n>['t'], sheets: boolean) {
  return {
    head: [t('rejects.row'), ...(sheets ? [t('rejects.sheet')] : []), t('rejects.column'), t('rejects.value'), t('rejects.reason')],
    line: (x: RejectedRow) => [x.row, ...(sheets ? [x.sheet ?? ''] : []), x.column, x.value ?? '', x.reason],
  };
}

/** Rejected rows held in full, with their row, sheet, column, value and whole reason. */
function RejectsList({ rejects, label }: { rejects: RejectedRow[]; label: string }) {
  const { t } = useI18n();
  return <Paged rows={rejects} label={label} {...rejectColumns(t, rejects.some((x) => x.sheet))} />;
}

/** Every rejected row of a stored batch, a page at a time from the core (a batch may hold a million). */
export function BatchRejectsList({ batch, label }: { batch: string; label: (total: number) => string }) {
  const { t } = useI18n();
  const { api } = useApiContext();
  const [page, setPage] = useState(0);
  const q = useQuery(() => api.batchRejects({ batch, offset: page * PAGE, limit: PAGE }), [batch, page]);
  if (q.error) return <Notice tone="error">{q.error}</Notice>;
  if (!q.data) return null;
  const { rejects, rejectsTotal } = q.data;
  return (
    <>
      <div className="actions" style={{ marginBottom: 6 }}>
        <h3>{label(rejectsTotal)}</h3>
        <DownloadTable title={label(rejectsTotal)} write={(api, out) => api.exportRejects({ batches: [batch], out })} />
      </div>
      <PagedTable rows={rejects} page={page} total={rejectsTotal} onPage={setPage} label={label(rejectsTotal)} {...rejectColumns(t, rejects.some((x) => x.sheet))} />
    </>
  );
}

/** What the import guessed about the file, so that a wrong guess is seen before anyone signs a figure. */
function Guesses({ result: r }: { result: ImportFileResult }) {
  const { t } = useI18n();
  const mapping = Object.entries(r.mapping ?? {});
  return (
    <details style={{ marginTop: 6 }} open={Object.keys(r.constants ?? {}).length > 0 || (r.ignored ?? []).length > 0 || r.layout !== 'rows'}>
      <summary>{t('imports.guesses')}</summary>
      <ul className="muted">
        {r.layout && <li>{t('imports.layout')}: {t(`imports.layout.${r.layout}`)}</li>}
        {mapping.length > 0 && <li>{t('imports.columns')}: {mapping.map(([field, header]) => `${t(`field.${field}` as MessageKey)} ← "${header}"`).join(', ')}</li>}
        {Object.entries(r.constants ?? {}).map(([field, c]) => (
          <li key={field}>{t('imports.constant', { field: t(`field.${field}` as MessageKey), value: c.value, from: t(`imports.from.${c.from}` as MessageKey) })}</li>
        ))}
        {(r.ignored ?? []).map((x) => <li key={x.column}>{t('imports.ignored', { column: x.column, reason: x.reason })}</li>)}
      </ul>
    </details>
  );
}

function batchesOf(r: ImportFileResult): string[] {
  return r.sheets ? r.sheets.map((s) => s.batch) : r.batch ? [r.batch] : [];
}

function OneResult({ entry, history }: { entry: ResultEntry; history: ImportBatch[] | undefined }) {
  const { t, lang, fmt } = useI18n();
  const { api, token, mode } = useApiContext();
  const [message, setMessage] = useState<string | null>(null);
  const r = entry.result;
  if (!r) {
    const c = entry.cancelled!;
    return (
      <div className="result">
        <div className="result-head"><span className="badge badge-open">{t('imports.cancelledBadge')}</span><b>{entry.file}</b></div>
        <p className="notice notice-warn" style={{ marginTop: 6 }}>{t('imports.cancelledFile', { file: entry.file, before: c.before, after: c.after })}</p>
      </div>
    );
  }
  const batches = batchesOf(r);
  const undone = batches.length > 0 && history !== undefined && batches.every((b) => history.find((h) => h.batch === b)?.status === 'undone');
  const badge = r.status === 'failed' ? ['badge-new', t('imports.failed')] : undone ? ['badge-muted', t('imports.undone')] : ['badge-resolved', t('imports.imported')];
  /** The rejected and skipped rows as a workbook to send back: saved where the user says (desktop) or downloaded (browser). */
  const download = async () => {
    setMessage(null);
    try {
      const name = `baris-ditolak-${r.file.replace(/\.[^.]+$/, '').replace(/[^A-Za-z0-9._-]/g, '-')}.xlsx`;
      if (mode === 'electron') {
        const chosen = await desktopCall('desktop.chooseExportFile', { suggestedName: name });
        if (chosen.file) await api.exportRejects({ batches, out: chosen.file.token });
        return;
      }
      const out = await api.exportRejects({ batches, out: `download:${name}` });
      await downloadWorkbook(out.out.slice('download:'.length), token);
    } catch (err) {
      setMessage(errorText(err, lang));
    }
  };
  return (
    <div className="result">
      <div className="result-head">
        <span className={`badge ${badge[0]}`}>{badge[1]}</span>
        <b>{r.file}</b>
        <span className="muted">{t(`kind.${r.kind}`)}{r.agency ? ` · ${r.agency}` : ''}{batches.length ? ` · ${batches.join(', ')}` : ''}</span>
      </div>
      {undone && <p className="muted">{t('imports.undoneLine')}</p>}
      {r.error ? <p className="notice notice-error" style={{ marginTop: 6 }}>{r.error}</p> : (
        <p>
          {t('imports.resultLine', { read: fmt.int(r.rowsRead), ok: fmt.int(r.rowsImported), rejected: fmt.int(r.rowsRejected) })}
          {r.rowsSkipped > 0 && t('imports.skippedLine', { n: fmt.int(r.rowsSkipped) })}
          {r.records !== undefined && r.records !== r.rowsImported && t('imports.recordsLine', { n: fmt.int(r.records) })}
        </p>
      )}
      {r.status === 'imported' && <Guesses result={r} />}
      {r.warnings.length > 0 && <ul>{r.warnings.map((w) => <li key={w}>{w}</li>)}</ul>}
      {(r.rejects.length > 0 || r.skipped.length > 0) && r.status === 'imported' && (
        <div className="actions" style={{ marginTop: 6 }}>
          <button type="button" className="btn btn-sm" onClick={() => void download()}>{t('imports.downloadRejects')}</button>
          {message && <span className="error-text">{message}</span>}
        </div>
      )}
      {r.rejects.length > 0 && (
        <details open style={{ marginTop: 6 }}>
          <summary>{t('imports.rejects', { n: fmt.int(r.rowsRejected) })}</summary>
          {r.rejects.length >= IMPORT_RESULT_ROWS && <p className="muted">{t('imports.firstRows', { n: fmt.int(r.rejects.length) })}</p>}
          <RejectsList rejects={r.rejects} label={`${t('imports.rejects', { n: fmt.int(r.rowsRejected) })} — ${r.file}`} />
        </details>
      )}
      {r.skipped.length > 0 && (
        <details style={{ marginTop: 6 }}>
          <summary>{t('imports.skipped', { n: fmt.int(r.rowsSkipped) })}</summary>
          {r.skipped.length >= IMPORT_RESULT_ROWS && <p className="muted">{t('imports.firstRows', { n: fmt.int(r.skipped.length) })}</p>}
          <Paged rows={r.skipped} label={`${t('imports.skipped', { n: fmt.int(r.rowsSkipped) })} — ${r.file}`}
            head={[t('rejects.row'), t('rejects.reason')]} line={(x) => [x.row, x.reason]} />
        </details>
      )}
    </div>
  );
}

/** The session's results, newest first, each updated when its batch is undone. */
export const ImportResults = forwardRef<HTMLHeadingElement, { entries: ResultEntry[]; onClear: () => void }>(function ImportResults({ entries, onClear }, ref) {
  const { t } = useI18n();
  const { api } = useApiContext();
  const history = useQuery(() => api.listImports({ includeUndone: true }), []);
  return (
    <section className="card" aria-labelledby="results-title" id="results">
      <div className="card-head">
        <div>
          <h2 id="results-title" ref={ref} tabIndex={-1}>{t('imports.results')}</h2>
          <p className="desc">{t('imports.resultsDesc')}</p>
        </div>
        <div className="actions"><button type="button" className="btn btn-sm btn-ghost" onClick={onClear}>{t('imports.clearResults')}</button></div>
      </div>
      <div className="card-body">
        {history.error && <Notice tone="error">{history.error}</Notice>}
        {entries.map((e) => <OneResult key={e.key} entry={e} history={history.data?.batches} />)}
      </div>
    </section>
  );
});
