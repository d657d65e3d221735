import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { computeIndex, type IndexInput } from './engine.ts';
import { presetDefinition } from './presets.ts';
import { mulberry32 } from '../core/random.ts';
import { descendingRanks, descendingRanksBySearch, robustness } from './robustness.ts';

/** 60 areas with random values; area 0 is far ahead on every status and dynamics indicator. */
function synthetic() {
  const rand = mulberry32(99);
  const n = 60;
  const col = (boost: number) => Float64Array.from({ length: n }, (_, i) => (i === 0 ? boost : rand() * 10));
  const input: IndexInput = {
    ids: Array.from({ length: n }, (_, i) => `a${i}`),
    population: new Array<number>(n).fill(1000),
    values: new Map([
      ['s1', col(40)],
      ['s2', col(60)],
      ['s3', col(35)],
      ['d1', col(50)],
      ['d2', col(45)],
    ]),
  };
  const def = presetDefinition(
    'berlin-mss',
    ['S1', 'S2', 'S3', 'D1', 'D2'].map((code) => ({ indicator: code.toLowerCase(), code })),
  );
  return { def, input, base: computeIndex(def, input) };
}

describe('ranking', () => {
  it('gives competition ranks, 1 = highest, ties share the better rank', () => {
    const v = Float64Array.of(3, 7, 3, -0, 0, 9);
    const r = descendingRanks(v, new Float64Array(6), new Int32Array(6));
    expect([...r]).toEqual([3, 2, 3, 5, 5, 1]);
  });

  it('agrees with a plain sort-and-search on random data with ties', () => {
    const rand = mulberry32(5);
    for (const m of [1, 2, 17, 542, 2000]) {
      const v = Float64Array.from({ length: m }, () =>
        rand() < 0.3 ? Math.round(rand() * 4) : rand() * 8 - 4,
      );
      const fast = descendingRanks(v, new Float64Array(m), new Int32Array(m));
      const slow = descendingRanksBySearch(v, new Float64Array(m), new Int32Array(m));
      expect([...fast]).toEqual([...slow]);
    }
  });
});

describe('robustness (Monte Carlo)', () => {
  it('is deterministic for a seed and differs for another seed', () => {
    const { def, input, base } = synthetic();
    const a = robustness(def, input, base, { runs: 500, seed: 1 });
    const b = robustness(def, input, base, { runs: 500, seed: 1 });
    const c = robustness(def, input, base, { runs: 500, seed: 2 });
    expect(a).toEqual(b);
    expect(a.classStability).not.toEqual(c.classStability);
  });

  it('keeps a dominant area at rank 1 with the interval [1, 1] and a robust class', () => {
    const { def, input, base } = synthetic();
    const r = robustness(def, input, base, { runs: 2000, seed: 3 });
    const j = [...r.rows].indexOf(0);
    expect([r.baseRank[j], r.medianRank[j], r.rankLow[j], r.rankHigh[j]]).toEqual([1, 1, 1, 1]);
    expect(r.classStability.map((s) => s[j])).toEqual([1, 1]);
    expect(r.robust[j]).toBe(1);
    expect(base.code[0]).toBe('4-');
  });

  it('reports shares in [0, 1], ordered rank intervals, and robust = every part ≥ 90 %', () => {
    const { def, input, base } = synthetic();
    const r = robustness(def, input, base, { runs: 300, seed: 4 });
    expect(r.rows.length).toBe(60);
    for (let j = 0; j < r.rows.length; j++) {
      for (const s of r.classStability) {
        expect(s[j]).toBeGreaterThanOrEqual(0);
        expect(s[j]).toBeLessThanOrEqual(1);
      }
      expect(r.rankLow[j]).toBeLessThanOrEqual(r.medianRank[j]!);
      expect(r.medianRank[j]).toBeLessThanOrEqual(r.rankHigh[j]!);
      expect(r.robust[j]).toBe(r.classStability.every((s) => s[j]! >= 0.9) ? 1 : 0);
    }
    // with the weights as the only variation and no re-standardisation change, every run is the base
    const weightsOnly = robustness(def, input, base, {
      runs: 200,
      seed: 4,
      weightSpread: 0,
      standardisations: ['z_population'],
      means: ['arithmetic'],
    });
    expect([...weightsOnly.medianRank]).toEqual([...weightsOnly.baseRank]);
    expect(weightsOnly.classStability.every((s) => s.every((v) => v === 1))).toBe(true);
  });

  it('finds the status classes of clearly extreme Berlin PLR (MSS 2021) robust', () => {
    const rows = parse<Record<string, string>>(
      readFileSync(
        new URL('../../../shared/data/berlin-mss-2021/mss2021-table-2-1.csv', import.meta.url),
        'utf8',
      ),
      { columns: true },
    );
    const keys = Object.keys(rows[0]!).filter((k) => /^[sd]\d_/.test(k));
    const input: IndexInput = {
      ids: rows.map((r) => r.id!),
      population: rows.map((r) => Number(r.inhabitants)),
      values: new Map(keys.map((k) => [k, Float64Array.from(rows, (r) => Number(r[k]))])),
    };
    const def = presetDefinition(
      'berlin-mss',
      keys.map((k) => ({ indicator: k, code: k.slice(0, 2) })),
    );
    const base = computeIndex(def, input);
    const r = robustness(def, input, base, { runs: 1000, seed: 1 });
    const si = (j: number) => base.parts[0]!.index[r.rows[j]!]!;
    const di = (j: number) => base.parts[1]!.index[r.rows[j]!]!;
    let extreme = 0;
    let middle = 0;
    for (let j = 0; j < r.rows.length; j++) {
      if (si(j) > 2.5 || si(j) < -1.35) {
        extreme++;
        expect(r.classStability[0]![j], input.ids[r.rows[j]!]).toBeGreaterThanOrEqual(0.95);
      }
      if (Math.abs(si(j)) < 0.3 && Math.abs(di(j)) < 0.3) {
        middle++;
        expect(r.robust[j], input.ids[r.rows[j]!]).toBe(1);
      }
    }
    expect(extreme).toBeGreaterThanOrEqual(12);
    expect(middle).toBeGreaterThan(20);
    // the worst PLR (Status-Index 3.72) stays the worst in every run
    const worst = [...r.baseRank].indexOf(1);
    expect([r.rankLow[worst], r.rankHigh[worst]]).toEqual([1, 1]);
  });
});
