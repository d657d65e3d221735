/**
 * Checks that need indicator definitions, so the importer calls them after reading.
 */
import { tableMessages } from './messages.ts';
import type { ReportEntry, TableRecord } from './types.ts';

/** A numerator variable and the denominator it must not exceed (e.g. Arbeitslose ≤ Einwohner 15–65). */
export interface NumeratorDenominatorPair {
  numerator: string;
  denominator: string;
  /**
   * Whether the pair is compared within each breakdown (`geschlecht=w` with `geschlecht=w`);
   * default true. With false, numerator records of any breakdown are compared with the
   * denominator's total (breakdown '').
   */
  sameBreakdown?: boolean;
}

/**
 * Finds records whose numerator is larger than its denominator for the same area and Stichtag.
 * Only values with status 'value' or 'estimated' are compared; secret and missing ones are not.
 *
 * @param records the records of one import (any iterable; only the paired variables are kept)
 * @param pairs numerator/denominator variables
 * @param file file name for the entries
 * @returns one `import.numerator_above_denominator` error per offending numerator record
 * @example
 * checkNumeratorDenominator(records, [{ numerator: 'Arbeitslose', denominator: 'Einwohner' }], 'sgb.csv')
 */
export function checkNumeratorDenominator(
  records: Iterable<TableRecord>,
  pairs: readonly NumeratorDenominatorPair[],
  file = '',
): ReportEntry[] {
  const byDenominator = new Map<string, NumeratorDenominatorPair[]>();
  const numerators = new Map<string, NumeratorDenominatorPair[]>();
  for (const p of pairs) {
    byDenominator.set(p.denominator, [...(byDenominator.get(p.denominator) ?? []), p]);
    numerators.set(p.numerator, [...(numerators.get(p.numerator) ?? []), p]);
  }
  const denominators = new Map<string, number>();
  const pending: TableRecord[] = [];
  const dKey = (variable: string, r: TableRecord, breakdown: string) =>
    `${variable}\u0001${r.areaKey}\u0001${r.date}\u0001${breakdown}`;
  for (const r of records) {
    if (r.value === null || (r.status !== 'value' && r.status !== 'estimated')) continue;
    if (byDenominator.has(r.variable)) denominators.set(dKey(r.variable, r, r.breakdown), r.value);
    if (numerators.has(r.variable)) pending.push(r);
  }
  const entries: ReportEntry[] = [];
  for (const r of pending) {
    for (const p of numerators.get(r.variable)!) {
      const d = denominators.get(dKey(p.denominator, r, p.sameBreakdown === false ? '' : r.breakdown));
      if (d === undefined || r.value! <= d) continue;
      entries.push({
        file,
        row: r.row,
        column: r.variable,
        code: 'import.numerator_above_denominator',
        severity: 'error',
        message:
          (file ? `„${file}“, ` : '') +
          tableMessages.numeratorAboveDenominator(
            r.row,
            r.areaKey,
            r.date,
            p.numerator,
            r.value!,
            p.denominator,
            d,
          ),
      });
    }
  }
  return entries;
}
