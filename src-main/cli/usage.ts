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

const TITLES: Record<string, [string, string]> = {
  'Usage:': ['Cara pakai:', 'Usage:'],
  'Options:': ['Opsi:', 'Options:'],
  'Commands:': ['Perintah:', 'Commands:'],
  'Arguments:': ['Argumen:', 'Arguments:'],
};

/**
 * `--help` in the user's language: commander's own words (headings, "choices", "default", the
 * help option and command, "[options]") replaced; each command writes its descriptions in both.
 * Applied to the program before the commands are added, which inherit it.
 */
export function localiseHelp(program: Command, lang: Lang): void {
  const en = lang === 'en';
  const i = en ? 1 : 0;
  const terms = (cmd: Command) => [
    ...(cmd.options.length || cmd.commands.length ? [en ? '[options]' : '[opsi]'] : []),
    ...(cmd.commands.length ? [en ? '[command]' : '[perintah]'] : []),
    ...cmd.registeredArguments.map((a) => (a.required ? `<${a.name()}${a.variadic ? '...' : ''}>` : `[${a.name()}]`)),
  ].join(' ');
  program
    .helpOption('-h, --help', en ? 'show this help' : 'tampilkan bantuan ini')
    .helpCommand(en ? 'help [command]' : 'help [perintah]', en ? 'show the help of a command' : 'tampilkan bantuan satu perintah')
    .configureHelp({
      styleTitle: (title) => TITLES[title]?.[i] ?? title,
      commandUsage: (cmd) => {
        const names = [];
        for (let c: Command | null = cmd; c; c = c.parent) names.unshift(c.name());
        return [...names, terms(cmd)].join(' ');
      },
      subcommandTerm: (cmd) => `${cmd.name()} ${terms(cmd)}`,
      optionDescription: (option) => {
        const extra = [
          ...(option.argChoices ? [`${en ? 'choices' : 'pilihan'}: ${option.argChoices.join(', ')}`] : []),
          ...(typeof option.defaultValue === 'string' && option.defaultValue ? [`${en ? 'default' : 'bawaan'}: ${option.defaultValue}`] : []),
        ];
        return extra.length ? `${option.description} (${extra.join('; ')})` : option.description;
      },
    });
}
