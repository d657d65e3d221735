import proj4 from 'proj4';
import { importError } from '../core/errors.ts';
import { EPSG_DEFINITIONS, parseEpsgCode } from './epsg.ts';
import { geoMessages } from './messages.ts';

/** A source coordinate reference system and its conversion to and from WGS84 lon/lat. */
export type Crs = {
  /** `EPSG:25833`, or for other systems the WKT name followed by the parameters understood. */
  label: string;
  toWgs84: (x: number, y: number) => [number, number];
  fromWgs84: (lon: number, lat: number) => [number, number];
};

export type CrsInput = {
  /** Content of the `.prj` file (ESRI or OGC WKT). */
  prj?: string;
  /** CRS given by the user (`--crs`): `EPSG:N`, a proj4 string or WKT. Wins over `prj`. */
  crs?: string;
  /** Main file, named in messages. */
  fileName: string;
  /** Extent of the raw coordinates [minX, minY, maxX, maxY]; lets lon/lat data go without a CRS. */
  bbox?: readonly [number, number, number, number];
};

type Proj = ReturnType<typeof proj4.Proj>;
type Source = '--crs' | '.prj' | 'crs';

const KNOWN_CODES = Object.keys(EPSG_DEFINITIONS).map(Number);

/**
 * Resolves the CRS of an area file: `crs` (the user's `--crs`) wins over the `.prj`.
 * Without either, coordinates within ±180/±90 are taken as WGS84 lon/lat (EPSG:4326, as RFC 7946
 * prescribes for GeoJSON); anything else is refused rather than guessed (docs/methods.md §10: read the
 * `.prj`, do not guess between UTM 32 and 33).
 *
 * A WKT whose parameters equal a built-in EPSG definition (e.g. Berlin's `ETRS_1989_UTM_Zone_33N`)
 * is labelled and converted as that code, which also supplies the datum shift for DHDN
 * Gauss-Krüger files whose WKT lacks TOWGS84. Other WKT (e.g. Köln's UTM 32N with false easting
 * 2,500,000 and an appended VERTCS) is honoured parameter by parameter through proj4.
 *
 * @throws `import.crs_missing` when nothing names the CRS and the coordinates are not lon/lat
 * @throws `import.unknown_crs` for an unknown EPSG code or WKT/proj4 text proj4 cannot use
 * @example resolveCrs({ crs: 'EPSG:25832', fileName: 'a.shp' }).toWgs84(356000, 5645000)
 */
export function resolveCrs(input: CrsInput): Crs {
  const given = input.crs?.trim();
  if (given) return fromText(given, input.fileName, '--crs');
  const prj = input.prj?.trim();
  if (prj) return fromText(prj, input.fileName, '.prj');
  if (input.bbox && looksLikeLonLat(input.bbox)) return epsgCrs(4326);
  throw importError('crs_missing', geoMessages.crsMissing(input.fileName, input.bbox), {
    file: input.fileName,
    bbox: input.bbox,
  });
}

/**
 * Resolves a CRS named inside a file (GeoJSON's legacy `crs` member): same rules as `--crs`,
 * but the message says where the text came from.
 */
export function resolveCrsText(text: string, fileName: string, source: Source = 'crs'): Crs {
  return fromText(text.trim(), fileName, source);
}

/** True when every coordinate could be a longitude/latitude in degrees. */
export function looksLikeLonLat(bbox: readonly [number, number, number, number]): boolean {
  const [minX, minY, maxX, maxY] = bbox;
  return minX >= -180 && maxX <= 180 && minY >= -90 && maxY <= 90;
}

function fromText(text: string, fileName: string, source: Source): Crs {
  const unknown = () =>
    importError('unknown_crs', geoMessages.unknownCrs(fileName, source, text, KNOWN_CODES), {
      file: fileName,
      crs: text,
      source,
    });
  const code = parseEpsgCode(text);
  if (code !== null) {
    if (!(code in EPSG_DEFINITIONS)) throw unknown();
    return epsgCrs(code);
  }
  let proj: Proj;
  try {
    proj = proj4.Proj(text);
  } catch {
    throw unknown();
  }
  if (!proj || typeof proj.forward !== 'function') throw unknown();
  const matched = authorityCode(proj) ?? matchBuiltin(proj);
  const crs = matched !== null ? epsgCrs(matched) : converterCrs(text, describe(proj));
  if (!roundTrips(crs)) throw unknown();
  return crs;
}

const cache = new Map<number, Crs>();

