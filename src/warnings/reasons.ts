/**
 * The German reason of each warning entry: one deterministic template per rule kind, filled with
 * the numbers (decimal comma, unit, Stichtag as 31.12.2024). What the sentence says is exactly
 * what the rule tested, so a reader can check it against the table.
 */
import { absChange, day, fixed, type IndicatorText, plain, signedChange, subject, value } from './german.ts';

export interface ThresholdFacts {
  indicator: IndicatorText;
  direction: 'above' | 'below';
  threshold: number;
  /** true: the value crossed the threshold since the previous Stichtag */
  crossing: boolean;
  date: string;
  value: number;
  previousDate: string | null;
  previous: number | null;
}

/**
 * @example thresholdReason({ indicator: { name: 'Kinderarmut (SGB II unter 15)', unit: '%', decimals: 1 },
 *   direction: 'above', threshold: 30, crossing: false, date: '2024-12-31', value: 32.14, previousDate: null, previous: null })
 * // 'Die Kinderarmut (SGB II unter 15) liegt am 31.12.2024 mit 32,1 % über dem Schwellenwert von 30,0 %.'
 */
export function thresholdReason(f: ThresholdFacts): string {
  const s = subject(f.indicator.name);
  const limit = value(f.threshold, f.indicator);
  if (f.crossing && f.previous !== null && f.previousDate !== null) {
    const moved = f.direction === 'above' ? 'gestiegen' : 'gesunken';
    const crossed = f.direction === 'above' ? 'überschritten' : 'unterschritten';
    return (
      `${s} ist vom ${day(f.previousDate)} zum ${day(f.date)} von ${value(f.previous, f.indicator)} ` +
      `auf ${value(f.value, f.indicator)} ${moved} und hat damit den Schwellenwert von ${limit} ${crossed}.`
    );
  }
  const side = f.direction === 'above' ? 'über' : 'unter';
  return `${s} liegt am ${day(f.date)} mit ${value(f.value, f.indicator)} ${side} dem Schwellenwert von ${limit}.`;
}

export interface RunFacts {
  indicator: IndicatorText;
  direction: 'up' | 'down';
  /** Changes in a row (≥ the rule's n). */
  length: number;
  /** Every step of the run is one year apart: „seit 3 Jahren“, else „zum 3. Mal“. */
  yearly: boolean;
  date: string;
  value: number;
  previous: number;
  startDate: string;
  startValue: number;
}

/**
 * @example runReason({ indicator: { name: 'SGB-II-Quote', unit: '%', decimals: 1 }, direction: 'up', length: 3,
 *   yearly: true, date: '2024-12-31', value: 19.5, previous: 18.2, startDate: '2021-12-31', startValue: 16.4 })
 * // 'Die SGB-II-Quote ist seit 3 Jahren in Folge gestiegen, zuletzt von 18,2 % auf 19,5 % am 31.12.2024 (insgesamt +3,1 Pp. seit dem 31.12.2021).'
 */
export function runReason(f: RunFacts): string {
  const moved = f.direction === 'up' ? 'gestiegen' : 'gesunken';
  const times = f.yearly ? `seit ${f.length} Jahren` : `zum ${f.length}. Mal`;
  return (
    `${subject(f.indicator.name)} ist ${times} in Folge ${moved}, zuletzt von ${value(f.previous, f.indicator)} ` +
    `auf ${value(f.value, f.indicator)} am ${day(f.date)} ` +
    `(insgesamt ${signedChange(f.value - f.startValue, f.indicator)} seit dem ${day(f.startDate)}).`
  );
}

export interface DeviationFacts {
  indicator: IndicatorText;
  date: string;
  value: number;
  city: number;
  /** Population standard deviation of the level's area values at the Stichtag. */
  sd: number;
  /** The rule's multiple. */
  k: number;
}

/**
 * @example deviationReason({ indicator: { name: 'SGB-II-Quote', unit: '%', decimals: 1 }, date: '2024-12-31',
 *   value: 31.2, city: 12.1, sd: 6.4, k: 2 })
 * // 'Die SGB-II-Quote liegt am 31.12.2024 mit 31,2 % um 19,1 Pp. über dem Stadtwert von 12,1 %, das sind 3,0 Standardabweichungen (eine Standardabweichung: 6,4 Pp.; Schwelle: 2).'
 */
export function deviationReason(f: DeviationFacts): string {
  const gap = f.value - f.city;
  const side = gap >= 0 ? 'über' : 'unter';
  return (
    `${subject(f.indicator.name)} liegt am ${day(f.date)} mit ${value(f.value, f.indicator)} um ` +
    `${absChange(gap, f.indicator)} ${side} dem Stadtwert von ${value(f.city, f.indicator)}, das sind ` +
    `${fixed(Math.abs(gap) / f.sd, 1)} Standardabweichungen (eine Standardabweichung: ` +
    `${absChange(f.sd, f.indicator)}; Schwelle: ${plain(f.k)}).`
  );
}

export interface IndexClassFacts {
  indexName: string;
  /** Label of the index part, e.g. „Status-Index“. */
  partLabel: string;
  previousDate: string;
  previous: { code: string; label: string };
  date: string;
  current: { code: string; label: string };
  /** The part's index value at the Stichtag. */
  value: number | null;
}

/**
 * @example indexClassReason({ indexName: 'MSS Berlin', partLabel: 'Status-Index', previousDate: '2022-12-31',
 *   previous: { code: '2', label: 'mittel' }, date: '2024-12-31', current: { code: '3', label: 'niedrig' }, value: 1.234 })
 * // 'Im Index „MSS Berlin“ hat sich die Klasse „Status-Index“ vom 31.12.2022 zum 31.12.2024 von „mittel“ (2) auf „niedrig“ (3) verschlechtert (Indexwert jetzt 1,23).'
 */
export function indexClassReason(f: IndexClassFacts): string {
  const now = f.value === null ? '' : ` (Indexwert jetzt ${fixed(f.value, 2)})`;
  return (
    `Im Index „${f.indexName}“ hat sich die Klasse „${f.partLabel}“ vom ${day(f.previousDate)} zum ` +
    `${day(f.date)} von „${f.previous.label}“ (${f.previous.code}) auf „${f.current.label}“ ` +
    `(${f.current.code}) verschlechtert${now}.`
  );
}
