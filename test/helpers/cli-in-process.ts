import type { CliContext } from '../../src-main/cli/context.ts';
import { runCli } from '../../src-main/cli/run-cli.ts';
import type { CliRun } from './cli.ts';

/**
 * `pantau` in this process: the runCli that bin/pantau.js calls, with its output collected line by
 * line as the process prints it (each line ends in "\n"; stderr is not a terminal). A child process
 * costs a second or two of start-up, so tests use this one and keep real processes
 * (`pantau()` in cli.ts) for what only a process shows: its exit status, a lock held by another
 * process, `serve`'s start-up line, bin/pantau.js itself.
 */
export async function pantauInProcess(args: string[], signal = new AbortController().signal): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const ctx: CliContext = {
    out: (s) => (stdout += `${s}\n`),
    err: (s) => (stderr += `${s}\n`),
    isTTY: false,
    exitCode: 0,
    signal,
  };
  const status = await runCli(args, ctx);
  return { status, stdout, stderr };
}
