/**
 * Berlin as a benchmark city: its 12 Bezirke and 542 Planungsräume (LOR 2021) with real counts
 * from ../shared/data, loaded through the app's own import services (area import, table import),
 * so that reports, indices and warnings run on a city of real size and shape.
 *
 * What is real and what is approximated (see the SOURCE.txt files beside the data):
 * - Areas: the official PLR shapefile (EPSG:25833, read and reprojected by the area reader). The
 *   Bezirke are the union of their PLR (key = first two digits of the PLR key, names from the LOR
 *   key table), their true area the sum of the PLR areas.
 * - Population: the register counts of 30.06.2022 by age group, sex and citizenship (real counts;
 *   `–` = nichts vorhanden = 0). They are the only age data at hand, so they stand for both
 *   Stichtage below; the MSS inhabitants of 31.12.2020 are not used.
 * - Monitoring Soziale Stadtentwicklung 2021 (MSS, data 31.12.2020, dynamics 2018–2020): the MSS
 *   publishes shares, the app stores counts and derives shares. Each numerator is set to
 *   share × (the catalogue indicator's denominator) / 100, so that the catalogue indicator shows
 *   exactly the published share and the `berlin_mss` index reproduces the published classes. The
 *   MSS's own denominators differ (e.g. S3 refers to all inhabitants, the catalogue's SGB-II-Quote
 *   to those under 65), so these counts are benchmark approximations, not official figures.
 *   2020-12-31 holds the shares S1, S3, S4 (and the context indicators K02, K03); 2018-12-31 holds
 *   S − D (D1, D3, D4 are changes over two years in percentage points), so the catalogue's
 *   2-year change indicators equal D1, D3, D4.
 * - Alleinerziehende (K02: single-parent households per 100 households with children) needs
 *   households with children, which are not published per PLR: estimated as minors / 1.6.
 * - The MSS publishes no values for 6 PLR (5 under 300 inhabitants, the outlier 10100205) and no
 *   context values for 2 more; they get their Bezirk's rate, marked as estimated, so that Bezirk
 *   and city totals exist. The stored `berlin_mss` index excludes 10100205 by hand, as the MSS
 *   does, and then finds the published 536 valid PLR with their published classes.
 */
import { parse } from 'csv-parse/sync';
import type { MultiPolygon, Polygon } from 'geojson';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import polygonClipping, { type MultiPolygon as ClipMultiPolygon } from 'polygon-clipping';
import * as areaRepo from '../src/areas/area.repository.ts';
import { importAreas } from '../src/areas/area.service.ts';
import { readAreaFile, type AreaFile, type RawArea } from '../src/areas/readers/index.ts';
import type { User } from '../src/auth/auth.schema.ts';
import type { Db } from '../src/db/db.ts';
import { importTable } from '../src/imports/table-import.service.ts';
import { listIndicators, upsertIndicators } from '../src/indicators/indicator.repository.ts';
import { seedDefaults } from '../src/setup/seed.ts';
import { findIndexDefinition, upsertIndexDefinitions } from '../src/indices/index.repository.ts';
import { indexResult } from '../src/indices/index.service.ts';
import { upsertVariables } from '../src/observations/observation.repository.ts';

const DATA = new URL('../../shared/data/', import.meta.url);
const file = (path: string) => fileURLToPath(new URL(path, DATA));

/** The two Stichtage: the MSS 2021 data (31.12.2020) and the start of its dynamics (31.12.2018). */
export const BERLIN_DATES = ['2018-12-31', '2020-12-31'] as const;
/** Gebietsstand of the LOR 2021. */
const LOR_VALID_FROM = '2021-01-01';
/** Minors per household with minors (assumption for the K02 denominator, see above). */
const MINORS_PER_FAMILY = 1.6;

const REGISTER_SOURCE = 'Amt für Statistik Berlin-Brandenburg, Einwohnerregister 30.06.2022';
const MSS_SOURCE =
  'SenSBW Berlin, Monitoring Soziale Stadtentwicklung 2021 (Anteile in Zählwerte umgerechnet, Näherung)';

