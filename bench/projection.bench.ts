/**
 * Population projection (docs/methods.md §8): the back-tests on real past data — Berlin's
 * Planungsräume 31.12.2022 → 31.12.2024 and Köln's Stadtteile 2009 → 2012 — with the MAPE of the
 * method beside "no change" and the linear trend for the total, under 6 and 65+ (targets: under 6
 * and 65+ below "no change", the total within 10 % of it; each back-test ≤ 10 s with reading the
 * files), and the projection of 500 areas × 101 ages × 2 sexes × 25 years (≤ 1 s), beside a plain
 * loop doing the same multiplications.
 */
import { backtest, type BacktestInput } from '../src/projection/backtest.ts';
import { projectHamiltonPerry } from '../src/projection/hamilton-perry.ts';
import { berlinBacktestInput, koelnBacktestInput } from '../src/projection/real-data.ts';
import { timeMedian, type Measurement } from './harness.ts';

const LABELS: Record<string, string> = { total: 'total', u6: 'under 6', '65plus': '65+' };

function backtestGroup(name: string, read: () => BacktestInput, record: (m: Measurement) => void) {
  const t0 = performance.now();
  const rows = backtest(read());
  const ms = performance.now() - t0;
  record({ name: `projection ${name}: back-test with import`, value: ms / 1000, unit: 's', target: 10 });
  const table = [`${name}: MAPE % (method / no change / trend)`];
  for (const r of rows) {
    const target = r.measure === 'total' ? 1.1 * r.noChange : r.noChange;
    record({
      name: `projection ${name}: MAPE ${LABELS[r.measure]}`,
      value: r.method,
      unit: '%',
      target: Math.round(target * 100) / 100,
      note: `no change ${r.noChange.toFixed(2)} %, trend ${r.trend.toFixed(2)} %, ${r.areas} areas`,
    });
    table.push(
      `  ${LABELS[r.measure]!.padEnd(8)} ${r.method.toFixed(2).padStart(6)} ${r.noChange.toFixed(2).padStart(6)} ${r.trend.toFixed(2).padStart(6)}`,
    );
  }
  process.stderr.write(table.join('\n') + '\n');
}

/** A seeded city of `n` areas with both sexes, two stocks a year apart. */
function syntheticCity(n: number) {
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const vec = () => Array.from({ length: 101 }, (_, a) => Math.max(0, 40 - a * 0.35) * (0.5 + rnd()));
  return Array.from({ length: n }, () => {
    const earlier = { m: vec(), w: vec() };
    const base = {
      m: earlier.m.map((x) => x * (0.97 + 0.06 * rnd())),
      w: earlier.w.map((x) => x * (0.97 + 0.06 * rnd())),
    };
    return { earlier, base };
  });
}

export async function benchProjection(record: (m: Measurement) => void) {
  process.stderr.write('projection\n');
  backtestGroup('Berlin', berlinBacktestInput, record);
  backtestGroup('Köln', koelnBacktestInput, record);

  const city = syntheticCity(500);
  const project = () => city.map((a) => projectHamiltonPerry(a, 25, { female: 'w' }));
  // The same arithmetic as a bare loop: fixed ratios, 25 steps, 2 sexes, 101 ages, 500 areas.
  const plain = () => {
    let sink = 0;
    for (const a of city)
      for (const s of ['m', 'w'] as const) {
        const r = a.base[s].map((x, i) => (x + 1) / ((a.earlier[s][i] ?? 0) + 1));
        let v = a.base[s].slice();
        for (let j = 0; j < 25; j++) {
          const n = new Array<number>(101).fill(0);
          for (let i = 0; i < 100; i++) n[i + 1] = v[i]! * r[i]!;
          v = n;
        }
        sink += v[50]!;
      }
    return sink;
  };
  const ms = await timeMedian(5, async () => project());
  const plainMs = await timeMedian(5, async () => plain());
  record({
    name: 'projection: 500 areas × 101 ages × 2 sexes × 25 years',
    value: ms,
    unit: 'ms',
    target: 1000,
    peer: { name: 'plain loop', value: plainMs },
  });
}
