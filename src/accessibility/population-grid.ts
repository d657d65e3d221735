/**
 * A population grid from area counts (docs/methods.md §7): each area's population spread evenly
 * over the centres of the grid cells inside it. Cities rarely hold register data on a grid, but
 * catchments of a few hundred metres need more than one point per Sozialraum: with one centroid
 * per area, a playground 150 m beyond the centroid would serve either everyone or no one.
 * The even spread inside an area is the simplest dasymetric assumption; a finer level (blocks)
 * imported as areas refines it.
 *
 * Coordinates are metres in the UTM zone of the areas' centre (ETRS89/GRS80, as EPSG:25832/25833
 * for German cities), so straight-line distances are planar.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import proj4 from 'proj4';
import { AreaIndex } from '../geo/area-index.ts';

export interface GridArea {
  geometry: Polygon | MultiPolygon;
  /** The population spread over the area's cells (e.g. children under 6). */
  population: number;
}

export interface PopulationGrid {
  /** Cell size in metres. */
  cellSize: number;
  /** proj4 definition of the metric CRS of `xy`. */
  projection: string;
  /** Interleaved cell centres x0, y0, x1, y1, … in metres. */
  xy: Float64Array;
  /** Index of the area (in input order) each cell belongs to. */
  area: Int32Array;
  /** Population per cell: the area's population over its number of cells. */
  weight: Float64Array;
}

/** proj4 definition of the UTM zone (GRS80) containing a longitude. */
export function utmFor(lon: number): string {
  const zone = Math.min(60, Math.max(1, Math.floor((lon + 180) / 6) + 1));
  return `+proj=utm +zone=${zone} +ellps=GRS80 +units=m +no_defs`;
}

/** A converter from lon/lat to the metric CRS `projection`. */
export function toMetric(projection: string): (lon: number, lat: number) => [number, number] {
  const converter = proj4('EPSG:4326', projection);
  return (lon, lat) => converter.forward<[number, number]>([lon, lat]);
}

function projectGeometry(g: Polygon | MultiPolygon, forward: (lon: number, lat: number) => [number, number]) {
  const ring = (r: Position[]) => r.map((p) => forward(p[0]!, p[1]!));
  return g.type === 'Polygon'
    ? { type: 'Polygon' as const, coordinates: g.coordinates.map(ring) }
    : { type: 'MultiPolygon' as const, coordinates: g.coordinates.map((rings) => rings.map(ring)) };
}

/** The area-weighted centroid of a polygon's outer rings (shoelace), used for tiny areas. */
function outerCentroid(g: Polygon | MultiPolygon): [number, number] {
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (const rings of polygons) {
    const ring = rings[0] ?? [];
    for (let i = 0; i < ring.length; i++) {
      const [x1, y1] = ring[i] as [number, number];
      const [x2, y2] = ring[(i + 1) % ring.length] as [number, number];
      const cross = x1 * y2 - x2 * y1;
      a += cross;
      cx += (x1 + x2) * cross;
      cy += (y1 + y2) * cross;
    }
  }
  if (a === 0) {
    const p = polygons[0]?.[0]?.[0] ?? [0, 0];
    return [p[0]!, p[1]!];
  }
  return [cx / (3 * a), cy / (3 * a)];
}

/**
 * Spreads each area's population over the centres of a regular grid of `cellSize` metres that fall
 * inside it. An area smaller than a cell, holding no centre, gets one cell at its centroid, so no
 * one is lost: the weights of an area's cells add up to its population.
 */
export function populationGrid(areas: readonly GridArea[], cellSize = 100): PopulationGrid {
  let minLon = Infinity;
  let maxLon = -Infinity;
  for (const a of areas) {
    const polygons = a.geometry.type === 'Polygon' ? [a.geometry.coordinates] : a.geometry.coordinates;
    for (const rings of polygons)
      for (const p of rings[0] ?? []) {
        minLon = Math.min(minLon, p[0]!);
        maxLon = Math.max(maxLon, p[0]!);
      }
  }
  const projection = utmFor(Number.isFinite(minLon) ? (minLon + maxLon) / 2 : 0);
  const forward = toMetric(projection);
  const projected = areas.map((a, i) => ({ key: i, geometry: projectGeometry(a.geometry, forward) }));
  const index = new AreaIndex(projected);
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const { geometry } of projected) {
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    for (const rings of polygons)
      for (const [x, y] of rings[0] ?? []) {
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
        minY = Math.min(minY, y);
        maxY = Math.max(maxY, y);
      }
  }
  const xs: number[] = [];
  const owner: number[] = [];
  if (minX <= maxX) {
    const x0 = Math.floor(minX / cellSize) * cellSize + cellSize / 2;
    const y0 = Math.floor(minY / cellSize) * cellSize + cellSize / 2;
    for (let y = y0; y <= maxY; y += cellSize)
      for (let x = x0; x <= maxX; x += cellSize) {
        const found = index.locate(x, y);
        if (found !== null) {
          xs.push(x, y);
          owner.push(found);
        }
      }
  }
  const counts = new Int32Array(areas.length);
  for (const i of owner) counts[i]!++;
  projected.forEach(({ geometry }, i) => {
    if (counts[i] === 0) {
      xs.push(...outerCentroid(geometry));
      owner.push(i);
      counts[i] = 1;
    }
  });
  const area = Int32Array.from(owner);
  const weight = Float64Array.from(owner, (i) => areas[i]!.population / counts[i]!);
  return { cellSize, projection, xy: Float64Array.from(xs), area, weight };
}

/**
 * Per area, the population-weighted mean of a per-cell value (e.g. 2SFCA access), and the sum of
 * value × population (e.g. places within reach attributed to the area's people).
 */
export function byArea(
  grid: PopulationGrid,
  values: ArrayLike<number>,
  areaCount: number,
): { mean: Float64Array; total: Float64Array } {
  const total = new Float64Array(areaCount);
  const people = new Float64Array(areaCount);
  for (let c = 0; c < grid.area.length; c++) {
    const i = grid.area[c]!;
    total[i] = total[i]! + values[c]! * grid.weight[c]!;
    people[i] = people[i]! + grid.weight[c]!;
  }
  const mean = Float64Array.from(total, (t, i) => (people[i]! > 0 ? t / people[i]! : 0));
  return { mean, total };
}
