/**
 * Conversion between Gebietsstände (docs/methods.md §10.1) on Berlin's LOR reform: the 448 old
 * Planungsräume onto the 542 of the LOR 2021 — the time to build the correspondence table, the
 * time to convert one Stichtag, and the error of the converted 31.12.2020 against the count of
 * 30.06.2021 per PLR, by area and by population weighting.
 */
import { berlinInhabitants } from '../src/areas/convert/berlin-lor.ts';
import {
  BERLIN_WEIGHT_HALF,
  berlinLayers,
  convertBerlin,
  errorSummary,
  syntheticBerlinGrid,
} from '../src/test/berlin-conversion.ts';
import type { Measurement } from './harness.ts';

export async function benchConvert(record: (m: Measurement) => void) {
  process.stderr.write('convert\n');
  const layers = await berlinLayers();
  const pieces = layers.correspondence.rows.length;
  record({
    name: 'convert: correspondence table Berlin 448 → 542 PLR',
    value: layers.correspondenceMs,
    unit: 'ms',
    note: `${pieces} pieces kept, ${layers.correspondence.slivers.length} slivers < 0.5 % dropped`,
  });
  const observed = berlinInhabitants('2021-01');
  for (const method of ['area', 'population'] as const) {
    const { cells, ms } = convertBerlin(layers, '2020-02', method);
    const e = errorSummary(cells, observed);
    const label = method === 'area' ? 'area-weighted' : `population-weighted (weights ${BERLIN_WEIGHT_HALF})`;
    record({ name: `convert: ${label}, one Stichtag`, value: ms, unit: 'ms' });
    record({
      name: `convert: ${label}, median abs. % error vs 30.06.2021`,
      value: e.medianApe,
      unit: '%',
      note: `${e.n} PLR; mean ${e.meanApe.toFixed(1)} %`,
    });
    record({ name: `convert: ${label}, PLR within ±10 %`, value: e.within10 * 100, unit: '%' });
  }
  // a SYNTHETIC 100 m grid derived from the weight counts (no real Berlin grid in the data): checks
  // the grid path on real geometry; it should land where target density does
  const t0 = performance.now();
  const grid = syntheticBerlinGrid(layers);
  record({
    name: 'convert: synthetic 100 m grid for Berlin, built and parsed',
    value: performance.now() - t0,
    unit: 'ms',
    note: `${grid.units.length} cells (Zensus format, EPSG:3035)`,
  });
  const { cells, ms } = convertBerlin(layers, '2020-02', 'population', grid);
  const e = errorSummary(cells, observed);
  record({ name: 'convert: grid-weighted (synthetic grid), one Stichtag', value: ms, unit: 'ms' });
  record({
    name: 'convert: grid-weighted (synthetic grid), median abs. % error vs 30.06.2021',
    value: e.medianApe,
    unit: '%',
    note: `${e.n} PLR; mean ${e.meanApe.toFixed(1)} %; within ±10 % ${(e.within10 * 100).toFixed(1)} %`,
  });
}
