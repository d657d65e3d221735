/**
 * What each atlas chart shows, from the values the atlas has loaded (pure): only areas that pass
 * the filters and have a shown value (secret and missing values are never plotted).
 */
import type { IndicatorValue } from '../../indicators/indicator.schema.ts';
import type { StatTable } from '../../analysis/table.schema.ts';
import { isShown } from '../map/choropleth.ts';
import { boxStats, deviationFromCity, populationSd, type BoxStats } from './stats.ts';

export interface AreaPoint {
  id: string;
  name: string;
  value: number;
}

const collator = new Intl.Collator('de', { numeric: true });

const passes = (visible: ReadonlySet<string> | null, id: string) => visible === null || visible.has(id);

/** Shown values of the visible areas. */
export function plotted(values: readonly IndicatorValue[], visible: ReadonlySet<string> | null): AreaPoint[] {
  const out: AreaPoint[] = [];
  for (const v of values)
    if (isShown(v) && passes(visible, v.id)) out.push({ id: v.id, name: v.name, value: v.value });
  return out;
}

/** Highest value first; ties by name (German collation). */
export function ranking(points: readonly AreaPoint[]): AreaPoint[] {
  return [...points].sort((a, b) => b.value - a.value || collator.compare(a.name, b.name));
}

export interface ScatterPoint {
  id: string;
  name: string;
  x: number;
  y: number;
}

/** Areas with a shown value of both indicators. */
export function scatterPoints(
  xs: readonly IndicatorValue[],
  ys: readonly IndicatorValue[],
  visible: ReadonlySet<string> | null,
): ScatterPoint[] {
  const yOf = new Map(ys.filter(isShown).map((v) => [v.id, v.value]));
  const out: ScatterPoint[] = [];
  for (const v of xs) {
    const y = yOf.get(v.id);
    if (isShown(v) && y !== undefined && passes(visible, v.id))
      out.push({ id: v.id, name: v.name, x: v.value, y });
  }
  return out;
}

export interface BoxGroup {
  /** Parent key, or '' for all areas of a level without parents. */
  key: string;
  name: string;
  stats: BoxStats;
  members: AreaPoint[];
}

/**
 * One box per parent area (district) of the visible areas, ordered by name; one box of all areas
 * when the level has no parents.
 */
export function boxGroups(
  points: readonly AreaPoint[],
  parentOf: ReadonlyMap<string, string | null>,
  parentNames: ReadonlyMap<string, string>,
  allLabel: string,
): BoxGroup[] {
  const groups = new Map<string, AreaPoint[]>();
  for (const p of points) {
    const key = parentOf.get(p.id) ?? '';
    const list = groups.get(key);
    if (list) list.push(p);
    else groups.set(key, [p]);
  }
  return [...groups]
    .map(([key, members]) => ({
      key,
      name: key ? (parentNames.get(key) ?? key) : allLabel,
      stats: boxStats(members.map((m) => m.value))!,
      members,
    }))
    .sort((a, b) => collator.compare(a.name, b.name));
}

export interface RadarAxis {
  key: string;
  name: string;
  unit: string;
  decimals: number;
  value: number | null;
  status: IndicatorValue['status'];
  city: number | null;
  /** (area − city) / SD of all areas; null when not computable. */
  deviation: number | null;
}

/**
 * The profile of one area against the city over the indicators of a statistics table (all areas
 * of the level): each value as its deviation from the city value in population SDs of the areas.
 * @returns null when the area is not in the table
 */
export function radarAxes(table: StatTable, areaKey: string): RadarAxis[] | null {
  const row = table.rows.find((r) => r.kind === 'area' && r.key === areaKey);
  const city = table.rows.find((r) => r.kind === 'city');
  if (!row) return null;
  const areaRows = table.rows.filter((r) => r.kind === 'area');
  return table.columns.map((c, i) => {
    const cell = row.cells[i]!;
    const cityCell = city?.cells[i];
    const cityValue = cityCell && isShown(cityCell) ? cityCell.value : null;
    const sd = populationSd(
      areaRows
        .map((r) => r.cells[i]!)
        .filter(isShown)
        .map((x) => x.value),
    );
    const value = isShown(cell) ? cell.value : null;
    return {
      key: c.key,
      name: c.name,
      unit: c.unit,
      decimals: c.decimals,
      value,
      status: cell.status,
      city: cityValue,
      deviation: deviationFromCity(value, cityValue, sd),
    };
  });
}
