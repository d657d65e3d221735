/**
 * The commands of `lagebild`: what the overview (`lagebild --help`) shows of each, and the module
 * that defines it, loaded only when the command runs. The server, the report renderer and the
 * importers take a second or more to load, so the overview must not load any of them: it is
 * built from the lines below, which `commands.test.ts` compares with the loaded commands.
 */
import type { Command } from 'commander';

export interface CommandEntry {
  /** The command as the overview lists it: its name, and ` [options]` when it has options. */
  term: string;
  /** Its description (German, as in the command's module). */
  description: string;
  /** Loads the command's module and returns the command with its subcommands and action. */
  load: () => Promise<Command>;
}

export const COMMANDS: Record<string, CommandEntry> = {
  serve: {
    term: 'serve [options]',
    description: 'Server mit Web-App starten (lädt die Demo-Stadt, wenn die Datenbank leer ist)',
    load: () => import('./serve.command.ts').then((m) => m.serveCommand()),
  },
  setup: {
    term: 'setup [options]',
    description: 'Einrichtung einer leeren Datenbank: erster Administrator, Stadt oder Kreis, Gebietsebenen',
    load: () => import('./setup.command.ts').then((m) => m.setupCommand()),
  },
  city: {
    term: 'city',
    description: 'Einstellungen der Stadt oder des Kreises',
    load: () => import('./setup.command.ts').then((m) => m.cityCommands()),
  },
  demo: {
    term: 'demo [options]',
    description: 'Demo-Stadt Musterstadt erzeugen und laden (deterministisch je Seed)',
    load: () => import('./demo.command.ts').then((m) => m.demoCommand()),
  },
  import: {
    term: 'import',
    description: 'Daten importieren',
    load: () => import('./import.command.ts').then((m) => m.importCommands()),
  },
  areas: {
    term: 'areas',
    description: 'Gebiete anzeigen, finden und exportieren',
    load: () => import('./areas.command.ts').then((m) => m.areasCommands()),
  },
  indicators: {
    term: 'indicators',
    description: 'Indikatorenkatalog',
    load: () => import('./indicators.command.ts').then((m) => m.indicatorsCommands()),
  },
  variables: {
    term: 'variables',
    description: 'Variablen (Zählgrößen), auch als Summen anderer',
    load: () => import('./variables.command.ts').then((m) => m.variablesCommands()),
  },
  export: {
    term: 'export',
    description: 'Daten exportieren',
    load: () => import('./indicators.command.ts').then((m) => m.exportCommands()),
  },
  index: {
    term: 'index',
    description: 'Zusammengesetzte Indizes (Sozialmonitoring)',
    load: () => import('./index.command.ts').then((m) => m.indexCommands()),
  },
  report: {
    term: 'report [options]',
    description: 'Bericht aus einer Vorlage als PDF, Word (.docx) oder HTML erzeugen',
    load: () => import('./report.command.ts').then((m) => m.reportCommand()),
  },
  users: {
    term: 'users',
    description: 'Benutzer verwalten (anlegen, auflisten, Passwort, deaktivieren)',
    load: () => import('./users.command.ts').then((m) => m.usersCommands()),
  },
};

/**
 * The command the arguments run, if it is one: the first word after the global options, or the
 * word after `help`.
 * @example commandName(['--db', 'x', 'areas', 'list']) // 'areas'
 * @example commandName(['help', 'report']) // 'report'
 * @example commandName(['--help']) // null
 */
export function commandName(argv: readonly string[]): string | null {
  const words: string[] = [];
  for (let i = 0; i < argv.length && words.length < 2; i++) {
    const a = argv[i]!;
    if (a === '--db')
      i++; // its value
    else if (!a.startsWith('-')) words.push(a);
  }
  const name = words[0] === 'help' ? words[1] : words[0];
  return name !== undefined && Object.hasOwn(COMMANDS, name) ? name : null;
}
