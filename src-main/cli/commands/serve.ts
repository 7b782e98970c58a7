import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../contract/errors.ts';
import { createDispatcher } from '../../contract/wire.ts';
import { createCore, type Core } from '../../core/index.ts';
import { serve } from '../../server/server.ts';
import { langOf, reportFailure, t, type CommandModule, type GlobalOptions, type Lang } from '../context.ts';
import { usage } from '../usage.ts';
import { withCommonOptions } from './common.ts';

interface ServeOptions extends GlobalOptions {
  port: string;
}

// Relative to the package, not the current folder, so `pantau serve` works from anywhere.
const PACKAGE_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function listenFailure(err: unknown, port: number, lang: Lang): unknown {
  if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') return err;
  return new AppError('BAD_REQUEST', t(lang, `Port ${port} sudah dipakai program lain; pilih port lain dengan --port, atau --port 0 untuk port bebas.`,
    `Port ${port} is already in use; choose another with --port, or --port 0 for a free one.`));
}

export const serveCommand: CommandModule = (program, ctx) => {
  withCommonOptions(program.command('serve'), 'pantau.duckdb')
    .description('buka Pantau di peramban (hanya 127.0.0.1)')
    .option('--port <n>', 'port (0 = pilih bebas)', '0')
    .action(async (opts: ServeOptions, cmd) => {
      const lang = langOf(opts);
      const port = Number(opts.port);
      if (!/^\d+$/.test(opts.port) || port > 65535) {
        usage(cmd, t(lang, `--port harus bilangan 0–65535, bukan "${opts.port}".`, `--port must be a number from 0 to 65535, not "${opts.port}".`));
      }
      const rendererDir = join(PACKAGE_ROOT, 'out/renderer');
      let uploadDir: string | undefined;
      let core: Core | undefined;
      try {
        if (!existsSync(rendererDir)) {
          throw new Error(t(lang, 'Tampilan belum dibangun: jalankan "npm run build" dulu.', 'The app is not built: run "npm run build" first.'));
        }
        uploadDir = await mkdtemp(join(tmpdir(), 'pantau-upload-'));
        const downloadDir = join(uploadDir, 'downloads');
        await mkdir(downloadDir);
        core = await createCore({
          dbPath: resolve(opts.db ?? 'pantau.duckdb'), lang, tmpDir: tmpdir(), uploadDir, downloadDir, samplesDir: join(PACKAGE_ROOT, 'samples'),
        });
        const { url, server } = await serve({ dispatcher: createDispatcher(core), rendererDir, port, uploadDir, downloadDir })
          .catch((err: unknown) => Promise.reject(listenFailure(err, port, lang)));
        ctx.out(`Pantau: ${url}`);
        await new Promise<void>((done) => ctx.signal.addEventListener('abort', () => done(), { once: true }));
        const closed = new Promise<void>((done) => server.close(() => done()));
        // A browser's keep-alive connections would otherwise hold the stop.
        server.closeAllConnections();
        await closed;
      } catch (err) {
        reportFailure(ctx, opts, err);
      } finally {
        core?.close();
        if (uploadDir) await rm(uploadDir, { recursive: true, force: true });
      }
    });
};
