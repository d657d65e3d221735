/**
 * Which areas a plan area lies in, and how much of it in each (pure). The intersection is planar
 * in lon/lat (polygon-clipping, as the derived levels dissolve their children), its size the true
 * area on the ellipsoid (geo/ellipsoid-area.ts). Slivers below 0.5 % of the plan area — a plan
 * drawn along a border that it only touches — do not count; the shares of the rest sum to 1.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import polygonClipping, { type MultiPolygon as PcMultiPolygon } from 'polygon-clipping';
import { geodesicAreaM2 } from '../geo/ellipsoid-area.ts';
import { bboxOf } from '../geo/stored-geometry.ts';

/** Smallest part of the plan area that makes an area affected. */
export const MIN_SHARE = 0.005;

export interface Overlap {
  key: string;
  name: string;
  /** Part of the plan area inside the area, m² on the ellipsoid. */
  overlapM2: number;
  /** Share of the plan area (inside any area) that lies in this area; the shares sum to 1. */
  share: number;
}

const asClip = (g: Polygon | MultiPolygon) =>
  (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as PcMultiPolygon;

const boxesMeet = (a: number[], b: number[]) =>
  a[0]! <= b[2]! && b[0]! <= a[2]! && a[1]! <= b[3]! && b[1]! <= a[3]!;

/**
 * The areas the plan area lies in, sorted by key, with the share of the plan in each.
 * @returns the affected areas and the part of the plan area outside every area (m²)
 * @example planOverlap(plan, [{ key: '101', name: 'Altstadt', geometry }]) // { areas: [{ key: '101', share: 1, … }], outsideM2: 0 }
 */
export function planOverlap(
  plan: Polygon | MultiPolygon,
  areas: readonly { key: string; name: string; geometry: Polygon | MultiPolygon }[],
): { areas: Overlap[]; outsideM2: number; planM2: number } {
  const planM2 = geodesicAreaM2(plan);
  const box = bboxOf(plan);
  const clip = asClip(plan);
  const found: { key: string; name: string; overlapM2: number }[] = [];
  for (const a of areas) {
    if (!boxesMeet(box, bboxOf(a.geometry))) continue;
    const piece = polygonClipping.intersection(clip, asClip(a.geometry));
    if (piece.length === 0) continue;
    const overlapM2 = geodesicAreaM2({ type: 'MultiPolygon', coordinates: piece });
    if (overlapM2 > 0) found.push({ key: a.key, name: a.name, overlapM2 });
  }
  const inside = found.reduce((s, f) => s + f.overlapM2, 0);
  const kept = found.filter((f) => f.overlapM2 >= MIN_SHARE * planM2);
  const keptM2 = kept.reduce((s, f) => s + f.overlapM2, 0);
  return {
    areas: kept
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .map((f) => ({ ...f, share: f.overlapM2 / keptM2 })),
    outsideM2: Math.max(0, planM2 - inside),
    planM2,
  };
}
