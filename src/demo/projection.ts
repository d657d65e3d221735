import proj4 from 'proj4';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { MultiPoly, Pt, Ring } from './planar.ts';
import { orientRing } from './planar.ts';

/** ETRS89 / UTM zone 32N, the usual projected CRS of municipal data in western Germany. */
export const EPSG_25832 = '+proj=utm +zone=32 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs';

// Passing proj strings directly keeps proj4's global definition registry untouched.
const utmToWgs = proj4(EPSG_25832, 'WGS84');

/** Decimal places kept for lon/lat: 1e-7° is about 1 cm, far below anything a map shows. */
export const LONLAT_DECIMALS = 7;
const FACTOR = 10 ** LONLAT_DECIMALS;

/** EPSG:25832 metres → WGS84 [lon, lat], rounded to {@link LONLAT_DECIMALS}. */
export function utmToLonLat(x: number, y: number): Pt {
  const [lon, lat] = utmToWgs.forward([x, y]);
  return [Math.round((lon ?? NaN) * FACTOR) / FACTOR, Math.round((lat ?? NaN) * FACTOR) / FACTOR];
}

/** WGS84 [lon, lat] → EPSG:25832 metres (not rounded). */
export function lonLatToUtm(lon: number, lat: number): Pt {
  const [x, y] = utmToWgs.inverse([lon, lat]);
  return [x ?? NaN, y ?? NaN];
}

/**
 * Convert a planar multipolygon (EPSG:25832) into GeoJSON WGS84 geometry with RFC 7946 ring order.
 * Shared vertices of neighbouring areas convert to identical rounded positions, so shared borders
 * stay exact; consecutive duplicates created by rounding are dropped.
 */
export function toGeoJson(mp: MultiPoly): Polygon | MultiPolygon {
  const polys = mp.map((poly) =>
    poly.map((ring, i) => orientRing(dedupe(ring.map(([x, y]) => utmToLonLat(x, y))), i === 0)),
  );
  if (polys.length === 1 && polys[0]) return { type: 'Polygon', coordinates: polys[0] };
  return { type: 'MultiPolygon', coordinates: polys };
}

/** GeoJSON (WGS84) polygon or multipolygon → planar multipolygon in EPSG:25832. */
export function geoJsonToUtm(geometry: Polygon | MultiPolygon): MultiPoly {
  const polys: Position[][][] = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polys.map((poly) => poly.map((ring) => ring.map((p) => lonLatToUtm(p[0] ?? NaN, p[1] ?? NaN))));
}

/** Drop consecutive duplicate positions (keeps the ring closed). */
function dedupe(ring: Ring): Ring {
  const out: Ring = [];
  for (const p of ring) {
    const prev = out[out.length - 1];
    if (!prev || prev[0] !== p[0] || prev[1] !== p[1]) out.push(p);
  }
  return out;
}
