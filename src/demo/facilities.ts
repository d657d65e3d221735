import type { Polygon, MultiPolygon } from 'geojson';
import type { Rng } from './rng.ts';
import type { DemoFacility, FacilityKind } from './types.ts';
import type { MultiPoly, Pt } from './planar.ts';
import { multiPolyBbox, pointInMultiPoly } from './planar.ts';
import { utmToLonLat } from './projection.ts';
import { REFERENCE_POPULATION } from './population.ts';

/** What the facility generator needs to know about a Sozialraum (latest year). */
export interface FacilityArea {
  key: string;
  name: string;
  utm: MultiPoly;
  geometry: Polygon | MultiPolygon;
  totals: Record<string, number>;
  streets: string[];
  /** Town of the address; default Musterstadt. */
  place?: string;
}

interface KindSpec {
  kind: FacilityKind;
  prefix: string;
  /** Number of facilities per 250,000 inhabitants. */
  count: number;
  weight: (t: Record<string, number>) => number;
  capacity: (rng: Rng) => number;
  name: (rng: Rng, area: FacilityArea, street: string) => string;
}

const KITA_NAMES = [
  'Sonnenschein',
  'Regenbogen',
  'Pusteblume',
  'Kunterbunt',
  'Wirbelwind',
  'Zwergenland',
  'Löwenzahn',
  'Spatzennest',
  'Schatzkiste',
  'Sternschnuppe',
  'Arche Noah',
  'Rappelkiste',
  'Purzelbaum',
  'Abenteuerland',
  'Wolkenburg',
  'Sonnenblume',
  'Marienkäfer',
  'Kleine Füße',
  'Villa Kunterbunt',
  'Traumland',
];
const EV_PATRONS = ['Johannes', 'Lukas', 'Markus', 'Paulus', 'Christus', 'Matthäus', 'Petrus'];
const RC_PATRONS = [
  'St. Marien',
  'St. Josef',
  'St. Elisabeth',
  'St. Michael',
  'Heilig Kreuz',
  'St. Ludgerus',
  'St. Antonius',
];
const CARE_NAMES = [
  'Am Park',
  'Abendsonne',
  'Lindenhaus',
  'Haus am Wall',
  'Rosengarten',
  'Am Mühlenteich',
  'Eichenhof',
];

/** Random integer in [lo, hi] with a triangular distribution around the middle, in steps. */
function triangular(rng: Rng, lo: number, hi: number, step: number): number {
  const x = lo + ((rng.float() + rng.float()) / 2) * (hi - lo);
  return Math.min(hi, Math.max(lo, Math.round(x / step) * step));
}

/** The five kinds with their 250k-city counts, demand weights, capacities and name patterns. */
const SPECS: KindSpec[] = [
  {
    kind: 'kita',
    prefix: 'kita',
    count: 150,
    weight: (t) => t.ew_u6 ?? 0,
    capacity: (rng) => triangular(rng, 20, 120, 5),
    name: (rng, area, street) => {
      const r = rng.float();
      if (r < 0.3) return `Städtische Kita ${street}`;
      if (r < 0.45) return `Ev. Kita ${rng.pick(EV_PATRONS)}`;
      if (r < 0.6) return `Kath. Kita ${rng.pick(RC_PATRONS)}`;
      if (r < 0.7) return `Familienzentrum ${area.name}`;
      return `${rng.pick(['Kita', 'AWO-Kita', 'DRK-Kita', 'Elterninitiative'])} ${rng.pick(KITA_NAMES)}`;
    },
  },
  {
    kind: 'pflegeheim',
    prefix: 'ph',
    count: 25,
    weight: (t) => (t.ew_80plus ?? 0) + 0.01 * (t.ew ?? 0),
    capacity: (rng) => triangular(rng, 60, 150, 1),
    name: (rng, area) => {
      const r = rng.float();
      if (r < 0.35)
        return `${rng.pick(['AWO-Seniorenzentrum', 'Seniorenzentrum', 'Altenzentrum'])} ${area.name}`;
      if (r < 0.6) return `Caritas-Altenzentrum ${rng.pick(RC_PATRONS)}`;
      return `${rng.pick(['Haus', 'Diakonie-Haus', 'Seniorenresidenz'])} ${rng.pick(CARE_NAMES)}`;
    },
  },
  {
    kind: 'tagespflege',
    prefix: 'tp',
    count: 15,
    weight: (t) => t.ew_65plus ?? 0,
    capacity: (rng) => triangular(rng, 12, 25, 1),
    name: (rng, area) =>
      rng.chance(0.6) ? `Tagespflege ${area.name}` : `Tagespflege ${rng.pick(CARE_NAMES)}`,
  },
  {
    kind: 'spielplatz',
    prefix: 'sp',
    count: 200,
    weight: (t) => (t.ew_u15 ?? 0) + 0.03 * (t.ew ?? 0),
    capacity: (rng) => Math.round(Math.min(3000, Math.max(200, 200 * Math.exp(rng.range(0, 2.7)))) / 10) * 10,
    name: (_rng, _area, street) => `Spielplatz ${street}`,
  },
  {
    kind: 'begegnungsstaette',
    prefix: 'bs',
    count: 20,
    weight: (t) => (t.ew_65plus ?? 0) + 0.1 * (t.ew ?? 0),
    capacity: (rng) => triangular(rng, 30, 150, 5),
    name: (rng, area) =>
      `${rng.pick(['Begegnungsstätte', 'Seniorentreff', 'Stadtteilzentrum', 'Bürgerhaus', 'Nachbarschaftstreff'])} ${area.name}`,
  },
];

