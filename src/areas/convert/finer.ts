/**
 * Population weights from finer units — the areas of a finer level with their own counts (Blöcke)
 * or the cells of a population grid (Zensus 2022) — for the pieces of a correspondence table
 * (docs/methods.md §10.1).
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { AreaIndex } from '../../geo/area-index.ts';
import type { ConvertArea, CorrespondenceRow } from './correspondence.ts';
import { populationShares } from './weights.ts';

/** A finer unit reduced to a point inside it and its inhabitants. */
export interface FinerUnit {
  lon: number;
  lat: number;
  population: number;
}

/** A population grid read from a file. */
export interface PopulationGridFile {
  fileName: string;
  /** Cell size in metres when the columns or cell ids name it (100, 1000), else null. */
  cellSize: number | null;
  /** True for the INSPIRE/Zensus columns (GITTER_ID_…, x_mp_…). */
  zensus: boolean;
  /** Cell centres in lon/lat with their inhabitants. */
  units: FinerUnit[];
  /** Cells whose count is withheld (–, ., -1 …): left out. */
  secret: number;
}

/** Key of a piece s∩t in `pieceWeights`. */
export const pieceKey = (from: string, to: string) => `${from}\u0000${to}`;

/**
 * Inhabitants of each piece s∩t: every finer unit is given whole to the piece that contains its
 * representative point (point-in-polygon allocation of the ancillary units, the binary dasymetric
 * step of Eicher & Brewer 2001 and Mennis 2003 applied to units far smaller than the areas), so
 * `w(s,t) = Σ_{f: p_f ∈ s∩t} P_f`.
 *
 * Why points and not the overlap `Σ_f P_f · |s∩t∩f| / |f|`: a 100 m cell or a Block is small
 * against a Planungsraum and usually nests in the new areas, so only the units cut by an old border
 * differ between the two — by at most their own population, on one side or the other — while the
 * overlap would need one more polygon intersection per unit (tens of thousands of Blöcke).
 *
 * @param units representative points with inhabitants (negative or non-finite counts are skipped)
 * @param from old areas, `to` new areas (lon/lat)
 * @returns inhabitants per piece key, and the units (and inhabitants) outside any piece
 * @example pieceWeights([{ lon: 13.005, lat: 52.01, population: 30 }], OLD, NEW) // → A∩L: 30
 */
export function pieceWeights(
  units: readonly FinerUnit[],
  from: readonly ConvertArea[],
  to: readonly ConvertArea[],
): { weights: Map<string, number>; outside: { units: number; population: number } } {
  const oldIndex = new AreaIndex(from.map((a) => ({ key: a.key, geometry: a.geometry })));
  const newIndex = new AreaIndex(to.map((a) => ({ key: a.key, geometry: a.geometry })));
  const weights = new Map<string, number>();
  const outside = { units: 0, population: 0 };
  for (const u of units) {
    if (!(u.population >= 0) || !Number.isFinite(u.population)) continue;
    const s = oldIndex.locate(u.lon, u.lat);
    const t = s === null ? null : newIndex.locate(u.lon, u.lat);
    if (s === null || t === null) {
      outside.units++;
      outside.population += u.population;
      continue;
    }
    const k = pieceKey(s, t);
    weights.set(k, (weights.get(k) ?? 0) + u.population);
  }
  return { weights, outside };
}

/**
 * Shares from finer-unit weights: `share(s,t) = w(s,t) / Σ_t' w(s,t')` over the kept pieces of s.
 * A piece holding no unit weighs 0. An old area none of whose pieces holds an inhabitant falls back
 * to target density (`populationShares`, P_t of the new areas), and where that is zero too, keeps
 * its area shares — the same order of evidence as the method itself.
 *
 * @param rows area-weighted rows (`share` replaced)
 * @param weights inhabitants per piece (`pieceWeights`)
 * @param population P_t of the new areas, for the fallback (may be empty)
 * @param areaM2 |t| of the new areas, for the fallback
 * @returns rows, the old keys that fell back to target density and those that fell back to area
 * @example finerShares(rows, new Map([[pieceKey('A', 'L'), 30], [pieceKey('A', 'M'), 90]]), new Map(), areaM2)
 *   // → A→L 0.25, A→M 0.75
 */
