/**
 * The statistics table as files: German CSV (UTF-8 with BOM, `;`, decimal comma) and XLSX with
 * real numbers. Secret values appear as `·`, missing ones as `–`. Each file's table is one table
 * — header, the areas, their parents, the city (with the territory's key) and the row of target
 * values (Art `Zielwert`) — so programs read it without skipping lines; the CSV carries Stichtag
 * and sources as the last two columns (why: see `valuesToCsv`), the XLSX on its sheet „Quelle“.
 * CSV text a spreadsheet would run as a formula is neutralised (helpers shared with
 * src/exports/values-export.ts); XLSX text is written as string cells, which Excel never runs.
 * Numbers are written by us and never neutralised, so a negative change stays a number.
 */
import ExcelJS from 'exceljs';
import {
  addSourceSheet,
  csvField,
  dateCell,
  germanCount,
  germanNumber,
  neutraliseCell,
  sourceText,
  SYMBOL,
  valueHeader,
} from '../exports/values-export.ts';
import type { StatCell, StatRow, StatTable } from './table.schema.ts';

const TARGET = 'Zielwert';

/** German label of a row's kind, e.g. `Sozialraum`, `Stadtbezirk`, `Gesamtstadt`. */
function kindLabel(table: StatTable, row: StatRow): string {
  if (row.kind === 'area') return table.levelName;
  // a parent names its own level: in a ragged hierarchy not always the level's parent level
  if (row.kind === 'parent') return row.levelName ?? table.parentLevelName ?? 'Übergeordnetes Gebiet';
  return 'Gesamtstadt';
}

/** The key a file shows: the city row carries the territory's key (its AGS). */
const rowKey = (table: StatTable, row: StatRow) => (row.kind === 'city' ? (table.cityKey ?? '') : row.key);

const symbol = (c: StatCell) => SYMBOL[c.status as keyof typeof SYMBOL] ?? SYMBOL.missing;

/** Header cells: key, name, kind, then per indicator its value (and counts for planners). */
function header(table: StatTable): string[] {
  const head = ['Gebietsschlüssel', 'Gebiet', 'Art'];
  for (const c of table.columns) {
    head.push(valueHeader(c));
    if (table.withCounts) head.push(`${c.name}: Zähler`, `${c.name}: Nenner`);
  }
  return head;
}

/** Each indicator's source, in column order: `SGB-II-Quote: BA; Veränderung: nicht angegeben`. */
const sources = (table: StatTable) =>
  table.columns.map((c) => `${c.name}: ${sourceText(c.source)}`).join('; ');

/**
 * @example statTableToCsv(table).split('\r\n')[0]
 *   // '\uFEFFGebietsschlüssel;Gebiet;Art;SGB-II-Quote (%);Stichtag;Quelle'
 */
export function statTableToCsv(table: StatTable): string {
  const text = (s: string) => csvField(neutraliseCell(s));
  const tail = [table.date, text(sources(table))];
  const lines = [[...header(table), 'Stichtag', 'Quelle'].map(text).join(';')];
  for (const row of table.rows) {
    const cells = [text(rowKey(table, row)), text(row.name), text(kindLabel(table, row))];
    row.cells.forEach((c, i) => {
      const decimals = table.columns[i]?.decimals ?? 1;
      cells.push(c.value === null ? symbol(c) : germanNumber(c.value, decimals));
      if (table.withCounts) cells.push(germanCount(c.numerator), germanCount(c.denominator));
    });
    lines.push([...cells, ...tail].join(';'));
  }
  const target = ['', TARGET, TARGET];
  for (const c of table.columns) {
    target.push(c.target === null ? '' : germanNumber(c.target, c.decimals));
    if (table.withCounts) target.push('', '');
  }
  lines.push([...target, ...tail].join(';'));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

const numFmt = (decimals: number) => (decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0');

/** XLSX with numbers as numbers (formatted by the column's decimals), header frozen, sheet „Quelle“. */
export async function statTableToXlsx(table: StatTable): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Lagebild';
  const ws = wb.addWorksheet('Statistiktabelle', { views: [{ state: 'frozen', ySplit: 1 }] });
  const head = header(table);
  ws.addRow(head).font = { bold: true };
  ws.getColumn(1).width = 16;
  ws.getColumn(2).width = 32;
  ws.getColumn(3).width = 16;
  const step = table.withCounts ? 3 : 1;
  table.columns.forEach((c, i) => {
    const first = 4 + i * step;
    ws.getColumn(first).width = Math.min(40, Math.max(14, head[first - 1]!.length * 0.9));
    ws.getColumn(first).numFmt = numFmt(c.decimals);
    for (let k = 1; k < step; k++) {
      ws.getColumn(first + k).width = 14;
      ws.getColumn(first + k).numFmt = '#,##0';
    }
  });
  for (const row of table.rows) {
    const cells: (string | number | null)[] = [rowKey(table, row), row.name, kindLabel(table, row)];
    for (const c of row.cells) {
      cells.push(c.value ?? symbol(c));
      if (table.withCounts) cells.push(c.numerator, c.denominator);
    }
    const added = ws.addRow(cells);
    if (row.kind !== 'area') added.font = { bold: true };
  }
  const target: (string | number | null)[] = ['', TARGET, TARGET];
  for (const c of table.columns) {
    target.push(c.target);
    if (table.withCounts) target.push(null, null);
  }
  ws.addRow(target).font = { italic: true };
  addSourceSheet(wb, [
    ['Stichtag', dateCell(table.date)],
    ...table.columns.map((c): [string, string] => [`Quelle ${c.name}`, sourceText(c.source)]),
    ['Zeichen', `${SYMBOL.secret} = geheim (Geheimhaltung), ${SYMBOL.missing} = fehlt (keine Daten)`],
    ...(table.withCounts ? [] : [['Hinweis', 'Aus Datenschutzgründen ohne Fallzahlen.'] as [string, string]]),
  ]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
