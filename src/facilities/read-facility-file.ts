/**
 * Reads a facility file — GeoJSON or Shapefile with points (any CRS, as for areas), or a CSV list
 * with coordinate columns — into facilities in WGS84 with number, name, capacity, Träger and
 * address. Unlike the area readers, which stop at a file's first broken record, every row is
 * checked and every problem reported (row, field, German message), so one correction round
 * suffices; the import refuses the file while any error remains.
 */
import { createHash } from 'node:crypto';
import type { Point } from 'geojson';
import type { NamedFile, SourceRecord, SourceTable } from '../areas/readers/area-file.ts';
import { chooseCrs } from '../areas/readers/build-areas.ts';
import { keyText } from '../areas/readers/fields.ts';
import { readSourceTable } from '../areas/readers/read-area-files.ts';
import { importError } from '../core/errors.ts';
import type { Crs } from '../geo/crs.ts';
import { parseNumberText } from '../imports/table/values.ts';
import { facilityMessages, rowRef } from './messages.ts';
import type { FacilityFile, FacilityProblem, RawFacility, ReadFacilityOptions } from './facility-file.ts';
import { readCsvPoints } from './read-csv-points.ts';

const ID_NAME = /(^|_)(id|nr|nummer|key|schl|kenn|code)/i;
const NAME_NAME = /name|bezeichnung/i;
const CARRIER_NAME = /tr(ä|ae)ger|^t_name$|carrier|betreiber/i;
const CAPACITY_NAME = /pl(ä|ae)tze|platz|kapazit|capacity|fl(ä|ae)che_?m2|betten/i;
const ADDRESS_PARTS = [
  /^(adresse|anschrift|address)$/i,
  /stra(ß|ss)e|strasse|street/i,
  /^(hnr|hausnr|hausnummer|e_hnr|housenumber)$/i,
  /^(plz|e_plz|postleitzahl|postcode)$/i,
  /^(ort|e_ort|city|gemeinde)$/i,
];

