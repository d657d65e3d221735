/**
 * Capacity parts (Teilkapazitäten): a facility type may split its capacity into parts that norms
 * count separately, such as a Kita's places for children under 3 (`plaetze_u3`) and from 3
 * (`plaetze_ue3`). A part is a key of the facility's properties — the imports keep every delivered
 * column there — so a delivery with that column and an edit in the web app set the same value.
 */

/** One part of a type's capacity: the property key and its German name. */
export interface CapacityPart {
  key: string;
  name: string;
}

/**
 * The number a property holds: a number, or a text with a decimal point or comma (`"12"`,
 * `"12,5"`); null when it is empty, not a number or negative.
 * @example propertyNumber('24') // 24
 * @example propertyNumber('k. A.') // null
 */
export function propertyNumber(value: unknown): number | null {
  let n: number;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string' && /^\s*[+]?\d+([.,]\d+)?\s*$/.test(value))
    n = Number(value.trim().replace(',', '.'));
  else return null;
  return Number.isFinite(n) && n >= 0 ? n : null;
}

/**
 * The value of each part in a facility's properties (null: not delivered or not a number).
 * @example partValues({ plaetze_u3: '12', Name: 'Kita' }, [{ key: 'plaetze_u3', name: '…' }]) // { plaetze_u3: 12 }
 */
export function partValues(
  properties: Readonly<Record<string, unknown>>,
  parts: readonly CapacityPart[],
): Record<string, number | null> {
  return Object.fromEntries(parts.map((p) => [p.key, propertyNumber(properties[p.key])]));
}

/**
 * The properties with parts set: a number replaces the delivered value, null removes it; every
 * other property stays as delivered.
 * @example withParts({ plaetze_u3: '12', Träger: 'AWO' }, { plaetze_u3: 15 }) // { plaetze_u3: 15, Träger: 'AWO' }
 */
export function withParts(
  properties: Readonly<Record<string, unknown>>,
  parts: Readonly<Record<string, number | null>>,
): Record<string, unknown> {
  const next: Record<string, unknown> = { ...properties };
  for (const [key, value] of Object.entries(parts)) {
    if (value === null) delete next[key];
    else next[key] = value;
  }
  return next;
}

/** The keys of `given` that are not parts of the type (an edit may set only those). */
export const unknownParts = (given: Readonly<Record<string, unknown>>, parts: readonly CapacityPart[]) =>
  Object.keys(given).filter((key) => !parts.some((p) => p.key === key));
