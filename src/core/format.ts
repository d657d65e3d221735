/**
 * German number and date formatting (decimal comma, thousands dot) for everything people read.
 */
import type { ValueStatus } from './value-status.ts';

/** Display symbol for a value suppressed by disclosure control (Geheimhaltung). */
export const SECRET_SYMBOL = '·';
/** Display symbol for "no data" (nichts vorhanden / keine Angabe). */
export const MISSING_SYMBOL = '–';

const NBSP = '\u00a0';
const formatters = new Map<number, Intl.NumberFormat>();

function formatter(decimals: number): Intl.NumberFormat {
  const digits = Math.min(Math.max(Math.trunc(decimals), 0), 10);
  let f = formatters.get(digits);
  if (!f) {
    f = new Intl.NumberFormat('de-DE', { minimumFractionDigits: digits, maximumFractionDigits: digits });
    formatters.set(digits, f);
  }
  return f;
}

/**
 * Formats a number the German way.
 * @example formatNumber(12345.678, 1) // '12.345,7'
 */
export function formatNumber(value: number, decimals: number): string {
  // avoid "-0,0" for tiny negative values
  const text = formatter(decimals).format(value);
  return /^-0(,0+)?$/.test(text) ? text.slice(1) : text;
}

/**
 * Number with its unit, separated by a non-breaking space (`12,3 %`, `4,0 je 1.000 EW`).
 * @example withUnit(12.34, 1, '%') // '12,3 %'
 */
export function withUnit(value: number, decimals: number, unit: string): string {
  return unit ? `${formatNumber(value, decimals)}${NBSP}${unit}` : formatNumber(value, decimals);
}

/**
 * A value as shown in tables: `·` for secret, `–` for missing, else the number with unit.
 * @example formatValue(null, 'secret', 1, '%') // '·'
 */
export function formatValue(
  value: number | null,
  status: ValueStatus,
  decimals: number,
  unit: string,
  options: { unit?: boolean } = {},
): string {
  if (status === 'secret') return SECRET_SYMBOL;
  if (status === 'missing' || value === null || !Number.isFinite(value)) return MISSING_SYMBOL;
  return options.unit === false ? formatNumber(value, decimals) : withUnit(value, decimals, unit);
}

/**
 * A Stichtag `YYYY-MM-DD` as `DD.MM.YYYY`, without going through Date (no time-zone shifts).
 * @example formatDate('2024-12-31') // '31.12.2024'
 */
export function formatDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return match ? `${match[3]}.${match[2]}.${match[1]}` : iso;
}

/**
 * An area in m² as km² with two decimals.
 * @example formatArea(1234567) // '1,23 km²'
 */
export function formatArea(m2: number): string {
  return `${formatNumber(m2 / 1e6, 2)}${NBSP}km²`;
}

/**
 * The data version (Datenstand) in words, as the web app and the CLI show it: the server counts
 * every change of the data („Stand n“); reports stored before that counter existed carry
 * „<last import id>:<current areas>“.
 * @example formatDataVersion('57') // 'Stand 57'
 * @example formatDataVersion('3:68') // 'Import 3, 68 Gebiete'
 */
export function formatDataVersion(version: string | null): string {
  if (/^\d+$/.test(version ?? '')) return `Stand ${formatNumber(Number(version), 0)}`;
  const m = /^(\d+):(\d+)$/.exec(version ?? '');
  if (!m) return version ?? MISSING_SYMBOL;
  return `Import ${m[1]}, ${formatNumber(Number(m[2]), 0)} Gebiete`;
}
