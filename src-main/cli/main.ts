import type { CliContext } from './context.ts';
import { runCli } from './run-cli.ts';
import { argvLang } from './usage.ts';

// `pantau check | head` closes the pipe early: that ends the output, it is not a failure.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

const argv = process.argv.slice(2);
const en = argvLang(argv) === 'en';
const SIGNALS = { SIGINT: 2, SIGTERM: 15 } as const;
const controller = new AbortController();
let signalled: keyof typeof SIGNALS | undefined;

/**
 * The first Ctrl+C or SIGTERM cancels: the command stops its work, removes what it half wrote and
 * closes the workspace (releasing its lock). A second one exits at once: DuckDB's write-ahead log
 * keeps the workspace whole, and the next open replays it.
 */
function onSignal(name: keyof typeof SIGNALS): void {
  if (signalled) {
    process.stderr.write(en ? 'Stopped at once.\n' : 'Dihentikan seketika.\n');
    process.exit(128 + SIGNALS[name]);
  }
  signalled = name;
  process.stderr.write(en
    ? 'Stopping… (the workspace is closed cleanly; press Ctrl+C again to stop at once)\n'
    : 'Menghentikan… (workspace ditutup dengan rapi; tekan Ctrl+C sekali lagi untuk berhenti seketika)\n');
  controller.abort();
}
process.on('SIGINT', () => onSignal('SIGINT'));
process.on('SIGTERM', () => onSignal('SIGTERM'));

const ctx: CliContext = {
  out: (s) => process.stdout.write(`${s}\n`),
  err: (s) => process.stderr.write(`${s}\n`),
  isTTY: Boolean(process.stderr.isTTY),
  exitCode: 0,
  signal: controller.signal,
};
const code = await runCli(argv, ctx);
// A command cancelled by a signal ends as the shell expects of one (130 for Ctrl+C); `serve` ends on one by design.
process.exitCode = signalled && code !== 0 ? 128 + SIGNALS[signalled] : code;