/** How many facilities each area gets: most by expectation, the rest drawn by weight. */
function allocate(weights: number[], count: number, rng: Rng): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.floor((0.7 * count * w) / sum));
  let left = count - counts.reduce((a, b) => a + b, 0);
  while (left > 0) {
    let u = rng.float() * sum;
    let i = 0;
    while (i < weights.length - 1 && u >= (weights[i] ?? 0)) u -= weights[i++] ?? 0;
    counts[i] = (counts[i] ?? 0) + 1;
    left--;
  }
  return counts;
}

/** A random point inside the area that also lies inside its rounded WGS84 geometry. */
function pointIn(area: FacilityArea, rng: Rng): Pt {
  const [minX, minY, maxX, maxY] = multiPolyBbox(area.utm);
  const wgs = area.geometry.type === 'Polygon' ? [area.geometry.coordinates] : area.geometry.coordinates;
  for (let tries = 0; tries < 10000; tries++) {
    const x = rng.range(minX, maxX);
    const y = rng.range(minY, maxY);
    if (!pointInMultiPoly(x, y, area.utm)) continue;
    const p = utmToLonLat(x, y);
    if (pointInMultiPoly(p[0], p[1], wgs as MultiPoly)) return p;
  }
  throw new Error(`No point found inside area ${area.key}`);
}

/**
 * Social infrastructure of the latest year: Kitas where the small children are, care homes where
 * the very old are, and so on; a point inside the Sozialraum, an invented name and address.
 * Counts scale with the population (stated for 250,000 inhabitants).
 */
export function generateFacilities(areas: FacilityArea[], population: number, rng: Rng): DemoFacility[] {
  const facilities: DemoFacility[] = [];
  // Name → Sozialraum key, to tell a namesake elsewhere in town from a second one next door.
  const names = new Map<string, string>();
  for (const spec of SPECS) {
    const kindRng = rng.fork(spec.kind);
    const count = Math.max(1, Math.round((spec.count * population) / REFERENCE_POPULATION));
    const perArea = allocate(
      areas.map((a) => spec.weight(a.totals)),
      count,
      kindRng,
    );
    let serial = 0;
    areas.forEach((area, i) => {
      for (let k = 0; k < (perArea[i] ?? 0); k++) {
        const street = kindRng.pick(area.streets);
        const base = spec.name(kindRng, area, street);
        const elsewhere = names.has(base) && names.get(base) !== area.key && !base.includes(area.name);
        let name = elsewhere ? `${base} (${area.name})` : base;
        for (let n = 2; names.has(name); n++) name = `${base} ${toRoman(n)}`;
        names.set(name, area.key);
        const [lon, lat] = pointIn(area, kindRng);
        facilities.push({
          kind: spec.kind,
          key: `${spec.prefix}-${String(++serial).padStart(3, '0')}`,
          name,
          capacity: spec.capacity(kindRng),
          lon,
          lat,
          area: area.key,
          address: `${street} ${kindRng.int(1, 120)}, ${area.place ?? 'Musterstadt'}`,
        });
      }
    });
  }
  kitaPlaces(facilities, rng.fork('kita-places'));
  return facilities;
}

/**
 * Splits each Kita's places into places for children under 3 and from 3 to school age, as Kita
 * deliveries name them (`plaetze_u3`, `plaetze_ue3`, summing to the capacity): most Kitas take
 * both with a fifth to two fifths of their places for the under-3s, some only children from 3
 * (Kindergarten), some small ones only under-3s (Krippe). A stream of its own, so the facilities
 * themselves stay as they were drawn.
 */
function kitaPlaces(facilities: DemoFacility[], rng: Rng): void {
  for (const f of facilities) {
    if (f.kind !== 'kita') continue;
    let u3: number;
    if (f.capacity <= 30 && rng.chance(0.25)) u3 = f.capacity;
    else if (rng.chance(0.08)) u3 = 0;
    else u3 = Math.round(f.capacity * rng.range(0.2, 0.4));
    f.properties = { plaetze_u3: u3, plaetze_ue3: f.capacity - u3 };
  }
}

function toRoman(n: number): string {
  return ['', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'][n] ?? String(n);
}

/** Träger by the name's pattern (the generator draws names, not Träger): null where it says none. */
const CARRIERS: [RegExp, string][] = [
  [/^Städtische /, 'Stadt Musterstadt'],
  [/^Ev\. /, 'Evangelische Kirchengemeinde'],
  [/^Kath\. |^Caritas/, 'Caritasverband Musterstadt e. V.'],
  [/^AWO/, 'AWO Kreisverband Musterstadt e. V.'],
  [/^DRK/, 'DRK Kreisverband Musterstadt e. V.'],
  [/^Diakonie/, 'Diakonisches Werk Musterstadt'],
  [/^Elterninitiative/, 'Elterninitiative e. V.'],
  [/^Familienzentrum|^Spielplatz|^Begegnungsstätte|^Stadtteilzentrum|^Bürgerhaus/, 'Stadt Musterstadt'],
];

/**
 * The Träger of a demo facility, derived from its name so that the generator's random draws stay
 * as they are.
 * @param place in a Kreis: the municipality (`Stadt Eichtal`) for the town's own facilities and
 *   the region the welfare associations are named after; default the demo city
 * @example demoCarrier('Ev. Kita Lukas') // 'Evangelische Kirchengemeinde'
 */
export function demoCarrier(name: string, place?: { town: string; region: string }): string | null {
  const carrier = CARRIERS.find(([pattern]) => pattern.test(name))?.[1] ?? null;
  if (!carrier || !place) return carrier;
  return carrier === 'Stadt Musterstadt' ? place.town : carrier.replace('Musterstadt', place.region);
}
