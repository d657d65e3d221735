import type { MultiPolygon, Polygon, Position } from 'geojson';
import polygonClipping from 'polygon-clipping';
import type { MicrodataArea } from './options.ts';

type Pair = [number, number];

/**
 * A finer synthetic level for tests and benchmarks: every area is cut by a grid laid over its
 * bounding box, and each non-empty piece (grid cell ∩ area) becomes an area `<key>-<n>`. Pieces
 * are spread in proportion to the areas' sizes, so the result has roughly `target` areas (the
 * demo city's ~60 Sozialräume → ~500 "Planungsräume"). The pieces tile the input up to the
 * rounding of polygon-clipping at the cut lines, so counts on the finer level add up to those of
 * the coarser one except for points within millimetres of a border (in the 1M demo city, one
 * building of 17 persons lies on such a border and changes Sozialraum).
 * @param areas lon/lat areas (each with a geometry)
 * @param target approximate number of areas wanted
 */
export function splitAreas(
  areas: readonly { key: string; geometry: Polygon | MultiPolygon }[],
  target: number,
): FinerArea[] {
  // Cut pieces depend on shapes; two corrections of the requested count land within a few %.
  let ask = target;
  let out = cut(areas, ask);
  for (let round = 0; round < 2 && Math.abs(out.length - target) > 0.03 * target; round++) {
    ask *= target / out.length;
    out = cut(areas, ask);
  }
  return out;
}

/** An area of the finer level and the key of the area it was cut from. */
export type FinerArea = MicrodataArea & { geometry: Polygon | MultiPolygon; parent: string };

function cut(
  areas: readonly { key: string; geometry: Polygon | MultiPolygon }[],
  target: number,
): FinerArea[] {
  const boxes = areas.map((a) => bbox(a.geometry));
  const sizes = areas.map((a) => Math.abs(planarArea(a.geometry)));
  const total = sizes.reduce((s, v) => s + v, 0);
  const out: FinerArea[] = [];
  areas.forEach((a, i) => {
    const [minX, minY, maxX, maxY] = boxes[i]!;
    const wanted = Math.max(1, (target * sizes[i]!) / total);
    const cells = wanted;
    const nx = Math.max(1, Math.round(Math.sqrt((cells * (maxX - minX)) / (maxY - minY))));
    const ny = Math.max(1, Math.round(cells / nx));
    const dx = (maxX - minX) / nx;
    const dy = (maxY - minY) / ny;
    const shape = toClip(a.geometry);
    let n = 0;
    for (let gy = 0; gy < ny; gy++)
      for (let gx = 0; gx < nx; gx++) {
        // The outer cells reach exactly to the box, so no sliver is lost to rounding.
        const x0 = gx === 0 ? minX : minX + gx * dx;
        const x1 = gx === nx - 1 ? maxX : minX + (gx + 1) * dx;
        const y0 = gy === 0 ? minY : minY + gy * dy;
        const y1 = gy === ny - 1 ? maxY : minY + (gy + 1) * dy;
        const cell: Pair[][] = [
          [
            [x0, y0],
            [x1, y0],
            [x1, y1],
            [x0, y1],
            [x0, y0],
          ],
        ];
        const piece = polygonClipping.intersection(shape, cell);
        if (piece.length === 0) continue;
        n++;
        const geometry: Polygon | MultiPolygon =
          piece.length === 1
            ? { type: 'Polygon', coordinates: piece[0]! }
            : { type: 'MultiPolygon', coordinates: piece };
        out.push({ key: `${a.key}-${n}`, parent: a.key, geometry });
      }
  });
  return out;
}

function toClip(g: Polygon | MultiPolygon): Pair[][][] {
  const polys: Position[][][] = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  return polys.map((rings) => rings.map((ring) => ring.map((p) => [p[0]!, p[1]!] as Pair)));
}

function bbox(g: Polygon | MultiPolygon): [number, number, number, number] {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const rings of toClip(g))
    for (const ring of rings)
      for (const [x, y] of ring) {
        minX = Math.min(minX, x);
        minY = Math.min(minY, y);
        maxX = Math.max(maxX, x);
        maxY = Math.max(maxY, y);
      }
  return [minX, minY, maxX, maxY];
}

/** Signed shoelace area in coordinate units (holes subtract, whatever the ring order). */
function planarArea(g: Polygon | MultiPolygon): number {
  let total = 0;
  for (const rings of toClip(g))
    rings.forEach((ring, k) => {
      let s = 0;
      for (let i = 0; i + 1 < ring.length; i++)
        s += ring[i]![0] * ring[i + 1]![1] - ring[i + 1]![0] * ring[i]![1];
      total += (k === 0 ? 1 : -1) * Math.abs(s / 2);
    });
  return total;
}
