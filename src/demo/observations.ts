import type { DemoObservation } from './types.ts';
import type { Cohorts } from './population.ts';
import { cohortIndex } from './population.ts';
import { MAX_AGE } from './demography.ts';
import { DEMO_VARIABLES } from './variables.ts';

/** Breakdown label of a `bev` cell, e.g. 'age=7;sex=w'. */
export function bevBreakdown(age: number, sex: 'm' | 'w'): string {
  return `age=${age};sex=${sex}`;
}

/**
 * Observation rows of one Sozialraum at one Stichtag: `bev` by age and sex (zeros included, so
 * every cell is present) followed by all totals in catalogue order.
 */
export function areaObservations(
  area: string,
  date: string,
  cohorts: Cohorts,
  totals: Record<string, number>,
): DemoObservation[] {
  const rows: DemoObservation[] = [];
  for (let age = 0; age <= MAX_AGE; age++) {
    for (const [sex, label] of [
      [0, 'm'],
      [1, 'w'],
    ] as const) {
      const value = (cohorts[cohortIndex(0, sex, age)] ?? 0) + (cohorts[cohortIndex(1, sex, age)] ?? 0);
      rows.push({ variable: 'bev', area, date, breakdown: bevBreakdown(age, label), value });
    }
  }
  for (const v of DEMO_VARIABLES) {
    if (v.key === 'bev') continue;
    const value = totals[v.key];
    if (value === undefined) throw new Error(`No value for variable ${v.key}`);
    rows.push({ variable: v.key, area, date, breakdown: '', value });
  }
  return rows;
}
