import { describe, expect, it } from 'vitest';
import type { Facility } from './facility-api.ts';
import {
  capacityInOperation,
  changedFields,
  facilityPoints,
  filterFacilities,
  openVersion,
  sortFacilities,
} from './facility-table.ts';

const base: Facility = {
  id: 1,
  type: 'kita',
  key: 'kita-001',
  name: 'Kita Sonnenschein',
  capacity: 60,
  parts: {},
  carrier: 'Stadt Musterstadt',
  address: 'Erlenstraße 1',
  lon: 7.69,
  lat: 51.63,
  area: '101',
  validFrom: null,
  validTo: null,
  status: 'in Betrieb',
};
const kita = (patch: Partial<Facility>): Facility => ({ ...base, ...patch });

const rows = [
  kita({ key: 'a', name: 'Kita Regenbogen', capacity: 45, carrier: 'AWO', area: '102' }),
  kita({
    key: 'b',
    name: 'kita Arche Noah',
    capacity: null,
    carrier: null,
    status: 'geplant',
    validFrom: '2030-08-01',
  }),
  kita({
    key: 'c',
    name: 'Kita Zwergenland',
    capacity: 120,
    status: 'geschlossen',
    validTo: '2020-01-01',
    area: null,
  }),
  kita({ key: 'd', name: 'Kita Sonnenschein', capacity: 60, carrier: 'Diakonie' }),
];

describe('filterFacilities', () => {
  it('matches name, Träger, address and number regardless of case, and the status', () => {
    expect(filterFacilities(rows, { query: 'awo', status: null }).map((f) => f.key)).toEqual(['a']);
    expect(filterFacilities(rows, { query: 'KITA', status: 'in Betrieb' }).map((f) => f.key)).toEqual([
      'a',
      'd',
    ]);
    expect(filterFacilities(rows, { query: ' ', status: 'geplant' }).map((f) => f.key)).toEqual(['b']);
    expect(filterFacilities(rows, { query: 'c', status: 'geschlossen' }).map((f) => f.key)).toEqual(['c']);
  });
});

describe('sortFacilities', () => {
  it('sorts names the German way, ignoring case', () => {
    expect(sortFacilities(rows, { column: 'name', descending: false }).map((f) => f.key)).toEqual([
      'b',
      'a',
      'd',
      'c',
    ]);
  });

  it('puts empty values last in both directions', () => {
    expect(sortFacilities(rows, { column: 'capacity', descending: true }).map((f) => f.key)).toEqual([
      'c',
      'd',
      'a',
      'b',
    ]);
    expect(sortFacilities(rows, { column: 'capacity', descending: false }).map((f) => f.key)).toEqual([
      'a',
      'd',
      'c',
      'b',
    ]);
    expect(sortFacilities(rows, { column: 'carrier', descending: false }).map((f) => f.key)).toEqual([
      'a',
      'd',
      'c',
      'b',
    ]);
  });

  it('sorts the status in its own order and areas by name', () => {
    expect(sortFacilities(rows, { column: 'status', descending: false }).map((f) => f.status)).toEqual([
      'in Betrieb',
      'in Betrieb',
      'geplant',
      'geschlossen',
    ]);
    const names = new Map([
      ['101', 'Zentrum'],
      ['102', 'Altstadt'],
    ]);
    expect(
      sortFacilities(rows, { column: 'area', descending: false }, (k) => names.get(k ?? '') ?? '').map(
        (f) => f.key,
      ),
    ).toEqual(['a', 'b', 'd', 'c']);
  });
});

describe('map and history helpers', () => {
  it('sums the capacity in operation only', () => {
    expect(capacityInOperation(rows)).toBe(105);
  });

  it('draws each facility as a point keyed by its number', () => {
    const points = facilityPoints(rows.slice(0, 1));
    expect(points.features[0]).toEqual({
      type: 'Feature',
      id: 'a',
      geometry: { type: 'Point', coordinates: [7.69, 51.63] },
      properties: { key: 'a', name: 'Kita Regenbogen', status: 'in Betrieb', capacity: 45 },
    });
  });

  it('names what changed between versions and finds the open one', () => {
    const next = kita({ id: 2, capacity: 75, lon: 7.7 });
    expect(changedFields(base, next)).toEqual(['capacity', 'position']);
    expect(changedFields(base, { ...base, id: 3 })).toEqual([]);
    expect(changedFields(base, { ...base, parts: { plaetze_u3: 12 } })).toEqual(['parts']);
    expect(changedFields({ ...base, parts: { plaetze_u3: null } }, base)).toEqual([]);
    expect(openVersion([kita({ validTo: '2024-01-01' }), next])).toBe(next);
    expect(openVersion([kita({ validTo: '2024-01-01' })])).toBeNull();
  });
});
