/**
 * A synthetic state the size of North Rhine-Westphalia, made by a seeded generator: 53 Kreise and
 * kreisfreie Städte, 396 Gemeinden and about 10,000 small areas (Sozialräume) with about 18
 * million inhabitants, as the files a state-wide installation would get — GeoJSON for each level
 * and two CSV tables as offices deliver them (population by age group from the registers, SGB II
 * and unemployment from the Bundesagentur), for three Stichtage.
 *
 * The shape follows NRW, not its data: 22 kreisfreie Städte of one Gemeinde each with 70 to 570
 * small areas (Köln-sized down to Bottrop-sized), 31 Kreise with the other 374 Gemeinden of 2 to
 * about 60 small areas. Geometries are axis-parallel rectangles in WGS84 inside NRW's bounding box:
 * a Kreis is a cell of an 8 × 7 grid, its Gemeinden are vertical strips of it, their small areas
 * rows of rectangles, so every level is exactly the union of the level below.
 */
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { mulberry32 } from '../src/core/random.ts';

export const STATE_DATES = ['2021-12-31', '2022-12-31', '2023-12-31'] as const;

/** Small areas of the kreisfreie Städte, largest first (NRW's 22 have 70 to about 570 Stadtteile). */
const CITY_AREAS = [
  570, 420, 400, 360, 320, 260, 250, 250, 240, 230, 180, 160, 150, 140, 130, 120, 110, 100, 90, 90, 80, 70,
];
const KREISE = 31;
const GEMEINDEN = 396;
const INHABITANTS = 18_000_000;
/** NRW's bounding box, roughly: south-west corner and the size of a Kreis cell in degrees. */
const ORIGIN = { lon: 5.9, lat: 50.35 };
const CELL = { lon: 0.4, lat: 0.3 };
const GRID_COLUMNS = 8;

export interface StateFiles {
  kreise: Uint8Array;
  gemeinden: Uint8Array;
  areas: Uint8Array;
  /** Einwohner by age group, wide, one row per small area and Stichtag. */
  population: Uint8Array;
  /** SGB II and Arbeitslose, wide, one row per small area and Stichtag. */
  sgb2: Uint8Array;
  counts: { kreise: number; gemeinden: number; areas: number; inhabitants: number };
}

/** Column → variable key of the population table (an import profile would hold this mapping). */
export const POPULATION_COLUMNS: Record<string, string> = {
  Insgesamt: 'ew',
  'unter 6 Jahre': 'ew_u6',
  'unter 15 Jahre': 'ew_u15',
  '15 bis unter 65 Jahre': 'ew_15_64',
  'unter 65 Jahre': 'ew_u65',
  '65 Jahre und älter': 'ew_65plus',
};

/** Column → variable key of the Bundesagentur table. */
export const SGB2_COLUMNS: Record<string, string> = {
  'Leistungsberechtigte SGB II': 'sgb2',
  'darunter unter 15 Jahre': 'sgb2_u15',
  Arbeitslose: 'alo',
};

/** Splits `total` into parts proportional to `weights`, each at least `min` (largest remainder). */
function apportion(total: number, weights: number[], min: number): number[] {
  const rest = total - min * weights.length;
  const sum = weights.reduce((s, w) => s + w, 0);
  const exact = weights.map((w) => (w / sum) * rest);
  const parts = exact.map((e) => min + Math.floor(e));
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0]);
  let missing = total - parts.reduce((s, p) => s + p, 0);
  for (const [, i] of order) if (missing-- > 0) parts[i]!++;
  return parts;
}

/** Coordinates on a micro-degree grid, so that neighbours compute identical shared edges. */
const q = (v: number) => Math.round(v * 1e6) / 1e6;

function rectangle(x0: number, y0: number, x1: number, y1: number): Polygon {
  const [a, b, c, d] = [q(x0), q(y0), q(x1), q(y1)];
  return {
    type: 'Polygon',
    coordinates: [
      [
        [a, b],
        [c, b],
        [c, d],
        [a, d],
        [a, b],
      ],
    ],
  };
}

