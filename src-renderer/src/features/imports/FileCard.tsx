import { IMPORT_KINDS, type ImportKind } from '../../../../src-main/contract/index.ts';
import { Notice, ProgressBar } from '../../components/ui.tsx';
import { fmtBytes } from '../../i18n/format.ts';
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx';
import { missingFields, type Staged, type useStaging } from './useStaging.ts';

type Staging = ReturnType<typeof useStaging>;

/** One file before import: kind, agency, header row, the column mapping and a preview of its first rows. */
export function FileCard({ s, staging, agencies }: { s: Staged; staging: Staging; agencies: string[] }) {
  const { t } = useI18n();
  const id = `file-${s.id}`;
  const p = s.preview;
  const missing = missingFields(s);
  const fieldLabel = (f: string) => t(`field.${f}` as MessageKey);
  const busy = s.phase === 'uploading' || s.phase === 'detecting';
  const byColumn = new Map<number, string>();
  for (const [field, col] of Object.entries(s.columns)) if (col !== null && col !== undefined) byColumn.set(col, field);
  return (
    <section className="card file-card" aria-labelledby={`${id}-name`}>
      <div className="card-head">
        <div>
          <h2 id={`${id}-name`}>{s.name}</h2>
          <p className="desc">
            {fmtBytes(s.size)}
            {p && ` · ${p.format === 'xlsx' ? t('imports.formatXlsx') : t('imports.format', { format: 'CSV', encoding: p.encoding ?? '', delimiter: p.delimiter ?? ',' })}`}
          </p>
        </div>
        <button type="button" className="btn btn-sm btn-ghost" onClick={() => staging.remove(s.id)} aria-label={`${t('imports.remove')}: ${s.name}`}>
          {t('imports.remove')}
        </button>
      </div>
      <div className="card-body">
        {busy && <ProgressBar value={null} label={t(s.phase === 'uploading' ? 'imports.uploading' : 'imports.detecting', { file: s.name })} />}
        {s.error && <Notice tone="error">{s.error}</Notice>}
        {s.phase !== 'uploading' && s.ref && (
          <div className="filters" style={{ marginBottom: 12 }}>
            <label className="field">
              <span>{t('imports.kind')}</span>
              <select value={s.kind ?? ''} onChange={(e) => staging.setKind(s, e.target.value as ImportKind)}>
                {s.kind === null && <option value="">—</option>}
                {IMPORT_KINDS.map((k) => <option key={k} value={k}>{t(`kind.${k}`)}</option>)}
              </select>
            </label>
            <label className="field">
              <span>{t('imports.agency')}</span>
              <input value={s.agency} list={`${id}-agencies`} aria-describedby={`${id}-agency-hint`}
                onChange={(e) => staging.setAgency(s, e.target.value.toUpperCase())} onBlur={() => staging.agencyDone(s)} />
              <datalist id={`${id}-agencies`}>{agencies.map((a) => <option key={a} value={a} />)}</datalist>
            </label>
            {p && (
              <label className="field" style={{ maxWidth: 150 }}>
                <span>{t('imports.headerRow')}</span>
                <input type="number" min={1} max={200} value={p.headerRow}
                  onChange={(e) => Number(e.target.value) >= 1 && staging.setHeaderRow(s, Number(e.target.value))} />
              </label>
            )}
            <p id={`${id}-agency-hint`} className="muted field-hint">{t('imports.agencyHint')}</p>
          </div>
        )}
        {s.kind === null && s.phase === 'ready' && <Notice tone="warn">{t('imports.kindUnknown')}</Notice>}
        {p && (
          <>
            {p.recipeUsed && !s.edited && <Notice tone="info">{t('imports.recipeUsed')}</Notice>}
            {s.edited && s.agency && <Notice tone="info">{t('imports.recipeWillSave', { agency: s.agency })}</Notice>}
            {missing.length > 0 && <Notice tone="warn">{t('imports.missing', { fields: missing.map(fieldLabel).join(', ') })}</Notice>}
            <div className="mapping-grid">
              <div>
                <h3>{t('imports.mapping')}</h3>
                <p className="muted" style={{ fontSize: 12.5, marginBottom: 6 }}>{t('imports.mappingDesc')}</p>
                <table className="data">
                  <thead><tr><th scope="col">{t('imports.field')}</th><th scope="col">{t('imports.column')}</th></tr></thead>
                  <tbody>
                    {p.fields.map((f) => (
                      <tr key={f.field} className={f.required && (s.columns[f.field] ?? null) === null ? 'row-missing' : ''}>
                        <th scope="row" style={{ fontWeight: 500, background: 'none', position: 'static' }}>{fieldLabel(f.field)}{f.required ? ' *' : ''}</th>
                        <td>
                          <select aria-label={t('imports.columnFor', { field: fieldLabel(f.field) })} value={s.columns[f.field] ?? ''}
                            onChange={(e) => staging.setColumn(s, f.field, e.target.value === '' ? null : Number(e.target.value))}>
                            <option value="">{t('imports.noColumn')}</option>
                            {p.headers.map((h, i) => <option key={i} value={i}>{h || `#${i + 1}`}</option>)}
                          </select>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <div style={{ minWidth: 0 }}>
                <h3>{t('imports.preview', { n: p.rows.length })}</h3>
                <div className="preview-scroll" tabIndex={0} role="region" aria-label={t('imports.preview', { n: p.rows.length })}>
                  <table className="data preview">
                    <thead>
                      <tr>{p.headers.map((h, i) => (
                        <th key={i} scope="col" className={byColumn.has(i) ? 'mapped' : ''}>
                          {h || `#${i + 1}`}
                          <div className="map-tag">{byColumn.has(i) ? `→ ${fieldLabel(byColumn.get(i)!)}` : '—'}</div>
                        </th>
                      ))}</tr>
                    </thead>
                    <tbody>
                      {p.rows.map((r, ri) => <tr key={ri}>{p.headers.map((_, i) => <td key={i} className={byColumn.has(i) ? 'mapped' : ''}>{r[i] ?? ''}</td>)}</tr>)}
                    </tbody>
                  </table>
                </div>
              </div>
            </div>
            {p.warnings.filter((w) => !w.startsWith('Kolom wajib')).map((w) => <p key={w} className="muted">{w}</p>)}
          </>
        )}
      </div>
    </section>
  );
}
