import { useState } from 'react';
import type { ImportBatch } from '../../../../src-main/contract/index.ts';
import { useApi } from '../../api/ApiProvider.tsx';
import { useDataVersion } from '../../api/DataVersion.tsx';
import { errorText, useQuery } from '../../api/useQuery.ts';
import { Card, Notice } from '../../components/ui.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { BatchRejectsList } from './ImportResults.tsx';

/** Every batch, newest first; undo is one click and a confirmation. */
export function ImportHistory() {
  const { t, lang, fmt } = useI18n();
  const api = useApi();
  const { changed } = useDataVersion();
  const [showUndone, setShowUndone] = useState(false);
  const [confirm, setConfirm] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const history = useQuery(() => api.listImports({ includeUndone: showUndone }), [showUndone]);
  const batches = [...(history.data?.batches ?? [])].reverse();
  const undo = async (b: ImportBatch) => {
    setConfirm(null);
    try {
      const r = await api.undoImport({ batch: b.batch });
      setMessage({ tone: 'ok', text: t('history.undoneMsg', { batch: r.batch, removed: fmt.int(r.rowsRemoved), restored: fmt.int(r.rowsRestored) }) });
      changed();
    } catch (err) {
      setMessage({ tone: 'error', text: errorText(err, lang) });
    }
  };
  return (
    <Card id="history" title={t('history.title')} desc={t('history.desc')} actions={
      <label className="inline-field"><input type="checkbox" checked={showUndone} onChange={(e) => setShowUndone(e.target.checked)} />{t('history.showUndone')}</label>
    }>
      {message && <Notice tone={message.tone}>{message.text}</Notice>}
      {batches.length === 0 ? <p className="muted">{t('history.empty')}</p> : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t('history.title')}>
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t('history.batch')}</th><th scope="col">{t('history.file')}</th><th scope="col">{t('imports.kind')}</th>
                <th scope="col">{t('col.agency')}</th><th scope="col">{t('history.at')}</th><th scope="col" className="num">{t('history.rows')}</th>
                <th scope="col" className="num">{t('history.rejected')}</th><th scope="col">{t('col.status')}</th><th scope="col">{t('col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {batches.map((b) => (
                <tr key={b.batch}>
                  <td className="num">{b.batch}</td><td>{b.file}</td><td>{t(`kind.${b.kind}`)}</td><td>{b.agency ?? '–'}</td>
                  <td>{fmt.dateTime(b.importedAt)}</td><td className="num">{fmt.int(b.rowsImported)}</td>
                  <td className="num">
                    {b.rowsRejected > 0 ? (
                      <button type="button" className="linklike" aria-expanded={open === b.batch} onClick={() => setOpen(open === b.batch ? null : b.batch)}>
                        {fmt.int(b.rowsRejected)}<span className="sr-only"> — {open === b.batch ? t('history.hideRejects') : t('history.showRejects')} {b.file}</span>
                      </button>
                    ) : '0'}
                  </td>
                  <td><span className={`badge ${b.status === 'active' ? 'badge-resolved' : 'badge-muted'}`}>{b.status === 'active' ? t('history.active') : t('history.undone')}</span></td>
                  <td>
                    {b.status === 'active' && (confirm === b.batch ? (
                      <span className="actions">
                        <span>{t('history.undoConfirm', { batch: b.batch })}</span>
                        <button type="button" className="btn btn-sm btn-danger" onClick={() => void undo(b)}>{t('history.undoYes')}</button>
                        <button type="button" className="btn btn-sm" onClick={() => setConfirm(null)}>{t('history.undoNo')}</button>
                      </span>
                    ) : (
                      <button type="button" className="btn btn-sm" onClick={() => setConfirm(b.batch)} aria-label={`${t('history.undo')} ${b.batch} (${b.file})`}>{t('history.undo')}</button>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {open && (
        <div style={{ marginTop: 12 }}>
          <BatchRejectsList key={open} batch={open} label={(n) => `${t('imports.rejects', { n: fmt.int(n) })} — ${open}`} />
        </div>
      )}
    </Card>
  );
}
