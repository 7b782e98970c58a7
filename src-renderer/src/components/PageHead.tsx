import { useEffect, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { useI18n } from '../i18n/i18n.tsx';
import { PrintButton } from './print.tsx';

/** A screen's title; `printable` adds "Cetak" and, on paper only, when it was printed. */
export function PageHead(props: { title: string; subtitle?: string; actions?: ReactNode; printable?: boolean }) {
  return (
    <header className="page-head">
      <div>
        <h1>{props.title}</h1>
        {props.subtitle && <p className="sub">{props.subtitle}</p>}
        {props.printable && <PrintStamp />}
      </div>
      {(props.actions || props.printable) && <div className="actions">{props.actions}{props.printable && <PrintButton />}</div>}
    </header>
  );
}

/** On paper only: the app and the time of printing (set as the print starts, not when the screen was drawn). */
function PrintStamp() {
  const { t, fmt } = useI18n();
  const [at, setAt] = useState(() => new Date().toISOString());
  useEffect(() => {
    const now = () => flushSync(() => setAt(new Date().toISOString()));
    window.addEventListener('beforeprint', now);
    return () => window.removeEventListener('beforeprint', now);
  }, []);
  return <p className="print-only print-stamp">Pantau · {t('print.printed', { at: fmt.dateTime(at) })}</p>;
}
