import type { Lang } from './context.ts';

export const SIGNALS = { SIGINT: 2, SIGTERM: 15 } as const;
export type SignalName = keyof typeof SIGNALS;

export interface SignalHandling {
  /** Aborted by the first signal: the command cancels, cleans up and closes the workspace. */
  signal: AbortSignal;
  /** The first signal received, if any. */
  received(): SignalName | undefined;
  /** What the process does on one signal (installed for SIGINT and SIGTERM by `install`). */
  handle(name: SignalName): void;
  install(): void;
}

/**
 * Ctrl+C and SIGTERM for the CLI. The first cancels: the command stops its work, removes what it
 * half wrote and closes the workspace, releasing its lock. A second one exits at once (128 + the
 * signal's number): DuckDB's write-ahead log keeps the workspace whole and the next open replays
 * it; an unfinished workbook's temporary file is removed on exit (export/output.ts).
 */
export function signalHandling(lang: Lang, io: { write: (text: string) => void; exit: (code: number) => void }): SignalHandling {
  const controller = new AbortController();
  let first: SignalName | undefined;
  const en = lang === 'en';
  const handling: SignalHandling = {
    signal: controller.signal,
    received: () => first,
    handle(name) {
      if (first) {
        io.write(en ? 'Stopped at once.\n' : 'Dihentikan seketika.\n');
        io.exit(128 + SIGNALS[name]);
        return;
      }
      first = name;
      io.write(en
        ? 'Stopping… (the workspace is closed cleanly; press Ctrl+C again to stop at once)\n'
        : 'Menghentikan… (workspace ditutup dengan rapi; tekan Ctrl+C sekali lagi untuk berhenti seketika)\n');
      controller.abort();
    },
    install() {
      for (const name of Object.keys(SIGNALS) as SignalName[]) process.on(name, () => handling.handle(name));
    },
  };
  return handling;
}

/** The exit code of a command: a signal's (128 + its number) when it ended the command early. */
export function exitCode(code: number, received: SignalName | undefined): number {
  return received && code !== 0 ? 128 + SIGNALS[received] : code;
}
