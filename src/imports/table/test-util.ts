/** Test helper (not a test file): reads a table and collects its records. */
import { resolve } from 'node:path';
import { readTable, type ReadTableOptions, type TableInput } from './read-table.ts';
import type { TableRecord } from './types.ts';

export async function read(input: TableInput, opts: Omit<ReadTableOptions, 'onRecords'>) {
  const records: TableRecord[] = [];
  const result = await readTable(input, { ...opts, onRecords: (rs) => void records.push(...rs) });
  return { result, records };
}

export const FIXTURES = resolve(process.cwd(), 'src/imports/table/fixtures');
export const fixture = (name: string): TableInput => ({ path: resolve(FIXTURES, name) });

export const find = (
  records: TableRecord[],
  areaKey: string,
  variable: string,
  date?: string,
  breakdown = '',
) =>
  records.find(
    (r) =>
      r.areaKey === areaKey &&
      r.variable === variable &&
      r.breakdown === breakdown &&
      (!date || r.date === date),
  );
