/** Number formatting of the compare view (pure). */
import { formatNumber, MISSING_SYMBOL, withUnit } from '../../core/format.ts';

/**
 * A difference with its sign (true minus sign) and unit; `–` without one.
 * @example signedDifference(2.345, 1, 'Pp.') // '+2,3 Pp.'
 * @example signedDifference(-0.04, 1, 'Pp.') // '±0,0 Pp.'
 */
export function signedDifference(value: number | null, decimals: number, unit: string): string {
  if (value === null || !Number.isFinite(value)) return MISSING_SYMBOL;
  const text = withUnit(Math.abs(value), decimals, unit);
  const zero = formatNumber(Math.abs(value), decimals).replace(/[0,.]/g, '') === '';
  return `${zero ? '±' : value > 0 ? '+' : '−'}${text}`;
}
