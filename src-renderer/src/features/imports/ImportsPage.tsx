import { useCallback, useRef, useState, type DragEvent } from 'react';
import type { ImportFileResult } from '../../../../src-main/contract/index.ts';
import { useApi } from '../../api/ApiProvider.tsx';
import { useDataVersion } from '../../api/DataVersion.tsx';
import { useMenuCommand } from '../../api/menu.ts';
import { errorText, useQuery } from '../../api/useQuery.ts';
import { PageHead } from '../../components/PageHead.tsx';
import { RunButton, RunStatus, useRunChecks } from '../../components/RunStatus.tsx';
import { Card, Notice, ProgressBar } from '../../components/ui.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { FileCard } from './FileCard.tsx';
import { ImportHistory } from './ImportHistory.tsx';
import { ImportResults } from './ImportResults.tsx';
import { isReady, requestOf, useStaging } from './useStaging.ts';

interface Progress {
  file: string;
  index: number;
  count: number;
  value: number | null;
}

/** Impor: drop or pick many files, check what Pantau recognised, import with progress and cancel, see every rejected row. */
export function ImportsPage() {
  const { t } = useI18n();
  const api = useApi();
  const { changed } = useDataVersion();
  const staging = useStaging();
  const checks = useRunChecks();
  const overview = useQuery(() => api.overview({}), []);
  const [over, setOver] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [results, setResults] = useState<ImportFileResult[] | null>(null);
  const [message, setMessage] = useState<{ tone: 'warn' | 'error'; text: string } | null>(null);
  const abort = useRef<AbortController | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const ready = staging.files.filter(isReady);
  const { addPaths } = staging;
  useMenuCommand('import', useCallback((e) => void addPaths(e.paths), [addPaths]));
  const agencies = (overview.data?.data.agencies ?? []).map((a) => a.agency);

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    void staging.add([...e.dataTransfer.files]);
  };

  const run = async () => {
    const controller = new AbortController();
    abort.current = controller;
    setMessage(null);
    setResults(null);
    setProgress({ file: ready[0]?.name ?? '', index: 0, count: ready.length, value: 0 });
    try {
      const result = await api.importFiles({ files: ready.map(requestOf) }, {
        signal: controller.signal,
        onProgress: (e) => {
          const within = e.phase === 'read' ? 0.6 * (e.fraction ?? 0) : e.phase === 'check' ? 0.6 + 0.3 * (e.fraction ?? 0.5) : e.phase === 'store' ? 0.95 : 1;
          setProgress({ file: e.file, index: e.fileIndex, count: e.fileCount, value: (e.fileIndex + within) / e.fileCount });
        },
      });
      setResults(result.files);
      staging.clear(ready.map((s) => s.id));
    } catch (err) {
      setMessage(controller.signal.aborted ? { tone: 'warn', text: t('imports.cancelled') } : { tone: 'error', text: errorText(err) });
    } finally {
      abort.current = null;
      setProgress(null);
      changed();
    }
  };

  return (
    <>
      <PageHead title={t('imports.title')} subtitle={t('imports.subtitle')} />
      <RunStatus run={null} checks={checks} />
      <Card id="add" title={t('imports.add')}>
        <div className={`drop ${over ? 'over' : ''}`} onDragOver={(e) => { e.preventDefault(); setOver(true); }} onDragLeave={() => setOver(false)} onDrop={onDrop}>
          <strong>{t('imports.drop')}</strong>
          <p style={{ marginBottom: 12 }}>{t('imports.dropHint')}</p>
          <button type="button" className="btn btn-primary" onClick={() => input.current?.click()}>{t('imports.pick')}</button>
          <input ref={input} type="file" multiple accept=".csv,.txt,.xlsx,.xls,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            className="sr-only" aria-label={t('imports.pick')} tabIndex={-1}
            onChange={(e) => {
              void staging.add([...(e.target.files ?? [])]);
              e.target.value = '';
            }} />
        </div>
      </Card>
      <div style={{ height: 16 }} />
      {staging.files.map((s) => <FileCard key={s.id} s={s} staging={staging} agencies={agencies} />)}
      {message && <Notice tone={message.tone}>{message.text}</Notice>}
      {staging.files.length > 0 && (
        <div className="run-bar">
          {progress ? (
            <>
              <div className="grow">
                <span>{t('imports.running', { file: progress.file, i: progress.index + 1, n: progress.count })}</span>
                <ProgressBar value={progress.value} label={t('imports.running', { file: progress.file, i: progress.index + 1, n: progress.count })} />
              </div>
              <button type="button" className="btn btn-danger" onClick={() => abort.current?.abort()}>{t('imports.cancel')}</button>
            </>
          ) : (
            <>
              <div className="grow" />
              <button type="button" className="btn btn-primary btn-lg" disabled={ready.length === 0} onClick={() => void run()}>
                {t('imports.run', { n: ready.length })}
              </button>
            </>
          )}
        </div>
      )}
      {results && (
        <>
          <Notice tone="info" action={<RunButton checks={checks} label={t('run.run')} />}>{t('imports.afterImport')}</Notice>
          <ImportResults results={results} />
        </>
      )}
      <ImportHistory />
    </>
  );
}
