import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Command } from 'commander';
import { LagebildError } from '../core/errors.ts';
import { generateCity } from '../demo/generate.ts';
import { demoLoginLines, knownPasswordsFromEnv } from '../demo/demo-users.ts';
import { loadDemo, type DemoSummary } from '../demo/load-demo.ts';
import { writeMicrodata } from '../demo/microdata.ts';
import { output, withDb, type GlobalOptions } from './context.ts';

interface DemoOptions {
  seed: string;
  population?: string;
  microdata: string;
  load: boolean;
  demoPasswords?: boolean;
  kreis?: boolean;
}

export function demoCommand() {
  return new Command('demo')
    .description(
      'Demo-Stadt Musterstadt (oder mit --kreis den Demo-Kreis Musterkreis) erzeugen und laden (deterministisch je Seed)',
    )
    .option('--seed <n>', 'Seed des Generators', '1')
    .option(
      '--kreis',
      'Demo-Kreis Musterkreis statt der Stadt: 8 Gemeinden, rund 85 Wohnplätze, dazu zwei auf je eine Gemeinde beschränkte Planungszugänge',
    )
    .option('--population <n>', 'Einwohnerzahl; schreibt zusätzlich Personen-Mikrodaten (CSV) für Benchmarks')
    .option('--microdata <file>', 'Pfad der Mikrodaten-Datei', './.lagebild/microdata.csv')
    .option('--no-load', 'nur Mikrodaten schreiben, nichts in die Datenbank laden')
    .option(
      '--demo-passwords',
      'Demo-Zugänge mit festen, bekannten Passwörtern (nur für Tests; Standard: $LAGEBILD_DEMO_PASSWORDS=1)',
    )
    .action(async (opts: DemoOptions, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const seed = Number(opts.seed);
      const population = opts.population ? Number(opts.population) : undefined;
      if (!Number.isInteger(seed) || (population !== undefined && !(population >= 1000)))
        throw new LagebildError(
          'demo.invalid_option',
          '--seed muss eine ganze Zahl und --population mindestens 1000 sein.',
        );
      if (opts.kreis && population !== undefined)
        throw new LagebildError(
          'demo.invalid_option',
          '--population gilt nur für die Demo-Stadt; die Gemeinden des Demo-Kreises haben feste Größen.',
        );
      const what = opts.kreis ? 'Demo-Kreis' : 'Demo-Stadt';
      const result: { loaded?: DemoSummary; microdata?: Record<string, unknown> } = {};
      if (opts.load) {
        await withDb(g, async (db) => {
          const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM area');
          if ((row?.n ?? 0) > 0)
            throw new LagebildError(
              'demo.not_empty',
              `Die Datenbank enthält schon Gebiete; ${opts.kreis ? 'der' : 'die'} ${what} wird nur in eine leere Datenbank geladen.`,
              409,
            );
          result.loaded = await loadDemo(db, {
            seed,
            population,
            knownPasswords: opts.demoPasswords ?? knownPasswordsFromEnv(),
            kreis: opts.kreis,
          });
        });
      }
      if (population !== undefined) {
        const path = resolve(opts.microdata);
        mkdirSync(dirname(path), { recursive: true });
        const t0 = performance.now();
        const { rows } = await writeMicrodata(generateCity({ seed, population }), { seed, path });
        result.microdata = { path, rows, ms: Math.round(performance.now() - t0) };
      }
      output(g, result, () => {
        const { logins = [], ...loaded } = result.loaded ?? {};
        return [
          result.loaded ? `${what} geladen: ${JSON.stringify(loaded)}` : null,
          ...demoLoginLines(logins),
          result.microdata ? `Mikrodaten geschrieben: ${JSON.stringify(result.microdata)}` : null,
        ]
          .filter(Boolean)
          .join('\n');
      });
    });
}
