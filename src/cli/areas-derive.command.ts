import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import type { DeriveLevelBody, DeriveLevelResult } from '../areas/derive/derive.schema.ts';
import type { ParentRule } from '../areas/derive/parent-keys.ts';
import { LagebildError } from '../core/errors.ts';
import { output, type GlobalOptions } from './context.ts';
import { sendJson, throughServerOrDb } from './forward.ts';

interface DeriveOptions {
  level: string;
  from: string;
  keyPrefix?: string;
  keyTable?: string;
  childField?: string;
  parentField?: string;
  parentNameField?: string;
  names?: string;
  name?: string;
  validFrom?: string;
}

const usage = (message: string) => new LagebildError('areas.derive_usage', message);

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      throw new LagebildError('import.file_not_found', `Die Datei „${path}“ wurde nicht gefunden.`, 404);
    throw e;
  }
}

// The modules that read key tables and derive a level are loaded when the command runs, not
// whenever `lagebild areas …` sets up its subcommands.
const csv = async (path: string) => {
  const { readKeyCsv } = await import('../areas/derive/key-csv.ts');
  return readKeyCsv(await readText(path), basename(path));
};

/** The same request as the web app's, for the running server (files sent as their text). */
async function requestBody(opts: DeriveOptions): Promise<DeriveLevelBody> {
  const file = async (path: string) => ({ fileName: basename(path), text: await readText(path) });
  return {
    level: opts.level,
    from: opts.from,
    ...(opts.keyPrefix !== undefined ? { keyPrefix: Number(opts.keyPrefix) } : {}),
    ...(opts.keyTable
      ? {
          keyTable: {
            ...(await file(opts.keyTable)),
            childField: opts.childField!,
            parentField: opts.parentField!,
            ...(opts.parentNameField ? { parentNameField: opts.parentNameField } : {}),
          },
        }
      : {}),
    ...(opts.names ? { names: await file(opts.names) } : {}),
    ...(opts.name ? { name: opts.name } : {}),
    ...(opts.validFrom ? { validFrom: opts.validFrom } : {}),
  };
}

async function ruleOf(opts: DeriveOptions): Promise<ParentRule> {
  if ((opts.keyPrefix === undefined) === (opts.keyTable === undefined))
    throw usage('Bitte entweder --key-prefix <n> oder --key-table <datei.csv> angeben.');
  if (opts.keyPrefix !== undefined) {
    if (!/^\d+$/.test(opts.keyPrefix))
      throw usage(`--key-prefix erwartet eine ganze Zahl ab 1 (angegeben: „${opts.keyPrefix}“).`);
    return { kind: 'prefix', length: Number(opts.keyPrefix) };
  }
  if (!opts.childField || !opts.parentField)
    throw usage('Zu --key-table gehören --child-field <spalte> und --parent-field <spalte>.');
  return {
    kind: 'table',
    table: await csv(opts.keyTable!),
    childField: opts.childField,
    parentField: opts.parentField,
    ...(opts.parentNameField ? { parentNameField: opts.parentNameField } : {}),
  };
}

/** `lagebild areas derive`: a parent level from the keys of a child level. */
export function addDeriveCommand(cmd: Command) {
  cmd
    .command('derive')
    .description(
      'übergeordnete Ebene aus Schlüsseln bilden; Geometrien werden aus den Teilgebieten vereinigt',
    )
    .requiredOption('--level <key>', 'neue übergeordnete Ebene, z. B. stadtbezirk')
    .requiredOption('--from <key>', 'Ebene der Teilgebiete, z. B. stadtteil')
    .option('--key-prefix <n>', 'Schlüssel des übergeordneten Gebiets = die ersten n Zeichen')
    .option('--key-table <file.csv>', 'Schlüsseltabelle: Teilgebiet → übergeordnetes Gebiet')
    .option('--child-field <f>', 'Spalte der Teilgebietsschlüssel in der Schlüsseltabelle')
    .option('--parent-field <f>', 'Spalte der übergeordneten Schlüssel in der Schlüsseltabelle')
    .option('--parent-name-field <f>', 'Spalte der Namen der übergeordneten Gebiete')
    .option('--names <file.csv>', 'Namen: erste Spalte Schlüssel, zweite Spalte Name')
    .option('--name <text>', 'Name der neuen Ebene')
    .option('--valid-from <date>', 'Gebietsstand gültig ab (JJJJ-MM-TT, Standard: heute)')
    .action(async (opts: DeriveOptions, sub: Command) => {
      const g = sub.optsWithGlobals<GlobalOptions>();
      // the options and files are checked here first, also when a running server does the work
      const rule = await ruleOf(opts);
      const { namesFromTable } = await import('../areas/derive/parent-keys.ts');
      const { deriveParentLevel } = await import('../areas/derive/derive.service.ts');
      const names = opts.names ? namesFromTable(await csv(opts.names)) : undefined;
      const result = await throughServerOrDb(
        g,
        async (server) =>
          sendJson<DeriveLevelResult>(server, 'POST', '/api/areas/derive', await requestBody(opts)),
        (db) =>
          deriveParentLevel(db, {
            level: opts.level,
            from: opts.from,
            rule,
            ...(names ? { names } : {}),
            ...(opts.name ? { levelName: opts.name } : {}),
            ...(opts.validFrom ? { validFrom: opts.validFrom } : {}),
            fileName: opts.keyTable ? basename(opts.keyTable) : null,
          }),
      );
      output(
        g,
        result,
        () =>
          `${result.derived} Gebiete der Ebene „${result.level}“ aus ${result.children} Gebieten der Ebene „${result.from}“ gebildet (Gebietsstand ${result.validFrom}).`,
      );
    });
}
