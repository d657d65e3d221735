/**
 * Coverage as files (as the value exports, src/exports/values-export.ts): German CSV (`;`,
 * decimal comma, UTF-8 with BOM) and XLSX, one table with one header row — areas, then the parent
 * level, then the city — and every row with its Stichtag, level, norm and source. Secret values
 * are `·`, missing ones `–`; the public gets exactly what the coverage route gives it.
 */
import ExcelJS from 'exceljs';
import type { User } from '../auth/auth.schema.ts';
import { csvField, neutraliseCell } from '../core/csv-cell.ts';
import type { DownloadFile } from '../core/file-response.ts';
import type { Db } from '../db/db.ts';
import {
  addSourceSheet,
  dateCell,
  germanNumber,
  sheetName,
  statusLabel,
  SYMBOL,
} from '../exports/values-export.ts';
import { seesUnprotected } from '../indicators/indicator.service.ts';
import type { Coverage, CoverageQuery, CoverageRow } from './coverage.schema.ts';
import { computeCoverage } from './coverage.service.ts';

/** The city's rows say this in the level column. */
export const CITY_LABEL = 'Gesamtstadt';

interface FileRow extends CoverageRow {
  level: string;
}

function fileRows(c: Coverage): FileRow[] {
  return [
    ...c.rows.map((r) => ({ ...r, level: c.levelName })),
    // a parent names its own level: in a ragged hierarchy not always the level's parent level
    ...c.parents.map((r) => ({ ...r, level: r.levelName ?? c.parentLevelName ?? '' })),
    ...c.city.map((r) => ({ ...r, level: CITY_LABEL })),
  ];
}

const headers = (c: Coverage) => [
  'Gebietsschlüssel',
  'Gebiet',
  'Ebene',
  'Stichtag',
  `Versorgung (${c.norm.capacityUnit})`,
  `Bedarf (${c.norm.capacityUnit})`,
  'Versorgungsquote (%)',
  `Saldo (${c.norm.capacityUnit})`,
  'Status',
  'Richtwert',
  'Quelle',
];

const shown = (value: number | null, status: string, decimals: number) =>
  value === null ? (status === 'secret' ? SYMBOL.secret : SYMBOL.missing) : germanNumber(value, decimals);

/**
 * German CSV of coverage rows.
 * @example coverageToCsv(c, 1) // '\uFEFFGebietsschlüssel;Gebiet;Ebene;Stichtag;Versorgung (Plätze);…'
 */
export function coverageToCsv(c: Coverage, decimals: number): string {
  const text = (s: string) => csvField(neutraliseCell(s));
  const lines = [headers(c).map(text).join(';')];
  const norm = text(c.norm.name);
  const source = text(c.norm.source.trim() || 'nicht angegeben');
  for (const r of fileRows(c)) {
    lines.push(
      [
        text(r.area),
        text(r.name),
        text(r.level),
        r.date,
        shown(r.supply, r.status, decimals),
        shown(r.demand, r.status, decimals),
        shown(r.rate, r.status, 1),
        shown(r.balance, r.status, decimals),
        statusLabel(r.status),
        norm,
        source,
      ].join(';'),
    );
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/** XLSX: the table on the first sheet (numbers as numbers), norm and source on „Quelle“. */
export async function coverageToXlsx(c: Coverage, decimals: number): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Lagebild';
  const ws = wb.addWorksheet(sheetName(c.norm.name), { views: [{ state: 'frozen', ySplit: 1 }] });
  const fmt = decimals ? `0.${'0'.repeat(decimals)}` : '0';
  const h = headers(c);
  ws.columns = [
    { header: h[0], key: 'area', width: 16 },
    { header: h[1], key: 'name', width: 32 },
    { header: h[2], key: 'level', width: 16 },
    { header: h[3], key: 'date', width: 12, style: { numFmt: 'dd.mm.yyyy' } },
    { header: h[4], key: 'supply', width: 18, style: { numFmt: fmt } },
    { header: h[5], key: 'demand', width: 18, style: { numFmt: fmt } },
    { header: h[6], key: 'rate', width: 18, style: { numFmt: '0.0' } },
    { header: h[7], key: 'balance', width: 18, style: { numFmt: fmt } },
    { header: h[8], key: 'status', width: 10 },
  ];
  ws.getRow(1).font = { bold: true };
  const symbol = (v: number | null, status: string) =>
    v ?? (status === 'secret' ? SYMBOL.secret : SYMBOL.missing);
  for (const r of fileRows(c))
    ws.addRow({
      area: r.area,
      name: r.name,
      level: r.level,
      date: dateCell(r.date),
      supply: symbol(r.supply, r.status),
      demand: symbol(r.demand, r.status),
      rate: symbol(r.rate, r.status),
      balance: symbol(r.balance, r.status),
      status: statusLabel(r.status),
    });
  addSourceSheet(wb, [
    ['Richtwert', `${c.norm.name} (${c.norm.key})`],
    ['Einheit', c.norm.capacityUnit],
    ['Stichtage', c.stichtage.map((s) => s.date).join(', ')],
    ['Quelle', c.norm.source.trim() || 'nicht angegeben'],
    ['Zeichen', `${SYMBOL.secret} = geheim (Geheimhaltung), ${SYMBOL.missing} = fehlt (keine Daten)`],
  ]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The file for a coverage export: the public's values as the route gives them, rounded to 1 decimal. */
export async function exportCoverage(
  db: Db,
  user: User | null,
  q: Omit<CoverageQuery, 'scenario'> & { format: 'csv' | 'xlsx' },
): Promise<DownloadFile> {
  const c = await computeCoverage(db, user, { norm: q.norm, level: q.level, date: q.date, series: q.series });
  const decimals = seesUnprotected(user) ? 2 : 1;
  const stem = `versorgung_${c.norm.key}_${c.level}_${c.stichtage.length > 1 ? 'zeitreihe' : c.stichtage[0]!.date}`;
  return q.format === 'xlsx'
    ? {
        body: await coverageToXlsx(c, decimals),
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        fileName: `${stem}.xlsx`,
      }
    : { body: coverageToCsv(c, decimals), contentType: 'text/csv; charset=utf-8', fileName: `${stem}.csv` };
}
