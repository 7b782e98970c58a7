import { useState } from 'react';
import type { RunInfo } from '../../../src-main/contract/index.ts';
import type { FormatLang } from '../../../src-main/contract/format.ts';
import { profileVersionWords } from '../../../src-main/contract/param-words.ts';
import { useApi } from '../api/ApiProvider.tsx';
import { useDataVersion } from '../api/DataVersion.tsx';
import { errorText } from '../api/useQuery.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Notice, ProgressBar } from './ui.tsx';

/** Runs the checks over everything imported, then tells every screen the data changed. */
export function useRunChecks() {
  const api = useApi();
  const { changed } = useDataVersion();
  const { lang } = useI18n();
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ run: string; n: number } | null>(null);
  const run = async () => {
    setRunning(true);
    setError(null);
    try {
      const result = await api.runChecks({});
      setDone({ run: result.run, n: result.findingsTotal });
      changed();
    } catch (err) {
      setError(errorText(err, lang));
    } finally {
      setRunning(false);
    }
  };
  return { run, running, error, done };
}

export function RunButton({ label, checks }: { label?: string; checks: ReturnType<typeof useRunChecks> }) {
  const { t } = useI18n();
  return (
    <button type="button" className="btn btn-primary" onClick={() => void checks.run()} disabled={checks.running}>
      {checks.running ? t('run.running') : (label ?? t('run.rerun'))}
    </button>
  );
}

/** Which run the figures come from, and a warning when data changed after it. */
export function RunStatus({ run, checks }: { run: RunInfo | null; checks: ReturnType<typeof useRunChecks> }) {
  const { t, fmt, lang } = useI18n();
  return (
    <>
      {checks.running && (
        <div style={{ marginBottom: 14 }}>
          <ProgressBar value={null} label={t('run.running')} />
        </div>
      )}
      {checks.error && <Notice tone="error">{checks.error}</Notice>}
      {checks.done && !checks.running && !checks.error && (
        <Notice tone="ok">{t('run.done', { run: checks.done.run, n: fmt.int(checks.done.n) })}</Notice>
      )}
      {run?.stale && !checks.running && (
        <Notice tone="warn" action={<RunButton checks={checks} />}>{t('run.stale')}</Notice>
      )}
      {run && (
        <p className="runbar">
          <span>
            <b>{t('run.label', { run: run.run })}</b>{' '}
            {t('run.meta', { at: fmt.dateTime(run.runAt), version: shortVersion(run.profileVersion, lang), from: fmt.date(run.from), to: fmt.date(run.to) })}
            {run.agency ? ` · ${t('run.scopeAgency', { agency: run.agency })}` : ''}
          </span>
        </p>
      )}
    </>
  );
}

/** "nasional v1 + A v2; nasional v1 + B v1" → "nasional v1 + A v2, B v1" ("national …" in English). */
export function shortVersion(version: string, lang: FormatLang): string {
  const national = new Set<string>();
  const agencies: string[] = [];
  for (const part of version.split('; ')) {
    const [base = '', own] = part.split(' + ');
    national.add(base);
    if (own) agencies.push(own);
  }
  return profileVersionWords([...national].join(', ') + (agencies.length ? ` + ${agencies.join(', ')}` : ''), lang);
}