export function finerShares(
  rows: readonly CorrespondenceRow[],
  weights: ReadonlyMap<string, number>,
  population: ReadonlyMap<string, number>,
  areaM2: ReadonlyMap<string, number>,
): { rows: CorrespondenceRow[]; targetFallback: string[]; areaFallback: string[] } {
  const w = (r: CorrespondenceRow) => weights.get(pieceKey(r.from, r.to)) ?? 0;
  const sums = new Map<string, number>();
  for (const r of rows) sums.set(r.from, (sums.get(r.from) ?? 0) + w(r));
  const without = rows.filter((r) => !(sums.get(r.from)! > 0));
  const fallback = populationShares(without, population, areaM2);
  const fallbackRows = new Map(fallback.rows.map((r) => [pieceKey(r.from, r.to), r]));
  const out = rows.map((r) => {
    const sum = sums.get(r.from)!;
    return sum > 0 ? { ...r, share: w(r) / sum } : fallbackRows.get(pieceKey(r.from, r.to))!;
  });
  const areaFallback = new Set(fallback.areaFallback);
  const targetFallback = [...new Set(without.map((r) => r.from))].filter((k) => !areaFallback.has(k));
  return { rows: out, targetFallback: targetFallback.sort(), areaFallback: [...areaFallback].sort() };
}

/**
 * A point inside a polygon (for a finer area's allocation): the area-weighted centroid of its
 * largest part when that lies inside, else the middle of the widest interior stretch of the
 * horizontal line through it — the scan-line construction of GEOS's `InteriorPointArea`, which
 * always lands inside, also for L- and U-shaped Blöcke.
 *
 * @param g lon/lat polygon or multipolygon
 * @returns `[lon, lat]`, or null for an empty geometry
 * @example interiorPoint({ type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]] }) // → [1, 1]
 */
export function interiorPoint(g: Polygon | MultiPolygon): [number, number] | null {
  const parts = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let best: { rings: Position[][]; area: number; cx: number; cy: number } | null = null;
  for (const rings of parts) {
    const outer = rings[0];
    if (!outer || outer.length < 3) continue;
    let a = 0;
    let cx = 0;
    let cy = 0;
    for (let i = 0; i < outer.length; i++) {
      const [x1, y1] = outer[i] as [number, number];
      const [x2, y2] = outer[(i + 1) % outer.length] as [number, number];
      const cross = x1 * y2 - x2 * y1;
      a += cross;
      cx += (x1 + x2) * cross;
      cy += (y1 + y2) * cross;
    }
    if (a === 0) continue;
    if (!best || Math.abs(a) > best.area)
      best = { rings, area: Math.abs(a), cx: cx / (3 * a), cy: cy / (3 * a) };
  }
  if (!best) {
    const p = parts[0]?.[0]?.[0];
    return p ? [p[0]!, p[1]!] : null;
  }
  const part: Polygon = { type: 'Polygon', coordinates: best.rings };
  if (new AreaIndex([{ key: 0, geometry: part }]).locate(best.cx, best.cy) !== null)
    return [best.cx, best.cy];
  // crossings of the line y = cy with every ring; half-open like the point test, so a vertex on
  // the line is counted once
  const y = best.cy;
  const xs: number[] = [];
  for (const ring of best.rings)
    for (let i = 0; i + 1 < ring.length; i++) {
      const [x1, y1] = ring[i] as [number, number];
      const [x2, y2] = ring[i + 1] as [number, number];
      if (y1 > y !== y2 > y) xs.push(x1 + ((y - y1) * (x2 - x1)) / (y2 - y1));
    }
  xs.sort((a, b) => a - b);
  let mid: [number, number] | null = null;
  let widest = -1;
  for (let i = 0; i + 1 < xs.length; i += 2)
    if (xs[i + 1]! - xs[i]! > widest) {
      widest = xs[i + 1]! - xs[i]!;
      mid = [(xs[i]! + xs[i + 1]!) / 2, y];
    }
  return mid ?? [best.cx, best.cy];
}
