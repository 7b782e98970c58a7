import type { CliContext } from './context.ts';
import { runCli } from './run-cli.ts';

// `pantau check | head` closes the pipe early: that ends the output, it is not a failure.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});
const controller = new AbortController();
process.once('SIGINT', () => controller.abort());
process.once('SIGTERM', () => controller.abort());
const ctx: CliContext = {
  out: (s) => process.stdout.write(`${s}\n`),
  err: (s) => process.stderr.write(`${s}\n`),
  isTTY: Boolean(process.stderr.isTTY),
  exitCode: 0,
  signal: controller.signal,
};
process.exitCode = await runCli(process.argv.slice(2), ctx);
