/**
 * One area against its district and the city, for one indicator: the comparisons of the area
 * profile (Steckbrief). Pure functions on a level table (src/indicators/level-table.ts), whose city
 * and district values are already recomputed from counts (docs/methods.md §2).
 *
 * Standardised deviations use the population SD over the level's areas (divide by n), as the
 * Berlin MSS standardises its indicators (docs/methods.md §3): a deviation of 1 is "one SD from the
 * city", the MSS threshold of a notable area.
 */
import type { Cell } from '../core/value-status.ts';
import { changeOver, trendSlope, yearsBefore } from '../indicators/formula.ts';
import type { ConvertedFrom } from '../areas/convert/convert.repository.ts';
import { cityConvertedAt, parentConvertedAt } from '../indicators/converted-aggregates.ts';
import { convertedAt, type IndicatorGrid, type LevelArea } from '../indicators/level-table.ts';
import type { Direction, ProfileCell, ProfileIndicator } from './profile.schema.ts';

/** A value that can be computed with (secret and missing values cannot). */
export const usable = (c: Cell | null | undefined): c is Cell & { value: number } =>
  !!c && c.value !== null && Number.isFinite(c.value) && (c.status === 'value' || c.status === 'estimated');

const cell = (c: Cell, converted?: ConvertedFrom): ProfileCell => ({
  value: c.value,
  status: c.status,
  ...(converted && { converted }),
});

/** `{ [field]: mark }` when there is a mark, else nothing: a point without marks stays as it was. */
const markOf = <K extends string>(field: K, mark: ConvertedFrom | undefined) =>
  (mark ? { [field]: mark } : {}) as Partial<Record<K, ConvertedFrom>>;

/**
 * Arithmetic mean and population standard deviation (divide by n).
 * @example meanSd([1, 2, 3]) // { mean: 2, sd: 0.8165 }
 */
export function meanSd(values: readonly number[]): { mean: number; sd: number } | null {
  if (!values.length) return null;
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length;
  return { mean, sd: Math.sqrt(variance) };
}

/** A difference in standard deviations of `spread`; null when there is no spread or no difference. */
function perSd(difference: number | null, spread: readonly number[]): number | null {
  if (difference === null) return null;
  const stats = meanSd(spread);
  return stats && stats.sd > 1e-12 ? difference / stats.sd : null;
}

/**
 * Competition rank (1 = highest value; ties share the better rank) of `value` among `values`.
 * @example rankOf(5, [3, 5, 9, 5]) // 2
 */
export function rankOf(value: number, values: readonly number[]): number {
  let higher = 0;
  for (const v of values) if (v > value) higher++;
  return higher + 1;
}

const difference = (a: Cell, b: Cell | null | undefined): number | null => {
  if (!usable(a) || !usable(b)) return null;
  const d = changeOver(a, b);
  return d.value;
};

/** Decimal years of a Stichtag (`2024-12-31` → ≈ 2024.997), for trend slopes per year. */
const yearOf = (date: string) => {
  const ms = Date.parse(`${date}T00:00:00Z`);
  const start = Date.UTC(Number(date.slice(0, 4)), 0, 1);
  return Number(date.slice(0, 4)) + (ms - start) / (365.2425 * 86_400_000);
};

/**
 * ↑, ↓ or → from the change over the window: flat when it rounds to zero at the indicator's
 * decimals (a change nobody could read off the table is no trend).
 */
export function direction(change: number | null, decimals: number): Direction | null {
  if (change === null) return null;
  if (Math.abs(change) < 0.5 * 10 ** -decimals) return 'flat';
  return change > 0 ? 'up' : 'down';
}

/** Unit of differences: percentage points for shares in %, else the unit itself. */
export const changeUnitOf = (unit: string) => (unit === '%' ? 'Pp.' : unit);

export interface CompareInput {
  grid: IndicatorGrid;
  /** Stichtage ascending. */
  dates: readonly string[];
  areas: readonly LevelArea[];
  areaIndex: number;
  dateIndex: number;
  /** n years of the trend window. */
  years: number;
}

