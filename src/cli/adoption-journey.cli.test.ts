/**
 * From an empty database to the first map, as an adopting city types it (`node bin/lagebild.js …`
 * in child processes, see src/test/adoption-journey.ts): Köln's 86 Stadtteile with its population
 * 2005–2012 as delivered, on both engines, and Berlin's 542 Planungsräume with two Stichtage on
 * the embedded one. Then
 * the values a planner exports and the atlas serves, and mistakes on the way: each refused in
 * German, the database left as it was.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BERLIN,
  firstMap,
  indicatorsWithValues,
  KOELN,
  lagebild,
  runJourney,
  serve,
  type Journey,
} from '../test/adoption-journey.ts';
import { engines, type Engine } from '../test/databases.ts';

// every command opens and migrates the database in its own process, on a busy 2-core machine
const LONG = 600_000;
const koelnCsv = resolve('../shared/data/koeln-stadtteile/bevoelkerung_2005-2012.csv');
const berlinDir = resolve('../shared/data/berlin-lor-population-agegroups');
const lorTable = resolve('../shared/data/berlin-lor-2021-plr-shp/LOR_2021_keys_areas_jascha.csv');

/**
 * The catalogue indicators that `ew` and the age variables feed (numerator and denominator among
 * them), in catalogue order. The others need variables the population files do not carry or that
 * the journey does not map: ew_w, ew_80plus, foreigners, households, SGB II, unemployment,
 * Grundsicherung (22 of the 34).
 */
const AGE_INDICATORS = [
  'einwohner',
  'bevoelkerungsentwicklung_5j',
  'bevoelkerungsentwicklung_1j',
  'anteil_u6',
  'anteil_u18',
  'anteil_18_64',
  'anteil_65plus',
  'jugendquotient',
  'altenquotient',
  'veraenderung_65plus_5j',
];
/** Köln's bands also give the children under 3 and from 3 to 5. */
const KOELN_INDICATORS = [...AGE_INDICATORS, 'kinder_u3', 'kinder_3_5'];
/** Berlin's 5-year changes need 31.12.2019, only delivered on the old LOR: no values at 2024. */
const BERLIN_WITH_VALUES = AGE_INDICATORS.filter(
  (k) => k !== 'bevoelkerungsentwicklung_5j' && k !== 'veraenderung_65plus_5j',
);

interface Exported {
  city: { value: number | null };
  values: {
    id: string;
    value: number | null;
    status: string;
    numerator: number | null;
    denominator: number | null;
  }[];
}

/** A fresh database of `engine` per city, a scratch directory, and the CLI on it. */
function citySetup(engine: Engine) {
  const ctx = {
    spec: '',
    scratch: '',
    drop: (): Promise<void> => Promise.resolve(),
    cli: (...args: string[]) => lagebild(ctx.spec, args),
    json: async <T>(...args: string[]): Promise<T> => {
      const r = await lagebild(ctx.spec, ['--json', ...args]);
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(r.stdout) as T;
    },
    exported: async (indicator: string, level: string, date: string) => {
      const r = await lagebild(ctx.spec, [
        'export',
        'values',
        '--indicator',
        indicator,
        '--level',
        level,
        '--date',
        date,
        '--format',
        'json',
      ]);
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(r.stdout) as Exported;
    },
    /** What a failed step must not change: the variables with their value counts, the areas. */
    state: async (levels: string[]) => {
      const state: unknown[] = [await ctx.json<unknown>('variables', 'list')];
      // one after the other: an embedded database is opened by one process at a time
      for (const l of levels) state.push(await ctx.json<unknown>('areas', 'list', '--level', l));
      return state;
    },
  };
  beforeAll(async () => {
    const loc = await engine.location();
    ctx.spec = loc.spec;
    ctx.drop = loc.drop;
    ctx.scratch = await mkdtemp(join(tmpdir(), 'lagebild-adoption-'));
  });
  afterAll(async () => {
    await ctx.drop();
    await rm(ctx.scratch, { recursive: true, force: true });
  });
  return ctx;
}

