/**
 * Indicator values as files people open in Excel or read by program: CSV in German format
 * (`;`, decimal comma, UTF-8 with BOM), XLSX with real numbers, JSON. Secret values appear
 * as `·`, missing ones as `–`; the Status column says why in German (`STATUS_LABEL`). Each file
 * is one table with one header row, so `pandas.read_csv(sep=';', decimal=',')`, csv-parse and
 * Excel read it without skipping lines; the city is the last row, with the territory's key.
 */
import ExcelJS from 'exceljs';
import { csvField, neutraliseCell } from '../core/csv-cell.ts';
import type { ValueStatus } from '../core/value-status.ts';
import type { IndicatorValues } from '../indicators/indicator.schema.ts';
import type { Indicator } from '../indicators/indicator.schema.ts';

export type ExportFormat = 'csv' | 'xlsx' | 'json' | 'geojson' | 'shp' | 'gpkg';

export { csvField, neutraliseCell } from '../core/csv-cell.ts';

/** Shown instead of a value: suppressed (geheim) or no data. */
export const SYMBOL = { secret: '·', missing: '–' } as const;

/**
 * The Status column of every file (CSV, XLSX, GeoJSON, Shapefile, GeoPackage) in German — one
 * mapping, so a filter on `geheim` works the same in each of them.
 */
export const STATUS_LABEL: Record<ValueStatus, string> = {
  value: 'Wert',
  secret: 'geheim',
  missing: 'fehlt',
  estimated: 'geschätzt',
};

/** German status label; an unknown status passes through rather than vanishing. */
export const statusLabel = (status: string) => STATUS_LABEL[status as ValueStatus] ?? status;

/** Header of the value column: `SGB-II-Quote (%)`, or the name alone for an indicator without unit. */
export const valueHeader = (ind: Pick<Indicator, 'name' | 'unit'>) =>
  ind.unit ? `${ind.name} (${ind.unit})` : ind.name;

/** The source as printed in files; an indicator without one says so instead of an empty cell. */
export const sourceText = (source: string) => source.trim() || 'nicht angegeben';

export interface ValueRow {
  key: string;
  name: string;
  value: number | null;
  status: ValueStatus;
  numerator: number | null;
  denominator: number | null;
}

/** The areas of the level, then the city with the territory's key (its AGS in a real installation). */
export function valueRows(v: IndicatorValues, city: { key: string; name: string }): ValueRow[] {
  return [
    ...v.values.map((x) => ({ ...x, key: x.id })),
    { key: city.key, name: city.name, ...v.city, numerator: null, denominator: null },
  ];
}

/** A number with decimal comma and no thousands separator (for files read by programs too). */
export const germanNumber = (n: number, decimals: number) =>
  n.toLocaleString('de-DE', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    useGrouping: false,
  });

/** A count (Zähler, Nenner): integers as they are, sums of estimated parts with two decimals. */
export const germanCount = (n: number | null) =>
  n === null ? '' : germanNumber(n, Number.isInteger(n) ? 0 : 2);

const shown = (r: ValueRow, decimals: number) =>
  r.value === null
    ? (SYMBOL[r.status as keyof typeof SYMBOL] ?? SYMBOL.missing)
    : germanNumber(r.value, decimals);

export interface ValuesFileOptions {
  /** Zähler and Nenner columns: only for those who see unprotected values. */
  withCounts: boolean;
  /** The whole city's row: the territory's key and name. */
  city: { key: string; name: string };
}

/**
 * German CSV: `Gebietsschlüssel;Gebiet;<Indikator (Einheit)>;Status[;Zähler;Nenner];Stichtag;Quelle`.
 *
 * Stichtag and Quelle are columns, repeated in every row, rather than a line below the table:
 * a note line is a ragged row that csv-parse refuses and pandas reads as a bogus area, and Excel
 * users sort or filter it into the data. As columns they cost a few bytes per row and keep the
 * file one table — and files of several Stichtage or indicators can be stacked without losing
 * which row is which. The Stichtag is ISO (`2024-12-31`): Excel shows it as a date in any
 * locale, and programs parse it without a format string.
 *
 * @example valuesToCsv(sgb2Quote, v, { withCounts: false, city: { key: '05315000', name: 'Köln' } })
 *   // '\uFEFFGebietsschlüssel;Gebiet;SGB-II-Quote (%);Status;Stichtag;Quelle\r\n101;Altstadt/Süd;15,5;Wert;2012-12-31;…'
 */
