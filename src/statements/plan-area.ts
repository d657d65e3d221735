/**
 * The plan area (Geltungsbereich) of a statement, from what a planner draws or uploads: GeoJSON
 * (a Polygon or MultiPolygon, a Feature or a FeatureCollection) or any file the area import
 * reads (Shapefile, zipped Shapefile), in any CRS areas accept — the `crs` option, else the file's
 * `.prj` or GeoJSON `crs` member, else lon/lat when the coordinates fit. Every polygon is checked
 * like an area (geo/validity.ts), converted to WGS84 and the parts joined into one geometry.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import { dissolve } from '../areas/derive/dissolve.ts';
import type { NamedFile } from '../areas/readers/area-file.ts';
import { chooseCrs, toWgs84 } from '../areas/readers/build-areas.ts';
import { readSourceTable } from '../areas/readers/read-area-files.ts';
import { importError } from '../core/errors.ts';
import { geodesicAreaM2 } from '../geo/ellipsoid-area.ts';
import { roundGeometry } from '../geo/stored-geometry.ts';
import { checkGeometry } from '../geo/validity.ts';
import { statementMessages } from './messages.ts';

/** A plan area in WGS84 with its size and the CRS it came in. */
export interface PlanArea {
  geometry: Polygon | MultiPolygon;
  /** True area on the ellipsoid, m². */
  areaM2: number;
  /** The source CRS as understood (`EPSG:25832`, …). */
  crs: string;
}

/** The name messages give GeoJSON sent in a request body. */
export const BODY_FILE = 'Plangebiet.geojson';

/**
 * A plan area from uploaded files (GeoJSON, Shapefile set or .zip).
 * @throws import.* naming file and record; import.empty_plan_area without any polygon
 */
export function readPlanAreaFiles(files: readonly NamedFile[], opts: { crs?: string } = {}): PlanArea {
  const { table } = readSourceTable(files);
  if (!table.records.some((r) => r.geometry))
    throw importError('empty_plan_area', statementMessages.emptyPlanArea(table.fileName), {
      file: table.fileName,
    });
  const crs = chooseCrs(table, opts);
  const parts: (Polygon | MultiPolygon)[] = [];
  for (const r of table.records) {
    if (!r.geometry) continue;
    const checked = checkGeometry(r.geometry, {
      fileName: table.fileName,
      record: r.record,
      toLonLat: crs.toWgs84,
    });
    parts.push(toWgs84(checked.geometry, crs, table.fileName, r.record, String(r.record)));
  }
  const geometry = roundGeometry(dissolve(parts));
  return { geometry, areaM2: geodesicAreaM2(geometry), crs: crs.label };
}

/**
 * A plan area from GeoJSON in a request body: a bare Polygon or MultiPolygon is taken as a
 * Feature, everything else as a file would be read.
 * @example readPlanAreaJson({ type: 'Polygon', coordinates: [[[6.95, 50.94], [6.96, 50.94], [6.96, 50.95], [6.95, 50.94]]] })
 */
export function readPlanAreaJson(geojson: unknown, opts: { crs?: string } = {}): PlanArea {
  const g = geojson as { type?: unknown };
  const doc =
    g?.type === 'Polygon' || g?.type === 'MultiPolygon'
      ? { type: 'Feature', properties: {}, geometry: g }
      : g;
  const data = new TextEncoder().encode(JSON.stringify(doc ?? null));
  return readPlanAreaFiles([{ name: BODY_FILE, data }], opts);
}
