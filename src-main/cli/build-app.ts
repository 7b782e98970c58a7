import { spawn } from 'node:child_process';

/**
 * Builds the app with electron-vite into `outDir` (main, preload, renderer): `npm start` and
 * `pantau serve` share this. Only the build's errors are shown (on stderr), so stdout stays the caller's.
 * Resolves with the exit status; `npx --no` never downloads electron-vite when it is not installed.
 */
export function buildApp(options: { root: string; outDir?: string }): Promise<number> {
  const args = ['--no', 'electron-vite', 'build', '--logLevel', 'error', ...(options.outDir ? ['--outDir', options.outDir] : [])];
  return new Promise((done) => {
    const child = spawn('npx', args, { cwd: options.root, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', () => done(1));
    child.on('exit', (code) => done(code ?? 1));
  });
}
