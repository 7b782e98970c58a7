import { useCallback } from 'react';
import type { ImportFileResult, RejectedRow } from '../../../../src-main/contract/index.ts';
import { Card } from '../../components/ui.tsx';
import { VirtualTable } from '../../components/VirtualTable.tsx';
import { fmtInt } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** Every rejected row with its row number, column, value and reason; virtualised, so no cap. */
export function RejectsTable({ rejects, label }: { rejects: RejectedRow[]; label: string }) {
  const { t } = useI18n();
  const loadPage = useCallback(async (offset: number, limit: number) => rejects.slice(offset, offset + limit), [rejects]);
  return (
    <VirtualTable<RejectedRow>
      total={rejects.length}
      label={label}
      loadPage={loadPage}
      resetKey={`${label}:${rejects.length}`}
      height={Math.min(240, rejects.length * 32)}
      rowHeight={32}
      columns={[
        { key: 'row', label: t('rejects.row'), width: '70px', render: (r) => <span className="num">{fmtInt(r.row)}</span> },
        { key: 'column', label: t('rejects.column'), width: '150px', render: (r) => r.column },
        { key: 'value', label: t('rejects.value'), width: '170px', render: (r) => r.value ?? '', title: (r) => r.value ?? '' },
        { key: 'reason', label: t('rejects.reason'), width: 'minmax(200px, 1fr)', render: (r) => r.reason, title: (r) => r.reason },
      ]}
    />
  );
}

export function ImportResults({ results }: { results: ImportFileResult[] }) {
  const { t } = useI18n();
  return (
    <Card id="results" title={t('imports.results')}>
      {results.map((r, i) => (
        <div key={`${r.file}-${i}`} className="result">
          <div className="result-head">
            <span className={`badge ${r.status === 'imported' ? 'badge-resolved' : 'badge-new'}`}>{r.status === 'imported' ? t('imports.imported') : t('imports.failed')}</span>
            <b>{r.file}</b>
            <span className="muted">{t(`kind.${r.kind}`)}{r.agency ? ` · ${r.agency}` : ''}{r.batch ? ` · ${r.batch}` : ''}</span>
          </div>
          {r.error ? <p className="notice notice-error" style={{ marginTop: 6 }}>{r.error}</p> : (
            <p className="muted">{t('imports.resultLine', { read: fmtInt(r.rowsRead), ok: fmtInt(r.rowsImported), rejected: fmtInt(r.rowsRejected) })}</p>
          )}
          {r.warnings.length > 0 && <ul>{r.warnings.map((w) => <li key={w}>{w}</li>)}</ul>}
          {r.rejects.length > 0 && (
            <details open={r.rejects.length <= 20} style={{ marginTop: 6 }}>
              <summary>{t('imports.rejects', { n: fmtInt(r.rejects.length) })}</summary>
              <RejectsTable rejects={r.rejects} label={`${t('imports.rejects', { n: fmtInt(r.rejects.length) })} — ${r.file}`} />
            </details>
          )}
        </div>
      ))}
    </Card>
  );
}
