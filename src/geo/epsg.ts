/**
 * Built-in proj4 definitions for the coordinate reference systems German municipalities use.
 *
 * Parameters as published in the EPSG registry (epsg.io, proj4 strings of EPSG v10).
 * ETRS89 is treated as identical to WGS84 (`towgs84=0,…`): the two differ by well under a metre in
 * Germany, far below what matters for area statistics. DHDN (Gauss-Krüger) uses the national
 * 7-parameter shift of EPSG:1777 (accuracy about 3 m), as proj4/PROJ do by default.
 */
const utm = (zone: number, ellps: 'GRS80' | 'WGS84', xPrefix = 0): string =>
  `+proj=tmerc +lat_0=0 +lon_0=${zone * 6 - 183} +k=0.9996 +x_0=${xPrefix * 1_000_000 + 500_000} +y_0=0 ` +
  (ellps === 'GRS80' ? '+ellps=GRS80 +towgs84=0,0,0,0,0,0,0' : '+datum=WGS84') +
  ' +units=m +no_defs';

const DHDN_TOWGS84 = '+towgs84=598.1,73.7,418.2,0.202,0.045,-2.455,6.7';
const gaussKrueger = (zone: number): string =>
  `+proj=tmerc +lat_0=0 +lon_0=${zone * 3} +k=1 +x_0=${zone * 1_000_000 + 500_000} +y_0=0 ` +
  `+ellps=bessel ${DHDN_TOWGS84} +units=m +no_defs`;

/** EPSG code → proj4 definition. */
export const EPSG_DEFINITIONS: Readonly<Record<number, string>> = {
  4326: '+proj=longlat +datum=WGS84 +no_defs',
  /** ETRS89 geographic */
  4258: '+proj=longlat +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +no_defs',
  3857: '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +wktext +no_defs',
  /** ETRS89 / UTM 32N and 33N: the usual CRS of German cadastre and statistics offices */
  25832: utm(32, 'GRS80'),
  25833: utm(33, 'GRS80'),
  /** WGS 84 / UTM 32N and 33N */
  32632: utm(32, 'WGS84'),
  32633: utm(33, 'WGS84'),
  /** DHDN / 3-degree Gauss-Krüger zones 2–5 */
  31466: gaussKrueger(2),
  31467: gaussKrueger(3),
  31468: gaussKrueger(4),
  31469: gaussKrueger(5),
  /** ETRS89 / LAEA Europe (EU statistics grid) */
  3035: '+proj=laea +lat_0=52 +lon_0=10 +x_0=4321000 +y_0=3210000 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs',
  /** ETRS89 / UTM 32N and 33N with the zone number prefixed to the easting ("zE-N", e.g. 32 500 000) */
  4647: utm(32, 'GRS80', 32),
  5650: utm(33, 'GRS80', 33),
};

/**
 * Reads an EPSG code from the usual spellings: `EPSG:25833`, `epsg:25833`, `25833`,
 * `urn:ogc:def:crs:EPSG::25833`, `http://www.opengis.net/def/crs/EPSG/0/25833`; `CRS84` and
 * `urn:ogc:def:crs:OGC:1.3:CRS84` (lon/lat WGS84) give 4326. Returns null for anything else.
 */
export function parseEpsgCode(text: string): number | null {
  const t = text.trim();
  if (/^(urn:ogc:def:crs:OGC:1\.3:)?CRS:?84$/i.test(t)) return 4326;
  if (/^https?:\/\/www\.opengis\.net\/def\/crs\/OGC\/1\.3\/CRS84$/i.test(t)) return 4326;
  const m =
    /^(?:EPSG\s*:\s*)?(\d{3,6})$/i.exec(t) ??
    /^urn:ogc:def:crs:EPSG:[\d.]*:(\d+)$/i.exec(t) ??
    /^https?:\/\/www\.opengis\.net\/def\/crs\/EPSG\/[\d.]+\/(\d+)$/i.exec(t);
  return m?.[1] ? Number(m[1]) : null;
}
