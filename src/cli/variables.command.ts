/** `lagebild variables`: the count series, and variables defined as sums of others. */
import { Command } from 'commander';
import { formatSum } from '../observations/sum-definition.ts';
import { defineSum, listVariables, removeSum } from '../observations/variable.service.ts';
import { output, type GlobalOptions } from './context.ts';
import { getJson, sendJson, throughServerOrDb } from './forward.ts';

const sumPath = (key: string) => `/api/variables/${encodeURIComponent(key)}/sum`;

export function variablesCommands() {
  const cmd = new Command('variables').description('Variablen (Zählgrößen), auch als Summen anderer');
  cmd
    .command('list')
    .description(
      'Variablen mit Name, Einheit, Definition, Zahl der Werte und den Indikatoren, die sie brauchen',
    )
    .action(async (_opts: unknown, sub: Command) => {
      const g = sub.optsWithGlobals<GlobalOptions>();
      const list = await throughServerOrDb(
        g,
        (server) => getJson<Awaited<ReturnType<typeof listVariables>>>(server, '/api/variables/overview'),
        listVariables,
      );
      output(g, list, () =>
        [
          ['Schlüssel', 'Name', 'Einheit', 'Definition', 'Werte', 'Indikatoren'].join('\t'),
          ...list.map((v) =>
            [
              v.key,
              v.name,
              v.unit,
              v.sum ? formatSum(v.key, v.sum) : v.stored ? 'importiert' : 'fehlt',
              String(v.values),
              v.indicators.join(', ') || '–',
            ].join('\t'),
          ),
        ].join('\n'),
      );
    });
  cmd
    .command('define <key>')
    .description(
      'eine Variable als Summe vorhandener Variablen festlegen (ein Summand: anderer Name) und ihre Werte berechnen',
    )
    .requiredOption('--sum <var+var…>', 'Summanden, z. B. "m_020_120+m_020_130" (Schlüssel oder Spaltenname)')
    .option('--name <text>', 'Name der Variable (Standard: Bedeutung im Katalog, sonst der Schlüssel)')
    .action(async (key: string, opts: { sum: string; name?: string }, sub: Command) => {
      const g = sub.optsWithGlobals<GlobalOptions>();
      const result = await throughServerOrDb(
        g,
        (server) =>
          sendJson<Awaited<ReturnType<typeof defineSum>>>(server, 'PUT', sumPath(key), {
            terms: opts.sum,
            ...(opts.name ? { name: opts.name } : {}),
          }),
        (db) => defineSum(db, { key, terms: opts.sum, name: opts.name }),
      );
      output(
        g,
        result,
        () =>
          `${result.definition} (${result.name}): ${result.values.toLocaleString('de-DE')} Werte berechnet`,
      );
    });
  cmd
    .command('remove-sum <key>')
    .description('die Summendefinition einer Variable und ihre berechneten Werte entfernen')
    .action(async (key: string, _opts: unknown, sub: Command) => {
      const g = sub.optsWithGlobals<GlobalOptions>();
      await throughServerOrDb(
        g,
        (server) => sendJson<null>(server, 'DELETE', sumPath(key)),
        (db) => removeSum(db, key),
      );
      output(g, { key, removed: true }, () => `Summendefinition von „${key}“ entfernt`);
    });
  return cmd;
}
