import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ClassificationSpec } from './classification.schema.ts';
import { classify } from './classify.ts';
import { expectGoldenJson, goldenFile } from '../test/golden.ts';

const NB = '\u00a0';
const labels = (r: ReturnType<typeof classify>) => r.classes.map((c) => c.label);
const counts = (r: ReturnType<typeof classify>) => r.classes.map((c) => c.count);
const spec = (method: ClassificationSpec['method'], classes = 5, breaks?: number[]): ClassificationSpec =>
  breaks ? { method, classes, breaks } : { method, classes };

describe('classify: every method', () => {
  const ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

  it('quantiles: equal counts, labelled with the real range of the members', () => {
    const r = classify(ten, spec('quantile', 3), { unit: '%' });
    expect(labels(r)).toEqual([`1,0 – 4,0${NB}%`, `5,0 – 7,0${NB}%`, `8,0 – 10,0${NB}%`]);
    expect(counts(r)).toEqual([4, 3, 3]);
    expect(r.breaks).toEqual([4, 7]);
    expect([1, 4, 4.5, 7, 10].map(r.classOf)).toEqual([0, 0, 1, 1, 2]);
    expect(r.note).toBeNull();
  });

  it('equal intervals: classes of equal width, empty ones kept, a value on a break in the lower class', () => {
    const r = classify([0, 1, 2, 10], spec('equal', 4), { decimals: 1 });
    expect(r.breaks).toEqual([2.5, 5, 7.5]);
    expect(counts(r)).toEqual([3, 0, 0, 1]);
    expect(labels(r)).toEqual(['0,0 – 2,5', '2,5 – 5,0', '5,0 – 7,5', '7,5 – 10,0']);
    expect(r.classes[1]).toMatchObject({ from: 2.5, to: 5, min: 2.5, max: 5 });
    expect([2.5, 2.6, -3, 99].map(r.classOf)).toEqual([0, 1, 0, 3]);
  });

  it('natural breaks: optimal groups of similar values', () => {
    const r = classify([0, 1, 2, 50, 100, 101, 103], spec('natural', 3), { decimals: 0 });
    expect(counts(r)).toEqual([3, 1, 3]);
    expect(labels(r)).toEqual(['0 – 2', '50', '100 – 103']);
    expect(r.breaks).toEqual([2, 50]);
  });

  it('standard deviations: classes one SD wide around the mean, labelled in SD and in values', () => {
    // mean 5, population SD 2
    const values = [2, 4, 4, 4, 5, 5, 7, 9];
    const four = classify(values, spec('stddev', 4), { decimals: 0 });
    expect(four.breaks).toEqual([3, 5, 7]);
    expect(labels(four)).toEqual([
      '< \u22121 SD (bis 3)',
      '\u22121 bis 0 SD (3 – 5)',
      '0 bis +1 SD (5 – 7)',
      '> +1 SD (über 7)',
    ]);
    // on a break: the class nearer the mean (MSS rule −1 ≤ z ≤ 1)
    expect([3, 7, 2.99, 7.01].map(four.classOf)).toEqual([1, 2, 0, 3]);
    expect(counts(four)).toEqual([1, 3, 3, 1]);
    expect(four.summary).toBe('Mittelwert 5, Standardabweichung 2');
    const five = classify(values, spec('stddev', 5), { decimals: 0 });
    expect(five.breaks).toEqual([2, 4, 6, 8]);
    expect(labels(five)[2]).toBe('\u22120,5 bis +0,5 SD (4 – 6)');
    expect(labels(five)[0]).toBe('< \u22121,5 SD (bis 2)');
  });

  it('fixed breaks: the MSS classes ±1 / 1,5, exact even for an indicator without decimals', () => {
    const r = classify([-2, -1, 0, 1, 1.2, 1.5, 3], spec('fixed', 5, [-1, 1, 1.5]), { decimals: 0 });
    expect(labels(r)).toEqual(['bis -1,0', 'über -1,0 bis 1,0', 'über 1,0 bis 1,5', 'über 1,5']);
    expect(counts(r)).toEqual([2, 2, 2, 1]);
    expect(r.classes[0]).toMatchObject({ from: null, to: -1 });
    expect(r.classes[3]).toMatchObject({ from: 1.5, to: null });
  });

  it('fixed breaks keep empty classes and apply to constant data too', () => {
    const r = classify([0.2, 0.2], spec('fixed', 5, [-1, 1, 1.5]), { decimals: 1, unit: '' });
    expect(counts(r)).toEqual([0, 2, 0, 0]);
    expect(r.classes[3]).toMatchObject({ min: 1.5, max: 1.5, count: 0 });
  });

  it('categories: one class per distinct value, with names where given', () => {
    const names = new Map([
      [1, 'hoch'],
      [2, 'mittel'],
      [4, 'sehr niedrig'],
    ]);
    const r = classify([4, 2, 1, 2, null, 2], spec('categorical'), { categoryLabel: (v) => names.get(v) });
    expect(labels(r)).toEqual(['hoch', 'mittel', 'sehr niedrig']);
    expect(counts(r)).toEqual([1, 3, 1]);
    expect([1, 2, 3, 4, null].map(r.classOf)).toEqual([0, 1, null, 2, null]);
    expect(labels(classify([1, 2.5], spec('categorical')))).toEqual(['1', '2,5']);
  });

  it('categories: too many distinct values become quantiles, with a note', () => {
    const r = classify(
      Array.from({ length: 40 }, (_, i) => i),
      spec('categorical', 4),
    );
    expect(r.method).toBe('quantile');
    expect(counts(r)).toEqual([10, 10, 10, 10]);
    expect(r.note).toMatch(/40 verschiedene Werte/);
  });
});

