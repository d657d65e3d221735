/**
 * A norm in words for the coverage page: where the population finds its supply (the catchment),
 * and what one person of the demand group needs (the factor).
 */
import { formatNumber } from '../../core/format.ts';
import type { Catchment, Norm } from './coverage-api.ts';
import { ct } from './texts.ts';

const C = ct.catchment;
const DEFAULT_DETOUR = 1.3;

/** A number as people read it: no trailing zeros (`1,3`, `1.500`, `0,51`). */
export function plainNumber(value: number): string {
  const decimals = Number.isInteger(value) ? 0 : Math.min(4, String(value).split('.')[1]?.length ?? 0);
  return formatNumber(value, decimals);
}

/**
 * The catchment in German.
 * @param levelName the name of a level key (for `district` catchments)
 * @example catchmentText({ kind: 'walking', maxDistance: 200 }) // 'Fußweg bis 200 m (Luftlinie × 1,3): …'
 */
export function catchmentText(c: Catchment, levelName: (key: string) => string = (k) => k): string {
  switch (c.kind) {
    case 'area':
      return C.area;
    case 'district':
      return C.district(levelName(c.level));
    case 'distance':
      return C.distance(plainNumber(c.maxDistance), plainNumber(c.detour ?? DEFAULT_DETOUR));
    case 'walking':
      return C.walking(plainNumber(c.maxDistance), plainNumber(c.detour ?? DEFAULT_DETOUR));
    case 'fca': {
      const decay = c.decay ?? { kind: 'step' as const };
      const decayText =
        decay.kind === 'gravity'
          ? C.decay.gravity(plainNumber(decay.beta))
          : decay.kind === 'gaussian'
            ? C.decay.gaussian
            : 'zones' in decay && decay.zones?.length
              ? C.decay.stepZones
              : C.decay.step;
      const costs = c.costs
        ? C.fcaMatrix(c.costs.matrix)
        : C.fcaStraight(plainNumber(c.detour ?? DEFAULT_DETOUR));
      return C.fca((c.method ?? '2sfca').toUpperCase(), plainNumber(c.maxCost), decayText, costs);
    }
  }
}

/**
 * What one person of the demand group needs, with the group's variables by name.
 * @param variableName the name of a variable key (its key when unknown)
 * @example factorText(kitaU3, (k) => k) // '0,51 Plätze je Person der Bedarfsgruppe (ew_u3)'
 */
export function factorText(
  norm: Pick<Norm, 'factor' | 'capacityUnit' | 'demand' | 'catchment'> & { weights?: readonly number[] },
  variableName: (key: string) => string = (k) => k,
): string {
  const group = norm.demand
    .map((v, i) => {
      const weight = norm.weights?.[i] ?? 1;
      return weight === 1 ? variableName(v) : `${plainNumber(weight)} × ${variableName(v)}`;
    })
    .join(' + ');
  if (norm.catchment.kind === 'walking') return ct.normFacts.walkingFactor(group);
  // a factor of 1 with weighted groups: the weights are the rates, the sum is the demand itself
  if (norm.factor === 1 && norm.demand.length > 1) return ct.normFacts.weightedText(norm.capacityUnit, group);
  return ct.normFacts.factorText(plainNumber(norm.factor), norm.capacityUnit, group);
}

/**
 * What counts as supply: the capacity, or a property of the facilities (places per age group).
 * @example supplyText({ capacityUnit: 'Plätze', supplyProperty: 'plaetze_u3' }) // 'Eigenschaft „plaetze_u3“ …'
 */
export function supplyText(norm: { capacityUnit: string; supplyProperty?: string | null }): string {
  return norm.supplyProperty
    ? ct.normFacts.supplyProperty(norm.supplyProperty)
    : ct.normFacts.supplyCapacity(norm.capacityUnit);
}
