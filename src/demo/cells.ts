import { Delaunay } from 'd3-delaunay';
import polygonClipping from 'polygon-clipping';
import type { Rng } from './rng.ts';
import type { MultiPoly, Pt, Ring } from './planar.ts';
import { multiPolyArea, multiPolyCentroid, orientRing, pointInRing } from './planar.ts';

/** One Voronoi cell clipped to the city outline (planar, EPSG:25832). */
export interface Cell {
  site: Pt;
  geometry: MultiPoly;
  centroid: Pt;
  /** Planar area in m². */
  area: number;
  /** Does the cell touch the city boundary? */
  onBoundary: boolean;
}

/** Cells plus rook adjacency (cells sharing a border segment inside the city). */
export interface CellLayout {
  cells: Cell[];
  neighbours: number[][];
}

/** Grid spacing for the Lloyd centroids, in metres: ~12,000 samples over the city. */
const GRID_STEP = 100;
const LLOYD_ITERATIONS = 4;

/**
 * Seeded Sozialraum cells: random sites inside the outline, moved by weighted Lloyd relaxation
 * (centroids estimated on a sample grid), then Voronoi cells clipped to the outline.
 * `weight(x, y)` > 0 attracts sites: with a weight that peaks in the centre the inner-city cells
 * come out smaller, as real statistical districts do where people live densely.
 */
export function buildCells(
  outline: Ring,
  count: number,
  weight: (x: number, y: number) => number,
  rng: Rng,
): CellLayout {
  const [minX, minY, maxX, maxY] = ringBbox(outline);
  const sites: Pt[] = [];
  while (sites.length < count) {
    const x = rng.range(minX, maxX);
    const y = rng.range(minY, maxY);
    if (pointInRing(x, y, outline)) sites.push([x, y]);
  }

  const grid: { x: number; y: number; w: number }[] = [];
  for (let y = minY + GRID_STEP / 2; y < maxY; y += GRID_STEP) {
    for (let x = minX + GRID_STEP / 2; x < maxX; x += GRID_STEP) {
      if (pointInRing(x, y, outline)) grid.push({ x, y, w: weight(x, y) });
    }
  }

  for (let iter = 0; iter < LLOYD_ITERATIONS; iter++) {
    const delaunay = Delaunay.from(sites);
    const sx = new Float64Array(count);
    const sy = new Float64Array(count);
    const sw = new Float64Array(count);
    let hint = 0;
    for (const g of grid) {
      hint = delaunay.find(g.x, g.y, hint);
      sx[hint] = (sx[hint] ?? 0) + g.x * g.w;
      sy[hint] = (sy[hint] ?? 0) + g.y * g.w;
      sw[hint] = (sw[hint] ?? 0) + g.w;
    }
    for (let i = 0; i < count; i++) {
      const w = sw[i] ?? 0;
      // A site that caught no grid point keeps its place rather than jumping to NaN.
      if (w > 0) sites[i] = [(sx[i] ?? 0) / w, (sy[i] ?? 0) / w];
    }
  }

  const margin = 1000;
  const delaunay = Delaunay.from(sites);
  const voronoi = delaunay.voronoi([minX - margin, minY - margin, maxX + margin, maxY + margin]);
  const cells: Cell[] = [];
  const voronoiRings: Ring[] = [];
  for (let i = 0; i < count; i++) {
    const raw = voronoi.cellPolygon(i) as Pt[] | null;
    if (!raw) throw new Error(`Voronoi cell ${i} is empty`);
    const ring = orientRing(raw, true);
    voronoiRings.push(ring);
    const clipped = polygonClipping.intersection([ring], [outline]);
    const geometry: MultiPoly = clipped.map((poly) => poly.map((r, k) => orientRing(r, k === 0)));
    cells.push({
      site: sites[i] as Pt,
      geometry,
      centroid: multiPolyCentroid(geometry),
      area: multiPolyArea(geometry),
      onBoundary: raw.some(([x, y]) => !pointInRing(x, y, outline)),
    });
  }
  return { cells, neighbours: rookNeighbours(delaunay, voronoiRings, outline) };
}

/**
 * Delaunay neighbours whose common Voronoi edge runs at least partly inside the city. Two hull
 * cells can be Delaunay neighbours although their shared edge lies entirely outside the outline.
 */
function rookNeighbours(delaunay: Delaunay<Pt>, rings: Ring[], outline: Ring): number[][] {
  return rings.map((ring, i) => {
    const result: number[] = [];
    for (const j of delaunay.neighbors(i)) {
      const other = new Set((rings[j] ?? []).map(([x, y]) => `${x},${y}`));
      const shared = ring.slice(0, -1).filter(([x, y]) => other.has(`${x},${y}`));
      const [a, b] = shared;
      if (!a || !b) continue;
      let inside = false;
      for (let t = 0.02; t < 1 && !inside; t += 0.04) {
        inside = pointInRing(a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, outline);
      }
      if (inside) result.push(j);
    }
    return result.sort((x, y) => x - y);
  });
}

function ringBbox(ring: Ring): [number, number, number, number] {
  const xs = ring.map((p) => p[0]);
  const ys = ring.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}
