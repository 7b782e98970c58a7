import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../contract/errors.ts';
import { createDispatcher } from '../../contract/wire.ts';
import { createCore, type Core } from '../../core/index.ts';
import { serve } from '../../server/server.ts';
import { makeUploadDirs } from '../../server/upload.ts';
import { buildApp } from '../build-app.ts';
import { langOf, reportFailure, t, type CliContext, type CommandModule, type GlobalOptions, type Lang } from '../context.ts';
import { usage } from '../usage.ts';
import { withCommonOptions } from './common.ts';

interface ServeOptions extends GlobalOptions {
  port: string;
}

// Relative to the package, not the current folder, so `pantau serve` works from anywhere.
const PACKAGE_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The built app: out/ in the package, unless PANTAU_BUILD_DIR names another folder (tests build into their own). */
function buildDir(): string {
  const dir = process.env.PANTAU_BUILD_DIR;
  return dir ? resolve(dir) : join(PACKAGE_ROOT, 'out');
}

/** Right after `npm install` nothing is built yet: build once, as `npm start` does. */
async function ensureBuilt(outDir: string, ctx: CliContext, lang: Lang): Promise<void> {
  if (existsSync(join(outDir, 'renderer', 'index.html'))) return;
  ctx.err(t(lang, 'Membangun tampilan (sekali saja)…', 'Building the app (once)…'));
  if ((await buildApp({ root: PACKAGE_ROOT, outDir })) !== 0) {
    throw new Error(t(lang, 'Tampilan tidak dapat dibangun (lihat pesan di atas); jalankan "npm install" lalu coba lagi.',
      'The app could not be built (see the messages above); run "npm install" and try again.'));
  }
}

function listenFailure(err: unknown, port: number, lang: Lang): unknown {
  if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') return err;
  return new AppError('BAD_REQUEST', t(lang, `Port ${port} sudah dipakai program lain; pilih port lain dengan --port, atau --port 0 untuk port bebas.`,
    `Port ${port} is already in use; choose another with --port, or --port 0 for a free one.`));
}

export const serveCommand: CommandModule = (program, ctx, lang) => {
  withCommonOptions(program.command('serve'), lang, 'pantau.duckdb')
    .description(t(lang, 'buka Pantau di peramban (hanya 127.0.0.1)', 'open Pantau in the browser (127.0.0.1 only)'))
    .option('--port <n>', t(lang, 'port (0 = pilih bebas)', 'port (0 = any free one)'), '0')
    .action(async (opts: ServeOptions, cmd) => {
      const lang = langOf(opts);
      const port = Number(opts.port);
      if (!/^\d+$/.test(opts.port) || port > 65535) {
        usage(cmd, t(lang, `--port harus bilangan 0–65535, bukan "${opts.port}".`, `--port must be a number from 0 to 65535, not "${opts.port}".`));
      }
      const outDir = buildDir();
      let uploadDir: string | undefined;
      let core: Core | undefined;
      try {
        await ensureBuilt(outDir, ctx, lang);
        const dirs = await makeUploadDirs(tmpdir());
        uploadDir = dirs.uploadDir;
        const downloadDir = dirs.downloadDir;
        core = await createCore({
          dbPath: resolve(opts.db!), lang, tmpDir: tmpdir(), uploadDir, downloadDir, samplesDir: join(PACKAGE_ROOT, 'samples'),
        });
        const rendererDir = join(outDir, 'renderer');
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
