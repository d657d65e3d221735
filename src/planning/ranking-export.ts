/**
 * The Bedarfsplan's ranking as files for the office (as the coverage export,
 * src/coverage/coverage-export.ts): German CSV (`;`, decimal comma, UTF-8 with BOM) and XLSX, one
 * table with one header row in rank order, each row with its Stichtag, norm and source. Secret
 * values are `·`, missing ones `–`; the public gets exactly what the ranking route gives it.
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
  sourceText,
  statusLabel,
  SYMBOL,
} from '../exports/values-export.ts';
import { seesUnprotected } from '../indicators/indicator.service.ts';
import type { Ranking, RankingInput, RankingRow } from './ranking.schema.ts';
import { computeRanking } from './ranking.service.ts';

/** The columns, in order; the unit of the norm's facility type in the supply columns. */
export const rankingHeaders = (r: Ranking) => {
  const unit = r.norm.capacityUnit;
  return [
    'Rang',
    'Gebietsschlüssel',
    'Gebiet',
    'Übergeordnetes Gebiet',
    'Stichtag',
    'Punkte (0–100)',
    'Bedarfsmerkmale (0–3)',
    `Versorgung (${unit})`,
    `Bedarf (${unit})`,
    'Versorgungsquote (%)',
    `Saldo (${unit})`,
    `Fehlend (${unit})`,
    'Status',
    r.index ? `Klasse ${r.index.partLabel}` : 'Indexklasse',
    'Entfernung zur nächsten Einrichtung (m)',
    'Nächste Einrichtung',
    'Begründung',
    'Richtwert',
    'Quelle',
  ];
};

/** A coverage value as the file shows it: the number, else the sign for secret or missing. */
const symbolOf = (row: RankingRow) => (row.coverage.status === 'secret' ? SYMBOL.secret : SYMBOL.missing);

/** One row's cells: numbers as numbers (CSV and XLSX format them), texts as texts. */
function cells(r: Ranking, row: RankingRow) {
  const c = row.coverage;
  return {
    rank: row.rank,
    area: row.area,
    name: row.name,
    parent: row.parentName ?? row.parent ?? '',
    date: r.date,
    score: row.score,
    needs: row.needs,
    supply: c.supply,
    demand: c.demand,
    rate: c.rate,
    balance: c.balance,
    missing: c.missing,
    status: statusLabel(c.status),
    class: row.socialClass ? `${row.socialClass.code} (${row.socialClass.label})` : '',
    distance: row.distance === null ? null : Math.round(row.distance),
    nearest: row.nearest?.name ?? '',
    reason: row.reason,
    norm: `${r.norm.name} (${r.norm.key})`,
    source: sourceText(r.norm.source),
  };
}

/**
 * German CSV of the ranking, in rank order (unranked areas last, rank empty).
 * @example rankingToCsv(r, 1) // '\uFEFFRang;Gebietsschlüssel;Gebiet;…\r\n1;101;Altstadt;…'
 */
export function rankingToCsv(r: Ranking, decimals: number): string {
  const text = (s: string) => csvField(neutraliseCell(s));
  const number = (n: number | null, digits: number, row: RankingRow) =>
    n === null ? symbolOf(row) : germanNumber(n, digits);
  const lines = [rankingHeaders(r).map(text).join(';')];
  for (const row of r.rows) {
    const v = cells(r, row);
    lines.push(
      [
        v.rank === null ? '' : String(v.rank),
        text(v.area),
        text(v.name),
        text(v.parent),
        v.date,
        germanNumber(v.score, 1),
        String(v.needs),
        number(v.supply, decimals, row),
        number(v.demand, decimals, row),
        number(v.rate, 1, row),
        number(v.balance, decimals, row),
        number(v.missing, decimals, row),
        v.status,
        text(v.class),
        v.distance === null ? SYMBOL.missing : String(v.distance),
        text(v.nearest),
        text(v.reason),
        text(v.norm),
        text(v.source),
      ].join(';'),
    );
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/** XLSX: the table on the first sheet (numbers as numbers), rule, parameters and source on „Quelle“. */
export async function rankingToXlsx(r: Ranking, decimals: number): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Lagebild';
  const ws = wb.addWorksheet(sheetName(`Bedarfsplan ${r.norm.name}`), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  const fmt = decimals ? `0.${'0'.repeat(decimals)}` : '0';
  const h = rankingHeaders(r);
  const keys = [
    ['rank', 7],
    ['area', 16],
    ['name', 28],
    ['parent', 24],
    ['date', 12],
    ['score', 10],
    ['needs', 10],
    ['supply', 14],
    ['demand', 14],
    ['rate', 14],
    ['balance', 14],
    ['missing', 14],
    ['status', 10],
    ['class', 24],
    ['distance', 14],
    ['nearest', 28],
    ['reason', 80],
  ] as const;
  ws.columns = keys.map(([key, width], i) => ({ header: h[i], key, width }));
  ws.getColumn('date').numFmt = 'dd.mm.yyyy';
  ws.getColumn('score').numFmt = '0.0';
  for (const key of ['supply', 'demand', 'balance', 'missing'] as const) ws.getColumn(key).numFmt = fmt;
  ws.getColumn('rate').numFmt = '0.0';
  ws.getColumn('reason').alignment = { wrapText: true, vertical: 'top' };
  ws.getRow(1).font = { bold: true };
  for (const row of r.rows) {
    const v = cells(r, row);
    const shown = (n: number | null) => n ?? symbolOf(row);
    ws.addRow({
      ...v,
      rank: v.rank ?? '',
      date: dateCell(v.date),
      supply: shown(v.supply),
      demand: shown(v.demand),
      rate: shown(v.rate),
      balance: shown(v.balance),
      missing: shown(v.missing),
      distance: v.distance ?? SYMBOL.missing,
    });
  }
  const p = r.parameters;
  addSourceSheet(wb, [
    ['Richtwert', `${r.norm.name} (${r.norm.key})`],
    ['Einheit', r.norm.capacityUnit],
    ['Stichtag', dateCell(r.date)],
    ['Sozialindex', r.index ? `${r.index.name}, ${r.index.partLabel}, Stand ${r.index.date}` : 'keiner'],
    ['Regel', r.rule],
    [
      'Gewichte',
      `Versorgungslücke ${p.weights.gap}, Indexklasse ${p.weights.class}, Entfernung ${p.weights.distance}; ` +
        `Radius ${p.radius} m (${p.referencePoint})`,
    ],
    ['Quelle', sourceText(r.norm.source)],
    ['Zeichen', `${SYMBOL.secret} = geheim (Geheimhaltung), ${SYMBOL.missing} = fehlt (keine Daten)`],
  ]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The file of a ranking export: the values the route gives the user, rounded as the coverage export. */
export async function exportRanking(
  db: Db,
  user: User | null,
  q: RankingInput & { format: 'csv' | 'xlsx' },
): Promise<DownloadFile> {
  const { format, ...query } = q;
  const r = await computeRanking(db, user, query);
  const decimals = seesUnprotected(user) ? 2 : 1;
  const stem = `bedarfsplan_${r.norm.key}_${r.level}_${r.date}`;
  return format === 'xlsx'
    ? {
        body: await rankingToXlsx(r, decimals),
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        fileName: `${stem}.xlsx`,
      }
    : { body: rankingToCsv(r, decimals), contentType: 'text/csv; charset=utf-8', fileName: `${stem}.csv` };
}
