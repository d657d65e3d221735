/** German texts of the typology service (one place, for a later translation). */
import type { ValueStatus } from '../core/value-status.ts';

/** How a value that cannot be used is described. */
export const STATUS_WORDS: Record<ValueStatus, string> = {
  value: 'Wert vorhanden',
  estimated: 'geschätzt',
  secret: 'geheim gehalten',
  missing: 'kein Wert',
};

/**
 * Why an area is not assigned to a type.
 * @example missingReason([{ name: 'Kinderarmut', status: 'secret' }]) // 'Wert geheim gehalten: Kinderarmut'
 */
export function missingReason(missing: readonly { name: string; status: ValueStatus }[]): string {
  const secret = missing.filter((m) => m.status === 'secret').map((m) => m.name);
  const absent = missing.filter((m) => m.status !== 'secret').map((m) => m.name);
  const parts = [];
  if (secret.length) parts.push(`Wert geheim gehalten: ${secret.join(', ')}`);
  if (absent.length) parts.push(`kein Wert: ${absent.join(', ')}`);
  const text = parts.join('; ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
