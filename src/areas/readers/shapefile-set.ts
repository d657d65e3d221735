import { importError } from '../../core/errors.ts';
import type { GeometryKind, GeometryOf, NamedFile, SourceRecord, SourceTable } from './area-file.ts';
import { dbfValue, parseDbf } from './dbf.ts';
import { dbfEncoding } from './encoding.ts';
import { keyText } from './fields.ts';
import { readerMessages } from './messages.ts';
import { parseShp } from './shp.ts';

/** The files of one shapefile, found by their common base name. */
export type ShapefileSet = {
  shp: NamedFile;
  dbf?: NamedFile;
  prj?: NamedFile;
  cpg?: NamedFile;
  shx?: NamedFile;
};

/**
 * Reads a shapefile set into source records (geometry still in the file's CRS).
 *
 * Geometry and attributes are matched by position, so both files must have the same number of
 * records; the .shx is only consulted to say which count is right in the message. Records flagged
 * as deleted in the .dbf are skipped together with their shape (as GDAL does); numbering keeps the
 * file positions.
 *
 * @param prefix shown before file names in messages (the zip archive, `archiv.zip/`)
 * @throws `import.dbf_missing`, `import.shp_corrupt`, `import.dbf_corrupt`, `import.record_count_mismatch`
 */
export function readShapefileSet<K extends GeometryKind = 'area'>(
  set: ShapefileSet,
  prefix = '',
  kind: K = 'area' as K,
): SourceTable<GeometryOf<K>> {
  const shpName = prefix + set.shp.name;
  if (!set.dbf) throw importError('dbf_missing', readerMessages.dbfMissing(shpName), { file: shpName });
  const dbfName = prefix + set.dbf.name;

  const shp = parseShp(set.shp.data, shpName, kind);
  const encoding = dbfEncoding(
    set.cpg && { name: prefix + set.cpg.name, text: new TextDecoder().decode(set.cpg.data) },
    set.dbf.data,
  );
  const dbf = parseDbf(set.dbf.data, dbfName, new TextDecoder(encoding));

  if (shp.records.length !== dbf.rows.length) {
    const shxCount = set.shx && set.shx.data.length >= 100 ? (set.shx.data.length - 100) / 8 : undefined;
    throw importError(
      'record_count_mismatch',
      readerMessages.recordCountMismatch(shpName, shp.records.length, dbfName, dbf.rows.length, shxCount),
      { file: shpName, shpRecords: shp.records.length, dbfRecords: dbf.rows.length, shxRecords: shxCount },
    );
  }

  const fields = dbf.fields.map((f) => f.name);
  const records: SourceRecord<GeometryOf<K>>[] = [];
  dbf.rows.forEach((row, i) => {
    if (row.deleted) return;
    const properties: Record<string, unknown> = {};
    const texts: Record<string, string | null> = {};
    dbf.fields.forEach((field, j) => {
      const raw = row.texts[j] ?? '';
      properties[field.name] = dbfValue(field, raw);
      texts[field.name] = keyText(raw, field.type === 'N' || field.type === 'F');
    });
    records.push({ record: row.record, geometry: shp.records[i]!.geometry, properties, texts });
  });

  const prj = set.prj && new TextDecoder().decode(set.prj.data).trim();
  return {
    fileName: shpName,
    fields,
    records,
    ...(prj ? { crsText: prj, crsSource: '.prj' as const } : {}),
  };
}
