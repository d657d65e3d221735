/**
 * `lagebild scenarios list|show|create|add|remove|delete`: planning scenarios whose openings,
 * closures, capacity changes and residential quarters `lagebild coverage --scenario` shows beside
 * the Bestand. Beside a running server of this installation they go through its API.
 */
import { Command } from 'commander';
import { LagebildError } from '../core/errors.ts';
import type { Scenario, ScenarioChange, ScenarioChangeInput } from '../coverage/scenario.schema.ts';
import { output, type GlobalOptions } from './context.ts';
import { getJson, sendJson, throughServerOrDb } from './forward.ts';
import { choice, isoDate, numberOption } from './options.ts';

const service = () => import('../coverage/scenario.service.ts');
const path = (name: string) => `/api/scenarios/${encodeURIComponent(name)}`;

const KINDS = ['opening', 'closure', 'capacity', 'quarter'] as const;

interface ChangeOptions {
  kind: string;
  type?: string;
  facility?: string;
  name?: string;
  capacity?: string;
  lon?: string;
  lat?: string;
  level?: string;
  area?: string;
  population?: string;
  properties?: string;
  validFrom?: string;
}

/**
 * `ew=1200,ew_u3=60` as numbers by key (an empty part is skipped).
 * @example keyNumbers('plaetze_u3=20, plaetze_ue3=40', '--properties') // { plaetze_u3: 20, plaetze_ue3: 40 }
 */
function keyNumbers(text: string, option: string): Record<string, number> {
  const numbers: Record<string, number> = {};
  for (const part of text.split(',')) {
    const [key, n] = part.split('=');
    if (!key?.trim()) continue;
    numbers[key.trim()] = numberOption(n?.trim(), `${option} ${key.trim()}`) ?? 0;
  }
  return numbers;
}

const need = (value: string | undefined, option: string, kind: string): string => {
  if (value === undefined || value === '')
    throw new LagebildError('cli.missing_option', `--kind ${kind}: bitte ${option} angeben.`);
  return value;
};

/** The change the options describe (checked by the server or the service as well). */
export function changeFromOptions(o: ChangeOptions): ScenarioChangeInput {
  const kind = choice(o.kind, KINDS, '--kind');
  const validFrom = isoDate(o.validFrom, '--valid-from');
  const from = validFrom ? { validFrom } : {};
  const num = (v: string | undefined, option: string) => numberOption(need(v, option, kind), option)!;
  const properties = o.properties ? { properties: keyNumbers(o.properties, '--properties') } : {};
  switch (kind) {
    case 'opening':
      return {
        kind,
        type: need(o.type, '--type', kind),
        name: need(o.name, '--name', kind),
        capacity: num(o.capacity, '--capacity'),
        ...properties,
        lon: num(o.lon, '--lon'),
        lat: num(o.lat, '--lat'),
        ...from,
      };
    case 'closure':
      return {
        kind,
        type: need(o.type, '--type', kind),
        facility: need(o.facility, '--facility', kind),
        ...from,
      };
    case 'capacity':
      return {
        kind,
        type: need(o.type, '--type', kind),
        facility: need(o.facility, '--facility', kind),
        capacity: num(o.capacity, '--capacity'),
        ...properties,
        ...from,
      };
    case 'quarter':
      return {
        kind,
        level: need(o.level, '--level', kind),
        area: need(o.area, '--area', kind),
        population: keyNumbers(need(o.population, '--population', kind), '--population'),
        ...(o.name && { name: o.name }),
        ...from,
      };
  }
}

const propertiesText = (properties: Record<string, number> | undefined) =>
  properties && Object.keys(properties).length
    ? ` (${Object.entries(properties)
        .map(([k, n]) => `${k} ${n}`)
        .join(', ')})`
    : '';

/** One change as a line of text. */
export function changeText(c: ScenarioChange): string {
  const from = c.validFrom ? ` ab ${c.validFrom}` : '';
  switch (c.kind) {
    case 'opening':
      return `${c.id}\tEröffnung\t${c.type} „${c.name}“, ${c.capacity}${propertiesText(c.properties)} bei ${c.lon}, ${c.lat}${from}`;
    case 'closure':
      return `${c.id}\tSchließung\t${c.type} ${c.facility}${from}`;
    case 'capacity':
      return `${c.id}\tKapazität\t${c.type} ${c.facility} → ${c.capacity}${propertiesText(c.properties)}${from}`;
    case 'quarter':
      return `${c.id}\tWohnquartier\t${c.level} ${c.area}: ${Object.entries(c.population)
        .map(([v, n]) => `${v} +${n}`)
        .join(', ')}${from}`;
  }
}

