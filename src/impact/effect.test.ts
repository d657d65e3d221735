import { describe, expect, it } from 'vitest';
import { estimateEffect } from './effect.ts';
import type { PanelArea } from './panel.ts';
import { syntheticPanel } from './synthetic-panel.ts';

const SGB2 = { subject: 'die SGB-II-Quote', unit: '%', polarity: 'high_bad' as const };

describe('estimateEffect on synthetic panels', () => {
  // 60 areas, 5 treated at random, 2015–2022, start 2020, noise SD 0.5, trend SD 0.3; 199 placebos
  it('recovers an injected effect within its interval in at least 90 % of 50 panels', () => {
    const delta = -1.5;
    let covered = 0;
    let sum = 0;
    for (let s = 1; s <= 50; s++) {
      const r = estimateEffect(syntheticPanel({ effect: delta, seed: 1000 + s }), { runs: 199, seed: s });
      const { lower, upper } = r.interval!;
      if (lower <= delta && delta <= upper) covered++;
      sum += r.estimate!;
    }
    // measured: 48 of 50 (96 %), mean estimate −1.41
    expect(covered / 50).toBeGreaterThanOrEqual(0.9);
    expect(Math.abs(sum / 50 - delta)).toBeLessThan(0.2);
  });

  it('covers 0 in about the nominal share of runs when there is no effect', () => {
    let covered = 0;
    for (let s = 1; s <= 100; s++) {
      const r = estimateEffect(syntheticPanel({ effect: 0, seed: 2000 + s }), { runs: 199, seed: s });
      if (r.interval!.lower <= 0 && 0 <= r.interval!.upper) covered++;
    }
    // measured: 92 of 100 (nominal 95)
    expect(covered / 100).toBeGreaterThanOrEqual(0.85);
    expect(covered / 100).toBeLessThanOrEqual(1);
  });

  it('is deterministic for a seed and returns everything the UI shows', () => {
    const panel = syntheticPanel({ effect: -2, seed: 9 });
    const a = estimateEffect(panel, { runs: 99, seed: 3, indicator: SGB2 });
    const b = estimateEffect(panel, { runs: 99, seed: 3, indicator: SGB2 });
    expect(b).toEqual(a);
    expect(a.nTreated).toBe(5);
    expect(a.runs).toBe(99);
    expect(a.periods).toEqual({ pre: [2015, 2016, 2017, 2018, 2019], post: [2020, 2021, 2022] });
    expect(a.matching.rows.map((r) => r.key)).toEqual(panel.treated);
    expect(a.matching.rows.every((r) => r.comparisons.length === 3)).toBe(true);
    expect(a.nComparison).toBeGreaterThan(0);
    expect(a.nComparison).toBeLessThanOrEqual(15);
    expect(a.series.map((y) => y.year)).toEqual([2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022]);
    expect(a.reliability.reliable).toBe(true);
    expect(a.text.verdict).toBe('favourable');
    expect(a.p!).toBeGreaterThan(0);
    expect(a.p!).toBeLessThanOrEqual(1);
    // the estimate is the difference of the two halves
    expect(a.estimate!).toBeCloseTo(a.treatedChange! - a.comparisonChange!, 12);
  });

  it('honours the window', () => {
    const panel = syntheticPanel({ effect: -1, seed: 5 });
    const r = estimateEffect(panel, { runs: 20, window: { pre: 2, post: 1 } });
    expect(r.periods).toEqual({ pre: [2018, 2019], post: [2020] });
    expect(r.series.map((y) => y.year)).toEqual([2018, 2019, 2020]);
  });

  it('weights treated areas by population when asked', () => {
    const panel = syntheticPanel({ effect: -1, seed: 6 });
    const equal = estimateEffect(panel, { runs: 20 });
    const weighted = estimateEffect(panel, { runs: 20, weights: 'population' });
    expect(weighted.estimate).not.toBe(equal.estimate);
    expect(weighted.matching).toEqual(equal.matching);
  });
});

