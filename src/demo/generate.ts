import type { DemoArea, DemoCity } from './types.ts';
import { createRng } from './rng.ts';
import { buildLayout } from './layout.ts';
import { toGeoJson } from './projection.ts';
import { areaSizes } from './population.ts';
import { targetIndex } from './simulate.ts';
import { areaSeries } from './area-series.ts';
import { generateFacilities } from './facilities.ts';
import { streetsByArea } from './names.ts';
import { DEMO_VARIABLES } from './variables.ts';

export type {
  DemoArea,
  DemoCity,
  DemoFacility,
  DemoLevel,
  DemoObservation,
  DemoVariable,
  FacilityKind,
} from './types.ts';

/** Options of {@link generateCity}. */
export interface GenerateCityOptions {
  /** Any safe integer; the same seed always gives the same city. */
  seed: number;
  /** Inhabitants to aim for (±2 % in every year); default 250,000. */
  population?: number;
}

/** First and last year of the Stichtage (31.12.). */
export const DEMO_FIRST_YEAR = 2015;
export const DEMO_LAST_YEAR = 2024;

/**
 * Generate the demo city "Musterstadt": an organic city outline near 7.7° E / 51.6° N (NRW) with
 * about 60 Sozialräume in 6 Stadtbezirke, ten years of small-area population and social data with
 * spatial clusters and trends, and social infrastructure. Deterministic: the same options give a
 * byte-identical result (`JSON.stringify`).
 * @example
 * const city = generateCity({ seed: 1 });
 * city.areas.filter((a) => a.level === 'sozialraum').length; // ≈ 60
 */
export function generateCity(opts: GenerateCityOptions): DemoCity {
  const population = opts.population ?? 250_000;
  if (!Number.isInteger(population) || population < 5000 || population > 5_000_000) {
    throw new RangeError(`population must be an integer between 5,000 and 5,000,000, got ${population}`);
  }
  const rng = createRng(opts.seed);
  const layout = buildLayout(rng.fork('layout'));
  const srs = layout.sozialraeume;
  const traits = srs.map((s) => s.traits);

  const years = Array.from({ length: DEMO_LAST_YEAR - DEMO_FIRST_YEAR + 1 }, (_, i) => DEMO_FIRST_YEAR + i);
  const dates = years.map((y) => `${y}-12-31`);
  const popRng = rng.fork('population');
  const sizes = areaSizes(
    traits,
    srs.map((s) => s.area),
    population * targetIndex(DEMO_FIRST_YEAR),
    popRng.fork('sizes'),
  );
  const { observations, latest } = areaSeries(srs, {
    sizes,
    population,
    years,
    populationRng: popRng,
    socialRng: rng.fork('social'),
  });

  const areas: DemoArea[] = [
    { level: 'stadt', key: '0', name: 'Musterstadt', parentKey: null, geometry: toGeoJson(layout.city.utm) },
    ...layout.districts.map((d) => ({
      level: 'stadtbezirk',
      key: d.key,
      name: d.name,
      parentKey: '0',
      geometry: toGeoJson(d.utm),
    })),
    ...srs.map((s) => ({
      level: 'sozialraum',
      key: s.key,
      name: s.name,
      parentKey: s.districtKey,
      geometry: toGeoJson(s.utm),
    })),
  ];

  const srGeometry = new Map(areas.filter((a) => a.level === 'sozialraum').map((a) => [a.key, a.geometry]));
  const facilityRng = rng.fork('facilities');
  const streets = streetsByArea(srs.length, 5, facilityRng.fork('streets'));
  const facilities = generateFacilities(
    srs.map((s, i) => ({
      key: s.key,
      name: s.name,
      utm: s.utm,
      geometry: srGeometry.get(s.key) ?? toGeoJson(s.utm),
      totals: latest[i] ?? {},
      streets: streets[i] ?? [],
    })),
    population,
    facilityRng,
  );

  return {
    territory: { key: 'musterstadt', name: 'Musterstadt', kind: 'stadt' },
    levels: [
      { key: 'stadt', name: 'Stadt', rank: 0, parent: null },
      { key: 'stadtbezirk', name: 'Stadtbezirk', rank: 1, parent: 'stadt' },
      { key: 'sozialraum', name: 'Sozialraum', rank: 2, parent: 'stadtbezirk' },
    ],
    areas,
    variables: DEMO_VARIABLES.map((v) => ({ ...v })),
    dates,
    observations,
    facilities,
  };
}
