/**
 * Small German grammar and number helpers for the warning reasons: the subject of a sentence
 * from an indicator name (with its article), and numbers with units, signs and dates the way
 * people read them (decimal comma, `31.12.2024`). Deterministic, no locale data beyond Intl.
 */
import type { Indicator } from '../indicators/indicator.schema.ts';
import { formatDate, formatNumber, withUnit } from '../core/format.ts';
import { subjectOf } from '../core/grammar.ts';
import { changeUnit } from './change.ts';

/**
 * The subject of a sentence about an indicator, capitalised for the start of a sentence: the
 * name with its article when the head noun is known (`Die SGB-II-Quote`, `Die durchschnittliche
 * Haushaltsgröße`), else `Der Indikator „…“`. The grammar is the profile text's
 * (core/grammar.ts), so reasons and profile texts name indicators alike.
 * @example subject('Kinderarmut (SGB II unter 15)') // 'Die Kinderarmut (SGB II unter 15)'
 */
export function subject(name: string): string {
  const text = subjectOf(name.trim()).text;
  return text.charAt(0).toLocaleUpperCase('de-DE') + text.slice(1);
}

/** The parts of an indicator the texts need. */
export type IndicatorText = Pick<Indicator, 'name' | 'unit' | 'decimals'>;

/**
 * A value with the indicator's unit and decimals.
 * @example value(18.24, { name: 'SGB-II-Quote', unit: '%', decimals: 1 }) // '18,2 %' (non-breaking space)
 */
export const value = (v: number, ind: IndicatorText) => withUnit(v, ind.decimals, ind.unit);

/**
 * A difference with sign and the change unit (Pp. for shares).
 * @example signedChange(1.26, { name: 'SGB-II-Quote', unit: '%', decimals: 1 }) // '+1,3 Pp.'
 */
export function signedChange(d: number, ind: IndicatorText): string {
  const text = withUnit(Math.abs(d), ind.decimals, changeUnit(ind.unit));
  const zero = /^0(,0+)?(\s|$)/u.test(text);
  return zero ? text : `${d > 0 ? '+' : '-'}${text}`;
}

/**
 * A difference without sign (the sentence says the direction).
 * @example absChange(-0.84, { name: 'x', unit: '%', decimals: 1 }) // '0,8 Pp.'
 */
export const absChange = (d: number, ind: IndicatorText) =>
  withUnit(Math.abs(d), ind.decimals, changeUnit(ind.unit));

/**
 * A plain number with up to `max` decimals and no trailing zeros (multiples, thresholds).
 * @example plain(2) // '2'
 * @example plain(1.75) // '1,75'
 */
export const plain = (n: number, max = 2) => {
  const text = n.toLocaleString('de-DE', { maximumFractionDigits: max, useGrouping: true });
  return text === '-0' ? '0' : text;
};

/** A Stichtag as `31.12.2024`. */
export const day = formatDate;

/** A number with fixed decimals (`formatNumber`). */
export const fixed = formatNumber;
