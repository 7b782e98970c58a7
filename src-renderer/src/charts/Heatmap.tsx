import { bandOf, LOW, TARGET } from './bands.ts';

export interface HeatRow {
  key: string;
  label: string;
  sublabel: string;
  cells: Map<string, { rate: number | null; ok: number; all: number }>;
}

/** Light fills with dark text: readable numbers in every band. */
function fill(rate: number | null): string {
  if (rate === null) return '#e9eef3';
  if (rate >= 1) return '#9fd1b3';
  const band = bandOf(rate);
  return band === 'good' ? '#cfe8d8' : band === 'warn' ? '#f6dfa6' : '#f2b8b1';
}

/**
 * Unit × week compliance. Each cell is a button (keyboard reachable) naming its unit, week and figures;
 * only cells below 100 % print their number, so the exceptions stand out.
 */
export function Heatmap(props: {
  rows: HeatRow[];
  weeks: { week: string; tick: string; title: string }[];
  cellLabel: (row: HeatRow, week: string, rate: number | null, ok: number, all: number) => string;
  percent: (rate: number) => string;
  weekHeader: string;
  onSelect?: (key: string) => void;
}) {
  const template = `minmax(180px, 260px) repeat(${props.weeks.length}, minmax(30px, 1fr))`;
  return (
    <div className="heat" style={{ gridTemplateColumns: template }}>
      <div className="heat-corner">{props.weekHeader}</div>
      {props.weeks.map((w) => <div key={w.week} className="heat-week" title={w.title}>{w.tick}</div>)}
      {props.rows.map((row) => (
        <Row key={row.key} row={row} {...props} />
      ))}
      <div className="heat-note" style={{ gridColumn: '1 / -1' }} aria-hidden="true">
        {legend(props.percent).map(([colour, text]) => <span key={colour}><span className="swatch" style={{ background: colour }} /> {text} </span>)}
      </div>
    </div>
  );
}

function Row(props: Parameters<typeof Heatmap>[0] & { row: HeatRow }) {
  const { row } = props;
  return (
    <>
      <div className="heat-label" title={`${row.label} — ${row.sublabel}`}>
        <div>{row.label}</div>
        <div className="muted" style={{ fontSize: 10.5 }}>{row.sublabel}</div>
      </div>
      {props.weeks.map((w) => {
        const c = row.cells.get(w.week);
        if (!c) return <div key={w.week} className="heat-cell empty" />;
        return (
          <button
            key={w.week}
            type="button"
            className="heat-cell"
            style={{ background: fill(c.rate) }}
            aria-label={props.cellLabel(row, w.week, c.rate, c.ok, c.all)}
            title={props.cellLabel(row, w.week, c.rate, c.ok, c.all)}
            onClick={() => props.onSelect?.(row.key)}
          >
            {c.rate === null || c.rate >= 1 ? '' : Math.floor(c.rate * 100)}
          </button>
        );
      })}
    </>
  );
}

/** The bands' colours and what each means, on screen and in the PNG alike. */
function legend(percent: (rate: number) => string): [string, string][] {
  return [['#9fd1b3', percent(1)], ['#cfe8d8', `≥ ${percent(TARGET)}`], ['#f6dfa6', `${percent(LOW)} – ${percent(TARGET)}`], ['#f2b8b1', `< ${percent(LOW)}`]];
}

function xml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * The heatmap as SVG markup for "Simpan gambar (PNG)": the same rows, weeks, fills and numbers as the
 * grid on screen (which is HTML, so there is no SVG to copy), with the band legend under it.
 */
export function heatmapSvg(props: { rows: HeatRow[]; weeks: { week: string; tick: string }[]; weekHeader: string; percent: (rate: number) => string }): { markup: string; width: number; height: number } {
  const LABEL = 260;
  const CELL = 34;
  const ROW = 30;
  const HEAD = 22;
  const LEGEND = 30;
  const width = Math.max(LABEL + props.weeks.length * CELL, 450);
  const height = HEAD + props.rows.length * ROW + LEGEND;
  const out: string[] = [];
  out.push(`<text x="${LABEL - 8}" y="14" text-anchor="end" font-size="11" fill="#5a6878">${xml(props.weekHeader)}</text>`);
  props.weeks.forEach((w, i) => {
    out.push(`<text x="${LABEL + i * CELL + (CELL - 2) / 2}" y="14" text-anchor="middle" font-size="11" fill="#5a6878">${xml(w.tick)}</text>`);
  });
  props.rows.forEach((row, r) => {
    const y = HEAD + r * ROW;
    out.push(`<text x="0" y="${y + 12}" font-size="11.5" fill="#3d4b59">${xml(clip(row.label, 42))}</text>`);
    out.push(`<text x="0" y="${y + 24}" font-size="10" fill="#5a6878">${xml(clip(row.sublabel, 48))}</text>`);
    props.weeks.forEach((w, i) => {
      const c = row.cells.get(w.week);
      const x = LABEL + i * CELL;
      out.push(`<rect x="${x}" y="${y}" width="${CELL - 2}" height="${ROW - 2}" rx="3" fill="${c ? fill(c.rate) : '#e9eef3'}"/>`);
      if (c && c.rate !== null && c.rate < 1) {
        out.push(`<text x="${x + (CELL - 2) / 2}" y="${y + ROW / 2 + 3}" text-anchor="middle" font-size="11" fill="#17212b">${Math.floor(c.rate * 100)}</text>`);
      }
    });
  });
  const ly = HEAD + props.rows.length * ROW + 12;
  legend(props.percent).forEach(([colour, text], i) => {
    const x = i * 110;
    out.push(`<rect x="${x}" y="${ly}" width="12" height="12" rx="3" fill="${colour}"/><text x="${x + 17}" y="${ly + 10}" font-size="11.5" fill="#5a6878">${xml(text)}</text>`);
  });
  const markup = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="'Segoe UI', 'Noto Sans', Ubuntu, Cantarell, Arial, sans-serif">${out.join('')}</svg>`;
  return { markup, width, height };
}
