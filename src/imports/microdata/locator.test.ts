import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { generateCity } from '../../demo/generate.ts';
import { AreaIndex } from '../../geo/area-index.ts';
import { resolveCrs } from '../../geo/crs.ts';
import type { RecordFields } from './csv.ts';
import { decodeField, scanCsv } from './csv.ts';
import { AreaLocator } from './locator.ts';

describe('AreaLocator', () => {
  it('answers exactly like the exact point-in-polygon test, also near borders and in holes', () => {
    const city = generateCity({ seed: 5, population: 5000 });
    const geometries: (Polygon | MultiPolygon)[] = city.areas
      .filter((a) => a.level === 'sozialraum')
      .map((a) => a.geometry);
    // A square with a hole, overlapping nothing, and a tiny area inside one grid cell.
    geometries.push(
      {
        type: 'Polygon',
        coordinates: [
          [
            [7.0, 51.0],
            [7.1, 51.0],
            [7.1, 51.1],
            [7.0, 51.1],
            [7.0, 51.0],
          ],
          [
            [7.04, 51.04],
            [7.04, 51.06],
            [7.06, 51.06],
            [7.06, 51.04],
            [7.04, 51.04],
          ],
        ],
      },
      {
        type: 'Polygon',
        coordinates: [
          [
            [7.2, 51.2],
            [7.2001, 51.2],
            [7.2001, 51.2001],
            [7.2, 51.2],
          ],
        ],
      },
    );
    const crs = resolveCrs({ crs: 'EPSG:25832', fileName: 'x' });
    const locator = new AreaLocator(geometries, crs.fromWgs84, 1 << 14);
    const exact = new AreaIndex(
      geometries.map((g, key) => ({
        key,
        geometry:
          g.type === 'Polygon'
            ? {
                type: 'Polygon' as const,
                coordinates: g.coordinates.map((r) => r.map((p) => crs.fromWgs84(p[0]!, p[1]!))),
              }
            : {
                type: 'MultiPolygon' as const,
                coordinates: g.coordinates.map((poly) =>
                  poly.map((r) => r.map((p) => crs.fromWgs84(p[0]!, p[1]!))),
                ),
              },
      })),
    );
    expect(locator.borderShare).toBeGreaterThan(0);
    expect(locator.borderShare).toBeLessThan(0.5);
    let seed = 11;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    let placed = 0;
    const points: [number, number][] = [];
    const positions = geometries
      .slice(0, -2)
      .flatMap((g) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).flat(2));
    const lons = positions.map((p) => p[0]!);
    const lats = positions.map((p) => p[1]!);
    const [w, e, s, n] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
    for (let i = 0; i < 20000; i++)
      points.push(crs.fromWgs84(w - 0.01 + rand() * (e - w + 0.02), s - 0.01 + rand() * (n - s + 0.02)));
    for (let i = 0; i < 2000; i++) points.push(crs.fromWgs84(7 + rand() * 0.2, 51 + rand() * 0.2));
    // Points on and next to vertices of the areas (shared borders).
    for (const g of geometries.slice(0, 20)) {
      const ring = g.type === 'Polygon' ? g.coordinates[0]! : g.coordinates[0]![0]!;
      for (const p of ring.slice(0, 40)) {
        const [x, y] = crs.fromWgs84(p[0]!, p[1]!);
        points.push([x, y], [x + 1e-7, y], [x, y - 1e-7], [x + 0.05, y + 0.05]);
      }
    }
    points.push(crs.fromWgs84(7.05, 51.05), crs.fromWgs84(7.20005, 51.20001), [NaN, 0], [Infinity, 1]);
    for (const [x, y] of points) {
      const want = exact.locate(x, y) ?? -1;
      expect(locator.locate(x, y), `${x} ${y}`).toBe(want);
      if (want >= 0) placed++;
    }
    expect(placed).toBeGreaterThan(10000);
    expect(locator.locate(...crs.fromWgs84(7.05, 51.05))).toBe(-1); // in the hole
    expect(locator.locate(...crs.fromWgs84(7.20005, 51.20001))).toBe(geometries.length - 1);
  });
});

describe('scanCsv', () => {
  it('splits records identically whatever the chunk boundaries', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lagebild-csv-'));
    try {
      const path = join(dir, 'a.csv');
      const rows = ['"kopf a";kopf b;c'];
      for (let i = 0; i < 300; i++) rows.push(`${i};"x;""${i}""\nzweite Zeile";${'y'.repeat(i % 17)}\r`);
      await writeFile(path, rows.join('\n'));
      const read = async (chunk: number) => {
        const out: string[][] = [];
        let header: string[] = [];
        const visit = (buf: Uint8Array, f: RecordFields) => {
          out.push(
            Array.from({ length: f.count }, (_, k) =>
              decodeField(buf, f.starts[k]!, f.ends[k]!, 'utf-8', f.escaped[k] === 1),
            ),
          );
        };
        await scanCsv(
          path,
          'a.csv',
          (h) => {
            header = h.names;
            return { visit };
          },
          chunk,
        );
        return { header, out };
      };
      const big = await read(1 << 20);
      expect(big.header).toEqual(['kopf a', 'kopf b', 'c']);
      expect(big.out).toHaveLength(300);
      expect(big.out[5]).toEqual(['5', 'x;"5"\nzweite Zeile', 'yyyyy']);
      for (const chunk of [7, 64, 1000]) expect(await read(chunk)).toEqual(big);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
