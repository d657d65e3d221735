/**
 * Test support: a small Kreis built through the app's own import paths — the Einrichtung as a
 * Kreis with the levels Gemeinde → Wohnplatz, three Gemeinden and three Wohnplätze each as GeoJSON
 * squares, and counts of the Wohnplätze for two Stichtage from a CSV table. Kreis and Gemeinde
 * values come only from the summed counts of the Wohnplätze. The Wohnplatz „Mühle“ has fewer
 * inhabitants than the minimum population, so its rates are never published.
 *
 * With `sozialraeume`, Cestadt plans in two Sozialräume between Gemeinde and Wohnplatz (a ragged
 * hierarchy, as a Mittelzentrum of a Kreis does), and has a fourth Wohnplatz „Kleinhof“ under the
 * minimum population inside its Sozialraum „Cestadt-Mitte“.
 */
import type { Feature, Polygon } from 'geojson';
import { importAreas } from '../areas/area.service.ts';
import { readAreaFiles } from '../areas/readers/read-area-files.ts';
import type { Db } from '../db/db.ts';
import { importTable } from '../imports/table-import.service.ts';
import { runSetup } from '../setup/setup.service.ts';

export const KREIS = { key: '09190000', name: 'Landkreis Musterland' };
export const KREIS_DATES = ['2023-12-31', '2024-12-31'] as const;
/** The Wohnplatz under the minimum population (300 inhabitants). */
export const SMALL_WOHNPLATZ = '09190111003';

interface Place {
  key: string;
  name: string;
  /** Inhabitants at the last Stichtag. */
  ew: number;
  /** Share under 18, over 65 and in SGB II (of those under 65), in %. */
  u18: number;
  o65: number;
  sgb2: number;
}

export const GEMEINDEN: { key: string; name: string; places: Place[] }[] = [
  {
    key: '09190111',
    name: 'Adorf',
    places: [
      { key: '09190111001', name: 'Adorf', ew: 2000, u18: 18, o65: 22, sgb2: 6 },
      { key: '09190111002', name: 'Oberadorf', ew: 900, u18: 15, o65: 28, sgb2: 3 },
      { key: SMALL_WOHNPLATZ, name: 'Mühle', ew: 120, u18: 10, o65: 40, sgb2: 9 },
    ],
  },
  {
    key: '09190122',
    name: 'Bedorf',
    places: [
      { key: '09190122001', name: 'Bedorf', ew: 3000, u18: 20, o65: 18, sgb2: 9 },
      { key: '09190122002', name: 'Unterbedorf', ew: 1500, u18: 22, o65: 16, sgb2: 11 },
      { key: '09190122003', name: 'Kreuth', ew: 800, u18: 19, o65: 21, sgb2: 7 },
    ],
  },
  {
    key: '09190133',
    name: 'Cestadt',
    places: [
      { key: '09190133001', name: 'Cestadt', ew: 5000, u18: 16, o65: 24, sgb2: 12 },
      { key: '09190133002', name: 'Cestadt-Süd', ew: 2500, u18: 17, o65: 20, sgb2: 14 },
      { key: '09190133003', name: 'Hof', ew: 1200, u18: 21, o65: 19, sgb2: 5 },
    ],
  },
];

/** The ragged variant's small Wohnplatz inside a Sozialraum, and Cestadt's two Sozialräume. */
export const SMALL_IN_SOZIALRAUM = '09190133004';
export const SOZIALRAEUME = [
  { key: '09190133S01', name: 'Cestadt-Mitte', places: ['09190133001', SMALL_IN_SOZIALRAUM] },
  { key: '09190133S02', name: 'Cestadt-Land', places: ['09190133002', '09190133003'] },
] as const;
const KLEINHOF: Place = { key: SMALL_IN_SOZIALRAUM, name: 'Kleinhof', ew: 150, u18: 12, o65: 30, sgb2: 8 };

/** The Gemeinden of the fixture, with Kleinhof in Cestadt when `sozialraeume` is set. */
export function fixtureGemeinden(sozialraeume: boolean): typeof GEMEINDEN {
  if (!sozialraeume) return GEMEINDEN;
  return GEMEINDEN.map((g) =>
    g.key === '09190133' ? { ...g, places: [g.places[0]!, KLEINHOF, ...g.places.slice(1)] } : g,
  );
}

