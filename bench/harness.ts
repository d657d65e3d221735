/** Tiny benchmark harness: named measurements with a target, printed as one table. */

export interface Measurement {
  name: string;
  value: number;
  unit: 'ms' | 'KB' | 'MB' | 's' | 'req/s' | '%' | 'cells' | 'count';
  target?: number;
  /** The target is a minimum (throughput), not a maximum. */
  atLeast?: boolean;
  /** Same task on a peer tool in the same run, if one runs here. */
  peer?: { name: string; value: number };
  note?: string;
}

export const results: Measurement[] = [];

const meets = (m: Measurement) =>
  m.target === undefined || (m.atLeast ? m.value >= m.target : m.value <= m.target);

export function record(m: Measurement): void {
  results.push(m);
  const ok = m.target === undefined ? '' : meets(m) ? '  ok' : m.atLeast ? '  UNDER TARGET' : '  OVER TARGET';
  process.stderr.write(`  ${m.name}: ${m.value.toFixed(1)} ${m.unit}${ok}\n`);
}

/** Median of `runs` timings of `fn` in milliseconds. */
export async function timeMedian(runs: number, fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export function printTable(): boolean {
  const rows = results.map((m) => [
    m.name,
    `${m.value.toFixed(m.unit === 'ms' || m.unit === 'count' ? 0 : 1)} ${m.unit}`,
    m.target === undefined ? '' : `${m.atLeast ? '≥' : '≤'} ${m.target} ${m.unit}`,
    m.target === undefined ? '' : meets(m) ? 'ok' : m.atLeast ? 'UNDER' : 'OVER',
    m.peer
      ? `${m.peer.name}: ${m.peer.value.toFixed(0)} ${m.unit} (×${(m.peer.value / m.value).toFixed(1)})`
      : '',
    m.note ?? '',
  ]);
  const head = ['measurement', 'value', 'target', '', 'peer (ratio)', 'note'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => '| ' + r.map((c, i) => c.padEnd(widths[i]!)).join(' | ') + ' |';
  console.log(line(head));
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  for (const r of rows) console.log(line(r));
  return results.every(meets);
}
