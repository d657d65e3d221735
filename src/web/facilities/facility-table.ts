/**
 * Pure helpers of the facilities page: filtering and sorting the table, the points drawn on the
 * map, and what changed from one version of a facility to the next.
 */
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { Facility, FacilityStatus } from './facility-api.ts';

export type FacilityColumn = 'name' | 'carrier' | 'capacity' | 'status' | 'validFrom' | 'validTo' | 'area';

export interface FacilitySort {
  column: FacilityColumn;
  descending: boolean;
}

export interface FacilityFilter {
  /** Part of name, Träger, address or number (case-insensitive); empty: every facility. */
  query: string;
  /** Only this status; null: every status. */
  status: FacilityStatus | null;
}

const collator = new Intl.Collator('de', { numeric: true, sensitivity: 'base' });
const STATUS_ORDER: Record<FacilityStatus, number> = { 'in Betrieb': 0, geplant: 1, geschlossen: 2 };

/**
 * The facilities that pass the filter, in the order given.
 * @example filterFacilities(rows, { query: 'sonne', status: 'in Betrieb' })
 */
export function filterFacilities(rows: readonly Facility[], filter: FacilityFilter): Facility[] {
  const needle = filter.query.trim().toLocaleLowerCase('de');
  return rows.filter(
    (f) =>
      (filter.status === null || f.status === filter.status) &&
      (!needle ||
        [f.name, f.carrier, f.address, f.key].some((text) => text?.toLocaleLowerCase('de').includes(needle))),
  );
}

/**
 * Sorted copy of the rows. Empty values (no capacity, no Träger, an unknown start, an open end)
 * go last in both directions; ties fall back to the name.
 * @param areaName the area's name for its key (the area column sorts by name)
 */
export function sortFacilities(
  rows: readonly Facility[],
  sort: FacilitySort,
  areaName: (key: string | null) => string = (key) => key ?? '',
): Facility[] {
  const sign = sort.descending ? -1 : 1;
  const byName = (a: Facility, b: Facility) =>
    collator.compare(a.name, b.name) || collator.compare(a.key, b.key);
  const key = (f: Facility): string | number | null => {
    switch (sort.column) {
      case 'name':
        return f.name;
      case 'carrier':
        return f.carrier;
      case 'capacity':
        return f.capacity;
      case 'status':
        return STATUS_ORDER[f.status];
      case 'validFrom':
        return f.validFrom;
      case 'validTo':
        return f.validTo;
      case 'area':
        return f.area === null ? null : areaName(f.area);
    }
  };
  return [...rows].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka === null || kb === null) return ka === kb ? byName(a, b) : ka === null ? 1 : -1;
    const order =
      typeof ka === 'number' && typeof kb === 'number' ? ka - kb : collator.compare(String(ka), String(kb));
    return order !== 0 ? sign * order : byName(a, b);
  });
}

/** The capacity of the facilities in operation (unknown capacities count as 0). */
export const capacityInOperation = (rows: readonly Facility[]): number =>
  rows.reduce((sum, f) => (f.status === 'in Betrieb' ? sum + (f.capacity ?? 0) : sum), 0);

/** What a point on the map carries (MapLibre keeps only flat properties). */
export interface FacilityPointProperties {
  key: string;
  name: string;
  status: FacilityStatus;
  capacity: number | null;
}

/**
 * The facilities as GeoJSON points for the map, keyed by their number (`promoteId: 'key'`).
 * @example facilityPoints([kita]).features[0].geometry // { type: 'Point', coordinates: [7.69, 51.63] }
 */
export function facilityPoints(rows: readonly Facility[]): FeatureCollection<Point, FacilityPointProperties> {
  return {
    type: 'FeatureCollection',
    features: rows.map((f): Feature<Point, FacilityPointProperties> => ({
      type: 'Feature',
      id: f.key,
      geometry: { type: 'Point', coordinates: [f.lon, f.lat] },
      properties: { key: f.key, name: f.name, status: f.status, capacity: f.capacity },
    })),
  };
}

export type ChangedField = 'name' | 'capacity' | 'parts' | 'carrier' | 'address' | 'position';

/**
 * The fields in which a version differs from the one before it (for the history table).
 * @example changedFields(v1, { ...v1, capacity: 75 }) // ['capacity']
 */
export function changedFields(before: Facility, after: Facility): ChangedField[] {
  const changed: ChangedField[] = [];
  if (before.name !== after.name) changed.push('name');
  if (before.capacity !== after.capacity) changed.push('capacity');
  const partKeys = new Set([...Object.keys(before.parts), ...Object.keys(after.parts)]);
  if ([...partKeys].some((k) => (before.parts[k] ?? null) !== (after.parts[k] ?? null)))
    changed.push('parts');
  if (before.carrier !== after.carrier) changed.push('carrier');
  if (before.address !== after.address) changed.push('address');
  if (before.lon !== after.lon || before.lat !== after.lat) changed.push('position');
  return changed;
}

/** The open version of a facility (PATCH and close refer to it), or null once it is closed. */
export const openVersion = (versions: readonly Facility[]): Facility | null =>
  versions.find((v) => v.validTo === null) ?? null;
