/**
 * What a delivery of facilities changes in their history: pure, so the rules are tested without a
 * database. A version is valid from `valid_from` (inclusive) to `valid_to` (exclusive); a
 * delivery states how each facility is from `validFrom` on.
 *
 * - unchanged (name, capacity, Träger, address, position): nothing;
 * - changed: the open version ends at `validFrom` and a new one starts there; when the open version
 *   itself starts on `validFrom`, it is corrected in place (a version of no length is never stored);
 * - new (or reopened after a closure): a new version from `validFrom`;
 * - an open version that starts after `validFrom` (planned, or recorded from a later delivery):
 *   the delivery fills the time before it — with the same values its start moves to `validFrom`,
 *   else a version from `validFrom` to that start is added;
 * - a delivery older than a facility's closed history is refused for that facility;
 * - `closeMissing`: open versions of facilities missing from the delivery end at `validFrom`
 *   (removed when they start that very day); those starting later stay (planned).
 */
import type { FacilityProblem, RawFacility } from './facility-file.ts';
import type { NewVersion, VersionRow } from './facility.repository.ts';
import { facilityMessages, rowRef } from './messages.ts';

/** A delivered facility with its position rounded as stored and its area on the finest level. */
export interface DeliveredFacility extends RawFacility {
  areaId: number | null;
}

/** A version to insert, before the provenance row exists. */
export type PlannedVersion = Omit<NewVersion, 'sourceId' | 'recordedBy'>;

export interface DeliveryPlan {
  insert: PlannedVersion[];
  /** Open versions that end at `validFrom`. */
  close: number[];
  /** Open versions starting at `validFrom` that the delivery no longer holds: never valid. */
  remove: number[];
  /** Open versions corrected in place (same id). */
  correct: (PlannedVersion & { id: number })[];
  counts: { new: number; changed: number; unchanged: number; closed: number };
  /** Facilities the delivery cannot change (errors with row and field). */
  problems: FacilityProblem[];
}

/** Coordinates as stored: 7 decimals, about 1 cm (the same delivery compares equal). */
export const roundCoordinate = (x: number) => Math.round(x * 1e7) / 1e7;

const sameValues = (v: VersionRow, d: DeliveredFacility) =>
  v.name === d.name &&
  v.capacity === d.capacity &&
  v.carrier === d.carrier &&
  v.address === d.address &&
  v.lon === d.lon &&
  v.lat === d.lat;

/**
 * @param existing every stored version of the type
 * @param delivered the facilities of the file, positions rounded (`roundCoordinate`)
 * @example planDelivery([], [kita], { type: 'kita', validFrom: '2024-01-01', closeMissing: false, fileName: 'k.csv', csv: true })
 *   // { insert: [kita from 2024-01-01], counts: { new: 1, … } }
 */
export function planDelivery(
  existing: readonly VersionRow[],
  delivered: readonly DeliveredFacility[],
  opts: { type: string; validFrom: string; closeMissing: boolean; fileName: string; csv: boolean },
): DeliveryPlan {
  const { validFrom } = opts;
  const plan: DeliveryPlan = {
    insert: [],
    close: [],
    remove: [],
    correct: [],
    counts: { new: 0, changed: 0, unchanged: 0, closed: 0 },
    problems: [],
  };
  const byKey = new Map<string, VersionRow[]>();
  for (const v of existing) {
    const list = byKey.get(v.key);
    if (list) list.push(v);
    else byKey.set(v.key, [v]);
  }
  const version = (d: DeliveredFacility, from: string, to: string | null = null): PlannedVersion => ({
    type: opts.type,
    key: d.key,
    name: d.name,
    capacity: d.capacity,
    carrier: d.carrier,
    address: d.address,
    lon: d.lon,
    lat: d.lat,
    areaId: d.areaId,
    validFrom: from,
    validTo: to,
    properties: d.properties,
  });
  for (const d of delivered) {
    const versions = byKey.get(d.key) ?? [];
    const open = versions.find((v) => v.valid_to === null);
    const later = versions.find((v) => v.valid_to !== null && v.valid_to > validFrom);
    if (later) {
      plan.problems.push({
        row: d.row,
        field: null,
        code: 'import.later_history',
        severity: 'error',
        message: facilityMessages.laterHistory(
          rowRef(opts.fileName, d.row, opts.csv, d.key),
          validFrom,
          later.valid_to!,
        ),
      });
    } else if (!open) {
      plan.insert.push(version(d, validFrom));
      plan.counts.new++;
    } else if (open.valid_from !== null && open.valid_from > validFrom) {
      if (sameValues(open, d)) plan.correct.push({ ...version(d, validFrom), id: open.id });
      else plan.insert.push(version(d, validFrom, open.valid_from));
      plan.counts.changed++;
    } else if (sameValues(open, d)) {
      plan.counts.unchanged++;
    } else if (open.valid_from === validFrom) {
      plan.correct.push({ ...version(d, validFrom), id: open.id });
      plan.counts.changed++;
    } else {
      plan.close.push(open.id);
      plan.insert.push(version(d, validFrom));
      plan.counts.changed++;
    }
  }
  if (opts.closeMissing) {
    const keys = new Set(delivered.map((d) => d.key));
    for (const v of existing) {
      if (v.valid_to !== null || keys.has(v.key)) continue;
      if (v.valid_from !== null && v.valid_from > validFrom) continue;
      if (v.valid_from === validFrom) plan.remove.push(v.id);
      else plan.close.push(v.id);
      plan.counts.closed++;
    }
  }
  return plan;
}

/** True when the plan stores nothing. */
export const isEmptyPlan = (p: DeliveryPlan) =>
  p.insert.length + p.close.length + p.remove.length + p.correct.length === 0;
