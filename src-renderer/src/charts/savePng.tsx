import { useState, type RefObject } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

/** The app's font stack, written into the image's SVG: a standalone SVG does not see the page's CSS. */
const FONT = '"Segoe UI", "Noto Sans", Ubuntu, Cantarell, "Helvetica Neue", Arial, sans-serif';
const TITLE_HEIGHT = 34;
const PAD = 16;

/** A chart's SVG as standalone markup: namespaces, its size, and the font it is drawn in on screen. */
export function svgMarkup(svg: SVGSVGElement): { markup: string; width: number; height: number } {
  const box = svg.getBoundingClientRect();
  const width = Math.ceil(Number(svg.getAttribute('width')) || box.width);
  const height = Math.ceil(Number(svg.getAttribute('height')) || box.height);
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('xmlns:xlink', 'http://www.w3.org/1999/xlink');
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  if (!copy.getAttribute('viewBox')) copy.setAttribute('viewBox', `0 0 ${width} ${height}`);
  copy.setAttribute('font-family', FONT);
  copy.removeAttribute('style');
  return { markup: new XMLSerializer().serializeToString(copy), width, height };
}

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((done, fail) => {
    const img = new Image();
    img.onload = () => done(img);
    img.onerror = () => fail(new Error('SVG image did not load'));
    img.src = src;
  });
}

/**
 * A chart as a PNG: on white, the chart's title above it, at twice the screen's pixels. The SVG goes
 * in as a data: URL (the desktop window's Content-Security-Policy allows data: images, not blob:).
 */
export interface LegendItem {
  colour: string;
  label: string;
  /** A dashed line (the target) rather than a swatch. */
  line?: boolean;
}

export async function chartPng(svg: { markup: string; width: number; height: number }, title: string, subtitle?: string, legend: LegendItem[] = []): Promise<Blob> {
  const scale = 2;
  const img = await loadImage(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg.markup)}`);
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  // Wide enough for the chart and the title; the legend (HTML beside the chart on screen) wraps to that width.
  ctx.font = `600 16px ${FONT}`;
  const width = Math.max(svg.width, Math.ceil(ctx.measureText(title).width), 360) + PAD * 2;
  ctx.font = `12px ${FONT}`;
  const placed: { item: LegendItem; x: number; line: number }[] = [];
  let x = PAD;
  let line = 0;
  for (const item of legend) {
    const w = (item.line ? 24 : 17) + ctx.measureText(item.label).width;
    if (x > PAD && x + w > width - PAD) {
      x = PAD;
      line++;
    }
    placed.push({ item, x, line });
    x += w + 16;
  }
  const legendTop = PAD + TITLE_HEIGHT + (subtitle ? 18 : 0);
  const head = legendTop - PAD + (legend.length ? (line + 1) * 20 + 4 : 0);
  canvas.width = width * scale;
  canvas.height = (svg.height + head + PAD * 2) * scale;
  ctx.scale(scale, scale);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, svg.height + head + PAD * 2);
  ctx.fillStyle = '#0b2540';
  ctx.font = `600 16px ${FONT}`;
  ctx.textBaseline = 'top';
  ctx.fillText(title, PAD, PAD);
  if (subtitle) {
    ctx.fillStyle = '#5a6878';
    ctx.font = `12px ${FONT}`;
    ctx.fillText(subtitle, PAD, PAD + 22);
  }
  ctx.font = `12px ${FONT}`;
  ctx.textBaseline = 'middle';
  for (const { item, x: left, line: row } of placed) {
    const y = legendTop + row * 20;
    let at = left;
    if (item.line) {
      ctx.strokeStyle = item.colour;
      ctx.lineWidth = 2;
      ctx.setLineDash([4, 3]);
      ctx.beginPath();
      ctx.moveTo(at, y + 6);
      ctx.lineTo(at + 18, y + 6);
      ctx.stroke();
      ctx.setLineDash([]);
      at += 24;
    } else {
      ctx.fillStyle = item.colour;
      ctx.fillRect(at, y, 12, 12);
      at += 17;
    }
    ctx.fillStyle = '#3d4b59';
    ctx.fillText(item.label, at, y + 6);
  }
  ctx.drawImage(img, PAD, PAD + head, svg.width, svg.height);
  return new Promise((done, fail) => canvas.toBlob((b) => (b ? done(b) : fail(new Error('canvas.toBlob gave nothing'))), 'image/png'));
}

/** A file name from a title: "Kepatuhan per unit kerja" → "pantau-kepatuhan-per-unit-kerja-2025-09-30.png". */
export function pngName(title: string, now = new Date()): string {
  const slug = title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `pantau-${slug || 'grafik'}-${now.toISOString().slice(0, 10)}.png`;
}

export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * "Simpan gambar (PNG)" beside a chart: the recharts SVG inside `within` (the largest one), or the
 * SVG `markup` gives for charts drawn in HTML (the heatmap), saved with the chart's title.
 */
export function SavePngButton(props: {
  title: string;
  subtitle?: string;
  within?: RefObject<HTMLElement | null>;
  markup?: () => { markup: string; width: number; height: number } | null;
  legend?: LegendItem[];
}) {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    setError(null);
    try {
      let svg = props.markup?.() ?? null;
      if (!svg && props.within?.current) {
        const all = [...props.within.current.querySelectorAll<SVGSVGElement>('svg.recharts-surface')];
        const largest = all.sort((a, b) => b.clientWidth * b.clientHeight - a.clientWidth * a.clientHeight)[0];
        if (largest) svg = svgMarkup(largest);
      }
      if (!svg) throw new Error(t('common.loading'));
      download(await chartPng(svg, props.title, props.subtitle, props.legend), pngName(props.title));
    } catch (err) {
      setError(t('chart.saveFailed', { reason: err instanceof Error ? err.message : String(err) }));
    }
  };
  return (
    <>
      <button type="button" className="btn btn-sm no-print" onClick={() => void save()} aria-label={t('chart.savePngOf', { title: props.title })}>
        {t('chart.savePng')}
      </button>
      {error && <span role="alert" className="field-error">{error}</span>}
    </>
  );
}
