import { useCallback, useRef, useState } from 'react';
import type { DesktopFile, ExportWorkbookRequest, ExportWorkbookResult } from '../../../../src-main/contract/index.ts';
import { MIN_KEY_LENGTH } from '../../../../src-main/contract/validate.ts';
import { SHEET_ROWS, workbookFileName, type SheetId } from '../../../../src-main/contract/workbook.ts';
import { useApiContext } from '../../api/ApiProvider.tsx';
import { desktopCall, downloadWorkbook } from '../../api/desktop.ts';
import { useMenuCommand } from '../../api/menu.ts';
import { errorText, useQuery } from '../../api/useQuery.ts';
import { PageHead } from '../../components/PageHead.tsx';
import { shortVersion } from '../../components/RunStatus.tsx';
import { Card, Notice, ProgressBar, Select } from '../../components/ui.tsx';
import { monthEnd } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** The sheets of each kind of workbook, in the order export-workbook.ts writes them. */
const SHEETS: Record<'full' | 'unit', SheetId[]> = {
  full: ['summary', 'units', 'findings', 'comparison', 'survey', 'quality', 'method', 'manifest'],
  unit: ['summary', 'weeks', 'findings', 'comparison', 'survey', 'method', 'manifest'],
};

/** Ekspor: scope, full workbook or one unit's report, optional pseudonymisation; then show in folder (desktop) or download (browser). */
export function ExportPage() {
  const { t, lang, fmt } = useI18n();
  const { api, token, mode } = useApiContext();
  const desktop = mode === 'electron';
  const overview = useQuery(() => api.overview({}), []);
  const [agency, setAgency] = useState('');
  const [unit, setUnit] = useState('');
  const [kind, setKind] = useState<'full' | 'unit'>('full');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [pseudo, setPseudo] = useState(false);
  const [key, setKey] = useState('');
  const [target, setTarget] = useState<DesktopFile | null>(null);
  const [fileName, setFileName] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ExportWorkbookResult | null>(null);
  /** The desktop shell names the written file by a token; the page shows the name it was given with it. */
  const [written, setWritten] = useState('');
  const [message, setMessage] = useState<{ tone: 'warn' | 'error'; text: string } | null>(null);
  const abort = useRef<AbortController | null>(null);
  useMenuCommand('export', useCallback((e) => setTarget(e.file), []));

  const o = overview.data;
  const units = (o?.units ?? []).filter((u) => u.agency === agency);
  const months = o?.months ?? [];
  const name = fileName.trim() || workbookFileName({
    agency, unit: kind === 'unit' ? unit : '', pseudonymised: pseudo, date: new Date().toISOString().slice(0, 10),
  });
  const keyShort = pseudo && key.length < MIN_KEY_LENGTH;
  const unitMissing = kind === 'unit' && (!agency || !unit);
  const ready = !busy && !keyShort && !unitMissing && (!desktop || target !== null) && /\.xlsx$/i.test(name);

  const choose = async () => {
    try {
      const chosen = await desktopCall('desktop.chooseExportFile', { suggestedName: name });
      if (chosen.file) setTarget(chosen.file);
    } catch (err) {
      setMessage({ tone: 'error', text: errorText(err, lang) });
    }
  };

  const run = async () => {
    const controller = new AbortController();
    abort.current = controller;
    setBusy(true);
    setMessage(null);
    setResult(null);
    const req: ExportWorkbookRequest = {
      out: desktop ? target!.token : `download:${name.replace(/[^A-Za-z0-9._-]/g, '-')}`,
      ...(agency ? { agency } : {}), ...(kind === 'unit' ? { unit } : {}),
      ...(from ? { from: `${from}-01` } : {}), ...(to ? { to: monthEnd(to) } : {}),
      ...(pseudo ? { pseudonymize: { key } } : {}),
    };
    try {
      const r = await api.exportWorkbook(req, { signal: controller.signal, onProgress: () => undefined });
      setResult(r);
      setWritten(desktop ? target!.name : '');
      if (!desktop) await downloadWorkbook(r.out.slice('download:'.length), token);
    } catch (err) {
      setMessage(controller.signal.aborted ? { tone: 'warn', text: t('export.cancelled') } : { tone: 'error', text: errorText(err, lang) });
    } finally {
      abort.current = null;
      setBusy(false);
    }
  };

  const agencyOptions = [{ value: '', label: t('filter.allAgencies') }, ...(o?.data.agencies ?? []).map((a) => ({ value: a.agency, label: a.name ?? a.agency }))];
  const monthOptions = [{ value: '', label: t('export.allData') }, ...months.map((m) => ({ value: m, label: fmt.month(m) }))];
  return (
    <>
      <PageHead title={t('export.title')} subtitle={t('export.subtitle')} />
      <div className="grid grid-2-even">
        <Card id="export-form" title={t('export.scope')} desc={t('export.note')}>
          <form className="stack" onSubmit={(e) => { e.preventDefault(); if (ready) void run(); }}>
            <fieldset className="form-grid">
              <legend>{t('export.scope')}</legend>
              <Select label={t('filter.agency')} value={agency} onChange={(v) => { setAgency(v); setUnit(''); }} options={agencyOptions} />
              <Select label={t('filter.unit')} value={unit} onChange={setUnit}
                options={[{ value: '', label: t('filter.allUnits') }, ...units.map((u) => ({ value: u.unit, label: u.unit }))]} />
              <Select label={t('export.from')} value={from} onChange={setFrom} options={monthOptions} />
              <Select label={t('export.to')} value={to} onChange={setTo} options={monthOptions} />
            </fieldset>
            <fieldset>
              <legend>{t('export.kind')}</legend>
              <label className="check"><input type="radio" name="kind" checked={kind === 'full'} onChange={() => setKind('full')} />{t('export.full')}</label>
              <label className="check"><input type="radio" name="kind" checked={kind === 'unit'} onChange={() => setKind('unit')} />{t('export.unit')}</label>
              {unitMissing && <p className="muted field-note">{t('export.unitNeeded')}</p>}
            </fieldset>
            <fieldset>
              <legend>{t('export.pseudoLegend')}</legend>
              <label className="check"><input type="checkbox" checked={pseudo} onChange={(e) => setPseudo(e.target.checked)} />{t('export.pseudo')}</label>
              <p className="muted field-note" id="pseudo-hint">{t('export.pseudoHint', { n: MIN_KEY_LENGTH })}</p>
              {pseudo && (
                <div className="field" style={{ maxWidth: 320, marginTop: 6 }}>
                  <label htmlFor="pseudo-key">{t('export.key')}</label>
                  <input id="pseudo-key" type="password" autoComplete="off" value={key} onChange={(e) => setKey(e.target.value)}
                    aria-invalid={keyShort || undefined} aria-describedby="pseudo-hint" />
                  {keyShort && key.length > 0 && <span className="muted field-note">{t('export.keyShort', { n: MIN_KEY_LENGTH })}</span>}
                </div>
              )}
            </fieldset>
            <fieldset>
              <legend>{t('export.target')}</legend>
              {desktop ? (
                <div className="actions">
                  <button type="button" className="btn" onClick={() => void choose()}>{t('export.choose')}</button>
                  <span className="muted">{target?.name ?? t('export.noTarget')}</span>
                </div>
              ) : (
                <div className="field" style={{ maxWidth: 420 }}>
                  <label htmlFor="export-name">{t('export.fileName')}</label>
                  <input id="export-name" value={name} onChange={(e) => setFileName(e.target.value)} aria-describedby="export-browser-hint" />
                  <span className="muted field-note" id="export-browser-hint">{t('export.browserHint')}</span>
                </div>
              )}
            </fieldset>
            {busy ? (
              <div className="actions" style={{ alignItems: 'center' }}>
                <div style={{ flex: 1, display: 'grid', gap: 6 }}>
                  <span>{t('export.running')}</span>
                  <ProgressBar value={null} label={t('export.running')} />
                </div>
                <button type="button" className="btn btn-danger" onClick={() => abort.current?.abort()}>{t('export.cancel')}</button>
              </div>
            ) : (
              <div className="actions"><button type="submit" className="btn btn-primary btn-lg" disabled={!ready}>{t('export.run')}</button></div>
            )}
          </form>
        </Card>
        <div className="stack">
          {message && <Notice tone={message.tone}>{message.text}</Notice>}
          {result ? <ExportResult result={result} desktop={desktop} token={token} written={written} /> : (
            <Card id="export-contents" title={t('export.contents')}>
              <ul className="contents">
                {SHEETS[kind].map((k) => (
                  <li key={k}><b>{t(`export.sheet.${k}`)}</b>: {t(`export.sheetAbout.${k}`)}</li>
                ))}
              </ul>
            </Card>
          )}
        </div>
      </div>
    </>
  );
}

