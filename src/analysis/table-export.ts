/**
 * The statistics table as files: German CSV (UTF-8 with BOM, `;`, decimal comma) and XLSX with
 * real numbers. Secret values appear as `·`, missing ones as `–`; text a spreadsheet would run as
 * a formula is neutralised (helpers shared with src/exports/values-export.ts). Numbers are written
 * by us and never neutralised, so a negative change stays a number.
 */
import ExcelJS from 'exceljs';
import { csvField, germanNumber, neutraliseCell, SYMBOL } from '../exports/values-export.ts';
import type { StatCell, StatRow, StatTable } from './table.schema.ts';

const stichtag = (iso: string) => iso.split('-').reverse().join('.');

/** German label of a row's kind, e.g. `Sozialraum`, `Stadtbezirk`, `Stadt`. */
function kindLabel(table: StatTable, row: StatRow): string {
  if (row.kind === 'area') return table.levelName;
  if (row.kind === 'parent') return table.parentLevelName ?? 'Übergeordnetes Gebiet';
  return 'Gesamtstadt';
}

const symbol = (c: StatCell) => SYMBOL[c.status as keyof typeof SYMBOL] ?? SYMBOL.missing;

/** Header cells: key, name, kind, then per indicator its value (and counts for planners). */
function header(table: StatTable): string[] {
  const head = ['Gebietsschlüssel', 'Gebiet', 'Art'];
  for (const c of table.columns) {
    head.push(c.unit ? `${c.name} (${c.unit})` : c.name);
    if (table.withCounts) head.push(`${c.name}: Zähler`, `${c.name}: Nenner`);
  }
  return head;
}

/** Lines below the table: Stichtag, and each indicator's source. */
function footnotes(table: StatTable): string[] {
  return [
    `Stichtag: ${stichtag(table.date)}`,
    ...table.columns.map((c) => `Quelle ${c.name}: ${c.source || 'nicht angegeben'}`),
    ...(table.withCounts
      ? []
      : ['Aus Datenschutzgründen ohne Fallzahlen. Geheim gehaltene Werte erscheinen als ·.']),
  ];
}

/**
 * @example statTableToCsv(table).split('\r\n')[0] // '\uFEFFGebietsschlüssel;Gebiet;Art;SGB-II-Quote (%)'
 */
export function statTableToCsv(table: StatTable): string {
  const text = (s: string) => csvField(neutraliseCell(s));
  const count = (n: number | null) => (n === null ? '' : germanNumber(n, Number.isInteger(n) ? 0 : 2));
  const lines = [header(table).map(text).join(';')];
  for (const row of table.rows) {
    const cells = [text(row.key), text(row.name), text(kindLabel(table, row))];
    row.cells.forEach((c, i) => {
      const decimals = table.columns[i]?.decimals ?? 1;
      cells.push(c.value === null ? symbol(c) : germanNumber(c.value, decimals));
      if (table.withCounts) cells.push(count(c.numerator), count(c.denominator));
    });
    lines.push(cells.join(';'));
  }
  const target = ['', 'Zielwert', ''];
  for (const c of table.columns) {
    target.push(c.target === null ? '' : germanNumber(c.target, c.decimals));
    if (table.withCounts) target.push('', '');
  }
  lines.push(target.join(';'));
  lines.push('');
  for (const note of footnotes(table)) lines.push(text(note));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

const numFmt = (decimals: number) => (decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0');

/** XLSX with numbers as numbers (formatted by the column's decimals), header frozen. */
export async function statTableToXlsx(table: StatTable): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Lagebild';
  const ws = wb.addWorksheet('Statistiktabelle', { views: [{ state: 'frozen', ySplit: 1 }] });
  const head = header(table);
  ws.addRow(head.map(neutraliseCell)).font = { bold: true };
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
    const cells: (string | number | null)[] = [
      neutraliseCell(row.key),
      neutraliseCell(row.name),
      kindLabel(table, row),
    ];
    for (const c of row.cells) {
      cells.push(c.value ?? symbol(c));
      if (table.withCounts) cells.push(c.numerator, c.denominator);
    }
    const added = ws.addRow(cells);
    if (row.kind !== 'area') added.font = { bold: true };
  }
  const target: (string | number | null)[] = ['', 'Zielwert', ''];
  for (const c of table.columns) {
    target.push(c.target);
    if (table.withCounts) target.push(null, null);
  }
  ws.addRow(target).font = { italic: true };
  ws.addRow([]);
  for (const note of footnotes(table)) ws.addRow([neutraliseCell(note)]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
