/** Impor, Aturan, Perbandingan and Ekspor: [Bahasa Indonesia, English] for every key. */
export const WORK_MESSAGES = {
  'imports.title': ['Impor', 'Import'],
} satisfies Record<string, readonly [string, string]>;