const P = 'Personen';
/** Count series written by the loader, with German names (created before the import). */
const VARIABLES = [
  { key: 'ew', name: 'Einwohner insgesamt', unit: P, description: 'Einwohner mit Hauptwohnsitz.' },
  { key: 'ew_w', name: 'Einwohner weiblich', unit: P, description: 'Weibliche Einwohnerinnen.' },
  { key: 'ew_u6', name: 'Kinder unter 6 Jahren', unit: P, description: 'Einwohner von 0 bis 5 Jahren.' },
  {
    key: 'ew_u15',
    name: 'Einwohner unter 15 Jahren',
    unit: P,
    description: 'Einwohner von 0 bis 14 Jahren.',
  },
  {
    key: 'ew_u18',
    name: 'Minderjährige unter 18 Jahren',
    unit: P,
    description: 'Einwohner von 0 bis 17 Jahren.',
  },
  { key: 'ew_15_64', name: 'Einwohner von 15 bis 64 Jahren', unit: P, description: 'Erwerbsfähiges Alter.' },
  { key: 'ew_18_64', name: 'Einwohner von 18 bis 64 Jahren', unit: P, description: 'Erwachsene unter 65.' },
  {
    key: 'ew_u65',
    name: 'Einwohner unter 65 Jahren',
    unit: P,
    description: 'Einwohner von 0 bis 64 Jahren.',
  },
  { key: 'ew_65plus', name: 'Einwohner ab 65 Jahren', unit: P, description: 'Einwohner ab 65 Jahren.' },
  {
    key: 'ausl',
    name: 'Ausländer',
    unit: P,
    description: 'Einwohner mit ausländischer Staatsangehörigkeit.',
  },
  { key: 'alo', name: 'Arbeitslose', unit: P, description: 'Aus MSS-Indikator S1 (Anteil) umgerechnet.' },
  {
    key: 'sgb2',
    name: 'Transferbezieher',
    unit: P,
    description: 'Aus MSS-Indikator S3 (Anteil) umgerechnet.',
  },
  {
    key: 'sgb2_u15',
    name: 'Transferbezieher unter 15 Jahren',
    unit: P,
    description: 'Aus MSS-Indikator S4 (Anteil) umgerechnet.',
  },
  {
    key: 'gsia',
    name: 'Grundsicherung im Alter',
    unit: P,
    description: 'Aus MSS-Kontextindikator K03 (Altersarmut, Anteil) umgerechnet.',
  },
  {
    key: 'hh_kinder',
    name: 'Haushalte mit Kindern (geschätzt)',
    unit: 'Haushalte',
    description: `Minderjährige / ${MINORS_PER_FAMILY} (Annahme; nicht je Planungsraum veröffentlicht).`,
  },
  {
    key: 'hh_alleinerz',
    name: 'Alleinerziehendenhaushalte',
    unit: 'Haushalte',
    description: 'Aus MSS-Kontextindikator K02 (Anteil) umgerechnet.',
  },
];
const MSS_VARIABLES = new Set(['alo', 'sgb2', 'sgb2_u15', 'gsia', 'hh_alleinerz']);

export interface BerlinSummary {
  bezirke: number;
  planungsraeume: number;
  /** Values stored by the table import. */
  observations: number;
  ms: number;
}

type Row = Record<string, string>;

async function readCsv(path: string, delimiter: ',' | ';'): Promise<Row[]> {
  return parse<Row>(await readFile(file(path), 'utf8'), { columns: true, bom: true, delimiter });
}

/** A number of the register table; `–` (nichts vorhanden) is 0. */
const count = (text: string | undefined) => (text === undefined || text.trim() === '–' ? 0 : Number(text));

/**
 * Loads Berlin into a fresh, migrated database (no other city in it): the default catalogue with
 * the built-in indices and warning rules, levels `bezirk` (12) and `planungsraum` (542), the
 * counts of both Stichtage, and Berlin sources on the indicators it feeds.
 * @example const db = await openDb('memory://'); await migrate(db); await loadBerlinCity(db);
 */
export async function loadBerlinCity(db: Db): Promise<BerlinSummary> {
  const t0 = performance.now();
  await seedDefaults(db);
  await areaRepo.ensureTerritory(db, { key: 'berlin', name: 'Berlin', kind: 'stadt' });
  const plr = await readAreaFile(file('berlin-lor-2021-plr-shp/lor_planungsraeume_2021.shp'), {
    idField: 'PLR_ID',
    nameField: 'PLR_NAME',
    parentField: 'BEZ',
  });
  const bezirke = await bezirkFile(plr);
  await importAreas(db, bezirke, { level: 'bezirk', levelName: 'Bezirk', validFrom: LOR_VALID_FROM });
  await importAreas(db, plr, { level: 'planungsraum', parentLevel: 'bezirk', validFrom: LOR_VALID_FROM });

  await upsertVariables(db, VARIABLES);
  const csv = await countsCsv();
  const imported = await importTable(
    db,
    { name: 'berlin-plr-2018-2020.csv', data: new TextEncoder().encode(csv) },
    {
      level: 'planungsraum',
      mapping: { areaColumn: 'plr', dateColumn: 'stichtag', variableColumn: 'merkmal', valueColumn: 'wert' },
    },
  );
  await berlinSources(db);
  await excludeMssOutlier(db);
  return {
    bezirke: bezirke.areas.length,
    planungsraeume: plr.areas.length,
    observations: imported.stored,
    ms: Math.round(performance.now() - t0),
  };
}

