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
  /** Runs until it is stopped (the server), rather than for one task: see COMMAND_V8_FLAGS. */
  longRunning?: true;
}

/**
 * V8's flags for a command that is not long-running, set by main.ts before any WebAssembly is
 * compiled: WebAssembly (PGlite's PostgreSQL above all) runs on the baseline compiler only. The
 * optimizing compiler recompiles hot functions in the background; a server running for hours
 * gains from that, a command does not: on two cores the recompiling competes with the command,
 * and opening a database, a report and the demo city all took less time and CPU without it.
 */
export const COMMAND_V8_FLAGS = '--liftoff-only';

export const COMMANDS: Record<string, CommandEntry> = {
  serve: {
    term: 'serve [options]',
    description: 'Server mit Web-App starten (lädt die Demo-Stadt, wenn die Datenbank leer ist)',
    load: () => import('./serve.command.ts').then((m) => m.serveCommand()),
    longRunning: true,
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
    description:
      'Demo-Stadt Musterstadt (oder mit --kreis den Demo-Kreis Musterkreis) erzeugen und laden (deterministisch je Seed)',
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
  facilities: {
    term: 'facilities',
    description: 'Einrichtungen (soziale Infrastruktur): Arten, Zählung, Export',
    load: () => import('./facilities.command.ts').then((m) => m.facilitiesCommands()),
  },
  norms: {
    term: 'norms',
    description: 'Richtwerte für Bestand und Bedarf: anzeigen, ändern, Reisezeitmatrizen',
    load: () => import('./norms.command.ts').then((m) => m.normsCommands()),
  },
  coverage: {
    term: 'coverage [options]',
    description:
      'Versorgung je Gebiet nach einem Richtwert (CSV: area,date,supply,demand,rate,balance; jedes Gebiet, nach Schlüssel); ranking: Bedarfsplan',
    load: () => import('./coverage.command.ts').then((m) => m.coverageCommand()),
  },
  accessibility: {
    term: 'accessibility [options]',
    description:
      'Erreichbarkeit einer Einrichtungsart je Gebiet (2SFCA/3SFCA; CSV: area,demand,supply,access)',
    load: () => import('./coverage.command.ts').then((m) => m.accessibilityCommand()),
  },
  scenarios: {
    term: 'scenarios',
    description: 'Szenarien geplanter Änderungen für Bestand und Bedarf',
    load: () => import('./scenarios.command.ts').then((m) => m.scenariosCommands()),
  },
  care: {
    term: 'care',
    description: 'Pflegebedarfsplanung: Pflegebedürftige und Plätze je Gebiet und Jahr',
    load: () => import('./care.command.ts').then((m) => m.careCommand()),
  },
  project: {
    term: 'project',
    description: 'Prognosen: Bevölkerung je Gebiet, Jahr und Altersgruppe (CSV: area,date,variable,value)',
    load: () => import('./project.command.ts').then((m) => m.projectCommand()),
  },
  statement: {
    term: 'statement [options] <plangebiet>',
    description:
      'Stellungnahme zur Bauleitplanung: erwartete Einwohner nach Alter und zusätzlicher Bedarf je Jahr (CSV/JSON), als Dokument mit --out',
    load: () => import('./statement.command.ts').then((m) => m.statementCommand()),
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
  backup: {
    term: 'backup <datei>',
    description: 'Sicherung der ganzen Datenbank in eine Datei (gzip, mit Prüfsumme)',
    load: () => import('./backup.command.ts').then((m) => m.backupCommand()),
  },
  restore: {
    term: 'restore [options] <datei>',
    description: 'Sicherung in eine neue, leere Datenbank zurückspielen (alles oder nichts)',
    load: () => import('./backup.command.ts').then((m) => m.restoreCommand()),
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
