/**
 * Supply from a facility property instead of the capacity: a Kita's places for children under 3
 * (`plaetze_u3`) or from 3 to school age (`plaetze_ue3`), as the delivery names them. The import
 * keeps every delivered field in `facility.properties`; a norm with a supply property reads its
 * number there (docs/methods.md §7); the facility type names them as its capacity parts.
 */
import type { Db } from '../db/db.ts';
import { propertyNumber } from '../facilities/capacity-parts.ts';

/** The number of `property` of every version of the facilities of `type`, by version id. */
export async function propertyValues(
  db: Db,
  type: string,
  property: string,
): Promise<Map<number, number | null>> {
  const rows = await db.query<{ id: number; value: unknown }>(
    'SELECT id, properties -> $2 AS value FROM facility WHERE type = $1',
    [type, property],
  );
  return new Map(rows.map((r) => [r.id, propertyNumber(r.value)]));
}
