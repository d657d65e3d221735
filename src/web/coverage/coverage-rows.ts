/**
 * Pure helpers of the coverage page: the Bestand and a scenario side by side per area, sorting,
 * the values the choropleth classifies, and the time series of one area against the city.
 */
import type { IndicatorValue } from '../../indicators/indicator.schema.ts';
import type { Series } from '../api.ts';
import type { Coverage, CoverageRow } from './coverage-api.ts';

/** The figures of one side (Bestand or scenario) of an area. */
export type Figures = Pick<CoverageRow, 'supply' | 'demand' | 'rate' | 'balance' | 'status'>;

/** One table row: an area with the Bestand and, when a scenario is chosen, its figures. */
export interface SideBySide extends Figures {
  area: string;
  name: string;
  /** Parent rows: the parent's own level (a Sozialraum in one Gemeinde, a Gemeinde elsewhere). */
  level?: string;
  levelName?: string;
  scenario: Figures | null;
}

export type CoverageColumn =
  'name' | 'supply' | 'demand' | 'rate' | 'balance' | 'scenarioRate' | 'scenarioBalance';

export interface CoverageSort {
  column: CoverageColumn;
  descending: boolean;
}

const figures = (r: CoverageRow): Figures => ({
  supply: r.supply,
  demand: r.demand,
  rate: r.rate,
  balance: r.balance,
  status: r.status,
});

/**
 * The rows of one Stichtag with the scenario's figures beside them (matched by area key).
 * @param part `rows` (the level), `parents` (the parent level) or `city`
 */
export function sideBySide(
  coverage: Coverage,
  part: 'rows' | 'parents' | 'city',
  date: string,
  scenario: string | null,
): SideBySide[] {
  const other = scenario ? coverage.scenarios.find((s) => s.name === scenario) : undefined;
  const planned = new Map(other?.[part].filter((r) => r.date === date).map((r) => [r.area, r]));
  return coverage[part]
    .filter((r) => r.date === date)
    .map((r) => {
      const s = planned.get(r.area);
      return {
        area: r.area,
        name: r.name,
        ...(r.level !== undefined && { level: r.level }),
        ...(r.levelName !== undefined && { levelName: r.levelName }),
        ...figures(r),
        scenario: s ? figures(s) : null,
      };
    });
}

const collator = new Intl.Collator('de', { numeric: true });

/** A figure that takes part in sorting: shown (not secret, not missing). */
const shownValue = (f: Figures | null, key: 'supply' | 'demand' | 'rate' | 'balance'): number | null => {
  if (!f || f.status === 'secret' || f.status === 'missing')
    return key === 'supply' ? (f?.supply ?? null) : null;
  return f[key];
};

/**
 * Sorted copy; areas without a shown value go last in both directions, ties by name.
 * @example sortCoverage(rows, { column: 'rate', descending: false })[0] // the worst supplied area
 */
export function sortCoverage(rows: readonly SideBySide[], sort: CoverageSort): SideBySide[] {
  const sign = sort.descending ? -1 : 1;
  const value = (r: SideBySide): number | null => {
    switch (sort.column) {
      case 'name':
        return null;
      case 'scenarioRate':
        return shownValue(r.scenario, 'rate');
      case 'scenarioBalance':
        return shownValue(r.scenario, 'balance');
      default:
        return shownValue(r, sort.column);
    }
  };
  return [...rows].sort((a, b) => {
    if (sort.column !== 'name') {
      const va = value(a);
      const vb = value(b);
      if (va !== null && vb !== null && va !== vb) return sign * (va - vb);
      if ((va === null) !== (vb === null)) return va === null ? 1 : -1;
      return collator.compare(a.name, b.name);
    }
    return sign * collator.compare(a.name, b.name);
  });
}

/**
 * The Versorgungsquote of each area as the values the map classifies (id = area key).
 * @param side the Bestand or the scenario
 */
export function rateValues(rows: readonly SideBySide[], side: 'bestand' | 'scenario'): IndicatorValue[] {
  return rows.map((r) => {
    const f = side === 'scenario' ? r.scenario : r;
    return {
      id: r.area,
      name: r.name,
      value: f?.rate ?? null,
      status: f ? f.status : 'missing',
      numerator: f?.supply ?? null,
      denominator: f?.demand ?? null,
    };
  });
}

/** The time series of the Versorgungsquote of `area` (on the level or its parent level) against the city. */
export function ratePoints(series: Coverage, area: string): Series['points'] {
  const own = [...series.rows, ...series.parents].filter((r) => r.area === area);
  const city = new Map(series.city.map((r) => [r.date, r]));
  return own
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .map((r) => {
      const c = city.get(r.date);
      return {
        date: r.date,
        value: r.rate,
        status: r.rate === null && r.status === 'value' ? 'missing' : r.status,
        cityValue: c?.rate ?? null,
        cityStatus: !c || (c.rate === null && c.status === 'value') ? 'missing' : c.status,
      };
    });
}