/**
 * The area's value against district and city, its rank, its change against the previous
 * Stichtag and its trend over `years` years, and its time series.
 * Counts (formula `count`) get no difference or deviation from the city: a city total is no
 * yardstick for an area total.
 */
export function compareIndicator(input: CompareInput): ProfileIndicator {
  const { grid, dates, areas, areaIndex: a, dateIndex: d, years } = input;
  const ind = grid.indicator;
  const row = (i: number) => grid.cells[i] ?? [];
  const at = (i: number) => row(i)[a] ?? { value: null, status: 'missing' as const };
  const parentKey = areas[a]?.parentKey ?? null;
  const districtCells = parentKey === null ? null : (grid.parents.get(parentKey) ?? null);
  const missing: Cell = { value: null, status: 'missing' };
  const cityAt = (i: number) => grid.city[i] ?? missing;
  const date = dates[d] ?? '';
  const comparable = ind.formula !== 'count';

  const now = at(d);
  const levelValues = row(d)
    .filter(usable)
    .map((c) => c.value);
  const diff = comparable ? difference(now, cityAt(d)) : null;

  const prev = d > 0 ? d - 1 : null;
  const since = yearsBefore(date, years);
  const start = dates.indexOf(since);
  const windowStart = start >= 0 ? start : null;
  const changes =
    windowStart === null
      ? []
      : row(d)
          .map((c, i) => difference(c, row(windowStart)[i]))
          .filter((v): v is number => v !== null);
  const trendChange = windowStart === null ? null : difference(now, at(windowStart));
  const cityTrendChange = windowStart === null ? null : difference(cityAt(d), cityAt(windowStart));
  const window = dates
    .map((dt, i) => ({ dt, i }))
    .filter(({ i }) => windowStart !== null && i >= windowStart && i <= d);
  const slope = window.length
    ? trendSlope(window.map(({ dt, i }): [number, Cell] => [yearOf(dt), at(i)]))
    : null;
  const slopeValue = slope && usable(slope) ? slope.value : null;

  return {
    key: ind.key,
    name: ind.name,
    theme: ind.theme,
    unit: ind.unit,
    changeUnit: changeUnitOf(ind.unit),
    decimals: ind.decimals,
    polarity: ind.polarity,
    formula: ind.formula,
    // the level table's „umgerechnet“ marks (whatever the cell's status, as the values route marks)
    value: cell(now, convertedAt(grid, d, a)),
    district: districtCells
      ? cell(
          districtCells[d] ?? missing,
          parentKey === null ? undefined : parentConvertedAt(grid, parentKey, d),
        )
      : null,
    city: cell(cityAt(d), cityConvertedAt(grid, d)),
    difference: diff,
    deviation: comparable ? perSd(diff, levelValues) : null,
    rank: usable(now) ? rankOf(now.value, levelValues) : null,
    rankOf: levelValues.length,
    change: {
      since: prev === null ? null : (dates[prev] ?? null),
      value: prev === null ? null : difference(now, at(prev)),
      city: prev === null ? null : difference(cityAt(d), cityAt(prev)),
    },
    trend: {
      years,
      since: windowStart === null ? null : since,
      slope: slopeValue,
      change: trendChange,
      cityChange: cityTrendChange,
      deviation:
        comparable && trendChange !== null && cityTrendChange !== null
          ? perSd(trendChange - cityTrendChange, changes)
          : null,
      direction: direction(slopeValue === null ? trendChange : slopeValue * years, ind.decimals),
    },
    series: dates.map((dt, i) => {
      const v = at(i);
      const district = districtCells?.[i];
      const c = cityAt(i);
      return {
        date: dt,
        value: v.value,
        status: v.status,
        districtValue: district ? district.value : null,
        districtStatus: districtCells ? (district?.status ?? 'missing') : null,
        cityValue: c.value,
        cityStatus: c.status,
        ...markOf('converted', convertedAt(grid, i, a)),
        ...markOf(
          'districtConverted',
          parentKey === null ? undefined : parentConvertedAt(grid, parentKey, i),
        ),
        ...markOf('cityConverted', cityConvertedAt(grid, i)),
      };
    }),
  };
}
