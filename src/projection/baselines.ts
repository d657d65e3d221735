/**
 * The two baselines every projection is measured against (docs/methods.md §8.5): "no change" (the
 * base value carried forward) and the linear trend through the earlier and the base value. A
 * method is worth its complexity only where it beats both; Tayman, Smith & Lin, "Precision, bias,
 * and uncertainty for state population forecasts", Population Research and Policy Review 26
 * (2007), and Smith, Tayman & Swanson, *A Practitioner's Guide to State and Local Population
 * Projections* (2013), ch. 13, find such naive methods hard to beat for small areas.
 */

/**
 * "No change": the value at the base date, for any later date.
 * @example noChange(120) // 120
 */
export const noChange = (base: number): number => base;

/**
 * Linear trend through (t₀, v₀) and (t₁, v₁), read at t; never below zero.
 * @param t0 earlier time (years, e.g. 2021), t1 base time, t target time
 * @example linearTrend(100, 2021, 110, 2022, 2024) // 130
 */
export function linearTrend(v0: number, t0: number, v1: number, t1: number, t: number): number {
  if (t1 === t0) throw new Error('linearTrend: the two times are the same');
  return Math.max(0, v1 + ((v1 - v0) * (t - t1)) / (t1 - t0));
}
