/**
 * The ranking as machine-readable CSV (comma, decimal point, UTF-8), as `lagebild coverage
 * ranking` prints it: one row per area in rank order.
 */
import { neutraliseCell } from '../core/csv-cell.ts';
import type { Ranking } from './ranking.schema.ts';

/** A number with at most two decimals; empty when null. */
const csvNumber = (n: number | null) => (n === null ? '' : String(Math.round(n * 100) / 100));

/** A text field: no formula a spreadsheet would run, quoted when it holds a comma, quote or line break. */
const field = (text: string) => {
  const s = neutraliseCell(text);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/**
 * `rank,area,name,parent,score,needs,supply,demand,rate,missing,class,distance,nearest,reason` in
 * rank order (unranked areas last, rank empty).
 */
export function rankingCsv(r: Ranking): string {
  const head = [
    'rank',
    'area',
    'name',
    'parent',
    'score',
    'needs',
    'supply',
    'demand',
    'rate',
    'missing',
    'class',
    'distance',
    'nearest',
    'reason',
  ];
  const lines = [head.join(',')];
  for (const row of r.rows)
    lines.push(
      [
        row.rank === null ? '' : String(row.rank),
        field(row.area),
        field(row.name),
        field(row.parent ?? ''),
        String(row.score),
        String(row.needs),
        csvNumber(row.coverage.supply),
        csvNumber(row.coverage.demand),
        csvNumber(row.coverage.rate),
        csvNumber(row.coverage.missing),
        field(row.socialClass?.code ?? ''),
        row.distance === null ? '' : String(Math.round(row.distance)),
        field(row.nearest?.name ?? ''),
        field(row.reason),
      ].join(','),
    );
  return lines.join('\n') + '\n';
}
