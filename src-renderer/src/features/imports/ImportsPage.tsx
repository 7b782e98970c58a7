import { useCallback, useRef, useState, useSyncExternalStore, type DragEvent } from 'react';
import type { ProgressEvent } from '../../../../src-main/contract/index.ts';
import { useApi } from '../../api/ApiProvider.tsx';
import { useDataVersion } from '../../api/DataVersion.tsx';
import { useMenuCommand } from '../../api/menu.ts';
import { errorText, useQuery } from '../../api/useQuery.ts';
import { PageHead } from '../../components/PageHead.tsx';
import { RunButton, RunStatus, useRunChecks } from '../../components/RunStatus.tsx';
import { Card, Notice, ProgressBar } from '../../components/ui.tsx';
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx';
import { FileCard } from './FileCard.tsx';
import { ImportHistory } from './ImportHistory.tsx';
import { ImportResults, results, type ResultEntry } from './ImportResults.tsx';
import { blockers, isReady, requestOf, useStaging, type Staged } from './useStaging.ts';

interface Progress {
  file: string;
  index: number;
  count: number;
  phase: ProgressEvent['phase'];
  fraction: number | null;
  rows: number | null;
}

const PHASE: Record<ProgressEvent['phase'], MessageKey> = {
  read: 'imports.phase.read', check: 'imports.phase.check', store: 'imports.phase.store', done: 'imports.phase.store',
};

let resultKey = 1;

/** Impor: drop or pick many files, check what Pantau recognised, import with progress and cancel, see every rejected row. */
export function ImportsPage() {
  const { t, lang, fmt } = useI18n();
  const api = useApi();
  const { changed } = useDataVersion();
  const staging = useStaging();
  const checks = useRunChecks();
  const overview = useQuery(() => api.overview({}), []);
  const entries = useSyncExternalStore(results.subscribe, results.get);
  const [over, setOver] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const { addChosen } = staging;
  useMenuCommand('import', useCallback((e) => void addChosen(e.files), [addChosen]));
  const agencies = (overview.data?.data.agencies ?? []).map((a) => a.agency);
  const files = staging.files;
  const waiting = files.filter((f) => !isReady(f));

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    void staging.add([...e.dataTransfer.files]);
  };

  /** Imports every staged file, one at a time, each as the user left it (previews still running are waited for). */
  const run = async () => {
    const controller = new AbortController();
    abort.current = controller;
    setMessage(null);
    const count = files.length;
    setProgress({ file: files[0]?.name ?? '', index: 0, count, phase: 'read', fraction: null, rows: null });
    await staging.settled();
    const todo = files.map((f) => staging.current(f.id)).filter((f): f is Staged => f !== undefined);
    const fresh: ResultEntry[] = [];
    try {
      for (const [index, f] of todo.entries()) {
        if (!isReady(f)) {
          setMessage(t('imports.changedMeanwhile', { file: f.name }));
          break;
        }
        setProgress({ file: f.name, index, count: todo.length, phase: 'read', fraction: null, rows: null });
        try {
          const r = await api.importFiles({ files: [requestOf(f)] }, {
            signal: controller.signal,
            onProgress: (e) => setProgress({ file: f.name, index, count: todo.length, phase: e.phase, fraction: e.fraction, rows: e.rows }),
          });
          fresh.push(...r.files.map((result) => ({ key: resultKey++, file: f.name, result })));
          staging.remove(f.id);
        } catch (err) {
          if (!controller.signal.aborted) {
            setMessage(errorText(err, lang));
            break;
          }
          fresh.push({ key: resultKey++, file: f.name, result: null, cancelled: { before: index, after: todo.length - index - 1 } });
          break;
        }
      }
    } finally {
      abort.current = null;
      setProgress(null);
      results.set((old) => [...fresh.reverse(), ...old]);
      changed();
      // The results open where the user is looking: the screen moves to them and reads their heading.
      requestAnimationFrame(() => {
        resultsHeading.current?.scrollIntoView({ block: 'start' });
        resultsHeading.current?.focus({ preventScroll: true });
      });
    }
  };

  const label = progress && t('imports.running', { file: progress.file, i: progress.index + 1, n: progress.count });
  return (
    <>
      <PageHead title={t('imports.title')} subtitle={t('imports.subtitle')} />
      <RunStatus run={null} checks={checks} />
      <Card id="add" title={t('imports.add')}>
        <div className={`drop ${over ? 'over' : ''}`} onDragOver={(e) => { e.preventDefault(); setOver(true); }} onDragLeave={() => setOver(false)} onDrop={onDrop}>
          <strong>{t('imports.drop')}</strong>
          <p style={{ marginBottom: 12 }}>{t('imports.dropHint')}</p>
          <button type="button" className="btn btn-primary" onClick={() => input.current?.click()}>{t('imports.pick')}</button>
          <input ref={input} type="file" multiple accept=".csv,.txt,.dat,.xlsx,.xls,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            className="sr-only" aria-label={t('imports.pick')} tabIndex={-1}
            onChange={(e) => {
              void staging.add([...(e.target.files ?? [])]);
              e.target.value = '';
            }} />
        </div>
      </Card>
      <div style={{ height: 16 }} />
      {entries.length > 0 && (
        <>
          <ImportResults ref={resultsHeading} entries={entries} onClear={() => results.set(() => [])} />
          {entries.some((e) => e.result?.status === 'imported') && (
            <Notice tone="info" action={<RunButton checks={checks} label={t('run.run')} />}>{t('imports.afterImport')}</Notice>
          )}
          <div style={{ height: 16 }} />
        </>
      )}
      {files.map((s) => <FileCard key={s.id} s={s} staging={staging} agencies={agencies} many={files.length > 1} />)}
      {files.length > 0 && (
        <div className="run-bar" aria-live="polite">
          {progress ? (
            <>
              <div className="grow">
                <span>
                  {label} · {t(PHASE[progress.phase])}
                  {progress.fraction !== null && ` ${Math.round(progress.fraction * 100)} %`}
                  {progress.rows !== null && ` · ${t('imports.phaseRows', { n: fmt.int(progress.rows) })}`}
                </span>
                <ProgressBar value={progress.fraction} label={label!} />
              </div>
              <button type="button" className="btn btn-danger" onClick={() => abort.current?.abort()}>{t('imports.cancel')}</button>
            </>
          ) : (
            <>
              <div className="grow">
                {message && <span className="error-text" role="alert">{message}</span>}
                {waiting.length > 0 && (
                  <span id="run-waiting">
                    {t('imports.blocked', { n: waiting.length })}{' '}
                    {waiting.map((f) => `${f.name}: ${blockers(f).map((b) => t(b.key, b.vars)).join('; ')}`).join(' · ')}
                  </span>
                )}
              </div>
              <button type="button" className="btn btn-primary btn-lg" disabled={waiting.length > 0}
                aria-describedby={waiting.length > 0 ? 'run-waiting' : undefined} onClick={() => void run()}>
                {t(files.length === 1 ? 'imports.runOne' : 'imports.run', { n: files.length })}
              </button>
            </>
          )}
        </div>
      )}
      <ImportHistory />
    </>
  );
}
