import type { Command, CommanderError } from 'commander';
import type { Lang } from '../core/import/reasons.ts';

/** The language asked for, from the raw arguments: when commander's own parsing fails, no command has its options. */
export function argvLang(argv: string[]): Lang {
  const i = argv.indexOf('--lang');
  return (i >= 0 && argv[i + 1] === 'en') || argv.includes('--lang=en') ? 'en' : 'id';
}

/** Wrong usage found by a command itself: exit 2, like commander's own errors. */
export function usage(cmd: Command, message: string): never {
  return cmd.error(message, { exitCode: 2, code: 'pantau.usage' });
}

const ENDED_WITH_HELP = new Set(['commander.help', 'commander.helpDisplayed', 'commander.version']);

/** True when commander stopped after showing help on request (exit 0), not because the command was missing. */
export function isHelp(err: CommanderError): boolean {
  return ENDED_WITH_HELP.has(err.code) && err.exitCode === 0;
}

/**
 * Commander's errors in the user's language, chosen by the error's code; commander's English
 * message only supplies the names it quotes ('--bogus', '--kind <kind>', a rejected value).
 */
export function usageMessage(err: CommanderError, lang: Lang, program: Command): string {
  const [name = '', value = ''] = [...err.message.matchAll(/'([^']*)'/g)].map((m) => m[1]);
  const en = lang === 'en';
  switch (err.code) {
    case 'commander.unknownOption':
      return en ? `Unknown option ${name}.` : `Opsi ${name} tidak dikenal.`;
    case 'commander.unknownCommand':
      return en ? `Unknown command "${name}"; see pantau --help.` : `Perintah "${name}" tidak dikenal; lihat pantau --help.`;
    case 'commander.missingMandatoryOptionValue':
      return en ? `Option ${name} is required.` : `Opsi ${name} wajib diisi.`;
    case 'commander.optionMissingArgument':
      return en ? `Option ${name} needs a value.` : `Opsi ${name} memerlukan nilai.`;
    case 'commander.missingArgument':
      return en ? `Argument ${name} is required.` : `Argumen ${name} wajib diisi.`;
    case 'commander.excessArguments':
      return en ? 'Too many arguments.' : 'Argumen terlalu banyak.';
    case 'commander.invalidArgument': {
      const choices = program.commands.flatMap((c) => c.options).find((o) => o.flags === name)?.argChoices?.join(', ');
      return en ? `${name} does not take "${value}"${choices ? `; choose one of ${choices}` : ''}.`
        : `${name} tidak menerima "${value}"${choices ? `; pilih salah satu dari ${choices}` : ''}.`;
    }
    default:
      return err.message;
  }
}
