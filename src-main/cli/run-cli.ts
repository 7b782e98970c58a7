import { Command, CommanderError } from 'commander';
import type { CliContext, CommandModule } from './context.ts';
import { checkCommand } from './commands/check.ts';
import { compareCommand } from './commands/compare.ts';
import { exportCommand } from './commands/export.ts';
import { importCommand } from './commands/import.ts';
import { importsCommand } from './commands/imports.ts';
import { profileCommand } from './commands/profile.ts';
import { recordsCommand } from './commands/records.ts';
import { serveCommand } from './commands/serve.ts';
import { undoCommand } from './commands/undo.ts';
import { toJson } from './output.ts';
import { argvLang, isHelp, localiseHelp, usageMessage } from './usage.ts';

/** Adding a command is adding its module to this list. */
const COMMANDS: CommandModule[] = [importCommand, importsCommand, undoCommand, checkCommand, compareCommand, exportCommand, profileCommand, recordsCommand, serveCommand];

export async function runCli(argv: string[], ctx: CliContext): Promise<number> {
  const lang = argvLang(argv);
  const program = new Command('pantau')
    .description(lang === 'en' ? 'Pantau: monitoring flexible work of civil servants (PermenPANRB 4/2025)'
      : 'Pantau: pemantauan fleksibilitas kerja ASN (PermenPANRB 4/2025)')
    .exitOverride()
    // Errors are printed below, in the user's language; commander prints only help.
    .configureOutput({ writeOut: (s) => ctx.err(s.trimEnd()), writeErr: (s) => ctx.err(s.trimEnd()), outputError: () => undefined });
  // Subcommands inherit the exit override and output settings from the program.
  localiseHelp(program, lang);
  for (const register of COMMANDS) register(program, ctx, lang);
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (!(err instanceof CommanderError)) throw err;
    if (isHelp(err)) return 0;
    // Help shown because no command was given has already been printed.
    if (err.code === 'commander.help') return 2;
    const message = usageMessage(err, lang, program);
    ctx.err(message);
    if (argv.includes('--json')) ctx.out(toJson({ error: message, code: 'BAD_REQUEST' }));
    return 2;
  }
  return ctx.exitCode;
}
