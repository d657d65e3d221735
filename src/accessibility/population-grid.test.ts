import { readFileSync } from 'node:fs';
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { readAreaFile } from '../areas/readers/index.ts';
import { readFacilityFiles } from '../facilities/read-facility-file.ts';
import { twoStepFca } from './fca.ts';
import { pairsWithin, withinReach } from './pairs.ts';
import { byArea, populationGrid, toMetric } from './population-grid.ts';

/** A square of `side` metres (approximately) with its south-west corner at lon/lat. */
function square(lon: number, lat: number, side: number): Polygon {
  const dLat = side / 111_320;
  const dLon = side / (111_320 * Math.cos((lat * Math.PI) / 180));
  return {
    type: 'Polygon',
    coordinates: [
      [
        [lon, lat],
        [lon + dLon, lat],
        [lon + dLon, lat + dLat],
        [lon, lat + dLat],
        [lon, lat],
      ],
    ],
  };
}

describe('populationGrid', () => {
  it('spreads each area’s population over its cells, keeping every person', () => {
    const grid = populationGrid(
      [
        { geometry: square(6.95, 50.93, 1000), population: 1000 },
        { geometry: square(6.97, 50.93, 30), population: 12 },
      ],
      100,
    );
    const cells = (i: number) => Array.from(grid.area).filter((a) => a === i).length;
    expect(cells(0)).toBeGreaterThanOrEqual(90);
    expect(cells(0)).toBeLessThanOrEqual(110);
    // smaller than a cell: one cell at its centroid
    expect(cells(1)).toBe(1);
    const sums = [0, 0];
    grid.area.forEach((a, c) => (sums[a] = sums[a]! + grid.weight[c]!));
    expect(sums[0]).toBeCloseTo(1000, 9);
    expect(sums[1]).toBeCloseTo(12, 9);
    expect(grid.projection).toContain('+zone=32');
  });

  it('gives the share within walking distance of a playground (DIN 18034)', () => {
    const area = square(6.95, 50.93, 2000);
    const grid = populationGrid([{ geometry: area, population: 400 }], 20);
    const forward = toMetric(grid.projection);
    const ring = area.coordinates[0]!;
    const centre = forward((ring[0]![0]! + ring[2]![0]!) / 2, (ring[0]![1]! + ring[2]![1]!) / 2);
    const reached = withinReach(grid.xy, centre, { maxCost: 400 });
    const share = byArea(grid, reached, 1).mean[0]!;
    // a 400 m circle in a 2 km square: π·0.4² / 4 ≈ 12.6 %
    expect(share).toBeCloseTo((Math.PI * 0.16) / 4, 2);
  });
});

describe('2SFCA for Berlin’s Kitas on a grid of the 542 Planungsräume', () => {
  it('keeps every licensed place that children reach (supply conservation on real data)', async () => {
    const areas = await readAreaFile('../shared/data/berlin-lor-2021-plr-shp/lor_planungsraeume_2021.shp', {
      idField: 'PLR_ID',
    });
    const children = new Map<string, number>();
    const csv = readFileSync(
      '../shared/data/berlin-lor-population-agegroups/berlin-lor-population-2022-02-t2.csv',
      'utf8',
    );
    for (const line of csv.trim().split('\n').slice(1)) {
      const c = line.split(',');
      children.set(`${c[0]}${c[1]}${c[2]}${c[3]}`, Number(c[5]));
    }
    expect(children.size).toBe(542);
    const grid = populationGrid(
      areas.areas.map((a) => ({ geometry: a.geometry, population: children.get(a.key) ?? NaN })),
      200,
    );
    const kitas = readFacilityFiles([
      {
        name: 'kitas.geojson',
        data: readFileSync('../shared/data/berlin-kitas-2022/kindertagesstaetten_2022-12_epsg25833.geojson'),
      },
    ]).facilities;
    const forward = toMetric(grid.projection);
    const points = kitas.flatMap((k) => forward(k.lon, k.lat));
    const places = kitas.map((k) => k.capacity ?? 0);
    const options = { maxCost: 1500, detour: 1.3, decay: { kind: 'gaussian' } } as const;
    const result = twoStepFca(grid.weight, places, pairsWithin(grid.xy, points, options), options);
    const { total, mean } = byArea(grid, result.access, areas.areas.length);
    const reachedByChildren = total.reduce((s, t) => s + t, 0);
    expect(reachedByChildren).toBeCloseTo(result.reachedSupply, 3);
    // nearly every Kita lies within 1.5 km of children; the exceptions are few
    expect(result.reachedSupply).toBeGreaterThan(0.99 * 194_979);
    expect(Math.max(...mean)).toBeGreaterThan(0.5);
  });
});
