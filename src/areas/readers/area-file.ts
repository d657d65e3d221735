import type { MultiPolygon, Point, Polygon } from 'geojson';
import type { GeometryRepair } from '../../geo/validity.ts';

/** Options of an area import (`lagebild areas import`, `POST /api/areas/import`). */
export type ReadAreaOptions = {
  /** Field holding the area key (Gebietsschlüssel); guessed when absent. */
  idField?: string;
  /** Field holding the display name; guessed when absent, else the key is the name. */
  nameField?: string;
  /** Field holding the key of the parent area (e.g. the Bezirk of a Planungsraum). */
  parentField?: string;
  /** CRS of the coordinates (`EPSG:25832`, proj4 or WKT); wins over `.prj` and GeoJSON `crs`. */
  crs?: string;
};

/** One uploaded file: its name (extension matters) and its bytes. */
export type NamedFile = { name: string; data: Uint8Array };

/** One area as read from a file, converted to WGS84. */
export type RawArea = {
  /** 1-based record number in the file (Datensatz). */
  record: number;
  /** Area key as text: leading zeros kept, integral numbers without `.0`. */
  key: string;
  name: string;
  parentKey: string | null;
  /** WGS84 lon/lat, RFC 7946 winding (outer rings counter-clockwise). */
  geometry: Polygon | MultiPolygon;
  /** True area on the ellipsoid in m² (`geodesicAreaM2`). */
  areaM2: number;
  /** All attributes of the record, typed (numbers, strings, booleans, ISO dates, null). */
  properties: Record<string, unknown>;
  /** Harmless repairs applied to the geometry (see `checkGeometry`); empty for most areas. */
  repairs: GeometryRepair[];
};

/** Result of reading an area file. */
export type AreaFile = {
  fileName: string;
  /** SHA-256 (hex) of the main file's bytes: the .shp, .zip or .geojson. */
  fileHash: string;
  /** Source CRS as understood (`EPSG:25833` or WKT name with parameters). */
  crs: string;
  /** Attribute names in file order. */
  fields: string[];
  /** Field choice actually used (given or guessed). */
  idField: string;
  nameField: string | null;
  parentField: string | null;
  areas: RawArea[];
};

/**
 * What a reader accepts: areas (polygons) or points (facilities). Files of the other kind are
 * refused with a message naming what was found.
 */
export type GeometryKind = 'area' | 'point';
export type AreaGeometry = Polygon | MultiPolygon;
export type GeometryOf<K extends GeometryKind> = K extends 'point' ? Point : AreaGeometry;

/** A record before field choice and reprojection (internal to the readers). */
export type SourceRecord<G = AreaGeometry> = {
  record: number;
  /** Geometry in source coordinates, null for a null shape. */
  geometry: G | null;
  properties: Record<string, unknown>;
  /** Attribute values as key text (see `keyText`), null when empty. */
  texts: Record<string, string | null>;
};

/** What a format reader hands to `buildAreas`. */
export type SourceTable<G = AreaGeometry> = {
  /** Name used in messages (inside a zip: `archiv.zip/Stadtteil.shp`). */
  fileName: string;
  fields: string[];
  records: SourceRecord<G>[];
  /** `.prj` text or GeoJSON `crs` member, if any. */
  crsText?: string;
  crsSource?: '.prj' | 'crs';
};
