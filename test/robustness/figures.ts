import { appendFileSync } from 'node:fs';

/** `npm run robustness` sets this: 20 kills, the 1,000,000-row workbook, the server load. */
export const FULL = process.env.PANTAU_ROBUSTNESS === '1';

/** Prints a measured figure and, under `npm run robustness`, hands it to the script's block. */
export function figure(key: string, line: string, quiet = false): void {
  if (!quiet) console.log(line);
  const file = process.env.PANTAU_FIGURES;
  if (file) appendFileSync(file, `${JSON.stringify({ key, line })}\n`);
}
