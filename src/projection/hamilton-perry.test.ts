import { describe, expect, it } from 'vitest';
import {
  childWomanRatio,
  cohortChangeRatios,
  projectHamiltonPerry,
  standardSurvival,
} from './hamilton-perry.ts';

const classic = { motherAges: [1, 3] as [number, number], childAges: 1, migrationWeight: 1, totalWeight: 1 };

describe('cohort change ratios', () => {
  it('divides each cohort by itself a step earlier, the open top by all it came from', () => {
    expect(cohortChangeRatios([10, 10, 10], [5, 9, 18], 1)).toEqual([0.9, 0.9]);
  });

  it('shrinks towards the reference with a prior weight in persons', () => {
    // (5 + 10 × 0.8) / (10 + 10)
    expect(cohortChangeRatios([0, 10], [4, 5], 1, [0.8], 10)).toEqual([0.65]);
  });

  it('spans two ages with a two-year interval', () => {
    // P1(2)/P0(0) = 3/2; open top: P1(3) / (P0(1)+P0(2)+P0(3)) = 6/12
    expect(cohortChangeRatios([2, 4, 4, 4], [0, 0, 3, 6], 2)).toEqual([1.5, 0.5]);
  });

  it('rejects bad intervals', () => {
    expect(() => cohortChangeRatios([1, 1], [1, 1], 0)).toThrow(/interval/);
  });
});

describe('child–woman ratio', () => {
  it('counts children of an age per woman of mother ages', () => {
    expect(childWomanRatio({ all: [6, 0, 3, 3] }, 0, null, [2, 4])).toBe(1);
    expect(childWomanRatio({ m: [3, 0, 9, 9], w: [1, 0, 2, 2] }, 0, 'w', [2, 4], 'm')).toBe(0.75);
  });
});

describe('projectHamiltonPerry', () => {
  const input = { earlier: { all: [2, 4, 4] }, base: { all: [2, 2, 4] } };

  it('ages by the ratios and adds children per woman (classic)', () => {
    // CCR [2/2, 4/(4+4)]: ages 1, 2 → 2, (2+4)/2 = 3; CWR 2/6 at women 5 → 5/3.
    const [next] = projectHamiltonPerry(input, 1, { ...classic, cwrTrend: 0 });
    expect(next!.all![1]).toBeCloseTo(2, 12);
    expect(next!.all![2]).toBeCloseTo(3, 12);
    // Without a reference the area is its own direction: CWR 2/8 → 2/6 rose by ¼ of 2/6.
    expect(next!.all![0]).toBeCloseTo((5 * 5) / 12, 12);
  });

  it('continues the child–woman ratio trend step by step', () => {
    const [, second] = projectHamiltonPerry(input, 2, { ...classic, cwrTrend: 1 });
    // step 2: ages 1, 2 → 25/12 × 1, (2 + 3) × ½; CWR 1/3 + 2 × (1/3 − 1/4) = 1/2
    expect(second!.all![1]).toBeCloseTo(25 / 12, 12);
    expect(second!.all![2]).toBeCloseTo(2.5, 12);
    expect(second!.all![0]).toBeCloseTo((25 / 12 + 2.5) / 2, 12);
  });

  it('keeps only part of the migration in the ratios', () => {
    const [next] = projectHamiltonPerry(input, 1, {
      ...classic,
      cwrTrend: 0,
      migrationWeight: 0,
      survival: [1, 0.9],
    });
    // Ratios become the survival: ages 1, 2 → 2, (2 + 4) × 0.9
    expect(next!.all![1]).toBeCloseTo(2, 12);
    expect(next!.all![2]).toBeCloseTo(5.4, 12);
  });

  it('moves the total only part of the way', () => {
    const [full] = projectHamiltonPerry(input, 1, { ...classic, cwrTrend: 0 });
    const [half] = projectHamiltonPerry(input, 1, { ...classic, cwrTrend: 0, totalWeight: 0.5 });
    const sum = (v: number[]) => v.reduce((s, x) => s + x, 0);
    const t = sum(full!.all!); // 25/12 + 5
    expect(sum(half!.all!)).toBeCloseTo(8 + 0.5 * (t - 8), 12);
    expect(half!.all![2]! / half!.all![1]!).toBeCloseTo(1.5, 12);
  });

  it('projects each sex, children of both from the women', () => {
    const s = { m: [1, 2, 2], w: [1, 2, 2] };
    const [next] = projectHamiltonPerry({ earlier: s, base: s }, 1, {
      ...classic,
      female: 'w',
      cwrTrend: 0,
    });
    // CCR [2/1, 2/4]: ages 1, 2 → 2, 2; women ages 1–2: 4; CWR 1/4 each sex
    expect(next).toEqual({ m: [1, 2, 2], w: [1, 2, 2] });
  });

  it('has a survival close to a German life table', () => {
    const s = standardSurvival(100, 1);
    expect(s[65]).toBeCloseTo(0.9875, 4);
    expect(s[20]).toBeCloseTo(0.9997, 4);
    expect(s).toHaveLength(100);
  });
});
