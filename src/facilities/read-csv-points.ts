/**
 * A CSV list of facilities with coordinate columns → source records with point geometries, as
 * the GeoJSON and Shapefile readers give them. Encoding (UTF-8, Windows-1252, UTF-16 with BOM) and
 * delimiter are found as for statistics tables; numbers may use a decimal comma.
 */
import type { Point } from 'geojson';
import type { SourceRecord, SourceTable } from '../areas/readers/area-file.ts';
import { keyText } from '../areas/readers/fields.ts';
import { importError } from '../core/errors.ts';
import { readCsvGrid } from '../imports/table/csv.ts';
import { parseNumberText } from '../imports/table/values.ts';
import { facilityMessages, rowRef } from './messages.ts';
import type { FacilityProblem } from './facility-file.ts';

/** Column names taken as coordinates, x (easting, longitude) and y (northing, latitude). */
const X_NAMES = /^(lon|lng|long|longitude|laenge|länge|x|x_?coord|rechtswert|rw|easting|ostwert)$/i;
const Y_NAMES = /^(lat|latitude|breite|y|y_?coord|hochwert|hw|northing|nordwert)$/i;

export interface CsvPointOptions {
  xField?: string;
  yField?: string;
}

export interface CsvPoints {
  table: SourceTable<Point>;
  problems: FacilityProblem[];
  xField: string;
  yField: string;
}

export function readCsvPoints(data: Uint8Array, fileName: string, opts: CsvPointOptions): CsvPoints {
  const grid = readCsvGrid(data, ';');
  if (!grid) throw importError('csv_empty', facilityMessages.csvEmpty(fileName), { file: fileName });
  const { fields, rows, delimiter } = grid;
  const pick = (given: string | undefined, option: string, pattern: RegExp): string => {
    if (given) {
      const found =
        fields.find((f) => f === given) ?? fields.find((f) => f.toLowerCase() === given.toLowerCase());
      if (found) return found;
      throw importError('field_not_found', facilityMessages.fieldNotFound(fileName, option, given, fields), {
        file: fileName,
        field: given,
        fields,
      });
    }
    const found = fields.find((f) => pattern.test(f));
    if (found) return found;
    throw importError(
      'coordinate_fields_missing',
      facilityMessages.coordinateFieldsMissing(fileName, fields),
      {
        file: fileName,
        fields,
      },
    );
  };
  const xField = pick(opts.xField, 'Spalte der x-Koordinate', X_NAMES);
  const yField = pick(opts.yField, 'Spalte der y-Koordinate', Y_NAMES);
  const convention = delimiter === ',' ? 'en' : 'de';
  const problems: FacilityProblem[] = [];
  const records: SourceRecord<Point>[] = [];
  for (const row of rows) {
    const where = rowRef(fileName, row.line, true);
    if (row.cells.length !== fields.length) {
      problems.push({
        row: row.line,
        field: null,
        code: 'import.column_count',
        severity: 'error',
        message: facilityMessages.columnCount(where, row.cells.length, fields.length),
      });
      continue;
    }
    const properties: Record<string, unknown> = {};
    const texts: Record<string, string | null> = {};
    fields.forEach((f, i) => {
      const cell = (row.cells[i] ?? '').trim();
      properties[f] = cell === '' ? null : cell;
      texts[f] = keyText(cell);
    });
    const coordinate = (field: string): number | null => {
      const cell = texts[field];
      if (!cell) return null;
      const parsed = parseNumberText(cell, convention);
      if (parsed) return parsed.value;
      problems.push({
        row: row.line,
        field,
        code: 'import.coordinate_text',
        severity: 'error',
        message: facilityMessages.coordinateText(where, field, cell),
      });
      return null;
    };
    const x = coordinate(xField);
    const y = coordinate(yField);
    const geometry: Point | null = x !== null && y !== null ? { type: 'Point', coordinates: [x, y] } : null;
    records.push({ record: row.line, geometry, properties, texts });
  }
  return { table: { fileName, fields, records }, problems, xField, yField };
}
