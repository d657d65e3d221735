/**
 * Derived indicator values from numerator and denominator counts (METHODS.md §2):
 * share = x/y·100, per mille = x/y·1000, per 1,000 inhabitants = x/y·1000, count = x.
 */
import type { Cell } from './aggregate.ts';
import type { Indicator } from './indicator.schema.ts';

export function applyFormula(formula: Indicator['formula'], num: Cell, den: Cell | null): Cell {
  if (num.value === null || num.status === 'missing' || num.status === 'secret')
    return { value: null, status: num.status };
  if (formula === 'count') return num;
  if (!den || den.value === null || den.status === 'missing' || den.status === 'secret')
    return { value: null, status: den?.status ?? 'missing' };
  if (den.value === 0) return { value: null, status: 'missing' };
  const factor = formula === 'share' ? 100 : 1000;
  const status = num.status === 'estimated' || den.status === 'estimated' ? 'estimated' : 'value';
  return { value: (num.value / den.value) * factor, status };
}
