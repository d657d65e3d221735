import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { importError } from '../../core/errors.ts';
import { type Crs, resolveCrs, resolveCrsText } from '../../geo/crs.ts';
import { geodesicAreaM2 } from '../../geo/ellipsoid-area.ts';
import { rewindRfc7946 } from '../../geo/rewind.ts';
import { checkGeometry } from '../../geo/validity.ts';
import type { AreaFile, RawArea, ReadAreaOptions, SourceRecord, SourceTable } from './area-file.ts';
import { chooseFields } from './fields.ts';
import { readerMessages } from './messages.ts';

/**
 * Turns the records of any area format into WGS84 areas: chooses key/name/parent fields, checks
 * keys (present, unique), checks and repairs each geometry (`checkGeometry`), converts it from the
 * source CRS to WGS84 (`resolveCrs`), winds it as RFC 7946 asks and computes its ellipsoidal area.
 *
 * @throws `import.*` errors naming the file, the record and the key
 */
export function buildAreas(table: SourceTable, opts: ReadAreaOptions, fileHash: string): AreaFile {
  const { fileName, records } = table;
  const { idField, nameField, parentField } = chooseFields(fileName, table.fields, records, opts);
  const keys = checkKeys(fileName, records, idField);
  const crs = chooseCrs(table, opts);

  const areas: RawArea[] = records.map((r, i) => {
    const key = keys[i]!;
    if (!r.geometry) {
      throw importError('empty_geometry', readerMessages.nullGeometry(fileName, r.record, key), {
        file: fileName,
        record: r.record,
        key,
      });
    }
    const checked = checkGeometry(r.geometry, { fileName, record: r.record, key, toLonLat: crs.toWgs84 });
    const geometry = rewindRfc7946(toWgs84(checked.geometry, crs, fileName, r.record, key));
    return {
      record: r.record,
      key,
      name: (nameField && r.texts[nameField]) || key,
      parentKey: (parentField && r.texts[parentField]) || null,
      geometry,
      areaM2: geodesicAreaM2(geometry),
      properties: r.properties,
      repairs: checked.repairs,
    };
  });
  return { fileName, fileHash, crs: crs.label, fields: table.fields, idField, nameField, parentField, areas };
}

function checkKeys(fileName: string, records: readonly SourceRecord[], idField: string): string[] {
  const firstRecord = new Map<string, number>();
  return records.map((r) => {
    const key = r.texts[idField];
    if (!key) {
      throw importError('empty_key', readerMessages.emptyKey(fileName, r.record, idField), {
        file: fileName,
        record: r.record,
        field: idField,
      });
    }
    const first = firstRecord.get(key);
    if (first !== undefined) {
      throw importError(
        'duplicate_key',
        readerMessages.duplicateKey(fileName, first, r.record, key, idField),
        {
          file: fileName,
          records: [first, r.record],
          key,
          field: idField,
        },
      );
    }
    firstRecord.set(key, r.record);
    return key;
  });
}

/** The CRS of a table: `opts.crs`, else the GeoJSON `crs` member or `.prj`, else WGS84 if the coordinates fit. */
export function chooseCrs<G extends Geometry>(table: SourceTable<G>, opts: { crs?: string }): Crs {
  const fileName = table.fileName;
  if (opts.crs?.trim()) return resolveCrs({ crs: opts.crs, fileName });
  if (table.crsText && table.crsSource === 'crs') return resolveCrsText(table.crsText, fileName, 'crs');
  if (table.crsText) return resolveCrs({ prj: table.crsText, fileName });
  return resolveCrs({ fileName, ...(bboxOf(table.records) ? { bbox: bboxOf(table.records)! } : {}) });
}

/** Extent of all finite source coordinates, for telling lon/lat from projected data. */
function bboxOf<G extends Geometry>(
  records: readonly SourceRecord<G>[],
): [number, number, number, number] | undefined {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number' && typeof c[1] === 'number') {
      if (Number.isFinite(c[0]) && Number.isFinite(c[1])) {
        b[0] = Math.min(b[0], c[0]);
        b[1] = Math.min(b[1], c[1]);
        b[2] = Math.max(b[2], c[0]);
        b[3] = Math.max(b[3], c[1]);
      }
      return;
    }
    for (const x of c as unknown[]) visit(x);
  };
  for (const r of records) visit(r.geometry && 'coordinates' in r.geometry ? r.geometry.coordinates : null);
  return b[0] <= b[2] ? b : undefined;
}

/** Converts a geometry to WGS84, rejecting coordinates that land nowhere on earth. */
export function toWgs84(
  geometry: Polygon | MultiPolygon,
  crs: Crs,
  fileName: string,
  record: number,
  key: string,
) {
  const convert = (ring: Position[]): Position[] =>
    ring.map((p) => {
      const [lon, lat] = crs.toWgs84(p[0]!, p[1]!);
      if (!(Math.abs(lon) <= 180 && Math.abs(lat) <= 90)) {
        throw importError(
          'coordinates_out_of_range',
          readerMessages.outOfRange(fileName, record, key, crs.label, p),
          {
            file: fileName,
            record,
            key,
            crs: crs.label,
          },
        );
      }
      return [lon, lat];
    });
  return geometry.type === 'Polygon'
    ? { type: 'Polygon' as const, coordinates: geometry.coordinates.map(convert) }
    : { type: 'MultiPolygon' as const, coordinates: geometry.coordinates.map((rings) => rings.map(convert)) };
}
