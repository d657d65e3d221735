/**
 * Berlin's LOR reform as a check of the conversion: the old PLR's inhabitants of 31.12.2020
 * converted onto the LOR 2021 and compared per PLR with what was observed on 30.06.2021.
 * Shared by the real-data test and `npm run bench -- convert`.
 */
import { allocate, type ConvertedCell } from './allocate.ts';
import { berlinInhabitants, convertAreas, readNewLor, readOldLor } from './berlin-lor.ts';
import { buildCorrespondence, type ConvertArea, type Correspondence } from './correspondence.ts';
import { planConversion, type ConvertMethod } from './plan.ts';

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

/** Converts the inhabitants of one old half-year (`2020-02`) with a method. */
export function convertBerlin(layers: BerlinLayers, half: string, method: ConvertMethod) {
  const t0 = performance.now();
  const plan = planConversion({
    ...layers,
    method,
    ...(method === 'population' ? { population: berlinInhabitants(BERLIN_WEIGHT_HALF) } : {}),
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