interface Gemeinde {
  ags: string;
  name: string;
  kreis: string;
  areas: number;
  /** Where SGB II is common: kreisfreie Städte more than small places. */
  sgb2Rate: number;
  box: [number, number, number, number];
}

interface SmallArea {
  key: string;
  name: string;
  gemeinde: string;
  weight: number;
  rate: number;
  /** Shares of the age groups, fixed per area: under 6, under 15, 65 and older. */
  u6: number;
  u15: number;
  old: number;
  box: [number, number, number, number];
}

const collection = (features: Feature[]): Uint8Array =>
  new TextEncoder().encode(
    JSON.stringify({ type: 'FeatureCollection', features } satisfies FeatureCollection),
  );

/**
 * The state with `totalAreas` small areas (default about 10,000; smaller for quick runs).
 * @example const files = nrwState(); files.counts.areas // 10000
 */
export function nrwState(totalAreas = 10_000, seed = 5): StateFiles {
  // seeded, so every run measures the same state
  const rnd = mulberry32(seed);
  const scale = Math.min(1, totalAreas / 10_000);
  const cityAreas = CITY_AREAS.map((n) => Math.max(2, Math.round(n * scale)));
  const kreisGemeinden = apportion(
    GEMEINDEN - cityAreas.length,
    Array.from({ length: KREISE }, () => 0.5 + rnd()),
    6,
  );
  const small = kreisGemeinden.reduce((s, n) => s + n, 0);
  // Kreis-belonging Gemeinden: most with a handful of small areas, a few middle towns with dozens
  const smallAreas = apportion(
    totalAreas - cityAreas.reduce((s, n) => s + n, 0),
    Array.from({ length: small }, () => 0.2 + rnd() ** 4 * 6),
    2,
  );
  const kreise: Feature[] = [];
  const gemeinden: Gemeinde[] = [];
  let next = 0;
  const kreisCount = cityAreas.length + KREISE;
  for (let k = 0; k < kreisCount; k++) {
    const isCity = k < cityAreas.length;
    const key = `05${String(100 + k * 3).padStart(3, '0')}`;
    const name = isCity ? `Kreisfreie Stadt ${k + 1}` : `Kreis ${k + 1 - cityAreas.length}`;
    const x0 = ORIGIN.lon + (k % GRID_COLUMNS) * CELL.lon;
    const y0 = ORIGIN.lat + Math.floor(k / GRID_COLUMNS) * CELL.lat;
    kreise.push({
      type: 'Feature',
      properties: { KRS: key, KRS_NAME: name },
      geometry: rectangle(x0, y0, x0 + CELL.lon, y0 + CELL.lat),
    });
    const members: number[] = isCity
      ? [cityAreas[k]!]
      : smallAreas.splice(0, kreisGemeinden[k - cityAreas.length] ?? 0);
    members.forEach((areas, j) => {
      const edge = (i: number) => x0 + (CELL.lon * i) / members.length;
      gemeinden.push({
        ags: `${key}${String(j + 1).padStart(3, '0')}`,
        name: isCity ? name.replace('Kreisfreie ', '') : `Gemeinde ${++next}`,
        kreis: key,
        areas,
        sgb2Rate: isCity ? 0.08 + rnd() * 0.1 : 0.03 + rnd() * 0.05,
        box: [edge(j), y0, edge(j + 1), y0 + CELL.lat],
      });
    });
  }
  const areas = gemeinden.flatMap((g) => smallAreasOf(g, rnd));
  const total = areas.reduce((s, a) => s + a.weight, 0);
  const people = apportion(
    INHABITANTS,
    areas.map((a) => a.weight / total),
    0,
  );
  const features = <T>(rows: T[], props: (r: T) => Record<string, string>, box: (r: T) => number[]) =>
    rows.map((r): Feature => ({
      type: 'Feature',
      properties: props(r),
      geometry: rectangle(...(box(r) as [number, number, number, number])),
    }));
  return {
    kreise: collection(kreise),
    gemeinden: collection(
      features(
        gemeinden,
        (g) => ({ AGS: g.ags, GEN: g.name, KRS: g.kreis }),
        (g) => g.box,
      ),
    ),
    areas: collection(
      features(
        areas,
        (a) => ({ SR_ID: a.key, SR_NAME: a.name, AGS: a.gemeinde }),
        (a) => a.box,
      ),
    ),
    ...tables(areas, people, rnd),
    counts: {
      kreise: kreisCount,
      gemeinden: gemeinden.length,
      areas: areas.length,
      inhabitants: INHABITANTS,
    },
  };
}

