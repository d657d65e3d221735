import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { readAreaFile } from '../areas/readers/read-area-file.ts';
import { simplifyForDisplay } from './display.ts';
import { geodesicAreaM2 } from './ellipsoid-area.ts';
import { findSelfIntersection } from './self-intersection.ts';

type Area = Feature<Polygon | MultiPolygon, { name: string }>;
const BERLIN = resolve(process.cwd(), '../shared/data/berlin-lor-2021-plr-shp/lor_planungsraeume_2021.shp');

const rings = (g: Polygon | MultiPolygon): Position[][] =>
  g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();

/** Total length (in degrees, enough for a ratio) of edges that belong to one area only. */
function unsharedEdgeLength(features: readonly Area[]): number {
  const count = new Map<string, { n: number; length: number }>();
  for (const f of features)
    for (const ring of rings(f.geometry))
      for (let i = 1; i < ring.length; i++) {
        const a = ring[i - 1]!.join();
        const b = ring[i]!.join();
        const key = a < b ? `${a};${b}` : `${b};${a}`;
        const length = Math.hypot(ring[i]![0]! - ring[i - 1]![0]!, ring[i]![1]! - ring[i - 1]![1]!);
        const entry = count.get(key) ?? { n: 0, length };
        entry.n++;
        count.set(key, entry);
      }
  let sum = 0;
  for (const { n, length } of count.values()) if (n === 1) sum += length;
  return sum;
}

describe('simplifyForDisplay on Berlin’s 542 PLR', () => {
  let full: Area[];
  let simple: Area[];
  beforeAll(async () => {
    const file = await readAreaFile(BERLIN, { idField: 'PLR_ID', nameField: 'PLR_NAME' });
    full = file.areas.map((a) => ({
      type: 'Feature',
      id: a.key,
      properties: { name: a.name },
      geometry: a.geometry,
    }));
    const t = performance.now();
    simple = simplifyForDisplay(full);
    console.log(`simplifyForDisplay: ${(performance.now() - t).toFixed(0)} ms`);
  });

  it('fits in 400 KB gzipped', () => {
    const json = JSON.stringify({ type: 'FeatureCollection', features: simple });
    const gz = gzipSync(json).length;
    console.log(
      `Berlin display GeoJSON: ${(json.length / 1024).toFixed(0)} KB, gzipped ${(gz / 1024).toFixed(0)} KB`,
    );
    expect(gz).toBeLessThanOrEqual(400 * 1024);
  });

  it('keeps every area as a valid, non-empty, non-crossing polygon of about its size', () => {
    expect(simple).toHaveLength(542);
    let worst = 0;
    simple.forEach((f, i) => {
      expect(f.id).toBe(full[i]!.id);
      expect(f.properties.name).toBe(full[i]!.properties.name);
      for (const ring of rings(f.geometry)) {
        expect(ring.length).toBeGreaterThanOrEqual(4);
        expect(ring[0]).toEqual(ring[ring.length - 1]);
      }
      expect(findSelfIntersection(rings(f.geometry))).toBeNull();
      const ratio = geodesicAreaM2(f.geometry) / geodesicAreaM2(full[i]!.geometry);
      worst = Math.max(worst, Math.abs(ratio - 1));
    });
    console.log(`largest area change by simplification: ${(worst * 100).toFixed(2)} %`);
    expect(worst).toBeLessThan(0.01);
  });

  it('opens no gaps between neighbours (shared borders stay shared)', () => {
    // Edges used by one area only form the city boundary; a gap would add interior borders.
    expect(unsharedEdgeLength(simple)).toBeLessThan(unsharedEdgeLength(full) * 1.01);
  });

  it('rounds coordinates to 5 decimals', () => {
    for (const [lon, lat] of rings(simple[0]!.geometry).flat()) {
      expect(Math.round(lon! * 1e5) / 1e5).toBe(lon);
      expect(Math.round(lat! * 1e5) / 1e5).toBe(lat);
    }
  });
});

describe('simplifyForDisplay on small areas', () => {
  it('keeps a tiny island as a triangle at least, instead of letting it vanish', () => {
    const tiny: Area = {
      type: 'Feature',
      properties: { name: 'Insel' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [13.4, 52.5],
            [13.4001, 52.5],
            [13.4001, 52.5001],
            [13.40005, 52.50011],
            [13.4, 52.5001],
            [13.4, 52.5],
          ],
        ],
      },
    };
    const [out] = simplifyForDisplay([tiny], { minAreaM2: 1e6 });
    const ring = rings(out!.geometry)[0]!;
    expect(ring.length).toBeGreaterThanOrEqual(4);
    expect(geodesicAreaM2(out!.geometry)).toBeGreaterThan(0);
  });
});