const square = (x: number, y: number, w: number, h: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, y],
      [x + w, y],
      [x + w, y + h],
      [x, y + h],
      [x, y],
    ],
  ],
});

const geojson = (features: Feature<Polygon>[]) => ({
  name: 'gebiete.geojson',
  data: new TextEncoder().encode(JSON.stringify({ type: 'FeatureCollection', features })),
});

/** The counts of one Wohnplatz at a Stichtag: the year before has 2 % fewer inhabitants. */
function counts(p: Place, last: boolean): number[] {
  const ew = last ? p.ew : Math.round(p.ew * 0.98);
  const u18 = Math.round((ew * p.u18) / 100);
  const o65 = Math.round((ew * p.o65) / 100);
  const u65 = ew - o65;
  const sgb2 = Math.round((u65 * (last ? p.sgb2 : p.sgb2 + 1)) / 100);
  return [ew, Math.round(ew * 0.51), u18, o65, u65, sgb2, Math.round(u18 / 6), Math.round(u18 / 6)];
}

/** Options of {@link loadKreisFixture}. */
export interface KreisFixtureOptions {
  /** Cestadt with Sozialräume between Gemeinde and Wohnplatz (a ragged hierarchy). */
  sozialraeume?: boolean;
}

/** Builds the Kreis in an empty, migrated database. */
export async function loadKreisFixture(db: Db, opts: KreisFixtureOptions = {}): Promise<void> {
  const gemeindenOf = fixtureGemeinden(opts.sozialraeume === true);
  await runSetup(db, {
    admin: 'kreisamt',
    password: 'sehr-geheim-123',
    city: KREIS.name,
    key: KREIS.key,
    kind: 'kreis',
    levels: [
      { key: 'gemeinde', name: 'Gemeinde' },
      { key: 'wohnplatz', name: 'Wohnplatz' },
    ],
  });
  const gemeinden = GEMEINDEN.map((g, i) => ({
    type: 'Feature' as const,
    properties: { id: g.key, name: g.name },
    geometry: square(11 + 0.1 * i, 49, 0.1, 0.1),
  }));
  await importAreas(db, await readAreaFiles([geojson(gemeinden)], { idField: 'id', nameField: 'name' }), {
    level: 'gemeinde',
    validFrom: '2020-01-01',
  });
  if (opts.sozialraeume) {
    // a level of one Gemeinde: placed between Gemeinde and Wohnplatz by the import itself
    const halves = SOZIALRAEUME.map((s, j) => ({
      type: 'Feature' as const,
      properties: { id: s.key, name: s.name, gemeinde: '09190133' },
      geometry: square(11.2, 49 + 0.05 * j, 0.1, 0.05),
    }));
    await importAreas(
      db,
      await readAreaFiles([geojson(halves)], { idField: 'id', nameField: 'name', parentField: 'gemeinde' }),
      { level: 'sozialraum', levelName: 'Sozialraum', validFrom: '2020-01-01' },
    );
  }
  const parentOf = (g: string, p: string) =>
    SOZIALRAEUME.find((s) => s.places.some((k) => k === p))?.key ?? g;
  const wohnplaetze = gemeindenOf.flatMap((g, i) =>
    g.places.map((p, j) => ({
      type: 'Feature' as const,
      properties: { id: p.key, name: p.name, gemeinde: opts.sozialraeume ? parentOf(g.key, p.key) : g.key },
      geometry: square(11 + 0.1 * i, 49 + (0.1 / g.places.length) * j, 0.1, 0.1 / g.places.length),
    })),
  );
  await importAreas(
    db,
    await readAreaFiles([geojson(wohnplaetze)], {
      idField: 'id',
      nameField: 'name',
      parentField: 'gemeinde',
    }),
    { level: 'wohnplatz', validFrom: '2020-01-01' },
  );
  for (const [k, date] of KREIS_DATES.entries()) {
    const rows = gemeindenOf
      .flatMap((g) => g.places)
      .map((p) => [p.key, ...counts(p, k === KREIS_DATES.length - 1)].join(';'));
    const csv = ['Wohnplatz;ew;ew_w;ew_u18;ew_65plus;ew_u65;sgb2;ew_u3;ew_3_5', ...rows].join('\n');
    await importTable(
      db,
      { name: `wohnplaetze-${date.slice(0, 4)}.csv`, data: new TextEncoder().encode(csv) },
      { level: 'wohnplatz', date },
    );
  }
}
