/**
 * New residential quarters of a scenario in the projection (docs/methods.md §8.6): a quarter's
 * residents — counts per age variable as the scenario gives them — are split into single years
 * like any area's stocks (§8.1) and added, from the year the quarter is first occupied, to the
 * projected population of the area that holds it. They are added with their age profile as given,
 * every year alike (a quarter's profile, not its ageing), as the coverage of a scenario counts
 * them, so the projection and the scenario's coverage agree.
 */
import { variableRange } from '../core/age-range.ts';
import { sumAges, type AgeVector } from './age-vector.ts';
import { splitBands } from './split-bands.ts';
import { bandsFromVariables } from './stocks.ts';

/** A quarter as a scenario holds it: in an area of any level. */
export interface ScenarioQuarter {
  name?: string | undefined;
  level: string;
  area: string;
  validFrom: string | null;
  population: Record<string, number>;
}

export interface Quarter {
  /** Key of the projected area holding the quarter. */
  area: string;
  /** First Stichtag with the residents (YYYY-MM-DD); null: from the start. */
  validFrom: string | null;
  /** Residents per variable, e.g. `{ ew: 1200, ew_u3: 60, ew_65plus: 90 }`. */
  population: Record<string, number>;
}

/**
 * The residents of a quarter in a requested age variable: from the split single years where the
 * quarter's variables give an age structure, else only where it names the variable itself.
 */
export function quarterResidents(population: Record<string, number>): (variable: string) => number {
  const bands = bandsFromVariables(population);
  const ages: AgeVector | null = bands ? splitBands(bands) : null;
  return (variable) => {
    if (population[variable] !== undefined) return population[variable];
    const range = variableRange(variable);
    return ages && range ? sumAges(ages, range) : 0;
  };
}

/**
 * Adds the quarters' residents to projected rows (whole persons, as the projection's rows).
 * @param rows projected `{ area, date, variable, value }`
 * @returns new rows; the input is not changed
 */
export function addQuarters<R extends { area: string; date: string; variable: string; value: number }>(
  rows: readonly R[],
  quarters: readonly Quarter[],
): R[] {
  const residents = quarters.map((q) => ({ ...q, of: quarterResidents(q.population) }));
  return rows.map((r) => {
    let extra = 0;
    for (const q of residents)
      if (q.area === r.area && (q.validFrom === null || q.validFrom <= r.date)) extra += q.of(r.variable);
    return extra ? { ...r, value: r.value + Math.round(extra) } : r;
  });
}
