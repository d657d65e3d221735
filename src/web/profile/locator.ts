/**
 * A small locator map as plain SVG paths: every area of a level in a local equirectangular
 * projection (longitude scaled by the cosine of the mid latitude, so shapes keep their proportions
 * at city scale). No map library and no tiles: it prints, and it loads with the page.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';

export interface LocatorShape {
  id: string;
  parent: string | null;
  /** SVG path data in the viewBox `0 0 width height`. */
  d: string;
}

export interface LocatorMap {
  width: number;
  height: number;
  shapes: LocatorShape[];
}

interface Feature {
  properties: { id: string; parent: string | null };
  geometry: Polygon | MultiPolygon;
}

const rings = (g: Polygon | MultiPolygon): Position[][] =>
  g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();

/**
 * Projects the features into a box `width` wide (height from the extent), with `pad` units margin.
 * @example locatorMap([{ properties: { id: 'a', parent: null }, geometry: { type: 'Polygon', coordinates: [[[0,0],[1,0],[1,1],[0,0]]] } }], 100, 0)
 *   // { width: 100, height: 100, shapes: [{ id: 'a', parent: null, d: 'M0 100L100 100L100 0Z' }] }
 */
export function locatorMap(features: readonly Feature[], width: number, pad = 4): LocatorMap {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const f of features)
    for (const ring of rings(f.geometry))
      for (const [x = 0, y = 0] of ring) {
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
        minY = Math.min(minY, y);
        maxY = Math.max(maxY, y);
      }
  if (!Number.isFinite(minX)) return { width, height: 0, shapes: [] };
  const k = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  const spanX = Math.max((maxX - minX) * k, 1e-9);
  const spanY = Math.max(maxY - minY, 1e-9);
  const scale = (width - 2 * pad) / spanX;
  const height = Math.round((spanY * scale + 2 * pad) * 10) / 10;
  const r = (v: number) => Math.round(v * 10) / 10;
  const px = (x: number) => r(pad + (x - minX) * k * scale);
  const py = (y: number) => r(pad + (maxY - y) * scale);
  return {
    width,
    height,
    shapes: features.map((f) => ({
      id: f.properties.id,
      parent: f.properties.parent,
      d: rings(f.geometry)
        .map((ring) => {
          // the closing position repeats the first: Z closes the ring instead
          const open = ring.slice(0, -1);
          return `M${open.map(([x = 0, y = 0]) => `${px(x)} ${py(y)}`).join('L')}Z`;
        })
        .join(''),
    })),
  };
}