/**
 * What was written: each sheet by its name, what it holds in plain words, and for a table how many
 * of what it lists ("42 temuan"); the summary is a page, not a table, and has no count.
 */
function ExportResult({ result, desktop, token, written }: { result: ExportWorkbookResult; desktop: boolean; token: string | null; written: string }) {
  const { t, fmt, lang } = useI18n();
  const file = result.out.startsWith('download:') ? result.out.slice('download:'.length) : result.out;
  return (
    <Card id="export-result" title={t('export.done', { file: desktop ? written : file })}
      desc={t('export.doneMeta', { run: result.run, version: shortVersion(result.profileVersion, lang), findings: fmt.int(result.findings), pseudo: result.pseudonymised ? t('export.pseudoDone') : '' })}
      actions={desktop
        ? <button type="button" className="btn" onClick={() => void desktopCall('desktop.showInFolder', { file: result.out })}>{t('export.show')}</button>
        : <button type="button" className="btn" onClick={() => void downloadWorkbook(file, token)}>{t('export.downloadAgain')}</button>}>
      <h3 style={{ marginBottom: 6 }}>{t('export.sheets')}</h3>
      <table className="data">
        <tbody>
          {result.sheets.map((s) => (
            <tr key={s.name}>
              <th scope="row" style={{ fontWeight: 500, position: 'static', background: 'none' }}>{s.name}</th>
              <td>{t(`export.sheetAbout.${s.sheet}`)}</td>
              <td className="num" style={{ whiteSpace: 'nowrap' }}>{s.sheet in SHEET_ROWS ? t(`export.sheetRows.${s.sheet as keyof typeof SHEET_ROWS}`, { n: fmt.int(s.rows) }) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
