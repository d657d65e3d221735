import type { MultiPolygon, Polygon, Position } from 'geojson';
import { AreaIndex } from '../../geo/area-index.ts';

/** Converts WGS84 lon/lat to the coordinates of the data. */
export type Project = (lon: number, lat: number) => [number, number];

/** Grid cell value: the cell touches a border, so each point needs the exact test. */
const BORDER = -2;
/** Grid cell value: the cell lies in no area. */
const NONE = -1;

/**
 * Point → area index for millions of points, in the CRS of the data (the areas are projected
 * once instead of every point).
 *
 * A raster over the areas' extent answers most points by one array read: every grid cell that no
 * area edge touches lies wholly inside one area (or outside all), found by one exact test per run
 * of such cells along a grid row (an edge between two neighbouring cells would touch both). Cells
 * touched by an edge fall back to the exact test of {@link AreaIndex} (Flatbush R-tree plus
 * even-odd ray test; a point on a shared border goes to exactly one area, overlaps to the first).
 * The cells touched by an edge are found exactly per grid row and widened by a relative 1e-9, so
 * rounding in the cell arithmetic cannot put a point into a "pure" cell across a border.
 * The raster idea is the "grid method" of point location (Žalik & Kolingerova 2001).
 */
export class AreaLocator {
  readonly #index: AreaIndex<number>;
  readonly #grid: Int32Array;
  readonly #nx: number;
  readonly #ny: number;
  readonly #x0: number;
  readonly #y0: number;
  readonly #sx: number;
  readonly #sy: number;

  /**
   * @param geometries lon/lat geometries (RFC 7946) of the areas, in output order
   * @param project lon/lat → data CRS; null when the data is lon/lat itself
   * @param cells approximate number of grid cells (memory: 4 bytes each)
   */
  constructor(geometries: readonly (Polygon | MultiPolygon)[], project: Project | null, cells = 1 << 20) {
    const shapes = geometries.map((g) => (project ? projectGeometry(g, project) : g));
    this.#index = new AreaIndex(shapes.map((geometry, key) => ({ key, geometry })));
    let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
    forEachEdge(shapes, (x1, y1) => {
      minX = Math.min(minX, x1);
      minY = Math.min(minY, y1);
      maxX = Math.max(maxX, x1);
      maxY = Math.max(maxY, y1);
    });
    if (!(minX < maxX && minY < maxY)) {
      [this.#nx, this.#ny, this.#x0, this.#y0, this.#sx, this.#sy] = [0, 0, 0, 0, 0, 0];
      this.#grid = new Int32Array(0);
      return;
    }
    const w = maxX - minX;
    const h = maxY - minY;
    const nx = Math.max(1, Math.round(Math.sqrt((cells * w) / h)));
    const ny = Math.max(1, Math.round(cells / nx));
    [this.#nx, this.#ny, this.#x0, this.#y0] = [nx, ny, minX, minY];
    this.#sx = nx / w;
    this.#sy = ny / h;
    this.#grid = new Int32Array(nx * ny);
    this.#markBorders(shapes, (w + h) * 1e-9);
    this.#classifyRuns();
  }

  /** Index of the area containing (x, y) in the data CRS, or -1. */
  locate(x: number, y: number): number {
    const cx = Math.floor((x - this.#x0) * this.#sx);
    const cy = Math.floor((y - this.#y0) * this.#sy);
    // Written so that NaN coordinates also take the early return.
    if (!(cx >= 0 && cx < this.#nx && cy >= 0 && cy < this.#ny)) return NONE;
    const v = this.#grid[cy * this.#nx + cx]!;
    if (v !== BORDER) return v;
    return this.#index.locate(x, y) ?? NONE;
  }

  /** Share of grid cells that need the exact test (for tuning and tests). */
  get borderShare(): number {
    let n = 0;
    for (const v of this.#grid) if (v === BORDER) n++;
    return this.#grid.length === 0 ? 0 : n / this.#grid.length;
  }

  #markBorders(shapes: readonly (Polygon | MultiPolygon)[], eps: number): void {
    const [nx, ny, x0, y0, sx, sy, grid] = [
      this.#nx,
      this.#ny,
      this.#x0,
      this.#y0,
      this.#sx,
      this.#sy,
      this.#grid,
    ];
    const row = (y: number) => Math.floor((y - y0) * sy);
    const col = (x: number) => Math.floor((x - x0) * sx);
    forEachEdge(shapes, (x1, y1, x2, y2) => {
      const r0 = Math.max(0, row(Math.min(y1, y2) - eps));
      const r1 = Math.min(ny - 1, row(Math.max(y1, y2) + eps));
      for (let r = r0; r <= r1; r++) {
        // The part of the edge inside this row's band, widened by eps.
        const lo = Math.max(Math.min(y1, y2), y0 + r / sy - eps);
        const hi = Math.min(Math.max(y1, y2), y0 + (r + 1) / sy + eps);
        let xa: number;
        let xb: number;
        if (y1 === y2) [xa, xb] = [x1, x2];
        else {
          const t = (x2 - x1) / (y2 - y1);
          xa = x1 + (lo - y1) * t;
          xb = x1 + (hi - y1) * t;
        }
        const c0 = Math.max(0, col(Math.min(xa, xb) - eps));
        const c1 = Math.min(nx - 1, col(Math.max(xa, xb) + eps));
        grid.fill(BORDER, r * nx + c0, r * nx + c1 + 1);
      }
    });
  }

  #classifyRuns(): void {
    const [nx, ny, x0, y0, sx, sy, grid] = [
      this.#nx,
      this.#ny,
      this.#x0,
      this.#y0,
      this.#sx,
      this.#sy,
      this.#grid,
    ];
    for (let r = 0; r < ny; r++) {
      const base = r * nx;
      let c = 0;
      while (c < nx) {
        if (grid[base + c] === BORDER) {
          c++;
          continue;
        }
        let end = c;
        while (end < nx && grid[base + end] !== BORDER) end++;
        // Centre of the run's first cell: any point of the run lies in the same area.
        const area = this.#index.locate(x0 + (c + 0.5) / sx, y0 + (r + 0.5) / sy) ?? NONE;
        grid.fill(area, base + c, base + end);
        c = end;
      }
    }
  }
}

function projectGeometry(g: Polygon | MultiPolygon, project: Project): Polygon | MultiPolygon {
  const ring = (positions: Position[]) => positions.map((p) => project(p[0]!, p[1]!));
  return g.type === 'Polygon'
    ? { type: 'Polygon', coordinates: g.coordinates.map(ring) }
    : { type: 'MultiPolygon', coordinates: g.coordinates.map((poly) => poly.map(ring)) };
}

function forEachEdge(
  shapes: readonly (Polygon | MultiPolygon)[],
  visit: (x1: number, y1: number, x2: number, y2: number) => void,
): void {
  for (const g of shapes) {
    const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    for (const rings of polygons)
      for (const ring of rings)
        for (let i = 0; i < ring.length; i++) {
          const a = ring[i]!;
          const b = ring[(i + 1) % ring.length]!;
          visit(a[0]!, a[1]!, b[0]!, b[1]!);
        }
  }
}
