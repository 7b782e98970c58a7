import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

/**
 * Printing a screen (docs/screens.md, Printing): the print stylesheet (styles.css, @media print) lays
 * it out on A4 landscape; before the browser's print dialog opens, parts that print more than they
 * show (a virtual table's rows) get ready here.
 */
type Preparer = () => Promise<void>;
const preparers = new Set<{ run: Preparer }>();

/** Registers work to do before printing (load rows, render them) while the component is mounted. */
export function usePrintPreparer(run: Preparer): void {
  const entry = useRef({ run });
  entry.current.run = run;
  useEffect(() => {
    const e = entry.current;
    preparers.add(e);
    return () => {
      preparers.delete(e);
    };
  }, []);
}

/** Every preparer, then two frames so React's and the layout's work is on the page, then the print dialog. */
export async function printPage(): Promise<void> {
  await Promise.all([...preparers].map((p) => p.run().catch(() => undefined)));
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  window.print();
}

/** "Cetak": the screen on paper or as a PDF, without the menu and the buttons. */
export function PrintButton() {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  return (
    <button type="button" className="btn no-print" disabled={busy} aria-busy={busy || undefined} onClick={async () => {
      setBusy(true);
      try {
        await printPage();
      } finally {
        setBusy(false);
      }
    }}>
      <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
        <path d="M6 9V3h12v6M6 18H4a2 2 0 0 1-2-2v-5a2 2 0 0 1 2-2h16a2 2 0 0 1 2 2v5a2 2 0 0 1-2 2h-2M6 14h12v7H6v-7Z" />
      </svg>
      {t('print.button')}
    </button>
  );
}
