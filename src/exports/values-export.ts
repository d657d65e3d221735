/**
 * Indicator values as files people open in Excel or read by program: CSV in German format
 * (`;`, decimal comma, UTF-8 with BOM), XLSX with real numbers, JSON. Secret values appear
 * as `·`; text that a spreadsheet would run as a formula is neutralised.
 */
import ExcelJS from 'exceljs';
import type { IndicatorValues } from '../indicators/indicator.schema.ts';
import type { Indicator } from '../indicators/indicator.schema.ts';

export type ExportFormat = 'csv' | 'xlsx' | 'json';

/** Spreadsheet formula injection: cells starting with = + - @ (or tab/CR) are prefixed with '. */
export function neutraliseCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** Shown instead of a value: suppressed (geheim) or no data. */
export const SYMBOL = { secret: '·', missing: '–' } as const;

interface Row {
  key: string;
  name: string;
  value: number | null;
  status: string;
  numerator: number | null;
  denominator: number | null;
}

function rows(v: IndicatorValues, cityName: string): Row[] {
  return [
    ...v.values.map((x) => ({ key: x.id, ...x })),
    { key: '', name: cityName, ...v.city, numerator: null, denominator: null },
  ];
}

/** A number with decimal comma and no thousands separator (for files read by programs too). */
export const germanNumber = (n: number, decimals: number) =>
  n.toLocaleString('de-DE', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    useGrouping: false,
  });

const shown = (r: Row, decimals: number) =>
  r.value === null
    ? (SYMBOL[r.status as keyof typeof SYMBOL] ?? SYMBOL.missing)
    : germanNumber(r.value, decimals);

/** One CSV field, quoted when it holds the separator, a quote or a line break. */
export const csvField = (s: string) => (/[;"\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export function valuesToCsv(
  ind: Indicator,
  v: IndicatorValues,
  opts: { withCounts: boolean; cityName: string },
): string {
  const head = ['Gebietsschlüssel', 'Gebiet', `${ind.name} (${ind.unit})`, 'Status'];
  if (opts.withCounts) head.push('Zähler', 'Nenner');
  const lines = [head.join(';')];
  for (const r of rows(v, opts.cityName)) {
    // Only text is neutralised: a negative number (a change) must stay a number, not become '-1,5.
    const cells = [
      csvField(neutraliseCell(r.key)),
      csvField(neutraliseCell(r.name)),
      shown(r, ind.decimals),
      r.status,
    ];
    if (opts.withCounts)
      cells.push(
        r.numerator === null ? '' : String(r.numerator),
        r.denominator === null ? '' : String(r.denominator),
      );
    lines.push(cells.join(';'));
  }
  lines.push(`Quelle: ${neutraliseCell(ind.source)}; Stichtag: ${v.date.split('-').reverse().join('.')}`);
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

export async function valuesToXlsx(
  ind: Indicator,
  v: IndicatorValues,
  opts: { withCounts: boolean; cityName: string },
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Lagebild';
  const ws = wb.addWorksheet(ind.name.slice(0, 31).replace(/[\\/?*[\]:]/g, ' '));
  const columns = [
    { header: 'Gebietsschlüssel', key: 'key', width: 16 },
    { header: 'Gebiet', key: 'name', width: 32 },
    {
      header: `${ind.name} (${ind.unit})`,
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
  for (const r of rows(v, opts.cityName)) {
    ws.addRow({
      key: neutraliseCell(r.key),
      name: neutraliseCell(r.name),
      value: r.value ?? SYMBOL[r.status as keyof typeof SYMBOL] ?? SYMBOL.missing,
      status: r.status,
      ...(opts.withCounts ? { numerator: r.numerator, denominator: r.denominator } : {}),
    });
  }
  ws.addRow([]);
  ws.addRow([`Quelle: ${neutraliseCell(ind.source)}; Stichtag: ${v.date.split('-').reverse().join('.')}`]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
