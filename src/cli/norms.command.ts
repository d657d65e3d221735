/**
 * `lagebild norms list|show|set|matrices|import-matrix`: norms (Richtwerte) and the travel-cost
 * matrices floating catchments may use. Beside a running server of this installation they go
 * through its API (forward.ts), with the same output.
 */
import { Command } from 'commander';
import { LOCAL_CLI_USER } from '../auth/local-cli-user.ts';
import { LagebildError } from '../core/errors.ts';
import type { ImportMatrixResult } from '../coverage/coverage.schema.ts';
import type { Catchment, Norm, UpdateNormBody } from '../coverage/norm.schema.ts';
import { output, type GlobalOptions } from './context.ts';
import { getJson, postFiles, sendJson, throughServerOrDb } from './forward.ts';
import { decayOf, isoDate, numberOption, query, variableList } from './options.ts';

const normService = () => import('../coverage/norm.service.ts');

type NormWithHistory = Norm & { history: Norm[] };

interface SetOptions {
  name?: string;
  type?: string;
  demand?: string;
  factor?: string;
  supplyProperty?: string;
  catchment?: string;
  detour?: string;
  decay?: string;
  method?: string;
  matrix?: string;
  source?: string;
  description?: string;
  published?: string;
  validFrom?: string;
}

/** `area`, `district:stadtbezirk`, `walking:200`, `distance:500`, `fca:1500`, or JSON. */
export function parseCatchment(text: string, o: SetOptions): Catchment {
  if (text.trim().startsWith('{')) {
    try {
      return JSON.parse(text) as Catchment;
    } catch {
      throw new LagebildError('cli.invalid_catchment', `--catchment: „${text}“ ist kein gültiges JSON.`);
    }
  }
  const [kind = '', arg] = text.split(':');
  const detour = numberOption(o.detour, '--detour');
  const metres = () => {
    const n = numberOption(arg, '--catchment');
    if (n === undefined)
      throw new LagebildError(
        'cli.invalid_catchment',
        `--catchment ${kind}: bitte die Entfernung angeben, z. B. ${kind}:500.`,
      );
    return n;
  };
  const withDetour = detour === undefined ? {} : { detour };
  switch (kind) {
    case 'area':
      return { kind: 'area' };
    case 'district':
      if (!arg)
        throw new LagebildError(
          'cli.invalid_catchment',
          '--catchment district: bitte die Ebene angeben, z. B. district:stadtbezirk.',
        );
      return { kind: 'district', level: arg };
    case 'distance':
      return { kind: 'distance', maxDistance: metres(), ...withDetour };
    case 'walking':
      return { kind: 'walking', maxDistance: metres(), ...withDetour };
    case 'fca': {
      const matrix = numberOption(o.matrix, '--matrix');
      return {
        kind: 'fca',
        maxCost: metres(),
        ...withDetour,
        ...(o.decay && { decay: decayOf(o.decay) }),
        ...(o.method && { method: o.method === '3sfca' ? '3sfca' : '2sfca' }),
        ...(matrix !== undefined && { costs: { matrix } }),
      };
    }
    default:
      throw new LagebildError(
        'cli.invalid_catchment',
        `--catchment: „${text}“ ist unbekannt (möglich: area, district:<Ebene>, distance:<m>, walking:<m>, fca:<Kosten> oder JSON).`,
      );
  }
}

const catchmentText = (c: Catchment): string => {
  switch (c.kind) {
    case 'area':
      return 'eigenes Gebiet';
    case 'district':
      return `Gebiet der Ebene ${c.level}`;
    case 'distance':
      return `${c.maxDistance} m (Luftlinie × ${c.detour ?? 1.3})`;
    case 'walking':
      return `Anteil in ${c.maxDistance} m Fußweg (Luftlinie × ${c.detour ?? 1.3})`;
    case 'fca':
      return `${(c.method ?? '2sfca').toUpperCase()} bis ${c.maxCost}${c.costs ? ` (Matrix ${c.costs.matrix})` : ' m'}`;
  }
};

/**
 * `ew_u3`, `ew_3_5+ew_6_9` or with weights `0.51*ew_u3+0.97*ew_3_5` → variables and weights (none
 * given: undefined, each counts once).
 */
export function demandTerms(text: string): { demand: string[]; weights?: number[] } {
  const terms = variableList(text).map((t) => {
    const m = /^(?:([\d.,]+)\s*\*\s*)?(.+)$/.exec(t)!;
    const weight = numberOption(m[1], '--demand');
    if (weight !== undefined && !(weight > 0))
      throw new LagebildError(
        'cli.invalid_demand',
        `--demand: das Gewicht in „${t}“ muss größer als 0 sein.`,
      );
    return { variable: m[2]!.trim(), weight };
  });
  const weighted = terms.some((t) => t.weight !== undefined);
  return {
    demand: terms.map((t) => t.variable),
    ...(weighted && { weights: terms.map((t) => t.weight ?? 1) }),
  };
}