/** The Bezirke as an area file: union of their PLR, names from the LOR key table. */
async function bezirkFile(plr: AreaFile): Promise<AreaFile> {
  const names = new Map<string, string>();
  for (const r of await readCsv('berlin-lor-2021-plr-shp/LOR_2021_keys_areas_jascha.csv', ','))
    names.set(r['Planungsraum (Nummer)']!.slice(0, 2), r.Bezirk!);
  const groups = new Map<string, RawArea[]>();
  for (const a of plr.areas) {
    const key = a.key.slice(0, 2);
    groups.set(key, [...(groups.get(key) ?? []), a]);
  }
  // GeoJSON positions are [lon, lat] pairs here (2-D shapefile), as polygon-clipping wants them
  const polygons = (g: Polygon | MultiPolygon) =>
    (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as ClipMultiPolygon;
  const areas: RawArea[] = [...groups]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, members], i) => {
      const [first, ...rest] = members.map((m) => polygons(m.geometry));
      const union = polygonClipping.union(first!, ...rest);
      return {
        record: i + 1,
        key,
        name: names.get(key) ?? key,
        parentKey: null,
        geometry:
          union.length === 1
            ? { type: 'Polygon', coordinates: union[0]! }
            : { type: 'MultiPolygon', coordinates: union },
        areaM2: members.reduce((s, m) => s + m.areaM2, 0),
        properties: { BEZ: key },
        repairs: [],
      };
    });
  return {
    fileName: `${plr.fileName} (Bezirke aus Planungsräumen)`,
    fileHash: plr.fileHash,
    crs: plr.crs,
    fields: ['BEZ'],
    idField: 'BEZ',
    nameField: null,
    parentField: null,
    areas,
  };
}

/** German number text for the table import: decimal comma, six decimals for derived counts. */
const numberText = (v: number) =>
  Number.isInteger(v) ? String(v) : Math.max(0, v).toFixed(6).replace('.', ',');

type Counts = Map<string, number>; // 'variable|date' → count

/** Numerator of each MSS-derived series and the catalogue denominator its share refers to. */
const DENOMINATORS: Record<string, string> = {
  alo: 'ew_15_64',
  sgb2: 'ew_u65',
  sgb2_u15: 'ew_u15',
  gsia: 'ew_65plus',
  hh_alleinerz: 'hh_kinder',
};
const STATUS_SHARES = [
  { variable: 'alo', share: 's1_percentage_unemployed', change: 'd1_percentage_unemployed' },
  {
    variable: 'sgb2',
    share: 's3_percentage_transfer_payments_recipients',
    change: 'd3_percentage_transfer_payments_recipients',
  },
  {
    variable: 'sgb2_u15',
    share: 's4_percentage_transfer_payments_recipients_below_15_years',
    change: 'd4_percentage_transfer_payments_recipients_below_15_years',
  },
];

/**
 * Every count of both Stichtage as a long table (plr;stichtag;merkmal;wert). PLR without
 * published MSS values (five under 300 inhabitants, the outlier 10100205, two without context
 * indicators) get their Bezirk's rate over the PLR with values, marked as estimated (`s`): sums
 * for Bezirke and the city need every PLR, and these few hold about 1,500 of 3.8 million people.
 */
