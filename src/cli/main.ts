/**
 * `lagebild` command line. Global options: `--db <dir|postgres-url>`, `--json`.
 * Every command opens (and migrates) the database itself. A run loads the module of its command
 * only; the overview (`--help`, `help`, an unknown command) loads none (see commands.ts).
 */
import { userInfo } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { Command, Help, Option } from 'commander';
import { COMMAND_V8_FLAGS, COMMANDS, commandName } from './commands.ts';
import { runAs } from '../db/actor.ts';
import { fail } from './fail.ts';

const program = new Command('lagebild')
  .description('Lagebild – Software für strategische Sozialplanung')
  .option(
    '--db <dir|url>',
    'Datenbank: Verzeichnis (eingebettet, PGlite) oder postgres://-URL (Standard: $LAGEBILD_DB oder ./.lagebild/db)',
  )
  .option('--json', 'maschinenlesbare Ausgabe (JSON)')
  .showHelpAfterError();

/** German help texts on every (sub)command. */
function germanHelp(cmd: Command): void {
  cmd.helpOption('-h, --help', 'Hilfe anzeigen').configureHelp({ showGlobalOptions: true });
  if (cmd.commands.length) cmd.helpCommand('help [befehl]', 'Hilfe zu einem Befehl anzeigen');
  cmd.commands.forEach(germanHelp);
}

const named = commandName(process.argv.slice(2));
// before the command's module loads, so before it compiles any WebAssembly
if (named && !COMMANDS[named]!.longRunning) setFlagsFromString(COMMAND_V8_FLAGS);
if (named) program.addCommand(await COMMANDS[named]!.load());
else
  for (const [name, entry] of Object.entries(COMMANDS))
    program.addCommand(new Command(name).description(entry.description));
germanHelp(program);
// The overview lists the unloaded commands as they would list themselves (` [options]`).
const defaultHelp = new Help();
program.configureHelp({
  showGlobalOptions: true,
  subcommandTerm: (cmd) => COMMANDS[cmd.name()]?.term ?? defaultHelp.subcommandTerm(cmd),
});
program.addOption(new Option('--version').hideHelp());
program.on('option:version', () => {
  process.stdout.write('0.1.0\n');
  process.exit(0);
});

/** The person at the command line, for the audit log of the changes a command makes. */
function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    // a container without an entry for its user id
    return process.env.USER ?? 'unbekannt';
  }
}

try {
  await runAs(`cli:${osUser()}`, () => program.parseAsync(process.argv));
} catch (err) {
  fail(err, process.argv.includes('--json'));
}
