import { useState } from 'react';
import { useApi } from '../../api/ApiProvider.tsx';
import { useDataVersion } from '../../api/DataVersion.tsx';
import { errorText } from '../../api/useQuery.ts';
import { Notice, ProgressBar } from '../../components/ui.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { href } from '../../router.tsx';

/** An empty workspace offers the shipped samples in one click, or the import screen. */
export function EmptyWorkspace() {
  const { t, lang } = useI18n();
  const api = useApi();
  const { changed } = useDataVersion();
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.loadSamples({}, { onProgress: (e) => setProgress((e.fileIndex + (e.phase === 'done' ? 1 : 0.5)) / e.fileCount) });
      changed();
    } catch (err) {
      setError(errorText(err, lang));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card hero" aria-labelledby="empty-title">
      <div>
        <h2 id="empty-title">{t('empty.title')}</h2>
        <p>{t('empty.body')}</p>
        {error && <Notice tone="error">{error}</Notice>}
        {busy ? (
          <div style={{ display: 'grid', gap: 8, maxWidth: 420 }}>
            <span>{t('empty.loadingSamples')}</span>
            <ProgressBar value={progress} label={t('empty.loadingSamples')} />
          </div>
        ) : (
          <div className="actions">
            <button type="button" className="btn btn-primary btn-lg" onClick={() => void load()}>{t('empty.samples')}</button>
            <a className="btn btn-lg" href={href('impor')}>{t('empty.import')}</a>
          </div>
        )}
      </div>
      <ol className="hero-steps">
        <li><span className="step-no">1</span><span><b>{t('nav.imports')}</b> — {t('empty.step1')}</span></li>
        <li><span className="step-no">2</span><span><b>{t('nav.compliance')}</b> — {t('empty.step2')}</span></li>
        <li><span className="step-no">3</span><span><b>{t('nav.rules')}</b> — {t('empty.step3')}</span></li>
        <li><span className="step-no">4</span><span><b>{t('nav.export')}</b> — {t('empty.step4')}</span></li>
      </ol>
    </section>
  );
}