/** The small areas of a Gemeinde: rows of rectangles filling its strip. */
function smallAreasOf(g: Gemeinde, rnd: () => number): SmallArea[] {
  const [x0, y0, x1, y1] = g.box;
  // rows so that the rectangles come out roughly square on the ground (a degree of longitude is
  // about 0.63 of a degree of latitude here)
  const rows = Math.max(
    1,
    Math.min(g.areas, Math.round(Math.sqrt((g.areas * (y1 - y0)) / ((x1 - x0) * 0.63)))),
  );
  const out: SmallArea[] = [];
  for (let r = 0; r < rows; r++) {
    const inRow = Math.floor(g.areas / rows) + (r < g.areas % rows ? 1 : 0);
    const top = y0 + ((y1 - y0) * r) / rows;
    const bottom = y0 + ((y1 - y0) * (r + 1)) / rows;
    for (let c = 0; c < inRow; c++) {
      const n = out.length + 1;
      // a few nearly empty areas (industrial estates, forests) fall under the validity threshold
      const weight = rnd() < 0.03 ? 0.05 + rnd() * 0.1 : 0.5 + rnd() * 1.5;
      out.push({
        key: `${g.ags}${String(n).padStart(4, '0')}`,
        name: `${g.name}, Sozialraum ${n}`,
        gemeinde: g.ags,
        weight,
        rate: g.sgb2Rate * Math.exp((rnd() - 0.5) * 1.4),
        u6: 0.045 + rnd() * 0.03,
        u15: 0.11 + rnd() * 0.05,
        old: 0.15 + rnd() * 0.12,
        box: [x0 + ((x1 - x0) * c) / inRow, top, x0 + ((x1 - x0) * (c + 1)) / inRow, bottom],
      });
    }
  }
  return out;
}

const germanDate = (iso: string) => iso.split('-').reverse().join('.');
const csv = (lines: string[]) => new TextEncoder().encode(lines.join('\r\n') + '\r\n');

/** Both tables, with population and rates drifting a little from one Stichtag to the next. */
function tables(areas: SmallArea[], people: number[], rnd: () => number) {
  const population = [`Gebiet;Name;Stichtag;${Object.keys(POPULATION_COLUMNS).join(';')}`];
  const sgb2 = [`Gebiet;Stichtag;${Object.keys(SGB2_COLUMNS).join(';')}`];
  areas.forEach((a, i) => {
    let ew = people[i]!;
    let rate = a.rate;
    for (const date of STATE_DATES) {
      const u6 = Math.round(ew * a.u6);
      const u15 = Math.max(u6, Math.round(ew * a.u15));
      const old = Math.round(ew * a.old);
      const u65 = ew - old;
      const stichtag = germanDate(date);
      population.push(`${a.key};${a.name};${stichtag};${ew};${u6};${u15};${u65 - u15};${u65};${old}`);
      const recipients = Math.min(u65, Math.round(u65 * rate));
      const children = Math.min(u15, Math.round(u15 * rate * 1.5));
      const unemployed = Math.round((u65 - u15) * rate * 0.45);
      sgb2.push(`${a.key};${stichtag};${recipients};${children};${unemployed}`);
      ew = Math.max(0, Math.round(ew * (0.99 + rnd() * 0.02)));
      rate = Math.min(0.6, rate * (0.94 + rnd() * 0.12));
    }
  });
  return { population: csv(population), sgb2: csv(sgb2) };
}
