/** Exports of indicator values for the CLI and the API, protected unless the caller may see counts. */
import type { User } from '../auth/auth.schema.ts';
import { areaGeometries, findLevel, getTerritory } from '../areas/area.repository.ts';
import { notFound } from '../core/errors.ts';
import type { Db } from '../db/db.ts';
import { listDates } from '../observations/observation.repository.ts';
import { indicatorValues, requireIndicator, seesUnprotected } from '../indicators/indicator.service.ts';
import { layerToGeojson, valuesLayer } from './geo-layer.ts';
import { layerToGeoPackage } from './geopackage.ts';
import { layerToShapefileZip } from './shapefile.ts';
import { valuesToCsv, valuesToXlsx, type ExportFormat } from './values-export.ts';

/** `2024` → the Stichtag with data in 2024 (the latest, if several); a full date must have data. */
export async function resolveStichtag(db: Db, spec: string): Promise<string> {
  const dates = await listDates(db);
  const hit = /^\d{4}$/.test(spec)
    ? dates.filter((d) => d.startsWith(spec)).at(-1)
    : dates.find((d) => d === spec);
  if (!hit)
    throw notFound(
      'data.unknown_date',
      `Für „${spec}“ gibt es keine Daten (Stichtage: ${dates.join(', ') || 'keine'}).`,
      {
        date: spec,
      },
    );
  return hit;
}

export interface ExportFile {
  body: string | Uint8Array;
  contentType: string;
  fileName: string;
}

/** Content type and file extension of each format. */
const FILE_TYPE: Record<ExportFormat, { contentType: string; extension: string }> = {
  json: { contentType: 'application/json', extension: 'json' },
  csv: { contentType: 'text/csv; charset=utf-8', extension: 'csv' },
  xlsx: {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extension: 'xlsx',
  },
  geojson: { contentType: 'application/geo+json', extension: 'geojson' },
  // `.shp.zip`: GDAL (3.1 and later) and so QGIS open such a ZIP directly as one shapefile
  shp: { contentType: 'application/zip', extension: 'shp.zip' },
  gpkg: { contentType: 'application/geopackage+sqlite3', extension: 'gpkg' },
};

/**
 * The values of one indicator on one level at one Stichtag as a file. Every format holds the
 * values `indicatorValues` gives this caller — for the public the disclosure-protected ones,
 * without counts; the geometry formats (GeoJSON, Shapefile, GeoPackage) join them to the level's
 * full-detail geometries.
 */
export async function exportValues(
  db: Db,
  user: User | null,
  opts: { indicator: string; level: string; date: string; format: ExportFormat },
): Promise<ExportFile> {
  const ind = await requireIndicator(db, opts.indicator, user);
  const date = await resolveStichtag(db, opts.date);
  const values = await indicatorValues(db, user, ind.key, opts.level, date);
  const territory = await getTerritory(db);
  const city = { key: territory?.key ?? '', name: territory?.name ?? 'Gesamt' };
  const withCounts = seesUnprotected(user);
  const { contentType, extension } = FILE_TYPE[opts.format];
  const file = (body: string | Uint8Array): ExportFile => ({
    body,
    contentType,
    fileName: `${ind.key}_${opts.level}_${date}.${extension}`,
  });
  switch (opts.format) {
    case 'json':
      return file(JSON.stringify({ ...values, definition: ind }, null, 2));
    case 'csv':
      return file(valuesToCsv(ind, values, { withCounts, city }));
    case 'xlsx':
      return file(await valuesToXlsx(ind, values, { withCounts, city }));
  }
  const levelName = (await findLevel(db, opts.level))?.name ?? opts.level;
  const geometries = await areaGeometries(db, opts.level, 'full');
  const layer = valuesLayer(ind, values, geometries, { withCounts, levelName });
  if (opts.format === 'geojson') return file(JSON.stringify(layerToGeojson(layer)));
  if (opts.format === 'shp') return file(layerToShapefileZip(layer));
  return file(await layerToGeoPackage(layer));
}
