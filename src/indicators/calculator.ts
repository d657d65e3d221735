/**
 * Computes one indicator for any area (or sum of areas) and Stichtag from the count series,
 * with the publishable (disclosure-protected) value beside the raw one.
 */
import type { Cell } from '../core/value-status.ts';
import type { TreeNode } from './aggregate.ts';
import { aggregateUp, sumCells } from './aggregate.ts';
import { DEFAULT_RULES, protect, type DisclosureRules } from './disclosure.ts';
import { applyFormula, baseValue, changeOver, relativeChange, trendSlope, yearsBefore } from './formula.ts';
import type { Indicator } from './indicator.schema.ts';
import { TOTAL, type SecretCells } from './linked-protection.ts';

/** Population series used for the minimum-population rule. */
export const POPULATION = 'ew';

/**
 * The Stichtag whose population decides the minimum-population rule at `date`: the date itself
 * when it has population counts, else the latest one before it, else the earliest after it; null
 * without any. Data delivered between two population Stichtage (a survey ending in June, a
 * half-year table) would otherwise have no population and publish nothing.
 * @param populationDates the Stichtage with population counts, in any order
 * @example populationDate(['2022-12-31', '2023-12-31'], '2024-06-30') // '2023-12-31'
 */
export function populationDate(populationDates: Iterable<string>, date: string): string | null {
  let before: string | null = null;
  let after: string | null = null;
  for (const d of populationDates) {
    if (d === date) return d;
    if (d < date && (before === null || d > before)) before = d;
    if (d > date && (after === null || d < after)) after = d;
  }
  return before ?? after;
}

export interface Computed {
  /** Unprotected value (planners). */
  cell: Cell;
  /** Value after primary disclosure control (everyone else). */
  published: Cell;
  numerator: number | null;
  denominator: number | null;
}

type Totals = Map<string, Map<string, Map<number, Cell>>>; // variable → date → area id → cell
type Target = number | number[]; // one area, or the sum of several

const MISSING: Cell = { value: null, status: 'missing' };
const SECRET: Cell = { value: null, status: 'secret' };

export function makeCalculator(
  ind: Pick<Indicator, 'numerator' | 'denominator' | 'formula' | 'periodYears'> &
    Partial<Pick<Indicator, 'decimals'>>,
  nodes: TreeNode[],
  totals: Totals,
  rules: DisclosureRules = DEFAULT_RULES,
  /** Cells withheld by secondary suppression of the count tables (public outputs only). */
  secret?: SecretCells,
) {
  const perDate = new Map<
    string,
    { num: Map<number, Cell>; den: Map<number, Cell> | null; pop: Map<number, Cell> }
  >();
  const aggregated = (date: string) => {
    let a = perDate.get(date);
    if (!a) {
      const of = (v: string) => aggregateUp(nodes, totals.get(v)?.get(date) ?? new Map<number, Cell>());
      const people = totals.get(POPULATION);
      const popDate = populationDate(people?.keys() ?? [], date);
      a = {
        num: of(ind.numerator),
        den: ind.denominator ? of(ind.denominator) : null,
        pop: aggregateUp(nodes, (popDate && people?.get(popDate)) || new Map<number, Cell>()),
      };
      perDate.set(date, a);
    }
    return a;
  };
  const pick = (m: Map<number, Cell>, t: Target): Cell =>
    typeof t === 'number' ? (m.get(t) ?? MISSING) : sumCells(t.map((id) => m.get(id) ?? MISSING));

  /** Counts of the target at a date. */
  const counts = (t: Target, date: string) => {
    const a = aggregated(date);
    return { num: pick(a.num, t), den: a.den ? pick(a.den, t) : null, pop: pick(a.pop, t) };
  };

  /** Whether a count behind the target's value was suppressed in its protected table. */
  const withheld = (t: Target, date: string) => {
    if (!secret) return false;
    const id = typeof t === 'number' ? String(t) : TOTAL;
    return (
      secret(ind.numerator, date).has(id) ||
      (ind.denominator !== null && secret(ind.denominator, date).has(id))
    );
  };
  const publish = (
    formula: Indicator['formula'],
    t: Target,
    date: string,
    cell: Cell,
    c: ReturnType<typeof counts>,
  ) =>
    withheld(t, date)
      ? SECRET
      : protect(formula, cell, c.num.value, c.den?.value ?? null, c.pop.value, rules);

  /** The base series value (share or count) with its protected twin, at one date. */
  const base = (t: Target, date: string) => {
    const c = counts(t, date);
    const cell = baseValue(c.num, c.den);
    return { cell, published: publish(c.den ? 'share' : 'count', t, date, cell, c) };
  };

  return (t: Target, date: string): Computed => {
    const c = counts(t, date);
    const n = ind.periodYears ?? 1;
    let cell: Cell;
    let published: Cell;
    switch (ind.formula) {
      case 'change_pp':
      case 'relative_change': {
        const now = base(t, date);
        const before = base(t, yearsBefore(date, n));
        const f = ind.formula === 'change_pp' ? changeOver : relativeChange;
        cell = f(now.cell, before.cell);
        published = f(now.published, before.published);
        break;
      }
      case 'trend_slope': {
        const points = Array.from({ length: n + 1 }, (_, i) => {
          const d = yearsBefore(date, n - i);
          return [Number(d.slice(0, 4)), base(t, d)] as const;
        });
        cell = trendSlope(points.map(([y, b]) => [y, b.cell]));
        published = trendSlope(points.map(([y, b]) => [y, b.published]));
        break;
      }
      default:
        cell = applyFormula(ind.formula, c.num, c.den);
        published = publish(ind.formula, t, date, cell, c);
    }
    return {
      cell,
      published: ind.decimals === undefined ? published : rounded(published, ind.decimals),
      numerator: c.num.value,
      denominator: c.den?.value ?? null,
    };
  };
}

/**
 * A published value with the indicator's decimals: the public never gets more precision than
 * the catalogue states (a rate then stands for an interval, not a point).
 * @example rounded({ value: 12.3456, status: 'value' }, 1) // { value: 12.3, status: 'value' }
 */
export function rounded(cell: Cell, decimals: number): Cell {
  if (cell.value === null) return cell;
  const f = 10 ** decimals;
  const value = Math.round(cell.value * f) / f;
  return { ...cell, value: Object.is(value, -0) ? 0 : value };
}
