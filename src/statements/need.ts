/**
 * Additional need of a new quarter's residents through a norm (Richtwert), and the coverage of
 * the affected areas with that need added (docs/methods.md §7). Pure: no I/O.
 *
 * Need N(Y) = factor × Σ_v w_v · E_v(Y) over the norm's demand variables v (weights w_v, 1 unless
 * the norm weights them), each an age range of the residents E (residents.ts). The comparison with the Bestand adds the need of the peak year to
 * the demand of the affected areas, shared by how much of the plan area lies in each; supply
 * stays as it is (what exists today).
 */
import { variableRange, type AgeRange } from '../core/age-range.ts';
import { alignedRange, residentsIn, type ResidentsYear } from './residents.ts';

/** Whether and how a norm's demand can be taken from the residents' ages. */
export type Derivation =
  { ok: true; ranges: AgeRange[]; interpolated: boolean } | { ok: false; variable: string };

/** The age ranges of a norm's demand variables, or the first variable that is no age range. */
export function deriveDemand(variables: readonly string[]): Derivation {
  const ranges: AgeRange[] = [];
  for (const v of variables) {
    const r = variableRange(v);
    if (!r) return { ok: false, variable: v };
    ranges.push(r);
  }
  return { ok: true, ranges, interpolated: !ranges.every(alignedRange) };
}

/** Need per year and its peak (the first year with the highest need). */
export interface NeedSeries {
  perYear: { year: number; need: number }[];
  peak: { year: number; need: number };
}

/**
 * Need per year: factor × Σ weightᵢ × residents of rangeᵢ (a norm may weight its demand
 * variables, e.g. Kita places for 51 % of the under-3s and 97 % of the 3- to 5-year-olds).
 * @param weights one per range; default 1 each
 * @example needSeries(residents, [{ from: 0, to: 3 }], 0.51) // 51 % of the children under 3, per year
 */
export function needSeries(
  residents: readonly ResidentsYear[],
  ranges: readonly AgeRange[],
  factor: number,
  weights?: readonly number[],
): NeedSeries {
  const perYear = residents.map((r) => ({
    year: r.year,
    need: factor * ranges.reduce((s, range, i) => s + (weights?.[i] ?? 1) * residentsIn(r.bands, range), 0),
  }));
  const peak = perYear.reduce(
    (best, p) => (p.need > best.need ? p : best),
    perYear[0] ?? { year: 0, need: 0 },
  );
  return { perYear, peak };
}

/** Coverage of one area as it is (Bestand) at the Datenstand. */
export interface BestandRow {
  area: string;
  name: string;
  supply: number | null;
  demand: number | null;
}

/** One affected area: the Bestand and the same with the new quarter's need added. */
export interface AfterRow extends BestandRow {
  rate: number | null;
  balance: number | null;
  /** Need of the new quarter counted in this row (its share, or its district's share). */
  extra: number;
  demandAfter: number | null;
  rateAfter: number | null;
  balanceAfter: number | null;
}

const rateOf = (supply: number | null, demand: number | null) =>
  supply === null || demand === null || demand === 0 ? null : (supply / demand) * 100;
const balanceOf = (supply: number | null, demand: number | null) =>
  supply === null || demand === null ? null : supply - demand;

function after(row: BestandRow, extra: number): AfterRow {
  const demandAfter = row.demand === null ? null : row.demand + extra;
  return {
    ...row,
    rate: rateOf(row.supply, row.demand),
    balance: balanceOf(row.supply, row.demand),
    extra,
    demandAfter,
    rateAfter: rateOf(row.supply, demandAfter),
    balanceAfter: balanceOf(row.supply, demandAfter),
  };
}

/**
 * The affected areas with the peak need added, and their total.
 *
 * - Areas that find their supply in their own area or by reach (`area`, `distance`, `fca`): each
 *   gets its share of the need; the total sums supply and demand over the areas.
 * - A shared supply (`district`): every area shows its district's row, so it gets the need of all
 *   affected areas of that district (`groups`: area → district key); the total counts each
 *   district once.
 *
 * @param shares area key → share of the plan area in it (summing to 1)
 * @example coverageAfter([{ area: 'A', name: 'A', supply: 40, demand: 50 }], new Map([['A', 1]]), 10)
 *   // rows: [{ …, rate: 80, extra: 10, demandAfter: 60, rateAfter: 66.7, balanceAfter: -20 }]
 */
export function coverageAfter(
  rows: readonly BestandRow[],
  shares: ReadonlyMap<string, number>,
  peakNeed: number,
  groups?: ReadonlyMap<string, string>,
): { rows: AfterRow[]; total: AfterRow | null } {
  if (!groups) {
    const out = rows.map((r) => after(r, (shares.get(r.area) ?? 0) * peakNeed));
    return { rows: out, total: out.length > 1 ? totalOf(out) : null };
  }
  const groupShare = new Map<string, number>();
  for (const r of rows) {
    const g = groups.get(r.area) ?? r.area;
    groupShare.set(g, (groupShare.get(g) ?? 0) + (shares.get(r.area) ?? 0));
  }
  const out = rows.map((r) => after(r, (groupShare.get(groups.get(r.area) ?? r.area) ?? 0) * peakNeed));
  const firstOfGroup = out.filter(
    (r, i) => rows.findIndex((x) => (groups.get(x.area) ?? x.area) === (groups.get(r.area) ?? r.area)) === i,
  );
  return { rows: out, total: firstOfGroup.length > 1 ? totalOf(firstOfGroup) : null };
}

function totalOf(rows: readonly AfterRow[]): AfterRow {
  const sum = (f: (r: AfterRow) => number | null) =>
    rows.some((r) => f(r) === null) ? null : rows.reduce((s, r) => s + f(r)!, 0);
  const base = {
    area: '',
    name: 'betroffene Gebiete zusammen',
    supply: sum((r) => r.supply),
    demand: sum((r) => r.demand),
  };
  return after(
    base,
    rows.reduce((s, r) => s + r.extra, 0),
  );
}