describe('estimateEffect with missing values', () => {
  it('skips missing values per area and reports the areas that drop out', () => {
    const panel = syntheticPanel({ areas: 40, treated: 4, seed: 11, effect: -1, missingShare: 0.1 });
    const areas: PanelArea[] = panel.areas.map((a) => {
      if (a.key === panel.treated[0]) return { ...a, values: { 2020: 5, 2021: 4, 2022: null } };
      if (a.key === panel.treated[1]) return { ...a, values: { 2016: 5, 2017: null } };
      if (a.key === 'A040' && !panel.treated.includes('A040')) return { ...a, values: {} };
      return a;
    });
    const r = estimateEffect({ ...panel, areas }, { runs: 50, indicator: SGB2 });
    expect(r.dropped).toContainEqual({ key: panel.treated[0], treated: true, reason: 'no_pre_values' });
    expect(r.dropped).toContainEqual({ key: panel.treated[1], treated: true, reason: 'no_post_values' });
    expect(r.nTreated).toBe(2);
    expect(r.estimate).not.toBeNull();
    expect(Number.isFinite(r.estimate!)).toBe(true);
    expect(r.matching.rows.flatMap((row) => row.comparisons.map((c) => c.key))).not.toContain('A040');
    expect(r.text.notes.join(' ')).toMatch(
      /2 Maßnahmegebiete ohne Werte vor oder nach Beginn bleiben unberücksichtigt/,
    );
  });

  it('says nothing can be estimated when every treated area drops out', () => {
    const panel = syntheticPanel({ areas: 20, treated: 1, seed: 2 });
    const areas = panel.areas.map((a) => (a.key === panel.treated[0] ? { ...a, values: {} } : a));
    const r = estimateEffect({ ...panel, areas }, { runs: 10 });
    expect(r.estimate).toBeNull();
    expect(r.interval).toBeNull();
    expect(r.text.verdict).toBe('no_estimate');
  });

  it('drops areas without population when weighting by population', () => {
    const panel = syntheticPanel({ areas: 30, treated: 3, seed: 4 });
    const areas = panel.areas.map((a) => (a.key === panel.treated[2] ? { key: a.key, values: a.values } : a));
    const r = estimateEffect({ ...panel, areas }, { runs: 10, weights: 'population' });
    expect(r.dropped).toEqual([{ key: panel.treated[2], treated: true, reason: 'no_population' }]);
  });
});

describe('estimateEffect reliability', () => {
  it('does not show an estimate on fewer than 10 untreated areas as reliable', () => {
    const panel = syntheticPanel({ areas: 12, treated: 4, effect: -3, seed: 8 });
    const r = estimateEffect(panel, { runs: 50, indicator: SGB2 });
    expect(r.reliability).toMatchObject({ reliable: false, fewComparisons: true, comparisonPool: 8 });
    expect(r.text.verdict).toBe('not_reliable');
    expect(r.text.sentences.join(' ')).not.toMatch(/spricht für eine Wirkung/);
  });

  it('does not show an estimate with one pre-period year as reliable', () => {
    const panel = syntheticPanel({ areas: 40, treated: 4, effect: -3, seed: 8, years: 4, start: 2016 });
    const r = estimateEffect(panel, { runs: 50, indicator: SGB2 });
    expect(r.reliability).toMatchObject({ reliable: false, fewPreYears: true, preYears: 1 });
    expect(r.matching.dims).toEqual(['level', 'size']);
    expect(r.text.verdict).toBe('not_reliable');
  });

  it('has no interval when the pool is no larger than the treated set', () => {
    const panel = syntheticPanel({ areas: 6, treated: 3, seed: 1 });
    const r = estimateEffect(panel, { runs: 50 });
    expect(r.estimate).not.toBeNull();
    expect(r.interval).toBeNull();
    expect(r.reliability.noInterval).toBe(true);
  });

  it('refuses unknown, repeated and duplicate keys with named errors', () => {
    const panel = syntheticPanel({ areas: 10, treated: 2, seed: 1 });
    expect(() => estimateEffect({ ...panel, treated: ['X'] })).toThrow(
      expect.objectContaining({ code: 'impact.unknown_area' }),
    );
    expect(() => estimateEffect({ ...panel, treated: ['A001', 'A001'] })).toThrow(
      expect.objectContaining({ code: 'impact.duplicate_treated' }),
    );
    expect(() => estimateEffect({ ...panel, areas: [...panel.areas, panel.areas[0]!] })).toThrow(
      expect.objectContaining({ code: 'impact.duplicate_area' }),
    );
  });
});
