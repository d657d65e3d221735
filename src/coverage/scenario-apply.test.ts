import { describe, expect, it } from 'vitest';
import { applyFacilityChanges, quarterDemand } from './scenario-apply.ts';
import type { ScenarioChangeInput } from './scenario.schema.ts';

const kitas = [
  { key: 'K1', lon: 7, lat: 51, capacity: 40 },
  { key: 'K2', lon: 7.1, lat: 51, capacity: 60 },
];

describe('applyFacilityChanges', () => {
  const changes: ScenarioChangeInput[] = [
    {
      kind: 'opening',
      type: 'kita',
      name: 'Kita Neubaugebiet',
      capacity: 80,
      lon: 7.2,
      lat: 51,
      validFrom: '2027-08-01',
    },
    { kind: 'closure', type: 'kita', facility: 'K1', validFrom: '2028-01-01' },
    { kind: 'capacity', type: 'kita', facility: 'K2', capacity: 75 },
    { kind: 'closure', type: 'spielplatz', facility: 'K2' },
  ];

  it('opens, closes and changes capacities of the type from their dates', () => {
    expect(applyFacilityChanges(kitas, changes, 'kita', '2026-12-31')).toEqual([
      kitas[0],
      { ...kitas[1], capacity: 75 },
    ]);
    expect(applyFacilityChanges(kitas, changes, 'kita', '2028-12-31')).toEqual([
      { ...kitas[1], capacity: 75 },
      { key: 'Szenario-1', lon: 7.2, lat: 51, capacity: 80, name: 'Kita Neubaugebiet' },
    ]);
  });

  it('supplies the places a change names for a norm with a supply property, else 0 or the Bestand', () => {
    const places: ScenarioChangeInput[] = [
      {
        kind: 'opening',
        type: 'kita',
        name: 'Krippe',
        capacity: 30,
        properties: { plaetze_u3: 30 },
        lon: 7,
        lat: 51,
      },
      { kind: 'opening', type: 'kita', name: 'Ohne Angabe', capacity: 50, lon: 7, lat: 51 },
      { kind: 'capacity', type: 'kita', facility: 'K1', capacity: 90, properties: { plaetze_u3: 25 } },
      { kind: 'capacity', type: 'kita', facility: 'K2', capacity: 99 },
    ];
    const u3 = [
      { key: 'K1', lon: 7, lat: 51, capacity: 10 },
      { key: 'K2', lon: 7.1, lat: 51, capacity: 0, noSupply: true as const },
    ];
    expect(applyFacilityChanges(u3, places, 'kita', '2030-12-31', 'plaetze_u3')).toEqual([
      { key: 'K1', lon: 7, lat: 51, capacity: 25 },
      u3[1],
      { key: 'Szenario-1', lon: 7, lat: 51, capacity: 30, name: 'Krippe' },
      { key: 'Szenario-2', lon: 7, lat: 51, capacity: 0, name: 'Ohne Angabe', noSupply: true },
    ]);
  });

  it('leaves the Bestand as it is', () => {
    applyFacilityChanges(kitas, changes, 'kita', '2030-12-31');
    expect(kitas[1]!.capacity).toBe(60);
  });
});

describe('quarterDemand', () => {
  it('adds the quarter’s people of the norm’s variables once it is built', () => {
    const q: ScenarioChangeInput[] = [
      {
        kind: 'quarter',
        level: 'sozialraum',
        area: '101',
        population: { ew_u3: 30, ew_3_5: 45, ew: 900 },
        validFrom: '2027-01-01',
      },
    ];
    expect(quarterDemand(q, ['ew_u3'], '2026-12-31')).toEqual([]);
    expect(quarterDemand(q, ['ew_u3', 'ew_3_5'], '2027-12-31')).toEqual([
      { level: 'sozialraum', area: '101', people: 75 },
    ]);
    // weighted as the norm weighs its variables: 0.51 × 30 + 0.97 × 45
    expect(quarterDemand(q, ['ew_u3', 'ew_3_5'], '2027-12-31', [0.51, 0.97])[0]!.people).toBeCloseTo(
      58.95,
      12,
    );
  });
});
