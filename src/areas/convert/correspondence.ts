/**
 * Correspondence table between two Gebietsstände of a level: which share of each old area's
 * surface lies in which new area (docs/methods.md §10.1).
 */
import Flatbush from 'flatbush';
import type { MultiPolygon, Polygon } from 'geojson';
import polygonClipping, { type MultiPolygon as ClipMultiPolygon } from 'polygon-clipping';
import { geodesicAreaM2 } from '../../geo/ellipsoid-area.ts';

/** An area of either Gebietsstand: key, key of its parent area (e.g. the Bezirk), lon/lat geometry. */
export interface ConvertArea {
  key: string;
  parent: string | null;
  geometry: Polygon | MultiPolygon;
}

/** One piece old ∩ new: its ellipsoidal surface and its share of the old area. */
export interface CorrespondenceRow {
  from: string;
  to: string;
  /** Surface of the intersection in m² (WGS84 ellipsoid, as `area.area_m2`). */
  overlapM2: number;
  /** Share of the old area's value that goes to the new one; per old area the shares sum to 1. */
  share: number;
}

export interface Correspondence {
  rows: CorrespondenceRow[];
  /** Pieces dropped as slivers (share = the piece's raw share of the old area's surface). */
  slivers: CorrespondenceRow[];
  /** Old areas that overlap no new area: their values cannot be converted. */
  unmatched: string[];
}

/** Default sliver tolerance: 0.5 % (docs/methods.md §10.1). */
export const SLIVER_TOLERANCE = 0.005;

export interface CorrespondenceOptions {
  /**
   * A piece is a sliver — dropped — when it is below this share of the old area's surface AND
   * below this share of the new area's surface. Default `SLIVER_TOLERANCE`.
   */
  tolerance?: number;
}

const asClip = (g: Polygon | MultiPolygon) =>
  (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as ClipMultiPolygon;

function bboxOf(g: Polygon | MultiPolygon): [number, number, number, number] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const polygon of g.type === 'Polygon' ? [g.coordinates] : g.coordinates)
    for (const p of polygon[0] ?? []) {
      minX = Math.min(minX, p[0]!);
      minY = Math.min(minY, p[1]!);
      maxX = Math.max(maxX, p[0]!);
      maxY = Math.max(maxY, p[1]!);
    }
  return [minX, minY, maxX, maxY];
}

/**
 * Intersects every old area with every new area whose bounding box it touches (Flatbush R-tree
 * for the candidates, polygon-clipping for the exact intersection, the same Martinez-type sweep
 * turf's `intersect` uses) and measures each piece on the ellipsoid with `geodesicAreaM2`, the
 * function `area.area_m2` comes from — no map projection is involved.
 *
 * Two layers digitised separately never share borders exactly, so every old area also overlaps its
 * new neighbours by thin slivers. A piece under `tolerance` of the old area's surface and of the
 * new area's surface is dropped; a small new area lying wholly inside an old one is kept, since it
 * is a large share of itself. The kept pieces of an old area are renormalised to sum to 1:
 * `share(s,t) = |s∩t| / Σ_t' kept |s∩t'|` — the area-weighting weights of Goodchild & Lam (1980).
 *
 * @param from areas of the old Gebietsstand
 * @param to areas of the new Gebietsstand
 * @param opts sliver tolerance
 * @returns rows sorted by old key, then new key; dropped slivers; old areas without any overlap
 * @example buildCorrespondence([{ key: 'A', parent: null, geometry: square }], [{ key: 'L', … }, { key: 'R', … }])
 *   // → rows A→L 0.5, A→R 0.5 when L and R are the two halves of A
 */
export function buildCorrespondence(
  from: readonly ConvertArea[],
  to: readonly ConvertArea[],
  opts: CorrespondenceOptions = {},
): Correspondence {
  const tolerance = opts.tolerance ?? SLIVER_TOLERANCE;
  if (!(tolerance >= 0 && tolerance < 1))
    throw new RangeError(`tolerance must lie in [0, 1), got ${tolerance}`);
  const toClip = to.map((t) => asClip(t.geometry));
  const toArea = to.map((t) => geodesicAreaM2(t.geometry));
  const tree = to.length > 0 ? new Flatbush(to.length) : null;
  for (const t of to) tree!.add(...bboxOf(t.geometry));
  tree?.finish();

  const rows: CorrespondenceRow[] = [];
  const slivers: CorrespondenceRow[] = [];
  const unmatched: string[] = [];
  for (const s of from) {
    const sArea = geodesicAreaM2(s.geometry);
    const sClip = asClip(s.geometry);
    const pieces: CorrespondenceRow[] = [];
    for (const i of tree?.search(...bboxOf(s.geometry)) ?? []) {
      const cut = polygonClipping.intersection(sClip, toClip[i]!);
      if (cut.length === 0) continue;
      const overlapM2 = geodesicAreaM2({ type: 'MultiPolygon', coordinates: cut });
      if (!(overlapM2 > 0)) continue;
      const piece = { from: s.key, to: to[i]!.key, overlapM2, share: overlapM2 / sArea };
      const sliver = overlapM2 < tolerance * sArea && overlapM2 < tolerance * toArea[i]!;
      (sliver ? slivers : pieces).push(piece);
    }
    if (pieces.length === 0) {
      unmatched.push(s.key);
      continue;
    }
    const kept = pieces.reduce((sum, p) => sum + p.overlapM2, 0);
    for (const p of pieces) rows.push({ ...p, share: p.overlapM2 / kept });
  }
  const byKeys = (a: CorrespondenceRow, b: CorrespondenceRow) =>
    a.from.localeCompare(b.from) || a.to.localeCompare(b.to);
  return { rows: rows.sort(byKeys), slivers: slivers.sort(byKeys), unmatched: unmatched.sort() };
}

/**
 * Correspondence table as CSV for the planner's spreadsheet: German conventions (semicolon,
 * decimal comma), one line per old area → new area with the share (6 decimals) and the overlap in m².
 * With `methodName` a last column `verfahren` says which weights made the shares
 * („einwohnergewichtet (feinere Ebene: Blöcke)“), so the file explains itself when passed on.
 */
export function correspondenceCsv(rows: readonly CorrespondenceRow[], methodName?: string): string {
  const num = (v: number, digits: number) => v.toFixed(digits).replace('.', ',');
  const method = methodName === undefined ? '' : `;${methodName.replaceAll(';', ',')}`;
  const lines = rows.map((r) => `${r.from};${r.to};${num(r.share, 6)};${num(r.overlapM2, 0)}${method}`);
  const header = `alter_schluessel;neuer_schluessel;anteil;flaeche_m2${methodName === undefined ? '' : ';verfahren'}`;
  return [header, ...lines].join('\n') + '\n';
}
