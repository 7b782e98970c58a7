import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { createDispatcher } from '../../contract/wire.ts';
import { createCore } from '../../core/index.ts';
import { serve } from '../../server/server.ts';
import { langOf, reportFailure, t, type CommandModule, type GlobalOptions } from '../context.ts';
import { withCommonOptions } from './common.ts';

interface ServeOptions extends GlobalOptions {
  port: string;
}

export const serveCommand: CommandModule = (program, ctx) => {
  withCommonOptions(program.command('serve'))
    .description('buka Pantau di peramban (hanya 127.0.0.1)')
    .option('--port <n>', 'port (0 = pilih bebas)', '0')
    .action(async (opts: ServeOptions) => {
      const lang = langOf(opts);
      const rendererDir = resolve('out/renderer');
      try {
        if (!existsSync(rendererDir)) {
          throw new Error(t(lang, 'Tampilan belum dibangun: jalankan "npm run build" dulu.', 'The app is not built: run "npm run build" first.'));
        }
        const core = await createCore({ dbPath: resolve(opts.db ?? 'pantau.duckdb'), lang, tmpDir: tmpdir() });
        const { url, server } = await serve({ dispatcher: createDispatcher(core), rendererDir, port: Number(opts.port) });
        ctx.out(`Pantau: ${url}`);
        await new Promise<void>((done) => ctx.signal.addEventListener('abort', () => done(), { once: true }));
        await new Promise<void>((done) => server.close(() => done()));
        core.close();
      } catch (err) {
        reportFailure(ctx, opts, err);
      }
    });
};