/** The demand as `0.51*ew_u3+0.97*ew_3_5` (weights of 1 left out). */
export const demandText = (n: Pick<Norm, 'demand' | 'weights'>) =>
  n.demand.map((v, i) => ((n.weights[i] ?? 1) === 1 ? v : `${n.weights[i]}*${v}`)).join('+');

const supplyText = (n: Norm) => (n.supplyProperty ? `Eigenschaft ${n.supplyProperty}` : 'Kapazität');

const line = (n: Norm) =>
  [
    n.key,
    n.name,
    n.facilityType,
    demandText(n),
    String(n.factor),
    catchmentText(n.catchment),
    n.published ? 'veröffentlicht' : 'intern',
  ].join('\t');

const period = (n: Norm) => `${n.validFrom ?? 'seit jeher'} – ${n.validTo ?? 'offen'}`;

export function normsCommands() {
  const cmd = new Command('norms').description(
    'Richtwerte für Bestand und Bedarf: anzeigen, ändern, Reisezeitmatrizen',
  );
  cmd
    .command('list')
    .description('Richtwerte, die an einem Tag gelten (Schlüssel, Name, Art, Bedarf, Faktor, Einzugsbereich)')
    .option('--date <YYYY-MM-DD>', 'Stichtag (Standard: heute)')
    .action(async (opts: { date?: string }, sub: Command) => {
      const g = sub.optsWithGlobals<GlobalOptions>();
      const date = isoDate(opts.date, '--date');
      const norms = await throughServerOrDb(
        g,
        (server) => getJson<Norm[]>(server, `/api/norms?${query({ date })}`),
        async (db) => (await normService()).listNorms(db, LOCAL_CLI_USER, date),
      );
      output(g, norms, () => norms.map(line).join('\n'));
    });
  cmd
    .command('show <key>')
    .description('Ein Richtwert mit allen Fassungen')
    .action(async (key: string, _opts: unknown, sub: Command) => {
      const g = sub.optsWithGlobals<GlobalOptions>();
      const n = await throughServerOrDb(
        g,
        (server) => getJson<NormWithHistory>(server, `/api/norms/${encodeURIComponent(key)}`),
        async (db) => (await normService()).showNorm(db, key, LOCAL_CLI_USER),
      );
      output(g, n, () =>
        [
          `${n.key}: ${n.name}`,
          `Einrichtungsart: ${n.facilityType} (${n.capacityUnit})`,
          `Bedarf: ${n.factor} × (${demandText(n).replaceAll('+', ' + ')})`,
          `Versorgung: ${supplyText(n)}`,
          `Einzugsbereich: ${catchmentText(n.catchment)}`,
          `Quelle: ${n.source || 'nicht angegeben'}`,
          `Status: ${n.published ? 'veröffentlicht' : 'intern'}`,
          'Fassungen:',
          ...n.history.map(
            (v) =>
              `  ${period(v)}: ${v.factor} × (${demandText(v).replaceAll('+', ' + ')}), ${supplyText(v)}, ${catchmentText(v.catchment)}`,
          ),
        ].join('\n'),
      );
    });
  cmd
    .command('set <key>')
    .description(
      'Richtwert anlegen oder ändern: eine Änderung gilt ab --valid-from (Standard: heute), die bisherige Fassung bleibt',
    )
    .option('--name <text>', 'Name')
    .option('--type <key>', 'Einrichtungsart, deren Kapazität die Versorgung ist (lagebild facilities types)')
    .option(
      '--demand <variables>',
      'Bedarfsvariablen als Summe, z. B. ew_u3 oder ew_3_5+ew_6_9, gewichtet 0.51*ew_u3+0.97*ew_3_5',
    )
    .option('--factor <number>', 'Bedarf je Person, z. B. 0.51 (Plätze) oder 1.5 (m²)')
    .option(
      '--supply-property <name>',
      'Versorgung aus einer Eigenschaft der Einrichtungen statt der Kapazität, z. B. plaetze_u3 (none: Kapazität)',
    )
    .option('--catchment <spec>', 'area, district:<Ebene>, distance:<m>, walking:<m>, fca:<Kosten> oder JSON')
    .option('--detour <factor>', 'Umwegfaktor zur Luftlinie (Standard 1.3)')
    .option('--decay <kind>', 'fca: gaussian, gravity[:β] oder step')
    .option('--method <method>', 'fca: 2sfca oder 3sfca')
    .option('--matrix <id>', 'fca: Reisezeitmatrix statt Luftlinien (lagebild norms matrices)')
    .option('--source <text>', 'Quelle des Richtwerts')
    .option('--description <text>', 'Beschreibung')
    .option('--published <yes|no>', 'öffentlich zeigen (yes) oder nur intern (no)')
    .option('--valid-from <YYYY-MM-DD>', 'gilt ab (neuer Richtwert: Standard seit jeher; Änderung: heute)')
    .action(async (key: string, opts: SetOptions, sub: Command) => {
      const g = sub.optsWithGlobals<GlobalOptions>();
      const validFrom = isoDate(opts.validFrom, '--valid-from');
      const factor = numberOption(opts.factor, '--factor');
      const published =
        opts.published === undefined
          ? undefined
          : ['yes', 'ja', 'true', '1'].includes(opts.published.toLowerCase());
      const changes: UpdateNormBody = {
        ...(opts.name && { name: opts.name }),
        ...(opts.type && { facilityType: opts.type }),
        ...(opts.demand && demandTerms(opts.demand)),
        ...(factor !== undefined && { factor }),
        ...(opts.supplyProperty !== undefined && {
          supplyProperty: opts.supplyProperty === 'none' ? null : opts.supplyProperty,
        }),
        ...(opts.catchment && { catchment: parseCatchment(opts.catchment, opts) }),
        ...(opts.source !== undefined && { source: opts.source }),
        ...(opts.description !== undefined && { description: opts.description }),
        ...(published !== undefined && { published }),
        ...(validFrom && { validFrom }),
      };
      const create = () => {
        if (!changes.name || !changes.facilityType || !changes.demand || changes.factor === undefined)
          throw new LagebildError(
            'cli.norm_incomplete',
            `Den Richtwert „${key}“ gibt es noch nicht; zum Anlegen bitte --name, --type, --demand und --factor angeben.`,
          );
        return {
          ...changes,
          key,
          name: changes.name,
          facilityType: changes.facilityType,
          demand: changes.demand,
          factor: changes.factor,
        };
      };
      const saved = await throughServerOrDb(
        g,
        async (server) => {
          const exists = await getJson<Norm>(server, `/api/norms/${encodeURIComponent(key)}`).then(
            () => true,
            (e: unknown) =>
              e instanceof LagebildError && e.status === 404 ? false : Promise.reject(e as Error),
          );
          return exists
            ? sendJson<Norm>(server, 'PATCH', `/api/norms/${encodeURIComponent(key)}`, changes)
            : sendJson<Norm>(server, 'POST', '/api/norms', create());
        },
        async (db) => {
          const s = await normService();
          const { listVersions } = await import('../coverage/norm.repository.ts');
          return (await listVersions(db, key)).length
            ? s.changeNorm(db, key, changes, null)
            : s.createNorm(db, create(), null);
        },
      );
      output(g, saved, () => `Richtwert „${saved.key}“ gespeichert (gilt ${period(saved)}): ${line(saved)}`);
    });
  cmd
    .command('matrices')
    .description('Gespeicherte Reisezeitmatrizen')
    .action(async (_opts: unknown, sub: Command) => {
      const g = sub.optsWithGlobals<GlobalOptions>();
      const list = await throughServerOrDb(
        g,
        (server) => getJson<ImportMatrixResult[]>(server, '/api/travel-matrices'),
        async (db) => (await import('../coverage/matrix.service.ts')).listMatrices(db),
      );
      output(g, list, () =>
        list
          .map((m) => [m.id, m.name, m.level, m.facilityType, m.unit, `${m.pairs} Paare`].join('\t'))
          .join('\n'),
      );
    });
  cmd
    .command('import-matrix <file>')
    .description('Reisezeitmatrix (CSV in Langform, z. B. InputID,TargetID,Distance aus QGIS) importieren')
    .requiredOption('--name <text>', 'Name der Matrix')
    .requiredOption('--level <key>', 'Ebene der Startpunkte (Gebietsschlüssel)')
    .requiredOption('--type <key>', 'Einrichtungsart der Ziele (Nummern der Einrichtungen)')
    .option('--unit <unit>', 'Einheit der Kosten (Standard m)')
    .option('--origin-field <column>', 'Spalte der Startpunkte')
    .option('--destination-field <column>', 'Spalte der Ziele')
    .option('--cost-field <column>', 'Spalte der Kosten')
    .action(
      async (
        file: string,
        opts: {
          name: string;
          level: string;
          type: string;
          unit?: string;
          originField?: string;
          destinationField?: string;
          costField?: string;
        },
        sub: Command,
      ) => {
        const g = sub.optsWithGlobals<GlobalOptions>();
        const r = await throughServerOrDb(
          g,
          (server) =>
            postFiles<ImportMatrixResult>(
              server,
              '/api/travel-matrices/import',
              {
                name: opts.name,
                level: opts.level,
                type: opts.type,
                unit: opts.unit,
                originField: opts.originField,
                destinationField: opts.destinationField,
                costField: opts.costField,
              },
              [file],
            ),
          async (db) =>
            (await import('../coverage/matrix.service.ts')).importMatrix(db, {
              name: opts.name,
              level: opts.level,
              type: opts.type,
              unit: opts.unit,
              columns: { origin: opts.originField, destination: opts.destinationField, cost: opts.costField },
              file: { path: file },
              userId: null,
            }),
        );
        output(g, r, () =>
          [
            ...r.warnings.map((w) => `Hinweis: ${w}`),
            `Reisezeitmatrix „${r.name}“ (Nr. ${r.id}) gespeichert: ${r.pairs} Paare aus den Spalten ` +
              `„${r.columns.origin}“, „${r.columns.destination}“, „${r.columns.cost}“ (${r.unit}).`,
          ].join('\n'),
        );
      },
    );
  return cmd;
}