const extOf = (name: string): string => /\.([^./\\]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';

export function readFacilityFiles(files: readonly NamedFile[], opts: ReadFacilityOptions = {}): FacilityFile {
  const csvFile = files.length === 1 && ['csv', 'txt'].includes(extOf(files[0]!.name)) ? files[0]! : null;
  let table: SourceTable<Point>;
  let main: NamedFile;
  const problems: FacilityProblem[] = [];
  const rowsWithProblems = new Set<number>();
  if (csvFile) {
    const csv = readCsvPoints(csvFile.data, csvFile.name, opts);
    table = csv.table;
    main = csvFile;
    problems.push(...csv.problems);
    for (const p of csv.problems) if (p.row !== null) rowsWithProblems.add(p.row);
  } else {
    ({ table, main } = readSourceTable(files, 'point'));
  }
  const isCsv = csvFile !== null;
  const fileName = extOf(main.name) === 'zip' ? main.name : table.fileName;
  const fields = table.fields;
  const need = (option: string, field: string | undefined): string | null => {
    if (field === undefined || field === '') return null;
    const found =
      fields.find((f) => f === field) ?? fields.find((f) => f.toLowerCase() === field.toLowerCase());
    if (found) return found;
    throw importError(
      'field_not_found',
      facilityMessages.fieldNotFound(table.fileName, option, field, fields),
      {
        file: table.fileName,
        field,
        fields,
      },
    );
  };
  const idField = need('Nummer der Einrichtung', opts.idField) ?? guessId(table);
  const nameField =
    need('Name', opts.nameField) ?? fields.find((f) => f !== idField && NAME_NAME.test(f)) ?? null;
  const capacityField =
    need('Kapazität', opts.capacityField) ?? fields.find((f) => CAPACITY_NAME.test(f)) ?? null;
  const carrierField = need('Träger', opts.carrierField) ?? fields.find((f) => CARRIER_NAME.test(f)) ?? null;
  const addressFields = opts.addressFields
    ? opts.addressFields.map((f) => need('Adresse', f)!)
    : guessAddress(fields);
  const crs = chooseCrs(table, opts.crs ? { crs: opts.crs } : {});

  const facilities: RawFacility[] = [];
  const firstRow = new Map<string, number>();
  for (const r of table.records) {
    const key = r.texts[idField] ?? null;
    const where = rowRef(table.fileName, r.record, isCsv, key);
    const problem = (
      code: string,
      field: string | null,
      message: string,
      severity: 'error' | 'warning' = 'error',
    ) => problems.push({ row: r.record, field, code: `import.${code}`, severity, message });
    let ok = true;
    if (!key) {
      problem('empty_key', idField, facilityMessages.emptyKey(where, idField));
      ok = false;
    } else if (firstRow.has(key)) {
      problem(
        'duplicate_key',
        idField,
        facilityMessages.duplicateKey(where, idField, key, firstRow.get(key)!, isCsv),
      );
      ok = false;
    } else {
      firstRow.set(key, r.record);
    }
    const capacity = capacityField ? readCapacity(r, capacityField, where, problem, isCsv) : null;
    const position = locate(r, crs, where, problem, rowsWithProblems.has(r.record));
    if (!position || !ok || !key || capacity === undefined) continue;
    const address = formatAddress(addressFields.map((f) => r.texts[f]));
    facilities.push({
      row: r.record,
      key,
      name: (nameField && r.texts[nameField]) || key,
      capacity,
      carrier: (carrierField && r.texts[carrierField]) || null,
      address: address || null,
      lon: position[0],
      lat: position[1],
      properties: r.properties,
    });
  }
  problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return {
    fileName,
    fileHash: createHash('sha256').update(main.data).digest('hex'),
    crs: crs.label,
    fields,
    choice: { idField, nameField, capacityField, carrierField, addressFields },
    facilities,
    problems,
  };
}

type AddProblem = (
  code: string,
  field: string | null,
  message: string,
  severity?: 'error' | 'warning',
) => void;

/** The capacity as a number, null when empty (a warning), undefined when invalid (an error). */
function readCapacity(
  r: SourceRecord<Point>,
  field: string,
  where: string,
  problem: AddProblem,
  csv: boolean,
): number | null | undefined {
  const raw = r.properties[field];
  const text = typeof raw === 'number' ? null : keyText(raw);
  if (typeof raw !== 'number' && !text) {
    problem('capacity_empty', field, facilityMessages.capacityEmpty(where, field), 'warning');
    return null;
  }
  const value = typeof raw === 'number' ? raw : (parseNumberText(text!, csv ? 'de' : 'en')?.value ?? null);
  if (value === null || !Number.isFinite(value)) {
    problem('capacity_not_number', field, facilityMessages.capacityText(where, field, text ?? String(raw)));
    return undefined;
  }
  if (value < 0) {
    problem('capacity_negative', field, facilityMessages.capacityNegative(where, field, value));
    return undefined;
  }
  return value;
}

/** WGS84 lon/lat of the record's point, or null after reporting why there is none. */
function locate(
  r: SourceRecord<Point>,
  crs: Crs,
  where: string,
  problem: AddProblem,
  alreadyReported: boolean,
): [number, number] | null {
  const c = r.geometry?.coordinates;
  if (!c || typeof c[0] !== 'number' || typeof c[1] !== 'number') {
    if (!alreadyReported) problem('empty_geometry', null, facilityMessages.noGeometry(where));
    return null;
  }
  const [lon, lat] = crs.toWgs84(c[0], c[1]);
  if (!(Math.abs(lon) <= 180 && Math.abs(lat) <= 90)) {
    problem('coordinates_out_of_range', null, facilityMessages.outOfRange(where, crs.label, c[0], c[1]));
    return null;
  }
  return [lon, lat];
}

function guessId(table: SourceTable<Point>): string {
  const { fields, records } = table;
  const unique = (f: string) => {
    const seen = new Set<string>();
    for (const r of records) {
      const t = r.texts[f];
      if (!t || seen.has(t)) return false;
      seen.add(t);
    }
    return records.length > 0;
  };
  const complete = (f: string) => records.length > 0 && records.every((r) => r.texts[f]);
  // A key-like field with a repeated or empty value is still the key: the row is then reported.
  const choice =
    fields.find((f) => ID_NAME.test(f) && unique(f)) ??
    fields.find((f) => ID_NAME.test(f) && complete(f)) ??
    fields.find((f) => ID_NAME.test(f));
  if (choice) return choice;
  throw importError('id_field_missing', facilityMessages.idFieldMissing(table.fileName, fields), {
    file: table.fileName,
    fields,
  });
}

/** One full address field, else street, house number, postcode and town as far as present. */
function guessAddress(fields: readonly string[]): string[] {
  const full = fields.find((f) => ADDRESS_PARTS[0]!.test(f));
  if (full) return [full];
  return ADDRESS_PARTS.slice(1)
    .map((pattern) => fields.find((f) => pattern.test(f)))
    .filter((f): f is string => f !== undefined);
}

/** „Albrechtstr. 20, 10117 Berlin“: parts joined by spaces, a comma before the postcode. */
export function formatAddress(parts: readonly (string | null | undefined)[]): string {
  let text = '';
  for (const part of parts) {
    if (!part) continue;
    text += text === '' ? part : /^\d{5}$/.test(part) ? `, ${part}` : ` ${part}`;
  }
  return text;
}