const show = (s: Scenario) =>
  [
    `${s.name}${s.description ? `: ${s.description}` : ''}`,
    ...s.changes.map((c) => `  ${changeText(c)}`),
  ].join('\n');

function addChangeOptions(c: Command): Command {
  return c
    .requiredOption('--kind <kind>', 'opening, closure, capacity oder quarter')
    .option('--type <key>', 'Einrichtungsart (opening, closure, capacity)')
    .option('--facility <key>', 'Nummer der Einrichtung (closure, capacity)')
    .option('--name <text>', 'Name der neuen Einrichtung oder des Quartiers')
    .option('--capacity <n>', 'Kapazität (opening, capacity)')
    .option(
      '--properties <key=n,…>',
      'Teilkapazitäten, die Richtwerte zählen (opening, capacity), z. B. plaetze_u3=20,plaetze_ue3=40',
    )
    .option('--lon <lon>', 'Länge (opening, WGS84)')
    .option('--lat <lat>', 'Breite (opening, WGS84)')
    .option('--level <key>', 'Ebene des Gebiets (quarter)')
    .option('--area <key>', 'Gebiet des Quartiers (quarter)')
    .option('--population <v=n,…>', 'zusätzliche Einwohner je Variable (quarter), z. B. ew=1200,ew_u3=60')
    .option('--valid-from <YYYY-MM-DD>', 'gilt ab (Standard: von Anfang an)');
}

export function scenariosCommands() {
  const cmd = new Command('scenarios').description('Szenarien geplanter Änderungen für Bestand und Bedarf');
  cmd
    .command('list')
    .description('Szenarien mit ihren Änderungen')
    .action(async (_opts: unknown, sub: Command) => {
      const g = sub.optsWithGlobals<GlobalOptions>();
      const list = await throughServerOrDb(
        g,
        (server) => getJson<Scenario[]>(server, '/api/scenarios'),
        async (db) => (await service()).listScenarios(db),
      );
      output(g, list, () => list.map(show).join('\n'));
    });
  cmd
    .command('show <name>')
    .description('Ein Szenario mit seinen Änderungen')
    .action(async (name: string, _opts: unknown, sub: Command) => {
      const g = sub.optsWithGlobals<GlobalOptions>();
      const s = await throughServerOrDb(
        g,
        (server) => getJson<Scenario>(server, path(name)),
        async (db) => (await service()).requireScenario(db, name),
      );
      output(g, s, () => show(s));
    });
  cmd
    .command('create <name>')
    .description('Szenario anlegen')
    .option('--description <text>', 'Beschreibung')
    .action(async (name: string, opts: { description?: string }, sub: Command) => {
      const g = sub.optsWithGlobals<GlobalOptions>();
      const body = { name, ...(opts.description && { description: opts.description }) };
      const s = await throughServerOrDb(
        g,
        (server) => sendJson<Scenario>(server, 'POST', '/api/scenarios', body),
        async (db) => (await service()).createScenario(db, body, null),
      );
      output(g, s, () => `Szenario „${s.name}“ angelegt.`);
    });
  addChangeOptions(cmd.command('add <name>').description('Eine geplante Änderung hinzufügen')).action(
    async (name: string, opts: ChangeOptions, sub: Command) => {
      const g = sub.optsWithGlobals<GlobalOptions>();
      const change = changeFromOptions(opts);
      const s = await throughServerOrDb(
        g,
        (server) => sendJson<Scenario>(server, 'POST', `${path(name)}/changes`, [change]),
        async (db) => (await service()).addChanges(db, name, [change]),
      );
      output(g, s, () => show(s));
    },
  );
  cmd
    .command('remove <name> <id>')
    .description('Eine geplante Änderung (Nummer aus lagebild scenarios show) entfernen')
    .action(async (name: string, idText: string, _opts: unknown, sub: Command) => {
      const g = sub.optsWithGlobals<GlobalOptions>();
      const id = numberOption(idText, 'Nummer')!;
      const s = await throughServerOrDb(
        g,
        (server) => sendJson<Scenario>(server, 'DELETE', `${path(name)}/changes/${id}`),
        async (db) => (await service()).removeChange(db, name, id),
      );
      output(g, s, () => show(s));
    });
  cmd
    .command('delete <name>')
    .description('Szenario löschen')
    .action(async (name: string, _opts: unknown, sub: Command) => {
      const g = sub.optsWithGlobals<GlobalOptions>();
      await throughServerOrDb(
        g,
        (server) => sendJson<null>(server, 'DELETE', path(name)),
        async (db) => (await service()).deleteScenario(db, name),
      );
      output(g, { deleted: name }, () => `Szenario „${name}“ gelöscht.`);
    });
  return cmd;
}
