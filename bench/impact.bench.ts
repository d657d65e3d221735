/**
 * Effect of measures (docs/methods.md §9): the whole estimate — matching, difference-in-differences
 * and 1,000 placebo runs, each matched anew — on a synthetic panel of Berlin's size (542
 * Planungsräume × 10 years, 20 treated areas, start in year 8), target ≤ 1 s (median of 5 runs).
 */
import { estimateEffect } from '../src/impact/effect.ts';
import { syntheticPanel } from '../src/impact/synthetic-panel.ts';
import { timeMedian, type Measurement } from './harness.ts';

export async function benchImpact(record: (m: Measurement) => void) {
  process.stderr.write('impact\n');
  const panel = syntheticPanel({ areas: 542, treated: 20, years: 10, start: 2022, effect: -1, seed: 42 });
  let estimate = 0;
  const ms = await timeMedian(5, async () => {
    estimate = estimateEffect(panel, { runs: 1000, seed: 1 }).estimate ?? NaN;
  });
  record({
    name: 'impact: effect estimate, 542 areas × 10 years, 1,000 placebo runs',
    value: ms,
    unit: 'ms',
    target: 1000,
    note: `20 treated, k = 3, δ = −1, estimate ${estimate.toFixed(2)}`,
  });
}
