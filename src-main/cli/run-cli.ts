import { Command, CommanderError } from 'commander';
import type { CliContext, CommandModule } from './context.ts';
import { checkCommand } from './commands/check.ts';
import { compareCommand } from './commands/compare.ts';
import { exportCommand } from './commands/export.ts';
import { importCommand } from './commands/import.ts';
import { importsCommand } from './commands/imports.ts';
import { profileCommand } from './commands/profile.ts';
import { serveCommand } from './commands/serve.ts';
import { undoCommand } from './commands/undo.ts';

/** Adding a command is adding its module to this list. */
const COMMANDS: CommandModule[] = [importCommand, importsCommand, undoCommand, checkCommand, compareCommand, exportCommand, profileCommand, serveCommand];

export async function runCli(argv: string[], ctx: CliContext): Promise<number> {
  const program = new Command('pantau')
    .description('Pantau: pemantauan fleksibilitas kerja ASN (PermenPANRB 4/2025)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => ctx.err(s.trimEnd()), writeErr: (s) => ctx.err(s.trimEnd()) });
  for (const register of COMMANDS) register(program, ctx);
  for (const sub of program.commands) sub.exitOverride();
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help' ? 0 : 2;
    }
    throw err;
  }
  return ctx.exitCode;
}
