/**
 * `lagebild` command line. Global options: `--db <dir|postgres-url>`, `--json`.
 * Every command opens (and migrates) the database itself.
 */
import { Command, Option } from 'commander';
import { areasCommands } from './areas.command.ts';
import { fail, type GlobalOptions } from './context.ts';
import { demoCommand } from './demo.command.ts';
import { importCommands } from './import.command.ts';
import { indexCommands } from './index.command.ts';
import { exportCommands, indicatorsCommands } from './indicators.command.ts';
import { reportCommand } from './report.command.ts';
import { serveCommand } from './serve.command.ts';
import { cityCommands, setupCommand } from './setup.command.ts';
import { usersCommands } from './users.command.ts';
import { variablesCommands } from './variables.command.ts';

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

for (const sub of [
  serveCommand(),
  setupCommand(),
  cityCommands(),
  demoCommand(),
  importCommands(),
  areasCommands(),
  indicatorsCommands(),
  variablesCommands(),
  exportCommands(),
  indexCommands(),
  reportCommand(),
  usersCommands(),
])
  program.addCommand(sub);
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
