/**
 * Coverage figures as the table and the side panel print them: German numbers, `·` for secret
 * and `–` for missing values, the balance with its sign.
 */
import { formatNumber, formatValue, MISSING_SYMBOL, SECRET_SYMBOL } from '../../core/format.ts';
import type { Figures } from './coverage-rows.ts';

/**
 * Supply or demand. The capacity of an area is public even where its demand is secret, so
 * `supply` prints whenever it is there.
 * @example amountText(141.3, 'value', 1) // '141,3'
 */
export function amountText(
  value: number | null,
  status: Figures['status'],
  decimals: number,
  supply = false,
): string {
  if (supply)
    return value === null
      ? status === 'secret'
        ? SECRET_SYMBOL
        : MISSING_SYMBOL
      : formatNumber(value, decimals);
  return formatValue(value, status, decimals, '', { unit: false });
}

/**
 * The Versorgungsquote in percent without the unit (the column names it).
 * @example rateText({ rate: 467.2, status: 'value', … }) // '467,2'
 */
export const rateText = (f: Pick<Figures, 'rate' | 'status'>): string =>
  formatValue(f.rate, f.status, 1, '', { unit: false });

/**
 * The balance with its sign: negative means missing places, positive a surplus.
 * @example balanceText({ balance: -22.34, status: 'value' }) // '−22,3'
 */
export function balanceText(f: Pick<Figures, 'balance' | 'status'>): string {
  const text = formatValue(f.balance, f.status, 1, '', { unit: false });
  if (f.balance === null || text === SECRET_SYMBOL || text === MISSING_SYMBOL) return text;
  if (f.balance > 0 && text !== '0,0') return `+${text}`;
  return text.replace(/^-/, '−');
}