async function countsCsv(): Promise<string> {
  const [start, end] = BERLIN_DATES;
  const counts = new Map<string, Counts>();
  for (const r of await readCsv(
    'berlin-lor-2021-plr-shp/einwohnerbestand_06-2022_plr_agegroups_jascha.csv',
    ';',
  )) {
    const c = (k: string) => count(r[k]);
    const u15 = c('unter6') + c('6-15');
    const adults = c('18-27') + c('27-45') + c('45-55') + c('55-65');
    const p: Record<string, number> = {
      ew: c('Gesamt'),
      ew_w: c('weiblich'),
      ew_u6: c('unter6'),
      ew_u15: u15,
      ew_u18: u15 + c('15-18'),
      ew_15_64: c('15-18') + adults,
      ew_18_64: adults,
      ew_u65: c('Gesamt') - c('65undmehr'),
      ew_65plus: c('65undmehr'),
      ausl: c('ausländer'),
      hh_kinder: (u15 + c('15-18')) / MINORS_PER_FAMILY,
    };
    const own: Counts = new Map();
    for (const date of BERLIN_DATES)
      for (const [k, v] of Object.entries(p))
        if (k !== 'hh_kinder' || date === end) own.set(`${k}|${date}`, v);
    counts.set(r['PLR-ID']!, own);
  }
  const at = (plr: string) => counts.get(plr)!;
  const share = (c: Counts, variable: string, date: string, percent: number) =>
    c.set(`${variable}|${date}`, (percent * c.get(`${DENOMINATORS[variable]}|${date}`)!) / 100);
  for (const r of await readCsv('berlin-mss-2021/mss2021-table-2-1.csv', ',')) {
    for (const m of STATUS_SHARES) {
      share(at(r.id!), m.variable, end, Number(r[m.share]));
      share(at(r.id!), m.variable, start, Number(r[m.share]) - Number(r[m.change]));
    }
  }
  for (const r of await readCsv('berlin-mss-2021/mss2021-table-4-1.csv', ',')) {
    share(at(r.id!), 'hh_alleinerz', end, Number(r.k02_single_parent_households));
    share(at(r.id!), 'gsia', end, Number(r.k03_old_age_poverty));
  }
  const estimated = imputeByBezirk(counts, [
    ...STATUS_SHARES.flatMap((m) => [`${m.variable}|${start}`, `${m.variable}|${end}`]),
    `hh_alleinerz|${end}`,
    `gsia|${end}`,
  ]);
  const lines = ['plr;stichtag;merkmal;wert'];
  for (const [plr, c] of counts)
    for (const [key, value] of c) {
      const [variable, date] = key.split('|') as [string, string];
      const text = numberText(value);
      lines.push(`${plr};${date};${variable};${estimated.has(`${plr}|${key}`) ? `${text} s` : text}`);
    }
  return lines.join('\n') + '\n';
}

/**
 * Fills the series `keys` ('variable|date') where a PLR lacks them with the rate of its Bezirk
 * (Σ numerator / Σ denominator over the PLR that have the value) times its own denominator.
 * @returns the filled cells as 'plr|variable|date'
 */
function imputeByBezirk(counts: Map<string, Counts>, keys: string[]): Set<string> {
  const filled = new Set<string>();
  for (const key of keys) {
    const [variable, date] = key.split('|') as [string, string];
    const denominatorKey = `${DENOMINATORS[variable]}|${date}`;
    const sums = new Map<string, { num: number; den: number }>();
    for (const [plr, c] of counts) {
      const num = c.get(key);
      if (num === undefined) continue;
      const s = sums.get(plr.slice(0, 2)) ?? { num: 0, den: 0 };
      s.num += num;
      s.den += c.get(denominatorKey)!;
      sums.set(plr.slice(0, 2), s);
    }
    for (const [plr, c] of counts) {
      if (c.has(key)) continue;
      const s = sums.get(plr.slice(0, 2))!;
      c.set(key, (s.num / s.den) * c.get(denominatorKey)!);
      filled.add(`${plr}|${key}`);
    }
  }
  return filled;
}

/** The MSS leaves out by hand the outlier 10100205 (Gewerbegebiet Bitterfelder Straße); so does Berlin here. */
async function excludeMssOutlier(db: Db): Promise<void> {
  const def = await findIndexDefinition(db, 'berlin_mss');
  if (!def) return;
  await upsertIndexDefinitions(db, [{ ...def, validity: { ...def.validity, excluded: ['10100205'] } }], null);
}

/** The catalogue's sources say "Demo-Stadt": name Berlin's sources on the indicators it feeds. */
async function berlinSources(db: Db): Promise<void> {
  const fed = new Set(VARIABLES.map((v) => v.key));
  const changed = (await listIndicators(db, false))
    .filter((i) => fed.has(i.numerator))
    .map((i) => ({ ...i, source: MSS_VARIABLES.has(i.numerator) ? MSS_SOURCE : REGISTER_SOURCE }));
  await upsertIndicators(db, changed);
}

/**
 * Checks the loaded city against the published MSS 2021: the stored `berlin_mss` index on the
 * planner's (unprotected) values must find 536 valid PLR, each with its published code (`2-`).
 * @returns the number of valid PLR and those whose code differs (empty when all agree)
 */
export async function checkBerlinMss(db: Db): Promise<{ valid: number; differences: string[] }> {
  const planner: User = { id: 0, username: 'bench', displayName: 'Bench', role: 'planner' };
  const result = await indexResult(db, planner, 'berlin_mss', 'planungsraum', BERLIN_DATES[1]);
  const published = new Map(
    (await readCsv('berlin-mss-2021/mss2021_merged_for_tests.csv', ',')).map((r) => [r.plr_id!, r]),
  );
  const valid = result.areas.filter((a) => a.valid);
  const differences = valid
    .filter((a) => a.code !== published.get(a.id)?.pub_gesamt_code)
    .map((a) => `${a.id}: ${a.code} statt ${published.get(a.id)?.pub_gesamt_code}`);
  return { valid: valid.length, differences };
}
