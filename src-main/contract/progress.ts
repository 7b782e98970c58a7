export interface ProgressEvent {
  /** What is being done: reading the file, checking values, storing rows. */
  phase: 'read' | 'check' | 'store' | 'done';
  file: string;
  fileIndex: number;
  fileCount: number;
  /** 0..1 within the current file, when known. */
  fraction: number | null;
  rows: number | null;
}

export interface CallOptions {
  onProgress?: (event: ProgressEvent) => void;
  signal?: AbortSignal;
  /** The language of the texts the core builds for this call; without it, the core's configured language. */
  lang?: 'id' | 'en';
}
