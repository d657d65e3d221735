import type { Feature, FeatureCollection, GeoJsonProperties, MultiPolygon, Polygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify, simplify, sphericalTriangleArea } from 'topojson-simplify';
import type { GeometryCollection, Topology } from 'topojson-specification';

export type DisplayOptions = {
  /**
   * Visvalingam tolerance: vertices whose effective triangle is smaller than this many m² are
   * dropped. Default 50 m² (a 1 m bump on a 100 m edge): Berlin's 542 PLR then weigh ~210 KB
   * gzipped as GeoJSON (budget 400 KB) and differ from the full areas by at most 0.2 % in area.
   */
  minAreaM2?: number;
  /** Decimal places of the output coordinates. Default 5 (≈ 1 m). */
  decimals?: number;
  /** Grid of the topology in steps per bbox side; snaps near-identical border vertices. Default 1e7. */
  quantization?: number;
};

type SimplifiableTopology = Parameters<typeof presimplify>[0];
type AreaFeature<P> = Feature<Polygon | MultiPolygon, P>;

/** Mean Earth radius (IUGG, m): turns spherical excess (steradians) into m². */
const EARTH_RADIUS_M = 6_371_008.8;

/**
 * Simplifies area geometries for the map without opening gaps or overlaps between neighbours.
 *
 * The areas are turned into a topology (topojson-server), so a border shared by two areas is one
 * arc and is simplified once; Visvalingam–Whyatt weights on the sphere (topojson-simplify
 * `presimplify` with `sphericalTriangleArea`; M. Visvalingam & J. D. Whyatt, The Cartographic
 * Journal 30 (1993) 46–51) drop vertices below `minAreaM2`. A ring that would keep fewer than three
 * vertices gets back its most important ones, so no area vanishes or degenerates. Coordinates are
 * rounded to `decimals` places afterwards; shared vertices round identically.
 *
 * Display only: areas and locating always use the full geometry.
 *
 * @param features lon/lat areas; `id` and `properties` are kept
 * @returns the same features, in the same order, with simplified geometry
 * @example simplifyForDisplay(areas.map((a) => ({ type: 'Feature', id: a.key, properties: { name: a.name }, geometry: a.geometry })))
 */
export function simplifyForDisplay<P extends GeoJsonProperties>(
  features: readonly AreaFeature<P>[],
  opts: DisplayOptions = {},
): AreaFeature<P>[] {
  if (features.length === 0) return [];
  const minWeight = (opts.minAreaM2 ?? 50) / EARTH_RADIUS_M ** 2;
  const decimals = opts.decimals ?? 5;

  const collection: FeatureCollection = { type: 'FeatureCollection', features: [...features] };
  // topojson-simplify's typings use a narrower properties type than topojson-server's.
  const topo = topology({ areas: collection }, opts.quantization ?? 1e7) as SimplifiableTopology;
  const weighted = presimplify(topo, sphericalTriangleArea);
  const areas = weighted.objects.areas as GeometryCollection;
  keepThreeVerticesPerRing(weighted, areas, minWeight);
  const simple = simplify(weighted, minWeight);

  return areas.geometries.map((geometry, i) => {
    const out = feature(simple, geometry) as AreaFeature<P>;
    const original = features[i]!;
    return { ...out, geometry: roundGeometry(out.geometry, decimals, original.geometry) };
  });
}

type WeightedTopology = Topology & { arcs: number[][][] };

/**
 * Raises the weight of the heaviest vertices of any ring that would otherwise keep fewer than three
 * distinct vertices. Arcs are shared, so the neighbour keeps the same vertices: no gap opens.
 */
function keepThreeVerticesPerRing(topo: Topology, areas: GeometryCollection, minWeight: number): void {
  const arcs = (topo as WeightedTopology).arcs;
  const rings: number[][] = [];
  for (const g of areas.geometries) {
    if (g.type === 'Polygon') rings.push(...g.arcs);
    else if (g.type === 'MultiPolygon') for (const p of g.arcs) rings.push(...p);
  }
  for (const ring of rings) {
    // Each arc's last vertex is the next arc's first; count every arc without its last vertex.
    const points = ring.flatMap((a) => {
      const arc = arcs[a < 0 ? ~a : a]!;
      return arc.slice(0, -1);
    });
    const kept = points.filter((p) => p[2]! >= minWeight).length;
    if (kept >= 3) continue;
    const byWeight = points.filter((p) => p[2]! < minWeight).sort((a, b) => b[2]! - a[2]!);
    for (const p of byWeight.slice(0, 3 - kept)) p[2] = Infinity;
  }
}

function roundGeometry(
  geometry: Polygon | MultiPolygon,
  decimals: number,
  fallback: Polygon | MultiPolygon,
): Polygon | MultiPolygon {
  const f = 10 ** decimals;
  const round = (ring: Position[]): Position[] | null => {
    const out: Position[] = [];
    for (const p of ring) {
      const q = [Math.round(p[0]! * f) / f, Math.round(p[1]! * f) / f];
      const last = out[out.length - 1];
      if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
    }
    return out.length >= 4 ? out : null;
  };
  const polygon = (rings: Position[][]): Position[][] | null => {
    const outer = rings[0] && round(rings[0]);
    if (!outer) return null; // a part smaller than the rounding grid
    return [
      outer,
      ...rings
        .slice(1)
        .map(round)
        .filter((r): r is Position[] => r !== null),
    ];
  };
  const parts = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates)
    .map(polygon)
    .filter((p): p is Position[][] => p !== null);
  // An area smaller than the rounding grid as a whole is shown unsimplified rather than not at all.
  if (parts.length === 0) return fallback;
  return parts.length === 1
    ? { type: 'Polygon', coordinates: parts[0]! }
    : { type: 'MultiPolygon', coordinates: parts };
}
