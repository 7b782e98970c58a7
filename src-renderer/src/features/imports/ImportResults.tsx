import { useCallback } from 'react';
import type { ImportFileResult, RejectedRow } from '../../../../src-main/contract/index.ts';
import { Card } from '../../components/ui.tsx';
import { VirtualTable } from '../../components/VirtualTable.tsx';
import { fmtInt } from '../../i18n/format.ts';
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx';

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

/**
 * What the import guessed about the file, so that a wrong guess is seen before anyone signs a
 * figure: the layout, the column of each field, values read from elsewhere, columns passed over.
 */
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
            <p className="muted">
              {t('imports.resultLine', { read: fmtInt(r.rowsRead), ok: fmtInt(r.rowsImported), rejected: fmtInt(r.rowsRejected) })}
              {r.rowsSkipped > 0 && t('imports.skippedLine', { n: fmtInt(r.rowsSkipped) })}
              {r.records !== undefined && r.records !== r.rowsImported && t('imports.recordsLine', { n: fmtInt(r.records) })}
            </p>
          )}
          {r.status === 'imported' && <Guesses result={r} />}
          {r.warnings.length > 0 && <ul>{r.warnings.map((w) => <li key={w}>{w}</li>)}</ul>}
          {r.rejects.length > 0 && (
            <details open={r.rejects.length <= 20} style={{ marginTop: 6 }}>
              <summary>{t('imports.rejects', { n: fmtInt(r.rejects.length) })}</summary>
              <RejectsTable rejects={r.rejects} label={`${t('imports.rejects', { n: fmtInt(r.rejects.length) })} — ${r.file}`} />
            </details>
          )}
          {r.skipped.length > 0 && (
            <details style={{ marginTop: 6 }}>
              <summary>{t('imports.skipped', { n: fmtInt(r.skipped.length) })}</summary>
              <ul className="muted">{r.skipped.slice(0, 200).map((x) => <li key={`${x.sheet ?? ''}-${x.row}`}>{x.reason}</li>)}</ul>
            </details>
          )}
        </div>
      ))}
    </Card>
  );
}
