/** Last day of a month "2025-09" → "2025-09-30": a month chosen on screen as the range the API takes. */
export function monthEnd(yyyyMm: string): string {
  const [y, m] = yyyyMm.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}
