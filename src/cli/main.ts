/**
 * `lagebild` command line. Global options: `--db <dir|postgres-url>`, `--json`.
 * Every command opens (and migrates) the database itself.
 */
import { Command, Option } from 'commander';
import { fail, type GlobalOptions } from './context.ts';

/**
 * The commands by name, loaded on demand: a run loads only the module of its command, not the
 * server, the report renderer and the importers each time (a second or more per command).
 */
const COMMANDS: Record<string, () => Promise<Command>> = {
  serve: () => import('./serve.command.ts').then((m) => m.serveCommand()),
  setup: () => import('./setup.command.ts').then((m) => m.setupCommand()),
  city: () => import('./setup.command.ts').then((m) => m.cityCommands()),
  demo: () => import('./demo.command.ts').then((m) => m.demoCommand()),
  import: () => import('./import.command.ts').then((m) => m.importCommands()),
  areas: () => import('./areas.command.ts').then((m) => m.areasCommands()),
  indicators: () => import('./indicators.command.ts').then((m) => m.indicatorsCommands()),
  variables: () => import('./variables.command.ts').then((m) => m.variablesCommands()),
  export: () => import('./indicators.command.ts').then((m) => m.exportCommands()),
  index: () => import('./index.command.ts').then((m) => m.indexCommands()),
  report: () => import('./report.command.ts').then((m) => m.reportCommand()),
  users: () => import('./users.command.ts').then((m) => m.usersCommands()),
};

/** The command named on the command line (after the global options), if it is one. */
export function commandName(argv: readonly string[]): string | null {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--db')
      i++; // its value
    else if (!a.startsWith('-')) return Object.hasOwn(COMMANDS, a) ? a : null;
  }
  return null;
}

const program = new Command('lagebild')
  .description('Lagebild – Software für strategische Sozialplanung')
  .option(
    '--db <dir|url>',
    'Datenbank: Verzeichnis (eingebettet, PGlite) oder postgres://-URL (Standard: $LAGEBILD_DB oder ./.lagebild/db)',
  )
  .option('--json', 'maschinenlesbare Ausgabe (JSON)')
  .showHelpAfterError()
  .configureHelp({ showGlobalOptions: true });

/** The global options as seen from any sub-command. */
export const globals = (cmd: Command): GlobalOptions => cmd.optsWithGlobals<GlobalOptions>();

/** German help texts on every (sub)command. */
function germanHelp(cmd: Command): void {
  cmd.helpOption('-h, --help', 'Hilfe anzeigen').configureHelp({ showGlobalOptions: true });
  if (cmd.commands.length) cmd.helpCommand('help [befehl]', 'Hilfe zu einem Befehl anzeigen');
  cmd.commands.forEach(germanHelp);
}

// One command when one is named; all of them for the overview, `help` and unknown commands.
const named = commandName(process.argv.slice(2));
for (const name of named ? [named] : Object.keys(COMMANDS)) program.addCommand(await COMMANDS[name]!());
germanHelp(program);
program.addOption(new Option('--version').hideHelp());
program.on('option:version', () => {
  process.stdout.write('0.1.0\n');
  process.exit(0);
});

try {
  await program.parseAsync(process.argv);
} catch (err) {
  fail(err, process.argv.includes('--json'));
}
