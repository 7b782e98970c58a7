import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { useDataVersion } from '../api/DataVersion.tsx';
import { errorText } from '../api/useQuery.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { usePrintPreparer } from './print.tsx';

export interface Column<T> {
  key: string;
  label: string;
  /** A CSS grid track, e.g. "120px" or "minmax(200px, 1fr)". */
  width: string;
  render: (row: T) => ReactNode;
  title?: (row: T) => string;
}

const PAGE = 200;
/** Browsers cap an element's height near 33 million px; beyond this the scroll position is scaled. */
const MAX_SCROLL_HEIGHT = 8_000_000;
/** Rows a printed table holds at most (about 20 A4 pages); the note under it says how many of how many. */
export const PRINT_ROWS = 500;

/**
 * A table that scrolls through any number of rows while rendering only the visible ones.
 * Rows arrive a page at a time from `loadPage`; a change of `resetKey`, of the workspace's data
 * or of the language drops the pages held (they would show an earlier run's rows, or texts in the
 * other language, beside a new total).
 */
export function VirtualTable<T>(props: {
  total: number;
  columns: Column<T>[];
  loadPage: (offset: number, limit: number) => Promise<T[]>;
  resetKey: string;
  label: string;
  height?: number;
  rowHeight?: number;
  onActivate?: (row: T, index: number) => void;
  footer?: ReactNode;
  /** On paper, a plain table of the first PRINT_ROWS rows in place of the scrolling grid (docs/screens.md, Printing). */
  printable?: boolean;
}) {
  const rowHeight = props.rowHeight ?? 34;
  const height = props.height ?? 420;
  const { total, loadPage, resetKey } = props;
  const pages = useRef(new Map<number, T[]>());
  const pending = useRef(new Set<number>());
  /** Pages whose load failed, with the message their rows show until a click asks again (never a silent placeholder). */
  const failed = useRef(new Map<number, string>());
  const generation = useRef(0);
  const body = useRef<HTMLDivElement>(null);
  const [, setLoaded] = useState(0);
  /** Bumped by a click on a failed page's rows: the loads run again. */
  const [retries, setRetries] = useState(0);
  const [scrollTop, setScrollTop] = useState(0);
  const [active, setActive] = useState(0);
  const id = useId();
  const { t, fmt, lang } = useI18n();
  const { version } = useDataVersion();
  const [printRows, setPrintRows] = useState<T[] | null>(null);

  useEffect(() => {
    generation.current++;
    pages.current = new Map();
    pending.current = new Set();
    failed.current = new Map();
    setActive(0);
    setScrollTop(0);
    if (body.current) body.current.scrollTop = 0;
    setLoaded((n) => n + 1);
    setPrintRows(null);
  }, [resetKey, version, lang]);

  /** The rows held from the first on, without a gap. */
  const heldRows = useCallback((): T[] => {
    const rows: T[] = [];
    for (let p = 0; pages.current.has(p) && rows.length < PRINT_ROWS; p++) rows.push(...pages.current.get(p)!);
    return rows.slice(0, Math.min(PRINT_ROWS, total));
  }, [total]);
  // "Cetak" loads the first PRINT_ROWS rows before the dialog opens; the browser's own print (Ctrl+P) gets the rows already held.
  usePrintPreparer(async () => {
    if (!props.printable) return;
    const gen = generation.current;
    const want = Math.min(PRINT_ROWS, total);
    for (let p = 0; p * PAGE < want; p++) {
      if (!pages.current.has(p)) {
        const rows = await loadPage(p * PAGE, PAGE);
        if (gen !== generation.current) return;
        pages.current.set(p, rows);
      }
    }
    flushSync(() => setPrintRows(heldRows()));
  });
  useEffect(() => {
    if (!props.printable) return;
    const before = () => flushSync(() => setPrintRows((held) => held ?? heldRows()));
    window.addEventListener('beforeprint', before);
    return () => window.removeEventListener('beforeprint', before);
  }, [props.printable, heldRows]);

  const visible = Math.ceil(height / rowHeight);
  const contentHeight = Math.min(total * rowHeight, MAX_SCROLL_HEIGHT);
  const maxScroll = Math.max(1, contentHeight - height);
  const maxFirst = Math.max(0, total - visible);
  const firstExact = contentHeight < total * rowHeight ? (scrollTop / maxScroll) * maxFirst : scrollTop / rowHeight;
  const first = Math.max(0, Math.floor(firstExact));
  const last = Math.min(total - 1, first + visible);

  useEffect(() => {
    // A short pause lets a fast fling pass without fetching every page it crosses.
    const timer = setTimeout(() => {
      const gen = generation.current;
      for (let p = Math.floor(Math.max(0, first - visible) / PAGE); p <= Math.floor((last + visible) / PAGE); p++) {
        if (p * PAGE >= total || pages.current.has(p) || pending.current.has(p) || failed.current.has(p)) continue;
        pending.current.add(p);
        loadPage(p * PAGE, PAGE).then((rows) => {
          if (gen !== generation.current) return;
          pending.current.delete(p);
          pages.current.set(p, rows);
          setLoaded((n) => n + 1);
        }, (err: unknown) => {
          if (gen !== generation.current) return;
          pending.current.delete(p);
          failed.current.set(p, errorText(err, lang));
          setLoaded((n) => n + 1);
        });
      }
    }, 40);
    return () => clearTimeout(timer);
  }, [first, last, visible, total, loadPage, resetKey, version, lang, retries]);

  const rowAt = (i: number): T | undefined => pages.current.get(Math.floor(i / PAGE))?.[i % PAGE];
  const topOf = (i: number) => scrollTop + (i - firstExact) * rowHeight;

  const scrollToRow = useCallback((i: number) => {
    const el = body.current;
    if (!el) return;
    const scaled = contentHeight < total * rowHeight;
    const target = scaled ? (i / Math.max(1, maxFirst)) * maxScroll : i * rowHeight;
    if (scaled || target < el.scrollTop || target + rowHeight > el.scrollTop + height) {
      el.scrollTop = scaled ? target : Math.max(0, target - height / 2);
    }
  }, [contentHeight, total, rowHeight, maxFirst, maxScroll, height]);

  const onKey = (e: KeyboardEvent) => {
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: visible - 1, PageUp: -(visible - 1), Home: -Infinity, End: Infinity };
    if (e.key in moves && total > 0) {
      e.preventDefault();
      const next = Math.max(0, Math.min(total - 1, active + moves[e.key]!));
      setActive(next);
      scrollToRow(next);
    } else if (e.key === 'Enter') {
      const row = rowAt(active);
      if (row && props.onActivate) props.onActivate(row, active);
    }
  };

  const template = props.columns.map((c) => c.width).join(' ');
  const rows: ReactNode[] = [];
  for (let i = first; i <= last && total > 0; i++) {
    const row = rowAt(i);
    const page = Math.floor(i / PAGE);
    // A page that failed shows its message across its rows; a click asks for it again.
    const failure = row ? undefined : failed.current.get(page);
    rows.push(
      <div
        key={i}
        id={`${id}-r${i}`}
        role="row"
        aria-rowindex={i + 2}
        aria-selected={i === active}
        className={failure !== undefined ? 'vt-row vt-failed' : `vt-row ${i === active ? 'active' : ''} ${row ? '' : 'placeholder'}`}
        style={{ top: topOf(i), height: rowHeight, ...(failure !== undefined ? {} : { gridTemplateColumns: template }) }}
        onClick={() => {
          if (failure !== undefined) {
            failed.current.delete(page);
            setRetries((n) => n + 1);
            return;
          }
          setActive(i);
          if (row && props.onActivate) props.onActivate(row, i);
        }}
      >
        {failure !== undefined
          ? <div role="gridcell" aria-colspan={props.columns.length}>{t('table.failed', { message: failure })}</div>
          : props.columns.map((c) => (
            <div key={c.key} role="gridcell" title={row && c.title ? c.title(row) : undefined}>{row ? c.render(row) : '…'}</div>
          ))}
      </div>,
    );
  }
  return (
    <div className="vt">
      <div
        role="grid"
        aria-label={props.label}
        aria-rowcount={total + 1}
        aria-colcount={props.columns.length}
        aria-activedescendant={total > 0 && active >= first && active <= last ? `${id}-r${active}` : undefined}
        tabIndex={0}
        onKeyDown={onKey}
      >
        <div role="rowgroup">
          <div role="row" aria-rowindex={1} className="vt-head" style={{ gridTemplateColumns: template }}>
            {props.columns.map((c) => <div key={c.key} role="columnheader">{c.label}</div>)}
          </div>
        </div>
        <div
          role="rowgroup"
          className="vt-body"
          ref={body}
          // The scrolling box itself takes focus, so a keyboard scrolls it as a mouse does (axe:
          // scrollable-region-focusable); the grid around it keeps the row-by-row keys.
          tabIndex={total * rowHeight > height ? 0 : undefined}
          style={{ height: Math.min(height, Math.max(rowHeight, total * rowHeight)) }}
          onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
        >
          <div style={{ height: contentHeight }} aria-hidden="true" />
          {rows}
        </div>
      </div>
      {props.footer && <div className="vt-foot">{props.footer}</div>}
      {props.printable && printRows && (
        <div className="print-only">
          <table className="data print-table">
            <caption className="sr-only">{props.label}</caption>
            <thead><tr>{props.columns.map((c) => <th key={c.key} scope="col">{c.label}</th>)}</tr></thead>
            <tbody>
              {printRows.map((row, i) => <tr key={i}>{props.columns.map((c) => <td key={c.key}>{c.render(row)}</td>)}</tr>)}
            </tbody>
          </table>
          {printRows.length < total && <p className="muted print-note">{t('print.rows', { n: fmt.int(printRows.length), total: fmt.int(total) })}</p>}
        </div>
      )}
    </div>
  );
}