export function valuesToCsv(ind: Indicator, v: IndicatorValues, opts: ValuesFileOptions): string {
  const text = (s: string) => csvField(neutraliseCell(s));
  const head = ['Gebietsschlüssel', 'Gebiet', valueHeader(ind), 'Status'];
  if (opts.withCounts) head.push('Zähler', 'Nenner');
  head.push('Stichtag', 'Quelle');
  const lines = [head.map(text).join(';')];
  const source = text(sourceText(ind.source));
  for (const r of valueRows(v, opts.city)) {
    // Only text is neutralised: a negative number (a change) must stay a number, not become '-1,5.
    const cells = [text(r.key), text(r.name), shown(r, ind.decimals), statusLabel(r.status)];
    if (opts.withCounts) cells.push(germanCount(r.numerator), germanCount(r.denominator));
    cells.push(v.date, source);
    lines.push(cells.join(';'));
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/** An Excel sheet name: at most 31 characters, none of `\ / ? * [ ] :`. */
export const sheetName = (name: string) =>
  name
    .slice(0, 31)
    .replace(/[\\/?*[\]:]/g, ' ')
    .trim() || 'Werte';

/** `2024-12-31` as a date cell (UTC midnight, as exceljs writes dates without time zone). */
export const dateCell = (iso: string) => new Date(`${iso}T00:00:00Z`);

/**
 * XLSX: the first sheet is the table alone (header row, one row per area, the city last), the
 * sheet „Quelle“ says what it is — indicator, unit, Stichtag, source, symbols. Text is written as
 * string cells, which Excel never evaluates, so names starting with `=` stay as they are (no `'`).
 */
export async function valuesToXlsx(
  ind: Indicator,
  v: IndicatorValues,
  opts: ValuesFileOptions,
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Lagebild';
  const dataName = sheetName(ind.name);
  const ws = wb.addWorksheet(dataName.toLowerCase() === 'quelle' ? 'Werte' : dataName, {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  const columns: Partial<ExcelJS.Column>[] = [
    { header: 'Gebietsschlüssel', key: 'key', width: 16 },
    { header: 'Gebiet', key: 'name', width: 32 },
    {
      header: valueHeader(ind),
      key: 'value',
      width: 20,
      style: { numFmt: ind.decimals ? `0.${'0'.repeat(ind.decimals)}` : '0' },
    },
    { header: 'Status', key: 'status', width: 10 },
  ];
  if (opts.withCounts)
    columns.push(
      { header: 'Zähler', key: 'numerator', width: 12 },
      { header: 'Nenner', key: 'denominator', width: 12 },
    );
  ws.columns = columns;
  ws.getRow(1).font = { bold: true };
  for (const r of valueRows(v, opts.city)) {
    ws.addRow({
      key: r.key,
      name: r.name,
      value: r.value ?? SYMBOL[r.status as keyof typeof SYMBOL] ?? SYMBOL.missing,
      status: statusLabel(r.status),
      ...(opts.withCounts ? { numerator: r.numerator, denominator: r.denominator } : {}),
    });
  }
  addSourceSheet(wb, [
    ['Indikator', ind.name],
    ['Einheit', ind.unit],
    ['Stichtag', dateCell(v.date)],
    ['Quelle', sourceText(ind.source)],
    ['Zeichen', `${SYMBOL.secret} = geheim (Geheimhaltung), ${SYMBOL.missing} = fehlt (keine Daten)`],
  ]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The sheet „Quelle“: one line per fact, label and value; dates formatted the German way. */
export function addSourceSheet(wb: ExcelJS.Workbook, lines: [string, string | Date][]) {
  const ws = wb.addWorksheet('Quelle');
  ws.columns = [
    { header: 'Angabe', key: 'label', width: 16 },
    { header: 'Inhalt', key: 'text', width: 80 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const [label, text] of lines) {
    const row = ws.addRow({ label, text });
    if (text instanceof Date) row.getCell(2).numFmt = 'dd.mm.yyyy';
  }
  return ws;
}
