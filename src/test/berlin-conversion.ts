/**
 * Berlin's LOR reform as a check of the conversion: the old PLR's inhabitants of 31.12.2020
 * converted onto the LOR 2021 and compared per PLR with what was observed on 30.06.2021.
 * Shared by the real-data test and `npm run bench -- convert`.
 */
import proj4 from 'proj4';
import { AreaIndex } from '../geo/area-index.ts';
import { EPSG_DEFINITIONS } from '../geo/epsg.ts';
import { allocate, largestRemainder, type ConvertedCell } from '../areas/convert/allocate.ts';
import { berlinInhabitants, convertAreas, readNewLor, readOldLor } from '../areas/convert/berlin-lor.ts';
import {
  buildCorrespondence,
  type ConvertArea,
  type Correspondence,
} from '../areas/convert/correspondence.ts';
import { parseGridCsv } from '../imports/grid/population-grid.ts';
import { planConversion, type ConvertMethod, type FinerWeights } from '../areas/convert/plan.ts';

export interface BerlinLayers {
  from: ConvertArea[];
  to: ConvertArea[];
  correspondence: Correspondence;
  /** Time to build the correspondence table, ms. */
  correspondenceMs: number;
}

export async function berlinLayers(): Promise<BerlinLayers> {
  const from = convertAreas(await readOldLor());
  const to = convertAreas(await readNewLor());
  const t0 = performance.now();
  const correspondence = buildCorrespondence(from, to);
  return { from, to, correspondence, correspondenceMs: performance.now() - t0 };
}

/**
 * Population weights for the check: the LOR 2021 inhabitants of 31.12.2022, not those of
 * 30.06.2021 the result is compared with, so the check does not grade itself with its own answer.
 */
export const BERLIN_WEIGHT_HALF = '2022-02';

/**
 * Converts the inhabitants of one old half-year (`2020-02`) with a method; `finer` units refine
 * `population` (old areas without any fall back to the new areas' counts).
 */
export function convertBerlin(
  layers: BerlinLayers,
  half: string,
  method: ConvertMethod,
  finer?: FinerWeights,
) {
  const t0 = performance.now();
  const plan = planConversion({
    ...layers,
    method,
    ...(method === 'population' ? { population: berlinInhabitants(BERLIN_WEIGHT_HALF) } : {}),
    ...(finer ? { finer } : {}),
  });
  const values = new Map(
    [...berlinInhabitants(half)].map(([k, v]) => [k, { value: v, status: 'value' as const }]),
  );
  const cells = allocate(values, plan.rows);
  return { plan, cells, ms: performance.now() - t0 };
}

export interface ErrorSummary {
  /** PLR compared (observed inhabitants > 0). */
  n: number;
  medianApe: number;
  meanApe: number;
  /** Share of PLR whose converted value lies within ±10 % of the observed one. */
  within10: number;
}

/** Absolute percentage error per PLR of converted against observed counts. */
export function errorSummary(
  cells: ReadonlyMap<string, ConvertedCell>,
  observed: ReadonlyMap<string, number>,
): ErrorSummary {
  const apes = [...observed]
    .filter(([, v]) => v > 0)
    .map(([k, v]) => (Math.abs((cells.get(k)?.value ?? 0) - v) / v) * 100)
    .sort((a, b) => a - b);
  const n = apes.length;
  const median = n % 2 ? apes[(n - 1) / 2]! : (apes[n / 2 - 1]! + apes[n / 2]!) / 2;
  return {
    n,
    medianApe: median,
    meanApe: apes.reduce((s, v) => s + v, 0) / n,
    within10: apes.filter((a) => a <= 10).length / n,
  };
}

/**
 * A SYNTHETIC population grid in the Zensus 2022 format (not real data — there is no Berlin grid
 * in the test data): the LOR 2021 inhabitants of `BERLIN_WEIGHT_HALF` spread evenly, in whole
 * persons by largest remainder, over the EPSG:3035 cell centres inside each new PLR, written as
 * `GITTER_ID_100m;x_mp_100m;y_mp_100m;Einwohner` and read back through `parseGridCsv`. It carries
 * no information beyond the target densities, so converting with it must land where target
 * density does, up to the cells' discretisation: a check of the grid path on real geometry.
 */
export function syntheticBerlinGrid(layers: BerlinLayers, cellSize = 100): FinerWeights {
  const laea = proj4('EPSG:4326', EPSG_DEFINITIONS[3035]!);
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const a of layers.to)
    for (const rings of a.geometry.type === 'Polygon' ? [a.geometry.coordinates] : a.geometry.coordinates)
      for (const p of rings[0] ?? []) {
        const [x, y] = laea.forward<[number, number]>([p[0]!, p[1]!]);
        [minX, minY, maxX, maxY] = [
          Math.min(minX, x),
          Math.min(minY, y),
          Math.max(maxX, x),
          Math.max(maxY, y),
        ];
      }
  const index = new AreaIndex(layers.to.map((a) => ({ key: a.key, geometry: a.geometry })));
  const cells = new Map<string, [number, number][]>();
  for (let y = Math.floor(minY / cellSize) * cellSize; y < maxY; y += cellSize)
    for (let x = Math.floor(minX / cellSize) * cellSize; x < maxX; x += cellSize) {
      const [lon, lat] = laea.inverse<[number, number]>([x + cellSize / 2, y + cellSize / 2]);
      const key = index.locate(lon, lat);
      if (key !== null) cells.set(key, [...(cells.get(key) ?? []), [x, y]]);
    }
  const lines = ['GITTER_ID_100m;x_mp_100m;y_mp_100m;Einwohner'];
  const population = berlinInhabitants(BERLIN_WEIGHT_HALF);
  for (const [key, corners] of cells) {
    const p = population.get(key) ?? 0;
    const persons = largestRemainder(corners.map(() => p / corners.length));
    corners.forEach(([x, y], i) =>
      lines.push(`CRS3035RES${cellSize}mN${y}E${x};${x + cellSize / 2};${y + cellSize / 2};${persons[i]}`),
    );
  }
  const grid = parseGridCsv(new TextEncoder().encode(lines.join('\n')), 'synthetisches-gitter.csv');
  return { kind: 'grid', units: grid.units, label: { cellSize: grid.cellSize, zensus: grid.zensus } };
}
