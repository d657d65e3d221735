/** `lagebild variables`: the count series, and variables defined as sums of others. */
import { Command } from 'commander';
import { formatSum } from '../observations/sum-definition.ts';
import { LagebildError } from '../core/errors.ts';
import {
  defineSums,
  listVariables,
  removeSum,
  type DefineSumResult,
} from '../observations/variable.service.ts';
import { output, type GlobalOptions } from './context.ts';
import { getJson, sendJson, throughServerOrDb } from './forward.ts';

const sumPath = (key: string) => `/api/variables/${encodeURIComponent(key)}/sum`;

const usage = (message: string) => new LagebildError('variables.define_usage', message);

/** `<key> --sum <terms>` or `<key>=<terms> …` as the definitions to store. */
function definitions(args: string[], opts: { sum?: string; name?: string }) {
  if (opts.sum !== undefined) {
    if (args.length !== 1 || args[0]!.includes('='))
      throw usage(
        'Mit --sum wird genau eine Variable festgelegt: lagebild variables define <key> --sum <a+b>.',
      );
    return [{ key: args[0]!, terms: opts.sum, ...(opts.name ? { name: opts.name } : {}) }];
  }
  if (opts.name) throw usage('--name gilt nur mit --sum für eine einzelne Variable.');
  return args.map((arg) => {
    const at = arg.indexOf('=');
    if (at < 1 || at === arg.length - 1)
      throw usage(`„${arg}“: Bitte als <key>=<summand+summand> angeben oder eine Variable mit --sum.`);
    return { key: arg.slice(0, at), terms: arg.slice(at + 1) };
  });
}

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
    .command('define <key...>')
    .description(
      'Variablen als Summen vorhandener Variablen festlegen (ein Summand: anderer Name) und ihre Werte berechnen: ' +
        '<key> --sum <a+b> für eine, mehrere als <key>=<a+b> … (alle oder keine)',
    )
    .option('--sum <var+var…>', 'Summanden, z. B. "m_020_120+m_020_130" (Schlüssel oder Spaltenname)')
    .option('--name <text>', 'Name der Variable (Standard: Bedeutung im Katalog, sonst der Schlüssel)')
    .action(async (keys: string[], opts: { sum?: string; name?: string }, sub: Command) => {
      const g = sub.optsWithGlobals<GlobalOptions>();
      const sums = definitions(keys, opts);
      const results = await throughServerOrDb(
        g,
        (server) => sendJson<DefineSumResult[]>(server, 'PUT', '/api/variables/sums', { sums }),
        (db) => defineSums(db, sums),
      );
      output(g, sums.length === 1 && opts.sum ? results[0] : results, () =>
        results
          .map((r) => `${r.definition} (${r.name}): ${r.values.toLocaleString('de-DE')} Werte berechnet`)
          .join('\n'),
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
