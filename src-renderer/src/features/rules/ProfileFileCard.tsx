import { useRef, useState } from 'react';
import type { ProfilesFile } from '../../../../src-main/contract/index.ts';
import { useApi } from '../../api/ApiProvider.tsx';
import { useDataVersion } from '../../api/DataVersion.tsx';
import { errorText } from '../../api/useQuery.ts';
import { Card, Notice } from '../../components/ui.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

/** Profiles to and from a JSON file; an import goes through the same checks as the form (Pasal 13 included). */
export function ProfileFileCard() {
  const { t, lang } = useI18n();
  const api = useApi();
  const { changed } = useDataVersion();
  const input = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const exportFile = async () => {
    try {
      const file = await api.exportProfiles({});
      const url = URL.createObjectURL(new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `pantau-profil-${new Date().toISOString().slice(0, 10)}.json`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (err) {
      setMessage({ tone: 'error', text: errorText(err, lang) });
    }
  };
  const importFile = async (file: File) => {
    let parsed: ProfilesFile;
    try {
      parsed = JSON.parse(await file.text()) as ProfilesFile;
    } catch {
      setMessage({ tone: 'error', text: t('profile.badFile') });
      return;
    }
    try {
      const result = await api.importProfiles({ file: parsed });
      setMessage({ tone: 'ok', text: t('profile.imported', { n: result.profiles.length }) });
      changed();
    } catch (err) {
      setMessage({ tone: 'error', text: errorText(err, lang) });
    }
  };
  return (
    <Card id="profile-file" title={t('profile.fileTitle')} desc={t('profile.fileDesc')}>
      {message && <Notice tone={message.tone}>{message.text}</Notice>}
      <div className="actions">
        <button type="button" className="btn" onClick={() => void exportFile()}>{t('profile.export')}</button>
        <button type="button" className="btn" onClick={() => input.current?.click()}>{t('profile.import')}</button>
        <input ref={input} type="file" accept=".json,application/json" className="sr-only" tabIndex={-1} aria-label={t('profile.import')}
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void importFile(f);
            e.target.value = '';
          }} />
      </div>
    </Card>
  );
}
