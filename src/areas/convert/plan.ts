/**
 * The conversion table actually applied: correspondence, population weights where asked and
 * available, parent constraint — with German notices on everything that was not plain.
 */
import { constrainToParents } from './allocate.ts';
import {
  buildCorrespondence,
  SLIVER_TOLERANCE,
  type ConvertArea,
  type Correspondence,
  type CorrespondenceRow,
} from './correspondence.ts';
import { convertMessages } from './messages.ts';
import { populationShares } from './weights.ts';

export type ConvertMethod = 'area' | 'population';

export interface PlanInput {
  from: readonly ConvertArea[];
  to: readonly ConvertArea[];
  method: ConvertMethod;
  /** P_t of the new areas, for `population`; absent or empty → area weighting with a notice. */
  population?: ReadonlyMap<string, number>;
  /** Name of the population count in notices (default `ew`). */
  populationVariable?: string;
  /** Sliver tolerance (see `buildCorrespondence`). */
  tolerance?: number;
  /** The correspondence of `from` and `to` when already built (it is the expensive part). */
  correspondence?: Correspondence;
}

export interface ConversionPlan {
  rows: CorrespondenceRow[];
  /** The method applied: `population` falls back to `area` when no population is known. */
  method: ConvertMethod;
  unmatched: string[];
  notices: string[];
}

/**
 * Builds the table `convert` applies (docs/methods.md §10.1).
 * @example planConversion({ from: oldPlr, to: newPlr, method: 'population', population })
 */
export function planConversion(input: PlanInput): ConversionPlan {
  const c = input.correspondence ?? buildCorrespondence(input.from, input.to, { tolerance: input.tolerance });
  const notices: string[] = [];
  if (c.slivers.length > 0)
    notices.push(convertMessages.slivers(c.slivers.length, input.tolerance ?? SLIVER_TOLERANCE));
  if (c.unmatched.length > 0) notices.push(convertMessages.unmatched(c.unmatched));
  let rows = c.rows;
  let method = input.method;
  if (method === 'population') {
    const population = input.population ?? new Map<string, number>();
    if ([...population.values()].some((v) => v > 0)) {
      // |t| from the pieces themselves, so the weights sum consistently over what is kept
      const areaM2 = new Map<string, number>();
      for (const r of rows) areaM2.set(r.to, (areaM2.get(r.to) ?? 0) + r.overlapM2);
      const weighted = populationShares(rows, population, areaM2);
      rows = weighted.rows;
      if (weighted.areaFallback.length > 0)
        notices.push(convertMessages.populationFallback(weighted.areaFallback));
    } else {
      method = 'area';
      notices.push(convertMessages.noPopulation(input.populationVariable ?? 'ew'));
    }
  }
  const constrained = constrainToParents(
    rows,
    new Map(input.from.map((a) => [a.key, a.parent])),
    new Map(input.to.map((a) => [a.key, a.parent])),
  );
  if (constrained.unconstrained.length > 0 && input.from.some((a) => a.parent !== null))
    notices.push(convertMessages.unconstrained(constrained.unconstrained));
  return { rows: constrained.rows, method, unmatched: c.unmatched, notices };
}
