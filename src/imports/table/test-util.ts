/** Test helper (not a test file): reads a table and collects its records. */
import { readTable, type ReadTableOptions, type TableInput } from './read-table.ts';
import type { TableRecord } from './types.ts';

export async function read(input: TableInput, opts: Omit<ReadTableOptions, 'onRecords'>) {
  const records: TableRecord[] = [];
  const result = await readTable(input, { ...opts, onRecords: (rs) => void records.push(...rs) });
  return { result, records };
}
