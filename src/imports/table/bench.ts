/**
 * Benchmark of the table reader, for `npm run bench` (a group of bench/run.ts):
 * a generated 100,000-row long CSV (target well under 1 s) and a generated ~200 MB CSV streamed
 * with its peak RSS growth measured. Files are written to a temp folder and removed afterwards.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { readTable } from './read-table.ts';

/** Same shape as bench/harness.ts `Measurement`. */
export interface TableBenchMeasurement {
  name: string;
  value: number;
  unit: 'ms' | 'MB' | 's';
  target?: number;
  note?: string;
}

/** Known keys of the generated files: 8-digit keys like Berlin PLR. */
export const benchKeys = (n = 542): string[] =>
  Array.from({ length: n }, (_, i) => String(1100101 + i).padStart(8, '0'));

/**
 * Writes a long-form CSV (UTF-8 BOM, `;`, decimal comma, a title line and a footnote) with about
 * `rows` rows: Gebiet;Stichtag;Merkmal;Geschlecht;Wert, values partly symbols.
 */
export async function writeLongCsv(path: string, rows: number, keys: readonly string[]): Promise<void> {
  const out = createWriteStream(path);
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  await write('\ufeffEinwohner nach Merkmalen (generiert)\nGebiet;Stichtag;Merkmal;Geschlecht;Wert\n');
  const perVariable = keys.length * 2;
  let chunk = '';
  for (let n = 0; n < rows; n++) {
    const key = keys[n % keys.length]!;
    const sex = Math.floor(n / keys.length) % 2 === 0 ? 'm' : 'w';
    const v = Math.floor(n / perVariable);
    // Long names (V8 keeps them as slices of the chunk) that keep changing through the file:
    // a cache holding such slices would keep the whole file in memory.
    const variable = `Einwohner_Merkmal_${v % 1000}`;
    const year = 2000 + Math.floor(v / 1000);
    const x = (n * 7919) % 100_000;
    const value = x % 97 === 0 ? '.' : x % 89 === 0 ? '-' : `${Math.floor(x / 10)},${x % 10}`;
    chunk += `${key};31.12.${year};${variable};${sex};${value}\n`;
    if (chunk.length > 1 << 20) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(`${chunk}Quelle: generierte Testdaten\n`);
  out.end();
  await once(out, 'finish');
}

/** Reads a file, measuring time and the peak growth of the resident set size. */
export async function measureRead(
  path: string,
  knownKeys: readonly string[],
): Promise<{ ms: number; records: number; peakRssDeltaMB: number; ok: boolean }> {
  if (global.gc) global.gc();
  const base = process.memoryUsage.rss();
  let peak = base;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 20);
  const t0 = performance.now();
  let records = 0;
  try {
    const result = await readTable(
      { path },
      {
        knownKeys,
        onRecords: (rs) => {
          records += rs.length;
        },
      },
    );
    const ms = performance.now() - t0;
    peak = Math.max(peak, process.memoryUsage.rss());
    return { ms, records, peakRssDeltaMB: (peak - base) / 1e6, ok: result.ok };
  } finally {
    clearInterval(timer);
  }
}

/**
 * Runs both measurements; pass bench/harness.ts `record` to print them in the table.
 *
 * @param opts.bigRows rows of the big file (default 4,000,000 ≈ 200 MB)
 */
export async function benchTableRead(
  opts: { record?: (m: TableBenchMeasurement) => void; bigRows?: number } = {},
): Promise<TableBenchMeasurement[]> {
  const dir = await mkdtemp(join(tmpdir(), 'lagebild-table-bench-'));
  const results: TableBenchMeasurement[] = [];
  const add = (m: TableBenchMeasurement) => {
    results.push(m);
    opts.record?.(m);
  };
  try {
    const keys = benchKeys();
    const small = join(dir, 'long-100k.csv');
    await writeLongCsv(small, 100_000, keys);
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) runs.push((await measureRead(small, keys)).ms);
    runs.sort((a, b) => a - b);
    add({
      name: 'table import: parse 100,000 long-form CSV rows',
      value: runs[2]!,
      unit: 'ms',
      target: 1000,
    });

    const big = join(dir, 'long-big.csv');
    await writeLongCsv(big, opts.bigRows ?? 4_000_000, keys);
    const size = (await stat(big)).size / 1e6;
    const m = await measureRead(big, keys);
    add({
      name: `table import: stream ${size.toFixed(0)} MB CSV (${(m.records / 1e6).toFixed(1)} M records)`,
      value: m.ms / 1000,
      unit: 's',
      target: 20,
    });
    add({
      name: 'table import: peak RSS growth while streaming it',
      value: m.peakRssDeltaMB,
      unit: 'MB',
      target: 300,
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return results;
}