function epsgCrs(code: number): Crs {
  const hit = cache.get(code);
  if (hit) return hit;
  const crs: Crs =
    code === 4326
      ? { label: 'EPSG:4326', toWgs84: (x, y) => [x, y], fromWgs84: (lon, lat) => [lon, lat] }
      : converterCrs(EPSG_DEFINITIONS[code]!, `EPSG:${code}`);
  cache.set(code, crs);
  return crs;
}

function converterCrs(definition: string, label: string): Crs {
  const converter = proj4(definition, 'EPSG:4326');
  return {
    label,
    toWgs84: (x, y) => converter.forward<[number, number]>([x, y]),
    fromWgs84: (lon, lat) => converter.inverse<[number, number]>([lon, lat]),
  };
}

/** A broken definition shows itself by producing NaN or not coming back (central Germany). */
function roundTrips(crs: Crs): boolean {
  try {
    const [x, y] = crs.fromWgs84(10, 51);
    const [lon, lat] = crs.toWgs84(x, y);
    return Number.isFinite(x) && Number.isFinite(y) && Math.abs(lon - 10) < 1e-6 && Math.abs(lat - 51) < 1e-6;
  } catch {
    return false;
  }
}

type Params = {
  projName?: string;
  lat0?: number;
  long0?: number;
  k0?: number;
  x0?: number;
  y0?: number;
  a?: number;
  es?: number;
  to_meter?: number;
  title?: string;
  name?: string;
  srsCode?: string;
  AUTHORITY?: Record<string, unknown>;
};

const params = (proj: Proj): Params => proj;

/** `AUTHORITY["EPSG","25833"]` at the top of an OGC WKT, if it names a built-in code. */
function authorityCode(proj: Proj): number | null {
  const code = Number(params(proj).AUTHORITY?.EPSG);
  return Number.isInteger(code) && code in EPSG_DEFINITIONS ? code : null;
}

const FAMILY: Record<string, string> = {
  utm: 'tmerc',
  tmerc: 'tmerc',
  etmerc: 'tmerc',
  transverse_mercator: 'tmerc',
  'transverse mercator': 'tmerc',
  gauss_kruger: 'tmerc',
  longlat: 'longlat',
  laea: 'laea',
  lambert_azimuthal_equal_area: 'laea',
};
const family = (p: Params): string => FAMILY[(p.projName ?? '').toLowerCase()] ?? p.projName ?? '?';

const builtinParams = new Map<number, Params>();

/** The built-in EPSG code whose projection parameters and ellipsoid equal the parsed ones. */
function matchBuiltin(proj: Proj): number | null {
  const p = params(proj);
  const same = (a: number | undefined, b: number | undefined, tol: number) =>
    Math.abs((a ?? 0) - (b ?? 0)) <= tol;
  for (const code of KNOWN_CODES) {
    let q = builtinParams.get(code);
    if (!q) {
      q = params(proj4.Proj(EPSG_DEFINITIONS[code]!));
      builtinParams.set(code, q);
    }
    if (family(p) !== family(q)) continue;
    if (!same(p.a, q.a, 1e-3) || !same(p.es, q.es, 1e-12)) continue;
    if (!same(p.to_meter ?? 1, q.to_meter ?? 1, 1e-12)) continue;
    if (family(p) === 'longlat') return code;
    if (same(p.lat0, q.lat0, 1e-10) && same(p.long0, q.long0, 1e-10) && same(p.k0 ?? 1, q.k0 ?? 1, 1e-10))
      if (same(p.x0, q.x0, 1e-3) && same(p.y0, q.y0, 1e-3)) return code;
  }
  return null;
}

/** Human-readable label for a CRS without EPSG code: the WKT name and the parameters used. */
function describe(proj: Proj): string {
  const p = params(proj);
  const deg = (rad: number | undefined) => +(((rad ?? 0) * 180) / Math.PI).toFixed(9);
  const rf = p.es ? 1 / (1 - Math.sqrt(1 - p.es)) : 0;
  const parts = [`+proj=${family(p)}`];
  if (family(p) !== 'longlat') {
    parts.push(`+lat_0=${deg(p.lat0)}`, `+lon_0=${deg(p.long0)}`, `+k=${p.k0 ?? 1}`);
    parts.push(`+x_0=${p.x0 ?? 0}`, `+y_0=${p.y0 ?? 0}`);
  }
  parts.push(`+a=${p.a ?? '?'}`, `+rf=${+rf.toFixed(9)}`);
  const name = p.name ?? p.title ?? p.srsCode ?? 'WKT';
  return `${name} (${parts.join(' ')})`;
}
