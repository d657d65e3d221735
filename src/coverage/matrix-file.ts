/**
 * A travel-cost matrix in long form from a routing tool → (origin, destination, cost) rows.
 * QGIS's „Distanzmatrix“ (linear, N × 3) writes `InputID,TargetID,Distance`; an OpenRouteService
 * or OSRM matrix (a JSON table of durations or distances) is converted to one row per pair first,
 * e.g. `origin;destination;duration`. Column names are guessed from these layouts or given.
 * Encoding, delimiter and decimal comma are found as for statistics tables.
 */
import { keyText } from '../areas/readers/fields.ts';
import { importError } from '../core/errors.ts';
import { readCsvGrid } from '../imports/table/csv.ts';
import { parseNumberText } from '../imports/table/values.ts';
import { coverageMessages } from './messages.ts';

const ORIGIN_NAMES =
  /^(inputid|origin|origin_?id|from|from_?id|source|source_?id|start|von|quelle|herkunft)$/i;
const DESTINATION_NAMES =
  /^(targetid|destination|destination_?id|dest|dest_?id|to|to_?id|target|ziel|ziel_?id|nach)$/i;
const COST_NAMES =
  /^(distance|cost|costs|duration|time|travel_?time|dauer|zeit|entfernung|distanz|kosten|meter|metres|minutes|minuten|seconds)$/i;

export interface MatrixColumns {
  origin?: string | undefined;
  destination?: string | undefined;
  cost?: string | undefined;
}

export interface CostRows {
  origin: string[];
  destination: string[];
  cost: number[];
  /** The columns used. */
  columns: { origin: string; destination: string; cost: string };
  /** 1-based line of each row (for messages). */
  line: number[];
}

/**
 * Reads a long-form matrix. Every problem (no number, negative, empty id, a pair twice) is
 * collected; any of them refuses the file with all of them in the error's details.
 * @throws import.csv_empty, import.field_not_found, import.matrix_invalid (422)
 * @example readCostMatrix(bytes('InputID,TargetID,Distance\n101,K1,850.5\n'), 'qgis.csv')
 *   // { origin: ['101'], destination: ['K1'], cost: [850.5], columns: {…} }
 */
export function readCostMatrix(data: Uint8Array, fileName: string, given: MatrixColumns = {}): CostRows {
  const grid = readCsvGrid(data, ',');
  if (!grid) throw importError('csv_empty', coverageMessages.csvEmpty(fileName), { file: fileName });
  const { fields, rows, delimiter } = grid;
  const pick = (name: string | undefined, pattern: RegExp, what: string, option: string): number => {
    if (name) {
      const i = fields.findIndex((f) => f.toLowerCase() === name.toLowerCase());
      if (i >= 0) return i;
      throw importError('field_not_found', coverageMessages.columnNotFound(fileName, name, fields), {
        file: fileName,
        field: name,
        fields,
      });
    }
    const i = fields.findIndex((f) => pattern.test(f));
    if (i >= 0) return i;
    throw importError('field_not_found', coverageMessages.columnMissing(fileName, what, option, fields), {
      file: fileName,
      fields,
    });
  };
  const oi = pick(given.origin, ORIGIN_NAMES, 'den Startpunkt (Gebiet)', '--origin-field');
  const di = pick(given.destination, DESTINATION_NAMES, 'das Ziel (Einrichtung)', '--destination-field');
  const ci = pick(given.cost, COST_NAMES, 'die Reisekosten', '--cost-field');
  const convention = delimiter === ',' ? 'en' : 'de';
  const out: CostRows = {
    origin: [],
    destination: [],
    cost: [],
    line: [],
    columns: { origin: fields[oi]!, destination: fields[di]!, cost: fields[ci]! },
  };
  const errors: string[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const o = keyText(row.cells[oi] ?? '', true);
    const d = keyText(row.cells[di] ?? '', true);
    const c = (row.cells[ci] ?? '').trim();
    if (!o) errors.push(coverageMessages.emptyId(fileName, row.line, fields[oi]!));
    if (!d) errors.push(coverageMessages.emptyId(fileName, row.line, fields[di]!));
    const parsed = c === '' ? null : parseNumberText(c, convention);
    if (!parsed) errors.push(coverageMessages.costText(fileName, row.line, fields[ci]!, c));
    else if (parsed.value < 0) errors.push(coverageMessages.costNegative(fileName, row.line, parsed.value));
    if (!o || !d || !parsed || parsed.value < 0) continue;
    const pair = `${o}\u0000${d}`;
    const first = seen.get(pair);
    if (first !== undefined) {
      errors.push(coverageMessages.duplicatePair(fileName, row.line, o, d, first));
      continue;
    }
    seen.set(pair, row.line);
    out.origin.push(o);
    out.destination.push(d);
    out.cost.push(parsed.value);
    out.line.push(row.line);
  }
  if (errors.length)
    throw importError('matrix_invalid', coverageMessages.matrixRefused(fileName, errors), {
      file: fileName,
      problems: errors,
    });
  return out;
}
