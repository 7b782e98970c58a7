import { CODE_LABELS, IMPORT_KINDS, LAYOUTS, type ImportKind, type PreviewImportResult } from '../../../../src-main/contract/index.ts';
import type { Formatter } from '../../../../src-main/contract/format.ts';
import { DateInput, MonthInput } from '../../components/inputs.tsx';
import { Notice, ProgressBar } from '../../components/ui.tsx';
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx';
import { blockers, columnsOf, conflictOf, edited, missingConstants, missingFields, type Staged, type useStaging } from './useStaging.ts';

type Staging = ReturnType<typeof useStaging>;

const NO_AGENCY: (ImportKind | null)[] = ['calendar', 'survey'];

/** One file before import, as a wizard that always has a way forward: header rows, layout, columns, constants, codes, preview. */
export function FileCard({ s, staging, agencies, many }: { s: Staged; staging: Staging; agencies: string[]; many: boolean }) {
  const { t, fmt } = useI18n();
  const id = `file-${s.id}`;
  const p = s.preview;
  const reading = s.phase === 'uploading' || s.phase === 'detecting';
  const waiting = blockers(s);
  const conflict = conflictOf(s);
  return (
    <section className="card file-card" aria-labelledby={`${id}-name`}>
      <div className="card-head">
        <div>
          <h2 id={`${id}-name`}>{s.name}</h2>
          <p className="desc">
            {s.size > 0 && fmt.bytes(s.size)}
            {p && ` · ${p.format === 'xlsx' ? t('imports.formatXlsx') + (p.sheet ? ` · ${t('imports.sheet', { sheet: p.sheet })}` : '') : t('imports.format', { format: 'CSV', encoding: p.encoding ?? '', delimiter: p.delimiter ?? ',' })}`}
          </p>
        </div>
        <div className="actions">
          {!reading && (waiting.length === 0
            ? <span className="badge badge-resolved">{t('imports.ready')}</span>
            : <span className="badge badge-open">{t('imports.notReady')}</span>)}
          <button type="button" className="btn btn-sm btn-ghost" onClick={() => staging.remove(s.id)} aria-label={`${t('imports.remove')}: ${s.name}`}>
            {t('imports.remove')}
          </button>
        </div>
      </div>
      <div className="card-body">
        {reading && <ProgressBar value={null} label={t(s.phase === 'uploading' ? 'imports.uploading' : 'imports.detecting', { file: s.name })} />}
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
            {!NO_AGENCY.includes(s.kind) || s.agency ? (
              <div className="field">
                <label htmlFor={`${id}-agency`}>{t('imports.agency')}</label>
                <div className="inline">
                  <input id={`${id}-agency`} value={s.agency} list={`${id}-agencies`} aria-describedby={`${id}-agency-hint`}
                    onChange={(e) => staging.setAgency(s, e.target.value.toUpperCase())} onBlur={() => staging.agencyDone(s)} />
                  {many && s.agency.trim() !== '' && (
                    <button type="button" className="btn btn-sm" onClick={() => staging.agencyForAll(s.agency.trim().toUpperCase())}>{t('imports.agencyForAll')}</button>
                  )}
                </div>
                <datalist id={`${id}-agencies`}>{agencies.map((a) => <option key={a} value={a} />)}</datalist>
              </div>
            ) : null}
            <p id={`${id}-agency-hint`} className="muted field-hint">
              {s.agencyFrom
                ? <><span className="badge badge-open">{t('imports.suggested')}</span> {t(`imports.agencyFrom.${s.agencyFrom}` as MessageKey, matchVars(s, fmt))}</>
                : t('imports.agencyHint')}
            </p>
          </div>
        )}
        {conflict && (
          <div className="notice notice-warn" role="alert">
            <div>
              <p>{t('imports.conflict', { chosen: s.agency.trim().toUpperCase(), agency: conflict.agency, matched: fmt.int(conflict.matched), of: fmt.int(conflict.of) })}</p>
              <label className="inline-field">
                <input type="checkbox" checked={s.conflictOk} onChange={(e) => staging.confirmConflict(s, e.target.checked)} />
                {t('imports.conflictOk', { chosen: s.agency.trim().toUpperCase() })}
              </label>
            </div>
          </div>
        )}
        {s.kind === null && s.phase === 'ready' && !s.error && <Notice tone="warn">{t('imports.kindUnknown')}</Notice>}
        {p && <Wizard s={s} p={p} staging={staging} />}
        {!reading && waiting.length > 0 && (
          <p className="muted" id={`${id}-waiting`}>{t('imports.waiting')}: {waiting.map((w) => t(w.key, w.vars)).join('; ')}</p>
        )}
      </div>
    </section>
  );
}

