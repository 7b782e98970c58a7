import type { CliContext } from './context.ts';
import { runCli } from './run-cli.ts';
import { exitCode, signalHandling } from './signals.ts';
import { argvLang } from './usage.ts';

// `pantau check | head` closes the pipe early: that ends the output, it is not a failure.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});
// A closed stderr (the reader gone, say after a signal) leaves nowhere to report to: not a crash.
process.stderr.on('error', () => undefined);

const argv = process.argv.slice(2);
const signals = signalHandling(argvLang(argv), { write: (s) => process.stderr.write(s), exit: (code) => process.exit(code) });
signals.install();
const ctx: CliContext = {
  out: (s) => process.stdout.write(`${s}\n`),
  err: (s) => process.stderr.write(`${s}\n`),
  isTTY: Boolean(process.stderr.isTTY),
  exitCode: 0,
  signal: signals.signal,
};
// A command cancelled by a signal ends as the shell expects of one (130 for Ctrl+C); `serve` ends on one by design.
process.exitCode = exitCode(await runCli(argv, ctx), signals.received());
