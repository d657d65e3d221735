import Flatbush from 'flatbush';
import type { MultiPolygon, Polygon } from 'geojson';

/** One area to index: its key and its lon/lat geometry. */
export type IndexedArea<K> = { key: K; geometry: Polygon | MultiPolygon };

/**
 * Point-in-area lookup for many points: which Sozialraum/Stadtteil does an address fall into?
 *
 * Two stages: a Flatbush R-tree over the areas' bounding boxes picks the candidates, then an
 * even-odd ray test decides (W. R. Franklin, "PNPOLY"; holes and multipolygon parts follow from
 * the even-odd rule). To keep the ray test short on areas with thousands of vertices, each area's
 * edges are bucketed into horizontal bands ("slab decomposition", Preparata & Shamos 1985 §2.2):
 * a point only looks at the few edges of its band. 1,000,000 points against Berlin's 542 PLR take
 * well under a second.
 *
 * Edges count as crossing the ray when one end lies above the point and the other not
 * (half-open), so a point on a border shared by two areas is given to exactly one of them.
 * If areas overlap, the one listed first wins.
 *
 * @example new AreaIndex(areas).locate(6.9583, 50.9413) // → '103' (Köln Altstadt/Nord)
 */
export class AreaIndex<K> {
  readonly #keys: K[];
  readonly #shapes: BandedShape[];
  readonly #tree: Flatbush | null;

  constructor(areas: readonly IndexedArea<K>[]) {
    this.#keys = areas.map((a) => a.key);
    this.#shapes = areas.map((a) => new BandedShape(a.geometry));
    if (areas.length === 0) {
      this.#tree = null;
      return;
    }
    const tree = new Flatbush(areas.length);
    for (const s of this.#shapes) tree.add(s.minX, s.minY, s.maxX, s.maxY);
    tree.finish();
    this.#tree = tree;
  }

  /** Number of indexed areas. */
  get size(): number {
    return this.#keys.length;
  }

  /** Key of the area containing the point, or null if it lies in none (or in a hole). */
  locate(lon: number, lat: number): K | null {
    if (!this.#tree || !Number.isFinite(lon) || !Number.isFinite(lat)) return null;
    let best = -1;
    this.#tree.search(lon, lat, lon, lat, (i) => {
      if ((best < 0 || i < best) && this.#shapes[i]!.contains(lon, lat)) best = i;
      return false;
    });
    return best < 0 ? null : this.#keys[best]!;
  }

  /**
   * Locates many points at once.
   * @param points `[lon, lat]` pairs, or a flat array `lon0, lat0, lon1, lat1, …`
   * @returns one key (or null) per point, in input order
   */
  locateMany(points: ArrayLike<number> | readonly (readonly [number, number])[]): (K | null)[] {
    if (isFlat(points)) {
      const out = new Array<K | null>(points.length >> 1);
      for (let i = 0; i < out.length; i++) out[i] = this.locate(points[2 * i]!, points[2 * i + 1]!);
      return out;
    }
    return points.map(([lon, lat]) => this.locate(lon, lat));
  }
}

function isFlat(
  points: ArrayLike<number> | readonly (readonly [number, number])[],
): points is ArrayLike<number> {
  return points.length === 0 || typeof points[0] === 'number';
}

/** The edges of one area, bucketed by latitude band. */
class BandedShape {
  minX = Infinity;
  minY = Infinity;
  maxX = -Infinity;
  maxY = -Infinity;
  readonly #bandHeight: number;
  readonly #bandStart: Int32Array;
  /** x1, y1, x2, y2 per edge entry, grouped by band (an edge spanning k bands appears k times). */
  readonly #edges: Float64Array;

  constructor(geometry: Polygon | MultiPolygon) {
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    const raw: number[] = [];
    for (const rings of polygons)
      for (const ring of rings) {
        const n = ring.length;
        for (let i = 0; i < n; i++) {
          const a = ring[i]!;
          const b = ring[(i + 1) % n]!; // closes the ring even if the last position is not repeated
          const [x1, y1, x2, y2] = [a[0]!, a[1]!, b[0]!, b[1]!];
          this.minX = Math.min(this.minX, x1);
          this.maxX = Math.max(this.maxX, x1);
          this.minY = Math.min(this.minY, y1);
          this.maxY = Math.max(this.maxY, y1);
          if (y1 !== y2) raw.push(x1, y1, x2, y2); // horizontal edges never cross a horizontal ray
        }
      }
    const edgeCount = raw.length / 4;
    // About four edges per band keeps both memory and the per-point work small.
    const bands = Math.max(1, Math.min(1 << 16, Math.ceil(edgeCount / 4)));
    this.#bandHeight = (this.maxY - this.minY) / bands || 1;
    const counts = new Int32Array(bands + 1);
    this.#forEachBand(raw, bands, (_e, b) => counts[b + 1]!++);
    for (let b = 0; b < bands; b++) counts[b + 1]! += counts[b]!;
    this.#bandStart = counts;
    this.#edges = new Float64Array(counts[bands]! * 4);
    const fill = counts.slice(0, bands);
    const edges = this.#edges;
    this.#forEachBand(raw, bands, (e, b) => {
      const o = fill[b]!++ * 4;
      for (let k = 0; k < 4; k++) edges[o + k] = raw[e * 4 + k]!;
    });
  }

  #band(y: number, bands: number): number {
    return Math.min(bands - 1, Math.max(0, Math.floor((y - this.minY) / this.#bandHeight)));
  }

  #forEachBand(raw: number[], bands: number, visit: (edge: number, band: number) => void): void {
    for (let e = 0; e < raw.length / 4; e++) {
      const y1 = raw[e * 4 + 1]!;
      const y2 = raw[e * 4 + 3]!;
      const last = this.#band(Math.max(y1, y2), bands);
      for (let b = this.#band(Math.min(y1, y2), bands); b <= last; b++) visit(e, b);
    }
  }

  contains(x: number, y: number): boolean {
    if (x < this.minX || x > this.maxX || y < this.minY || y > this.maxY) return false;
    const bands = this.#bandStart.length - 1;
    const b = this.#band(y, bands);
    const edges = this.#edges;
    let inside = false;
    for (let o = this.#bandStart[b]! * 4, end = this.#bandStart[b + 1]! * 4; o < end; o += 4) {
      const x1 = edges[o]!;
      const y1 = edges[o + 1]!;
      const x2 = edges[o + 2]!;
      const y2 = edges[o + 3]!;
      if (y1 > y !== y2 > y && x < ((x2 - x1) * (y - y1)) / (y2 - y1) + x1) inside = !inside;
    }
    return inside;
  }
}
