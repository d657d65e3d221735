import { describe, expect, it } from 'vitest';
import { indirectFactor, projectCohortComponent } from './cohort-component.ts';

describe('cohort-component', () => {
  const base = {
    base: { all: [0, 10, 10] },
    fertility: [0, 0.2, 0],
    mortality: { all: [0, 0.1, 0.5] },
    netMigration: 0,
    migrationProfile: { all: [0, 0, 0] },
  };

  it('ages survivors, adds births of half the persons as women, keeps the open top', () => {
    expect(projectCohortComponent(base, 1)).toEqual([{ all: [1, 0, 14] }]);
  });

  it('scales fertility and mortality to the area and spreads net migration by the profile', () => {
    const [next] = projectCohortComponent(
      {
        ...base,
        fertilityFactor: 2,
        mortalityFactor: 2,
        netMigration: 10,
        migrationProfile: { all: [0, 0.5, 0.5] },
      },
      1,
    );
    // births 2 × 1; age 2: 10 × 0.8 + 10 × 0 + 5
    expect(next!.all![0]).toBeCloseTo(2, 12);
    expect(next!.all![1]).toBeCloseTo(5, 12);
    expect(next!.all![2]).toBeCloseTo(13, 12);
  });

  it('splits births by sex from the women and never goes below zero', () => {
    const [next] = projectCohortComponent(
      {
        base: { m: [0, 10], w: [0, 10] },
        fertility: [0, 0.1],
        mortality: { m: [0.2, 0], w: [0.2, 0] },
        netMigration: -100,
        migrationProfile: { m: [0, 0.5], w: [0, 0.5] },
      },
      1,
    );
    // births 1, boys 0.513 × (1 − 0.1), girls 0.487 × 0.9; age 1 pushed below zero → 0
    expect(next!.m![0]).toBeCloseTo(0.4617, 12);
    expect(next!.w![0]).toBeCloseTo(0.4383, 12);
    expect(next!.m![1]).toBe(0);
  });

  it('scales by indirect standardisation', () => {
    expect(indirectFactor(12, [100, 100], [0.05, 0.05])).toBeCloseTo(1.2, 12);
    expect(indirectFactor(3, [0, 0], [0.05, 0.05])).toBe(1);
  });
});
