/**
 * A population grid file (Zensus 2022 „Bevölkerungszahl in Gitterzellen“ and alike) read as finer
 * units for population-weighted conversion of Gebietsstände (docs/methods.md §10.1). A delivery
 * read like the statistics tables, so it lives with them; the conversion takes the units.
 */
import { LagebildError } from '../../core/errors.ts';
import { resolveCrsText } from '../../geo/crs.ts';
import { rankDelimiters, splitLine } from '../table/csv.ts';
import { StreamingDecoder } from '../table/decode.ts';
import type { FinerUnit, PopulationGridFile } from '../../areas/convert/finer.ts';
import { convertMessages } from '../../areas/convert/messages.ts';

/** Zensus cell id: `CRS3035RES100mN2689100E4337000`, south-west corner in EPSG:3035 metres. */
const CELL_ID = /^CRS3035RES(\d+)(m|km)N(\d+)E(\d+)$/i;
/** Zensus marks for withheld or absent counts ('–' en dash, '-', '.', '/', 'x'), and -1 of 2011. */
const SECRET = new Set(['–', '-', '.', '/', 'x', 'X', '-1']);

/** An unreadable grid file: 422 like other imports, code `areas.convert_grid_…`. */
const gridError = (code: string, message: string, details: Record<string, unknown>) =>
  new LagebildError(`areas.convert_grid_${code}`, message, 422, details);

const sizeOf = (n: string, unit: string) => Number(n) * (unit.toLowerCase() === 'km' ? 1000 : 1);

/**
 * Reads a grid CSV: cell centres in ETRS89-LAEA (EPSG:3035, the INSPIRE grid's CRS) as
 * `x_mp_100m`/`y_mp_100m` (any resolution suffix, or plain `x`/`y`) or, without them, the cell id
 * `GITTER_ID_100m`; inhabitants in `Einwohner` (or `ew`). Delimiter and encoding are found as for
 * statistics tables; a decimal comma is accepted; quoted fields may not span lines. Centres are reprojected to lon/lat with proj4.
 *
 * @param data the file's bytes
 * @param fileName named in messages
 * @throws `areas.convert_grid_columns` (no coordinate or population column), `areas.convert_grid_value` (a cell
 *   that is neither a number nor a secrecy mark — file, line, column and text named), `areas.convert_grid_empty`
 * @example parseGridCsv(bytes, 'Zensus2022_Bevoelkerungszahl_100m-Gitter.csv').units.length
 */
export function parseGridCsv(data: Uint8Array, fileName: string): PopulationGridFile {
  // a national 100 m file has about 3 million lines: read line by line from the decoded text
  // rather than through `readCsvGrid`, which keeps every row as an array (2 GB for Germany)
  const decoder = new StreamingDecoder();
  const text = decoder.write(data) + decoder.end();
  const lines = (function* () {
    let start = 0;
    let line = 0;
    while (start < text.length) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      line++;
      const raw = text.slice(start, end > start && text[end - 1] === '\r' ? end - 1 : end);
      start = end + 1;
      if (raw.trim() !== '') yield { line, raw };
    }
  })();
  const header = lines.next();
  if (header.done) throw gridError('empty', convertMessages.gridEmpty(fileName), { file: fileName });
  const sample = text
    .slice(0, 64 * 1024)
    .split('\n')
    .slice(0, 50);
  const delimiter = rankDelimiters(sample)[0]?.delimiter ?? ';';
  const fields = splitLine(header.value.raw, delimiter).map((f) => f.trim().replace(/^\uFEFF/, ''));
  const lower = fields.map((f) => f.toLowerCase());
  const find = (test: (f: string) => boolean) => lower.findIndex(test);
  const xCol = find((f) => /^x_mp(_\d+k?m)?$/.test(f) || f === 'x');
  const yCol = find((f) => /^y_mp(_\d+k?m)?$/.test(f) || f === 'y');
  const idCol = find((f) => /^gitter_id(_\d+k?m)?$/.test(f));
  const popCol = find((f) => f === 'einwohner' || f === 'ew');
  if (popCol < 0 || ((xCol < 0 || yCol < 0) && idCol < 0))
    throw gridError('columns', convertMessages.gridColumns(fileName, fields), { file: fileName, fields });
  const suffix = /_(\d+)(k?m)$/.exec(lower[xCol >= 0 ? xCol : idCol]!);
  let cellSize = suffix ? sizeOf(suffix[1]!, suffix[2]!) : null;
  const crs = resolveCrsText('EPSG:3035', fileName);
  const units: FinerUnit[] = [];
  let secret = 0;
  const bad = (line: number, col: number, text: string) =>
    gridError('value', convertMessages.gridValue(fileName, line, fields[col]!, text), {
      file: fileName,
      line,
      column: fields[col],
      value: text,
    });
  const number = (line: number, cells: string[], col: number) => {
    const text = (cells[col] ?? '').trim();
    const v = Number(text.replace(',', '.'));
    if (text === '' || !Number.isFinite(v)) throw bad(line, col, text);
    return v;
  };
  for (const { line, raw } of lines) {
    const cells = splitLine(raw, delimiter);
    const popText = (cells[popCol] ?? '').trim();
    if (SECRET.has(popText)) {
      secret++;
      continue;
    }
    const population = number(line, cells, popCol);
    if (population < 0) throw bad(line, popCol, popText);
    let x: number;
    let y: number;
    if (xCol >= 0 && yCol >= 0) {
      x = number(line, cells, xCol);
      y = number(line, cells, yCol);
    } else {
      const id = CELL_ID.exec((cells[idCol] ?? '').trim());
      if (!id) throw bad(line, idCol, (cells[idCol] ?? '').trim());
      const size = sizeOf(id[1]!, id[2]!);
      cellSize ??= size;
      x = Number(id[4]) + size / 2;
      y = Number(id[3]) + size / 2;
    }
    const [lon, lat] = crs.toWgs84(x, y);
    units.push({ lon, lat, population });
  }
  if (units.length === 0) throw gridError('empty', convertMessages.gridEmpty(fileName), { file: fileName });
  return { fileName, cellSize, zensus: idCol >= 0 || /^x_mp/.test(lower[xCol] ?? ''), units, secret };
}