describe('classify: data that makes classification hard', () => {
  const methods: ClassificationSpec[] = [
    spec('quantile'),
    spec('equal'),
    spec('natural'),
    spec('stddev'),
    spec('categorical'),
  ];

  it.each(methods)('$method: constant values give one class „alle Gebiete: …“', (s) => {
    const r = classify([12.3, 12.3, null, 12.3], s, { decimals: 1, unit: '%' });
    expect(r.classes).toEqual([
      { from: null, to: null, min: 12.3, max: 12.3, count: 3, label: `alle Gebiete: 12,3${NB}%` },
    ]);
    expect(r.classOf(12.3)).toBe(0);
    expect(r.classOf(null)).toBeNull();
    expect(r.note).toBe('Alle Gebiete haben denselben Wert.');
  });

  it.each([...methods, spec('fixed', 5, [1])])(
    '$method: all values missing give no class and a note',
    (s) => {
      const r = classify([null, null, Number.NaN, undefined], s);
      expect(r.classes).toEqual([]);
      expect(r.classOf(1)).toBeNull();
      expect(r.note).toBe('Keine Werte zum Einteilen vorhanden.');
    },
  );

  it.each(methods)('$method: missing values are left out, not counted as zero', (s) => {
    const r = classify([null, 5, Infinity, 1, null, 3, 2, 4], s);
    expect(counts(r).reduce((a, b) => a + b, 0)).toBe(5);
    expect(r.classOf(null)).toBeNull();
    expect(Math.min(...r.classes.filter((c) => c.count > 0).map((c) => c.min))).toBe(1);
  });

  it('fewer distinct values than classes: fewer classes, never an empty one, and a note', () => {
    for (const method of ['quantile', 'natural'] as const) {
      const r = classify([1, 1, 1, 1, 2, 2, 3], spec(method, 5));
      expect(counts(r), method).toEqual([4, 2, 1]);
      expect(r.note).toBe('3 statt 5 Klassen: zu wenige verschiedene Werte.');
    }
  });

  it('more classes than values: still a class for every value', () => {
    const values = [3, 1, 2];
    for (const method of ['quantile', 'natural'] as const) {
      expect(counts(classify(values, spec(method, 9))), method).toEqual([1, 1, 1]);
    }
    // fixed-width methods keep their classes (colours keep their meaning), members all placed
    for (const method of ['equal', 'stddev'] as const) {
      const r = classify(values, spec(method, 9));
      expect(r.classes, method).toHaveLength(9);
      expect(
        counts(r).reduce((a, b) => a + b, 0),
        method,
      ).toBe(3);
      expect(labels(r).every((l) => l.length > 0)).toBe(true);
    }
  });

  it('puts values outside the data range into the outer classes', () => {
    const r = classify([1, 2, 3, 4], spec('quantile', 2));
    expect([-100, 100, Number.NaN].map(r.classOf)).toEqual([0, 1, null]);
  });
});

// Golden file: legends of every method on real data (GISD 2021, 400 Kreise). Rewrite only on purpose: REGEN=1.
const GISD = new URL('../../../shared/data/rki-gisd-kreis/GISD_Bund_Kreis.csv', import.meta.url);
const GOLDEN = goldenFile(import.meta.url, 'gisd-2021-legends.golden.json');

describe('legends of real data (golden file)', () => {
  it('matches the stored legends of all methods for the GISD scores 2021', () => {
    const scores = readFileSync(GISD, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(',').slice(-5, -3))
      .filter(([year]) => year === '2021')
      .map(([, score]) => Number(score));
    expect(scores).toHaveLength(400);
    const specs: ClassificationSpec[] = [
      spec('quantile', 5),
      spec('quantile', 10),
      spec('equal', 5),
      spec('natural', 5),
      spec('stddev', 4),
      spec('stddev', 5),
      spec('fixed', 5, [0.25, 0.5, 0.75]),
      spec('categorical', 5),
    ];
    const out = specs.map((s) => {
      const r = classify(scores, s, { decimals: 3 });
      return {
        spec: s,
        method: r.method,
        breaks: r.breaks,
        classes: r.classes.map((c) => `${c.label} | ${c.count}`),
        note: r.note,
        summary: r.summary,
      };
    });
    expectGoldenJson(GOLDEN, out, 1);
  });
});
