/**
 * Control totals and variants (docs/methods.md §8.4): areas' projections adjusted
 * proportionally so that they sum to a given total for the city — typically the state statistical
 * office's projection for the municipality — and variants (low/main/high) whose city totals come
 * from assumptions stored as data. Proportional adjustment ("ratio controlling") as in Smith,
 * Tayman & Swanson, *A Practitioner's Guide to State and Local Population Projections* (2013),
 * §11.3.
 */
import { total, type AgeVector } from './age-vector.ts';

/** Persons of all sexes and ages in stocks by sex. */
export function stocksTotal(stocks: Record<string, AgeVector>): number {
  return Object.values(stocks).reduce((s, v) => s + total(v), 0);
}

/**
 * Every cell scaled by target / total, so the stocks sum to `target`; stocks with nobody stay.
 * @example scaleToTotal({ all: [1, 3] }, 8) // { all: [2, 6] }
 */
export function scaleToTotal(stocks: Record<string, AgeVector>, target: number): Record<string, AgeVector> {
  const t = stocksTotal(stocks);
  const f = t > 0 ? target / t : 1;
  return Object.fromEntries(Object.entries(stocks).map(([s, v]) => [s, v.map((x) => x * f)]));
}

/**
 * Proportional adjustment of all areas to one control total: each area keeps its share of the
 * sum of the areas, and its age structure.
 * @throws Error when the target is negative
 * @example controlToTotal([{ all: [1, 1] }, { all: [2, 0] }], 8) // [{ all: [2, 2] }, { all: [4, 0] }]
 */
export function controlToTotal(
  areas: readonly Record<string, AgeVector>[],
  target: number,
): Record<string, AgeVector>[] {
  if (!(target >= 0)) throw new Error('controlToTotal: the control total must not be negative');
  const sum = areas.reduce((s, a) => s + stocksTotal(a), 0);
  const f = sum > 0 ? target / sum : 1;
  return areas.map((a) => Object.fromEntries(Object.entries(a).map(([s, v]) => [s, v.map((x) => x * f)])));
}

/**
 * A variant's assumption for the city total: either totals from a published projection by year
 * (linear between the years given, constant beyond the last) or a yearly growth rate from the base.
 */
export type VariantAssumption =
  | { key: string; label: string; totals: Record<string, number> }
  | { key: string; label: string; annualGrowth: number };

/** The usual three variants as growth rates (−0.5 %, 0, +0.5 % a year), editable as data. */
export const DEFAULT_VARIANTS: readonly VariantAssumption[] = [
  { key: 'low', label: 'untere Variante', annualGrowth: -0.005 },
  { key: 'main', label: 'Hauptvariante', annualGrowth: 0 },
  { key: 'high', label: 'obere Variante', annualGrowth: 0.005 },
];

/**
 * The city total a variant assumes for a year.
 * @param baseTotal the city's total at the base year (used by growth rates)
 * @example variantTotal({ key: 'high', label: 'obere', annualGrowth: 0.01 }, 1000, 2020, 2022) // 1020.1
 * @example variantTotal({ key: 'main', label: 'Haupt', totals: { 2020: 100, 2030: 200 } }, 0, 2020, 2025) // 150
 */
export function variantTotal(
  variant: VariantAssumption,
  baseTotal: number,
  baseYear: number,
  year: number,
): number {
  if ('annualGrowth' in variant) return baseTotal * (1 + variant.annualGrowth) ** (year - baseYear);
  const points = Object.entries(variant.totals)
    .map(([y, v]) => [Number(y), v] as const)
    .sort((a, b) => a[0] - b[0]);
  if (!points.length) throw new Error(`variantTotal: variant ${variant.key} has no totals`);
  if (year <= points[0]![0]) return points[0]![1];
  for (let i = 1; i < points.length; i++) {
    const [y1, v1] = points[i]!;
    const [y0, v0] = points[i - 1]!;
    if (year <= y1) return v0 + ((v1 - v0) * (year - y0)) / (y1 - y0);
  }
  return points.at(-1)![1];
}
