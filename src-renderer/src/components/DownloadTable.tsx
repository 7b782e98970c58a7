import { useState } from 'react';
import type { CoreApi } from '../../../src-main/contract/index.ts';
import { useApiContext } from '../api/ApiProvider.tsx';
import { desktopCall, downloadWorkbook } from '../api/desktop.ts';
import { errorText } from '../api/useQuery.ts';
import { pngName } from '../charts/savePng.tsx';
import { useI18n } from '../i18n/i18n.tsx';

/**
 * "Daftar temuan" → "pantau-daftar-temuan-2025-09-30.xlsx": named as the charts' images are (pngName),
 * the title cut so that a long unit's name still makes a download name (at most 150 characters).
 */
function workbookName(title: string): string {
  const png = pngName(title);
  const date = png.slice(-14, -4);
  return `${png.slice(0, -15).slice(0, 120).replace(/-$/, '')}-${date}.xlsx`;
}

/**
 * "Unduh Excel" beside a table: the table as its filter gives it, every row, written by the core
 * (`write` calls exportTable or exportRejects with the table's own request) and saved where the
 * user says (desktop: the save dialog's token) or downloaded (browser: a download name).
 */
export function DownloadTable(props: { title: string; write: (api: CoreApi, out: string) => Promise<{ out: string }> }) {
  const { t, lang } = useI18n();
  const { api, token, mode } = useApiContext();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    setError(null);
    setBusy(true);
    try {
      const name = workbookName(props.title);
      if (mode === 'electron') {
        const chosen = await desktopCall('desktop.chooseExportFile', { suggestedName: name });
        if (chosen.file) await props.write(api, chosen.file.token);
        return;
      }
      const written = await props.write(api, `download:${name}`);
      await downloadWorkbook(written.out.slice('download:'.length), token);
    } catch (err) {
      setError(errorText(err, lang));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className="btn btn-sm no-print" disabled={busy} onClick={() => void save()} aria-label={t('table.downloadOf', { title: props.title })}>
        {busy ? t('table.downloading') : t('table.download')}
      </button>
      {error && <span role="alert" className="field-error">{error}</span>}
    </>
  );
}