function matchVars(s: Staged, fmt: Formatter): Record<string, string> {
  const m = s.rosterMatches.find((x) => x.agency === s.agency.trim().toUpperCase());
  return { matched: fmt.int(m?.matched ?? 0), of: fmt.int(m?.of ?? 0) };
}

function Wizard({ s, p, staging }: { s: Staged; p: PreviewImportResult; staging: Staging }) {
  const { t, fmt } = useI18n();
  const id = `file-${s.id}`;
  const fieldLabel = (f: string) => t(`field.${f}` as MessageKey);
  const columns = columnsOf(s);
  const byColumn = new Map<number, string>();
  for (const [field, col] of Object.entries(columns)) if (col !== null && col !== undefined) byColumn.set(col, field);
  const headerFrom = p.headerRow;
  const headerTo = p.headerRow + p.headerRows - 1;
  const missing = missingFields(s);
  const needs = missingConstants(s);
  const issues = new Map<number, PreviewImportResult['rowIssues']>();
  for (const r of p.rowIssues) issues.set(r.row, [...(issues.get(r.row) ?? []), r]);
  const rejected = p.rowIssues.filter((r) => !r.skipped).length;
  const skipped = p.rowIssues.filter((r) => r.skipped).length;
  const showConstants = s.kind === 'attendance' || s.kind === 'performance' || p.needs.length > 0 || Object.keys(p.constants).length > 0;
  return (
    <div className="wizard">
      {p.recipeUsed && !edited(s) && <Notice tone="info">{t('imports.recipeUsed')}</Notice>}
      {p.problem && <Notice tone="warn">{p.problem}</Notice>}

      <details className="step" open={!p.headerFound || s.choice.headerRow !== undefined}>
        <summary><h3>{t('imports.step.header')}</h3><span className="muted">{p.headerFound ? (p.headerRow === 0 ? t('imports.headerless') : t('imports.headerAt', { from: headerFrom, to: headerTo })) : t('imports.headerNotFound')}</span></summary>
        <p className="muted">{t('imports.headerHelp')}</p>
        <div className="filters">
          <label className="field" style={{ maxWidth: 220 }}>
            <span>{t('imports.headerRows')}</span>
            <select value={s.choice.headerRows ?? p.headerRows} onChange={(e) => staging.setHeaderRows(s, Number(e.target.value))}>
              {[1, 2, 3].map((n) => <option key={n} value={n}>{t('imports.headerRowsN', { n })}</option>)}
            </select>
          </label>
        </div>
        <div className="preview-scroll" tabIndex={0} role="region" aria-label={t('imports.raw')}>
          <table className="data preview raw">
            <tbody>
              {p.raw.map((r) => {
                const inHeader = p.headerFound && p.headerRow > 0 && r.row >= headerFrom && r.row <= headerTo;
                return (
                  <tr key={r.row} className={inHeader ? 'header-row' : ''}>
                    <th scope="row">
                      <button type="button" className="linklike" aria-pressed={r.row === headerFrom && p.headerFound}
                        aria-label={t('imports.useAsHeader', { row: r.row })} onClick={() => staging.setHeaderRow(s, r.row)}>
                        {r.row}
                      </button>
                    </th>
                    {r.cells.map((c, i) => <td key={i}>{c}</td>)}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </details>

      {p.headerFound && (
        <>
          <div className="filters step-inline">
            <label className="field">
              <span>{t('imports.layout')} {s.choice.layout ? null : <span className="tag">{t('imports.guess')}</span>}</span>
              <select value={s.choice.layout ?? p.layout} onChange={(e) => staging.setLayout(s, e.target.value as typeof p.layout)}>
                {LAYOUTS.map((l) => <option key={l} value={l}>{t(`imports.layout.${l}`)}</option>)}
              </select>
            </label>
          </div>

          <div className="mapping-grid">
            <div>
              <h3>{t('imports.mapping')}</h3>
              <p className="muted" style={{ fontSize: 12.5, marginBottom: 6 }}>{t('imports.mappingDesc')}</p>
              <table className="data">
                <thead><tr><th scope="col">{t('imports.field')}</th><th scope="col">{t('imports.column')}</th></tr></thead>
                <tbody>
                  {p.fields.map((f) => {
                    const col = columns[f.field] ?? null;
                    // A column the user chose carries no tag: it is neither the saved recipe nor a guess.
                    const mine = s.choice.columns !== undefined;
                    return (
                      <tr key={f.field} className={f.required && col === null ? 'row-missing' : ''}>
                        <th scope="row" style={{ fontWeight: 500, background: 'none', position: 'static' }}>
                          {fieldLabel(f.field)}{f.required ? ' *' : ''}
                          {col !== null && !mine && f.from && <span className="tag">{t(f.from === 'recipe' ? 'imports.fromRecipe' : 'imports.guess')}</span>}
                        </th>
                        <td>
                          <select aria-label={t('imports.columnFor', { field: fieldLabel(f.field) })} value={col ?? ''}
                            onChange={(e) => staging.setColumn(s, f.field, e.target.value === '' ? null : Number(e.target.value))}>
                            <option value="">{t('imports.noColumn')}</option>
                            {p.headers.map((h, i) => <option key={i} value={i}>{h || `#${i + 1}`}</option>)}
                          </select>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
              {missing.length > 0 && <Notice tone="warn">{t('imports.missing', { fields: missing.map(fieldLabel).join(', ') })}</Notice>}
              {p.ignored.length > 0 && (
                <ul className="muted ignored">
                  {p.ignored.map((x) => <li key={x.column}>{t('imports.ignored', { column: x.column, reason: x.reason })}</li>)}
                </ul>
              )}
            </div>

            <div style={{ minWidth: 0 }}>
              {showConstants && (
                <div className="constants">
                  <h3>{t('imports.constants')}</h3>
                  {(['date', 'period'] as const).filter((n) => p.needs.includes(n) || p.constants[n] || s.choice[n]).map((n) => {
                    const field = {
                      id: `${id}-${n}`, value: s.choice[n] ?? p.constants[n]?.value ?? null,
                      error: needs.includes(n) ? t('imports.constantNeeded') : null,
                      // Text that is no date yet keeps the value before it; the field says why beside it.
                      onChange: (value: string | null, problem: string | null) => problem === null && staging.setConstant(s, n, value ?? ''),
                    };
                    return (
                      <label key={n} className="field inline-field">
                        <span>{t(n === 'date' ? 'imports.constant.date' : 'imports.constant.period')}</span>
                        {n === 'date' ? <DateInput {...field} /> : <MonthInput {...field} />}
                        {p.constants[n] && <span className="muted">{t('imports.constantFrom', { from: t(`imports.from.${p.constants[n]!.from}` as MessageKey) })}</span>}
                      </label>
                    );
                  })}
                  {p.needs.length === 0 && Object.keys(p.constants).length === 0 && <p className="muted">{t('imports.constantsNone')}</p>}
                </div>
              )}
              <ValueMap s={s} p={p} staging={staging} />
              <h3>{t('imports.preview', { n: p.rows.length })}</h3>
              <p className="muted" style={{ fontSize: 12.5 }}>
                {p.checked.rows === 0 ? t('imports.checkedNone')
                  : t(p.checked.wholeFile ? 'imports.checkedAll' : 'imports.checkedHead', { n: fmt.int(p.checked.rows), rejected: fmt.int(rejected), skipped: fmt.int(skipped) })}
              </p>
              <div className="preview-scroll" tabIndex={0} role="region" aria-label={t('imports.preview', { n: p.rows.length })}>
                <table className="data preview">
                  <thead>
                    <tr>
                      <th scope="col">{t('rejects.row')}</th>
                      {p.headers.map((h, i) => (
                        <th key={i} scope="col" className={byColumn.has(i) ? 'mapped' : ''}>
                          {h || `#${i + 1}`}
                          <div className="map-tag">{byColumn.has(i) ? `→ ${fieldLabel(byColumn.get(i)!)}` : '—'}</div>
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {p.rows.map((r, ri) => {
                      const row = p.rowNumbers[ri] ?? 0;
                      const found = issues.get(row);
                      return [
                        <tr key={ri} className={found ? (found.every((x) => x.skipped) ? 'row-skipped' : 'row-rejected') : ''}>
                          <th scope="row" className="num">{row}</th>
                          {p.headers.map((_, i) => <td key={i} className={byColumn.has(i) ? 'mapped' : ''}>{r[i] ?? ''}</td>)}
                        </tr>,
                        found && (
                          <tr key={`${ri}-why`} className="row-reason">
                            <td colSpan={p.headers.length + 1}>
                              {found.map((x, k) => <div key={k}>{x.skipped ? t('imports.willSkip') : t('imports.willReject')}: {x.reason}</div>)}
                            </td>
                          </tr>
                        ),
                      ];
                    })}
                  </tbody>
                </table>
              </div>
              {p.rowIssues.filter((x) => !p.rowNumbers.includes(x.row)).length > 0 && (
                <details>
                  <summary>{t('imports.moreIssues', { n: fmt.int(p.rowIssues.filter((x) => !p.rowNumbers.includes(x.row)).length) })}</summary>
                  <ul className="muted">{p.rowIssues.filter((x) => !p.rowNumbers.includes(x.row)).map((x, k) => <li key={k}>{x.reason}</li>)}</ul>
                </details>
              )}
            </div>
          </div>
          {edited(s) && s.agency.trim() !== '' && (
            <label className="inline-field save-recipe" htmlFor={`${id}-recipe`}>
              <input id={`${id}-recipe`} type="checkbox" checked={s.saveRecipe} onChange={(e) => staging.setSaveRecipe(s, e.target.checked)} />
              {t('imports.saveRecipe', { agency: s.agency.trim().toUpperCase(), kind: t(`kind.${s.kind!}`) })}
            </label>
          )}
        </>
      )}
    </div>
  );
}

/**
 * The file's codes no vocabulary knows, each with the canonical value the user says it stands for.
 * A code already given a value stays listed (the preview no longer counts it as unknown), so it can be changed back.
 */
function ValueMap({ s, p, staging }: { s: Staged; p: PreviewImportResult; staging: Staging }) {
  const { t, lang, fmt } = useI18n();
  const lists = p.unknownValues.map((u) => ({ ...u, values: u.values as { value: string; rows: number | null }[] }));
  for (const [field, codes] of Object.entries(s.choice.values ?? {})) {
    const list = lists.find((u) => u.field === field);
    const given = Object.keys(codes).filter((code) => !list?.values.some((v) => v.value === code)).map((value) => ({ value, rows: null }));
    if (list) list.values.push(...given);
    else if (given.length) lists.push({ field, column: '', values: given, choices: s.valueChoices[field] ?? [] });
  }
  if (lists.length === 0) return null;
  return (
    <div className="value-map">
      <h3>{t('imports.unknownValues')}</h3>
      <p className="muted" style={{ fontSize: 12.5 }}>{t('imports.unknownValuesHelp')}</p>
      {lists.map((u) => (
        <table key={`${u.field}-${u.column}`} className="data">
          <caption>{t(`field.${u.field}` as MessageKey)}{u.column ? ` — "${u.column}"` : ''}</caption>
          <thead><tr><th scope="col">{t('imports.code')}</th><th scope="col" className="num">{t('imports.codeRows')}</th><th scope="col">{t('imports.codeMeans')}</th></tr></thead>
          <tbody>
            {u.values.map((v) => (
              <tr key={v.value}>
                <td>{v.value}</td>
                <td className="num">{v.rows === null ? '–' : fmt.int(v.rows)}</td>
                <td>
                  <select aria-label={t('imports.codeMeansFor', { code: v.value })} value={s.choice.values?.[u.field]?.[v.value] ?? ''}
                    onChange={(e) => staging.setValue(s, u.field, v.value, e.target.value)}>
                    <option value="">{t('imports.codeReject')}</option>
                    {u.choices.map((c) => <option key={c} value={c}>{codeLabel(lang, c)}</option>)}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </div>
  );
}

function codeLabel(lang: 'id' | 'en', code: string): string {
  return CODE_LABELS[code]?.[lang === 'en' ? 1 : 0] ?? code;
}
