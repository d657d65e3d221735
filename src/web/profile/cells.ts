/** Display of profile values: German numbers, `·` for secret, `–` for missing, signs on differences. */
import { formatNumber, formatValue, MISSING_SYMBOL, SECRET_SYMBOL } from '../../core/format.ts';
import type { ProfileIndicator } from './api.ts';

type Cell = ProfileIndicator['value'];

/**
 * A value without unit (the unit stands in the row head).
 * @example valueText({ value: 12.34, status: 'value' }, 1) // '12,3'
 */
export const valueText = (c: Cell | null, decimals: number) =>
  c ? formatValue(c.value, c.status, decimals, '', { unit: false }) : MISSING_SYMBOL;

/**
 * A signed difference; `·` when the area's own value is secret (a difference would reveal it).
 * @example signedText(0.44, 'value', 1) // '+0,4'
 */
export function signedText(x: number | null, status: Cell['status'], decimals: number): string {
  if (status === 'secret') return SECRET_SYMBOL;
  if (x === null || !Number.isFinite(x)) return MISSING_SYMBOL;
  const text = formatNumber(x, decimals);
  return x > 0 && text !== formatNumber(0, decimals) ? `+${text}` : text;
}

/** unfavourable / favourable / neutral reading of a movement or difference by the polarity. */
export function judged(polarity: ProfileIndicator['polarity'], sign: number): 'bad' | 'good' | 'neutral' {
  if (polarity === 'neutral' || sign === 0) return 'neutral';
  return (polarity === 'high_bad') === sign > 0 ? 'bad' : 'good';
}

export const ARROWS = { up: '↑', down: '↓', flat: '→' } as const;

/** Something to show: a value, or a secret one (`·`); not only missing cells. */
const said = (c: Cell | null) => c !== null && (c.status === 'secret' || c.value !== null);

/**
 * Whether an indicator's row says anything at the Stichtag: a row of „–“ only (e.g. a 5-year
 * change where the city's series is shorter) is left out of the table and named below it.
 */
export const hasValues = (row: ProfileIndicator) => said(row.value) || said(row.district) || said(row.city);
