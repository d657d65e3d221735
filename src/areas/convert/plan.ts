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
import { finerShares, pieceKey, pieceWeights, type FinerUnit } from './finer.ts';
import { convertMessages, finerSourceText, type AppliedMethod, type WeightsLabel } from './messages.ts';
import { populationShares } from './weights.ts';

/** The method asked for; `population` is refined by finer weights when given. */
export type ConvertMethod = 'area' | 'population';

/** Finer units weighting a `population` conversion: a finer level's areas or a grid's cells. */
export interface FinerWeights {
  kind: 'level' | 'grid';
  units: readonly FinerUnit[];
  label: WeightsLabel;
}

export interface PlanInput {
  from: readonly ConvertArea[];
  to: readonly ConvertArea[];
  method: ConvertMethod;
  /** P_t of the new areas, for `population`; absent or empty → area weighting with a notice. */
  population?: ReadonlyMap<string, number>;
  /** Finer units for `population`; old areas without any fall back to target density, then area. */
  finer?: FinerWeights;
  /** Name of the population count in notices (default `ew`). */
  populationVariable?: string;
  /** Sliver tolerance (see `buildCorrespondence`). */
  tolerance?: number;
  /** The correspondence of `from` and `to` when already built (it is the expensive part). */
  correspondence?: Correspondence;
}

export interface ConversionPlan {
  rows: CorrespondenceRow[];
  /**
   * The method applied: `population_finer`/`population_grid` when finer units weighted at least
   * one old area, `population` (target density) when only P_t did, `area` when no population is known.
   */
  method: AppliedMethod;
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
  let method: AppliedMethod = input.method;
  if (input.method === 'population') {
    const population = input.population ?? new Map<string, number>();
    const hasTarget = [...population.values()].some((v) => v > 0);
    // |t| from the pieces themselves, so the weights sum consistently over what is kept
    const areaM2 = new Map<string, number>();
    for (const r of rows) areaM2.set(r.to, (areaM2.get(r.to) ?? 0) + r.overlapM2);
    const finer = input.finer ? pieceWeights(input.finer.units, input.from, input.to) : null;
    const source = input.finer ? finerSourceText(input.finer.label) : '';
    if (finer && input.finer!.kind === 'level' && finer.outside.units > 0)
      notices.push(convertMessages.finerOutside(finer.outside.units, finer.outside.population, source));
    if (finer && rows.some((r) => (finer.weights.get(pieceKey(r.from, r.to)) ?? 0) > 0)) {
      const weighted = finerShares(rows, finer.weights, population, areaM2);
      rows = weighted.rows;
      method = input.finer!.kind === 'level' ? 'population_finer' : 'population_grid';
      if (weighted.targetFallback.length > 0)
        notices.push(convertMessages.finerFallback(weighted.targetFallback, source));
      if (weighted.areaFallback.length > 0)
        notices.push(convertMessages.populationFallback(weighted.areaFallback));
    } else if (hasTarget) {
      if (finer) notices.push(convertMessages.noFinerPopulation(source));
      const weighted = populationShares(rows, population, areaM2);
      rows = weighted.rows;
      if (weighted.areaFallback.length > 0)
        notices.push(convertMessages.populationFallback(weighted.areaFallback));
    } else {
      if (finer) notices.push(convertMessages.noFinerPopulation(source));
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
