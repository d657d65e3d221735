/**
 * A feature layer as an OGC GeoPackage (GeoPackage 1.3, OGC 12-128r17): an SQLite file written
 * with sql.js (SQLite compiled to WebAssembly — no native addon to build). The file holds the
 * required tables `gpkg_spatial_ref_sys` (with the three rows the standard demands: -1, 0 and
 * EPSG:4326), `gpkg_contents`, `gpkg_geometry_columns` and the feature table with geometries as
 * GeoPackage blobs (`wkb.ts`). No spatial index (RTree extension): its triggers need functions
 * only a GeoPackage-aware SQLite provides, and a level has at most a few thousand areas; QGIS and
 * GDAL read the file without one.
 */
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { bboxOf } from '../geo/stored-geometry.ts';
import type { GeoFieldType, GeoLayer } from './geo-layer.ts';
import { gpkgGeometry } from './wkb.ts';

/** `PRAGMA application_id`: the ASCII bytes `GPKG`. */
const APPLICATION_ID = 0x47504b47;
/** `PRAGMA user_version` of GeoPackage 1.3. */
const USER_VERSION = 10300;
const WGS84 = 4326;

/** EPSG:4326 as OGC WKT 1, as GDAL writes it into gpkg_spatial_ref_sys. */
const WGS84_WKT =
  'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],' +
  'AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],' +
  'UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],' +
  'AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]';

/** Table definitions of GeoPackage 1.3, Annex C (C.1–C.3). */
const SCHEMA = `
CREATE TABLE gpkg_spatial_ref_sys (
  srs_name TEXT NOT NULL,
  srs_id INTEGER NOT NULL PRIMARY KEY,
  organization TEXT NOT NULL,
  organization_coordsys_id INTEGER NOT NULL,
  definition TEXT NOT NULL,
  description TEXT
);
CREATE TABLE gpkg_contents (
  table_name TEXT NOT NULL PRIMARY KEY,
  data_type TEXT NOT NULL,
  identifier TEXT UNIQUE,
  description TEXT DEFAULT '',
  last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  min_x DOUBLE,
  min_y DOUBLE,
  max_x DOUBLE,
  max_y DOUBLE,
  srs_id INTEGER,
  CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id)
);
CREATE TABLE gpkg_geometry_columns (
  table_name TEXT NOT NULL,
  column_name TEXT NOT NULL,
  geometry_type_name TEXT NOT NULL,
  srs_id INTEGER NOT NULL,
  z TINYINT NOT NULL,
  m TINYINT NOT NULL,
  CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
  CONSTRAINT uk_gc_table_name UNIQUE (table_name),
  CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
  CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id)
);
`;

const SQL_TYPE: Record<GeoFieldType, string> = { text: 'TEXT', real: 'REAL', date: 'DATE' };

/** An SQL identifier in double quotes (names like `Gebietsschlüssel` need them). */
const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

let sqlJs: Promise<SqlJsStatic> | null = null;

/** The GeoPackage file of `layer`: one feature table named `layer.name`, geometry column `geom`. */
export async function layerToGeoPackage(layer: GeoLayer): Promise<Uint8Array> {
  sqlJs ??= initSqlJs();
  const SQL = await sqlJs;
  const db = new SQL.Database();
  try {
    db.run(`PRAGMA application_id = ${APPLICATION_ID}; PRAGMA user_version = ${USER_VERSION};`);
    db.run('BEGIN');
    db.run(SCHEMA);
    const srs = db.prepare(
      'INSERT INTO gpkg_spatial_ref_sys (srs_name, srs_id, organization, organization_coordsys_id, definition, description) VALUES (?, ?, ?, ?, ?, ?)',
    );
    srs.run([
      'Undefined cartesian SRS',
      -1,
      'NONE',
      -1,
      'undefined',
      'undefined cartesian coordinate reference system',
    ]);
    srs.run([
      'Undefined geographic SRS',
      0,
      'NONE',
      0,
      'undefined',
      'undefined geographic coordinate reference system',
    ]);
    srs.run([
      'WGS 84 geodetic',
      WGS84,
      'EPSG',
      WGS84,
      WGS84_WKT,
      'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid',
    ]);
    srs.free();

    const columns = layer.fields.map((f) => `${quote(f.name)} ${SQL_TYPE[f.type]}`);
    db.run(
      `CREATE TABLE ${quote(layer.name)} (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom MULTIPOLYGON, ${columns.join(', ')})`,
    );
    const box = extent(layer);
    db.run(
      `INSERT INTO gpkg_contents (table_name, data_type, identifier, description, min_x, min_y, max_x, max_y, srs_id)
       VALUES (?, 'features', ?, ?, ?, ?, ?, ?, ?)`,
      [layer.name, layer.title, layer.description, ...box, WGS84],
    );
    db.run(
      `INSERT INTO gpkg_geometry_columns (table_name, column_name, geometry_type_name, srs_id, z, m)
       VALUES (?, 'geom', 'MULTIPOLYGON', ?, 0, 0)`,
      [layer.name, WGS84],
    );
    const insert = db.prepare(
      `INSERT INTO ${quote(layer.name)} (geom, ${layer.fields.map((f) => quote(f.name)).join(', ')})
       VALUES (?${', ?'.repeat(layer.fields.length)})`,
    );
    for (const f of layer.features) insert.run([gpkgGeometry(f.geometry, WGS84), ...f.values]);
    insert.free();
    db.run('COMMIT');
    return db.export();
  } finally {
    db.close();
  }
}

/** Bounding box of all non-empty geometries as [min_x, min_y, max_x, max_y]; nulls for none. */
function extent(layer: GeoLayer): (number | null)[] {
  const boxes = layer.features
    .filter((f) => (f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates).length)
    .map((f) => bboxOf(f.geometry));
  if (!boxes.length) return [null, null, null, null];
  return [
    Math.min(...boxes.map((b) => b[0])),
    Math.min(...boxes.map((b) => b[1])),
    Math.max(...boxes.map((b) => b[2])),
    Math.max(...boxes.map((b) => b[3])),
  ];
}