async function servedCatalogue(spec: string, journey: Journey, indicator: string) {
  const server = await serve(spec);
  try {
    const map = await firstMap(server.url, indicator, journey.level);
    const catalogue = await indicatorsWithValues(server.url, journey.level, journey.date);
    return { map, catalogue };
  } finally {
    await server.stop();
  }
}

describe.each(engines)('adoption journey on $name', (engine) => {
  describe('Köln', () => {
    const ctx = citySetup(engine);

    it(
      'runs from an empty database to the catalogue variables',
      async () => {
        const [setup, areas, derive, table, ...sums] = await runJourney(ctx.spec, KOELN);
        expect(setup!.stdout).toContain(
          'Eingerichtet: Köln (AGS 05315000), Ebenen: Stadtbezirk → Stadtteil.',
        );
        expect(areas!.stdout).toMatch(
          /^86 Gebiete in die Ebene „stadtteil“ importiert \(Koordinatensystem: /,
        );
        expect(derive!.stdout).toMatch(
          /^9 Gebiete der Ebene „stadtbezirk“ aus 86 Gebieten der Ebene „stadtteil“/,
        );
        // the city (000) and Stadtbezirk (001–009) rows are recognised and their totals checked
        expect(table!.stdout).toContain('3.010 gelieferte Summen geprüft, alle stimmen.');
        expect(table!.stdout).toContain('26095 Werte importiert (38 Merkmale');
        // 86 Stadtteile × 8 Stichtage
        for (const s of sums) expect(s.stdout).toMatch(/: 688 Werte berechnet\n$/);
        const variables = await ctx.json<{ key: string; values: number; sum: string[] | null }[]>(
          'variables',
          'list',
        );
        expect(variables.find((v) => v.key === 'ew_65plus')).toMatchObject({
          values: 688,
          sum: ['m_020_120', 'm_020_130'],
        });
        expect(variables.find((v) => v.key === 'ew_80plus')).toMatchObject({ values: 0, sum: null });
      },
      LONG,
    );

    it(
      'exports „Anteil 65 Jahre und älter“ for all 86 Stadtteile, the 9 Stadtbezirke and the city',
      async () => {
        const stadtteile = await ctx.exported('anteil_65plus', 'stadtteil', '2012');
        expect(stadtteile.values).toHaveLength(86);
        expect(stadtteile.values.every((v) => v.status === 'value' && v.value! > 0)).toBe(true);
        // the city row (raum_id 000) of 2012 as delivered: (65–75 + 75+) / Einwohner
        const city = new Map<string, number>();
        for (const line of (await readFile(koelnCsv, 'utf8')).split('\n')) {
          const [, tab, , jahr, raum, , zei, , zahl] = line.split(',');
          if (jahr === '2012' && raum === '000') city.set(`${tab}.${zei}`, Number(zahl));
        }
        const expected = ((city.get('020.120')! + city.get('020.130')!) / city.get('005.10')!) * 100;
        expect(stadtteile.city.value).toBeCloseTo(expected, 9);
        const bezirke = await ctx.exported('anteil_65plus', 'stadtbezirk', '2012');
        expect(bezirke.values.map((v) => v.id)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
        expect(bezirke.values.every((v) => v.value !== null)).toBe(true);
        // the derived Stadtbezirke belong to the city area, so the city level has its value too
        const stadt = await ctx.exported('anteil_65plus', 'stadt', '2012');
        expect(stadt.values).toEqual([
          expect.objectContaining({ id: '05315000', status: 'value', value: stadtteile.city.value }),
        ]);
      },
      LONG,
    );

    it(
      'serves the first map, and 12 catalogue indicators have values',
      async () => {
        const { map, catalogue } = await servedCatalogue(ctx.spec, KOELN, 'anteil_65plus');
        // the public atlas: Köln's Stadtteile are large, nothing is kept secret
        expect(map.values).toHaveLength(86);
        expect(map.values.every((v) => v.status === 'value')).toBe(true);
        expect(map.city.status).toBe('value');
        expect(catalogue.catalogue).toBe(34);
        expect(catalogue.available).toEqual(KOELN_INDICATORS);
        // 2012 has its year before and five years before (2007): every available one has values
        expect(catalogue.withValues).toEqual(KOELN_INDICATORS);
      },
      LONG,
    );

    it(
      'refuses mistakes in German and leaves the database as it was',
      async () => {
        const levels = ['stadtbezirk', 'stadtteil'];
        const before = await ctx.state(levels);
        const teile = await ctx.json<{ id: string }[]>('areas', 'list', '--level', 'stadtteil');

        // a key table that puts every Stadtteil into one parent: that level would be the city
        const one = join(ctx.scratch, 'stadt.csv');
        await writeFile(one, ['Stadtteil;Stadt', ...teile.map((t) => `${t.id};05315000`)].join('\n'));
        const single = await ctx.cli(
          'areas',
          'derive',
          '--level',
          'stadtbezirk',
          '--from',
          'stadtteil',
          '--key-table',
          one,
          '--child-field',
          'Stadtteil',
          '--parent-field',
          'Stadt',
        );
        expect(single.code).toBe(2);
        expect(single.stderr).toBe(
          'Fehler: Alle 86 Gebiete der Ebene „stadtteil“ bekämen dasselbe übergeordnete Gebiet „05315000“; ' +
            'eine Ebene mit nur einem Gebiet wäre die ganze Stadt. Bitte einen längeren Schlüsselanfang ' +
            'oder eine andere Spalte der Schlüsseltabelle angeben.\n',
        );

        // the delivery without its key column: the table number `tab_id` is taken for the key,
        // and its values (005, 010 …) nest like keys of the city and the Stadtbezirke
        const lines = (await readFile(koelnCsv, 'utf8')).trimEnd().split('\n');
        const noKey = join(ctx.scratch, 'ohne-raum_id.csv');
        await writeFile(noKey, lines.map((l) => l.split(',').toSpliced(4, 1).join(',')).join('\n'));
        const wrong = await ctx.cli('import', 'table', noKey, '--level', 'stadtteil');
        expect(wrong.code).toBe(2);
        expect(wrong.stderr).toContain(
          'Fehler: „ohne-raum_id.csv“, Spalte „tab_id“: Keine der 29.135 Datenzeilen gehört zur Ebene „Stadtteil“; ' +
            'alle Schlüssel der Spalte sehen aus wie die Gesamtstadt oder Gebiete anderer Ebenen.',
        );

        expect(await ctx.state(levels)).toEqual(before);
      },
      LONG,
    );
  });

  // Berlin's 542 areas take minutes per engine; the embedded one is what a new city starts with,
  // and Köln covers PostgreSQL.
  if (engine.name === 'pglite')
    describe('Berlin', () => {
      const ctx = citySetup(engine);

      it(
        'runs from an empty database to the catalogue variables',
        async () => {
          const [setup, areas, regions, prognose, bezirke, y2023, y2024, ...sums] = await runJourney(
            ctx.spec,
            BERLIN,
          );
          expect(setup!.stdout).toContain(
            'Eingerichtet: Berlin (AGS 11000000), Ebenen: Bezirk → Prognoseraum → Bezirksregion → Planungsraum.',
          );
          expect(areas!.stdout).toMatch(
            /^542 Gebiete in die Ebene „planungsraum“ importiert \(Koordinatensystem: EPSG:25833/,
          );
          expect(regions!.stdout).toMatch(/^143 Gebiete der Ebene „bezirksregion“ aus 542 Gebieten/);
          expect(prognose!.stdout).toMatch(/^58 Gebiete der Ebene „prognoseraum“ aus 143 Gebieten/);
          expect(bezirke!.stdout).toMatch(
            /^12 Gebiete der Ebene „bezirk“ aus 58 Gebieten.*\(Gebietsstand 2021-01-01\)/,
          );
          // 542 Planungsräume × 11 columns
          expect(y2023!.stdout).toMatch(/^5962 Werte importiert \(11 Merkmale, Stichtage 2023-12-31;/);
          expect(y2024!.stdout).toMatch(/^5962 Werte importiert \(11 Merkmale, Stichtage 2024-12-31;/);
          for (const s of sums) expect(s.stdout).toMatch(/: 1\.084 Werte berechnet\n$/);
          const names = await ctx.json<{ id: string; name: string }[]>(
            'areas',
            'list',
            '--level',
            'bezirksregion',
          );
          expect(names.find((r) => r.id === '011001')?.name).toBe('Tiergarten Süd');
        },
        LONG,
      );

      it(
        'exports „Anteil 65 Jahre und älter“ for every inhabited Planungsraum, the Bezirke and the city',
        async () => {
          const plr = await ctx.exported('anteil_65plus', 'planungsraum', '2024');
          expect(plr.values).toHaveLength(542);
          // two Planungsräume without inhabitants have no share
          const none = plr.values.filter((v) => v.value === null);
          expect(none.map((v) => [v.id, v.status, v.denominator])).toEqual([
            ['03400831', 'missing', 0],
            ['06200418', 'missing', 0],
          ]);
          const rows = (await readFile(join(berlinDir, 'berlin-lor-population-2024-02-t2.csv'), 'utf8'))
            .trim()
            .split('\n')
            .slice(1)
            .map((l) => l.split(',').map(Number));
          const total = (col: number) => rows.reduce((s, r) => s + r[col]!, 0);
          // inhabitants (`inhabitants`, index 4) and 65 and older (`…_above_65`, index 12)
          expect(plr.city.value).toBeCloseTo((total(12) / total(4)) * 100, 9);
          const bezirke = await ctx.exported('anteil_65plus', 'bezirk', '2024');
          expect(bezirke.values).toHaveLength(12);
          expect(bezirke.values.every((v) => v.value !== null)).toBe(true);
          const stadt = await ctx.exported('anteil_65plus', 'stadt', '2024');
          expect(stadt.values).toEqual([
            expect.objectContaining({ id: '11000000', status: 'value', value: plr.city.value }),
          ]);
        },
        LONG,
      );

      it(
        'serves the first map, and 10 catalogue indicators are available, 8 with values at 2024',
        async () => {
          const { map, catalogue } = await servedCatalogue(ctx.spec, BERLIN, 'anteil_65plus');
          expect(map.values).toHaveLength(542);
          // the public sees small Planungsräume protected, but most of the map
          expect(map.values.filter((v) => v.status === 'value').length).toBeGreaterThan(500);
          expect(map.city.status).toBe('value');
          expect(catalogue.catalogue).toBe(34);
          expect(catalogue.available).toEqual(AGE_INDICATORS);
          expect(catalogue.withValues).toEqual(BERLIN_WITH_VALUES);
        },
        LONG,
      );

      it(
        'refuses mistakes in German and leaves the database as it was',
        async () => {
          const levels = ['bezirksregion', 'planungsraum'];
          const before = await ctx.state(levels);

          // the LOR key table without the row of one Planungsraum
          const table = (await readFile(lorTable, 'utf8')).split('\n');
          const partial = join(ctx.scratch, 'lor-ohne-01100101.csv');
          await writeFile(partial, table.filter((l) => !l.includes(',01100101,')).join('\n'));
          const missing = await ctx.cli(
            'areas',
            'derive',
            '--level',
            'bezirksregion',
            '--from',
            'planungsraum',
            '--key-table',
            partial,
            '--child-field',
            'Planungsraum (Nummer)',
            '--parent-field',
            'Bezirksregion (Nummer)',
          );
          expect(missing.code).toBe(2);
          expect(missing.stderr).toBe(
            'Fehler: „lor-ohne-01100101.csv“: Das Gebiet der Ebene „planungsraum“ steht nicht in der ' +
              'Schlüsseltabelle: „01100101“. Jedes Gebiet braucht ein übergeordnetes Gebiet.\n',
          );

          // a population file of the LOR before 2021
          const old = await ctx.cli(
            'import',
            'table',
            join(berlinDir, 'berlin-lor-population-2020-02-t2.csv'),
            '--level',
            'planungsraum',
            '--date',
            '2020-12-31',
          );
          expect(old.code).toBe(2);
          expect(old.stderr).toMatch(/^Fehler: „berlin-lor-population-2020-02-t2\.csv“/);
          expect(old.stderr).toContain(
            'sie sehen aus wie Planungsräume eines anderen Gebietsstands (vor 2021?)',
          );

          expect(await ctx.state(levels)).toEqual(before);
        },
        LONG,
      );
    });
});
