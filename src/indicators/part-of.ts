/**
 * Whether an indicator's numerator is a part (sub-population) of its denominator. Only then can a
 * delivered numerator above its denominator be called impossible: Kinderarmut (SGB II under 15
 * among all under 15) cannot exceed 100 %, but the Altenquotient (65+ per 100 aged 18–64) or the
 * Jugendquotient compare disjoint age groups and may well exceed 100.
 *
 * The formula alone does not say it: quotients are stored as `share` because they are computed
 * the same way (× 100). A formula of their own would have to be known to every place that reads
 * formulas (calculator, disclosure, units, the attacker model, the web editor) for a difference
 * that matters only to this check, so the check decides from what the definition already holds:
 * the name (`…quotient`) and the age groups of numerator and denominator.
 */
import type { Indicator } from './indicator.schema.ts';

/** Formulas whose numerator is usually counted among the denominator. */
const PART_FORMULAS = new Set(['share', 'per_mille', 'per_1000']);

/** Ratios of two populations named as such (Jugend-, Alten-, Gesamt-, Abhängigenquotient). */
const QUOTIENT = /quotient/i;

/** Age group of a count key: `ew` (all ages), `ew_u18`, `ew_18_64`, `ew_65plus`; ages in years. */
export function ageRange(key: string): { prefix: string; from: number; to: number } | null {
  const m = /^(.+?)_(?:u(\d+)|(\d+)_(\d+)|(\d+)plus)$/.exec(key);
  if (!m) return null;
  const prefix = m[1]!;
  if (m[2] !== undefined) return { prefix, from: 0, to: Number(m[2]) };
  if (m[3] !== undefined) return { prefix, from: Number(m[3]), to: Number(m[4]) + 1 };
  return { prefix, from: Number(m[5]), to: Infinity };
}

/**
 * True when the numerator counts a part of the denominator's population, so that numerator ≤
 * denominator must hold.
 *
 * @param indicator definition with formula, numerator, denominator, key and name
 * @returns false for counts, ratios, changes, `…quotient` indicators and age groups outside the
 *   denominator's ages
 * @example
 * numeratorIsPart({ key: 'altenquotient', name: 'Altenquotient', formula: 'share', numerator: 'ew_65plus', denominator: 'ew_18_64' }) // false
 * numeratorIsPart({ key: 'anteil_65plus', name: 'Anteil 65+', formula: 'share', numerator: 'ew_65plus', denominator: 'ew' }) // true
 */
export function numeratorIsPart(
  indicator: Pick<Indicator, 'key' | 'name' | 'formula' | 'numerator' | 'denominator'>,
): boolean {
  const { formula, numerator, denominator } = indicator;
  if (!PART_FORMULAS.has(formula) || !denominator) return false;
  if (QUOTIENT.test(indicator.key) || QUOTIENT.test(indicator.name)) return false;
  const n = ageRange(numerator);
  if (!n) return true;
  const d =
    ageRange(denominator) ?? (denominator === n.prefix ? { prefix: n.prefix, from: 0, to: Infinity } : null);
  if (!d || d.prefix !== n.prefix) return true;
  return n.from >= d.from && n.to <= d.to;
}
