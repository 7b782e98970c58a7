import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { CoreApi } from '../contract/api.ts';
import { AppError, messageIn } from '../contract/errors.ts';
import { createClient, createDispatcher, inProcessTransport } from '../contract/wire.ts';
import type { Lang } from '../core/import/reasons.ts';
import { createCore, type Core } from '../core/index.ts';
import { toJson } from './output.ts';

export type { Lang };

export interface GlobalOptions {
  db?: string;
  json?: boolean;
  lang?: string;
}

/** What every command needs: output channels, language, and a way to open the workspace. */
export interface CliContext {
  out: (text: string) => void;
  err: (text: string) => void;
  isTTY: boolean;
  /** Set by a command: 0 success, 1 the work failed. */
  exitCode: number;
  signal: AbortSignal;
}

export function langOf(opts: GlobalOptions): Lang {
  return opts.lang === 'en' ? 'en' : 'id';
}

export function t(lang: Lang, id: string, en: string): string {
  return lang === 'en' ? en : id;
}

/**
 * Opens the workspace and hands the command a client that goes through the wire codec (and the core
 * itself, for what is no transport method: `records` streams through core.streamRecords).
 *
 * With `signal` (the CLI's Ctrl+C or SIGTERM) the work is cancelled: the running statement is
 * interrupted and every later one refused, so the command ends with CANCELLED, whatever it was
 * doing. The workspace is closed, and its lock released, only after the work has ended; a failure
 * to close does not hide the work's own failure.
 */
export async function withApi<T>(opts: GlobalOptions, work: (api: CoreApi, core: Core) => Promise<T>, signal?: AbortSignal): Promise<T> {
  const lang = langOf(opts);
  if (!opts.db) throw new AppError('BAD_REQUEST', t(lang, 'Opsi --db BERKAS wajib diisi: workspace Pantau (berkas .duckdb).', 'Option --db FILE is required: the Pantau workspace (a .duckdb file).'));
  const cancelled = () => new AppError('CANCELLED', 'Dibatalkan; workspace ditutup dengan rapi.', 'Cancelled; the workspace was closed cleanly.');
  let core: Core | undefined;
  const stop = () => core?.db.stop(cancelled());
  signal?.addEventListener('abort', stop);
  let failed = false;
  try {
    if (signal?.aborted) throw cancelled();
    core = await createCore({ dbPath: resolve(opts.db), lang, tmpDir: tmpdir() });
    if (signal?.aborted) stop();
    const api = createClient(inProcessTransport(createDispatcher(core)));
    return await work(api, core);
  } catch (err) {
    failed = true;
    // Whatever a cancelled command failed on, it failed because it was cancelled.
    if (signal?.aborted && !(err instanceof AppError && err.code !== 'INTERNAL')) throw cancelled();
    throw err;
  } finally {
    signal?.removeEventListener('abort', stop);
    try {
      core?.close();
    } catch (err) {
      if (!failed) throw err;
    }
  }
}

/** Common failure path: message on stderr, and under "error" in the JSON. */
export function reportFailure(ctx: CliContext, opts: GlobalOptions, err: unknown): void {
  const code = err instanceof AppError ? err.code : 'INTERNAL';
  const message = messageIn(langOf(opts), err);
  ctx.err(message);
  if (opts.json) ctx.out(toJson({ error: message, code }));
  ctx.exitCode = 1;
}

/** Registers one command; `lang` (from the raw arguments) writes its --help. */
export type CommandModule = (program: Command, ctx: CliContext, lang: Lang) => void;
