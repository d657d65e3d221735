/**
 * Test input: the Berlin MSS 2021 index indicators of the 536 valid Planungsräume
 * (../shared/data/berlin-mss-2021, read in place, never copied). Used by the typology tests only.
 */
import { readFileSync } from 'node:fs';
import type { IndicatorRef } from './types.ts';

const dir = new URL('../../../shared/data/berlin-mss-2021/', import.meta.url);

/** Rows of a plain comma-separated file without quotes (header first). */
export function readPlainCsv(name: string): Record<string, string>[] {
  const [head, ...lines] = readFileSync(new URL(name, dir), 'utf8').trim().split(/\r?\n/);
  const columns = (head ?? '').split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? '']));
  });
}

/** The six index indicators S1, S3, S4, D1, D3, D4 (all: high = more disadvantage). */
export const MSS_INDICATORS: (IndicatorRef & { column: string })[] = [
  { key: 's1', name: 'Arbeitslosigkeit', column: 's1_percentage_unemployed' },
  { key: 's3', name: 'Transferbezug', column: 's3_percentage_transfer_payments_recipients' },
  { key: 's4', name: 'Kinderarmut', column: 's4_percentage_transfer_payments_recipients_below_15_years' },
  { key: 'd1', name: 'Veränderung Arbeitslosigkeit', column: 'd1_percentage_unemployed' },
  { key: 'd3', name: 'Veränderung Transferbezug', column: 'd3_percentage_transfer_payments_recipients' },
  {
    key: 'd4',
    name: 'Veränderung Kinderarmut',
    column: 'd4_percentage_transfer_payments_recipients_below_15_years',
  },
].map((i) => ({ ...i, polarity: 'high_bad' as const }));

/** Ids and the six indicator values of the 536 valid PLR (table 2-1). */
export function mssTable(): { ids: string[]; rows: number[][] } {
  const records = readPlainCsv('mss2021-table-2-1.csv');
  return {
    ids: records.map((r) => r.id ?? ''),
    rows: records.map((r) => MSS_INDICATORS.map((i) => Number(r[i.column]))),
  };
}
