import { describe, expect, it } from 'vitest';
import type { Cell } from '../core/value-status.ts';
import { TOTAL } from '../indicators/linked-protection.ts';
import { demandAt, publicSpreadDemand, rateAndBalance } from './demand.ts';

const v = (value: number): Cell => ({ value, status: 'value' });

// city 1 → districts 2, 3 → areas 4, 5 (in 2) and 6, 7 (in 3); counts only on the areas
const nodes = [
  { id: 1, parentId: null },
  { id: 2, parentId: 1 },
  { id: 3, parentId: 1 },
  { id: 4, parentId: 2 },
  { id: 5, parentId: 2 },
  { id: 6, parentId: 3 },
  { id: 7, parentId: 3 },
];
const counts = new Map([
  [
    'ew_u3',
    new Map([
      [4, v(40)],
      [5, v(60)],
      [6, v(10)],
      [7, v(90)],
    ]),
  ],
  [
    'ew_3_5',
    new Map([
      [4, v(30)],
      [5, v(50)],
      [6, v(20)],
      [7, v(100)],
    ]),
  ],
]);

describe('demandAt', () => {
  it('is factor × the sum of the variables, districts and city from their own (summed) counts', () => {
    const d = demandAt(nodes, counts, ['ew_u3'], 0.5);
    expect(d(4)).toEqual(v(20));
    expect(d(2)).toEqual(v(50));
    expect(d(1)).toEqual(v(100));
    expect(d([4, 5, 6, 7])).toEqual(v(100));
    const both = demandAt(nodes, counts, ['ew_u3', 'ew_3_5'], 1);
    expect(both(3)).toEqual(v(220));
  });

  it('weights each variable: 0.51 × children under 3 + 0.97 × children from 3 (Kita places in total)', () => {
    const d = demandAt(nodes, counts, ['ew_u3', 'ew_3_5'], [0.51, 0.97]);
    expect(d(4).value).toBeCloseTo(0.51 * 40 + 0.97 * 30, 12);
    expect(d(3).value).toBeCloseTo(0.51 * 100 + 0.97 * 120, 12);
    expect(d(1).value).toBeCloseTo(0.51 * 200 + 0.97 * 200, 12);
  });

  it('is secret for the public where a count behind it is, and missing without counts', () => {
    const secret = (variable: string) => new Set(variable === 'ew_3_5' ? ['6', TOTAL] : []);
    const d = demandAt(nodes, counts, ['ew_u3', 'ew_3_5'], 1, secret);
    expect(d(6)).toEqual({ value: null, status: 'secret' });
    expect(d([4, 5, 6, 7])).toEqual({ value: null, status: 'secret' });
    expect(d(7)).toEqual(v(190));
    expect(demandAt(nodes, counts, ['ew_u6'], 1)(4)).toEqual({ value: null, status: 'missing' });
  });
});

describe('rateAndBalance', () => {
  it('gives the Versorgungsquote in % and the missing or surplus places', () => {
    expect(rateAndBalance(45, 50)).toEqual({ rate: 90, balance: -5 });
    expect(rateAndBalance(10, 0)).toEqual({ rate: null, balance: 10 });
    expect(rateAndBalance(10, null)).toEqual({ rate: null, balance: null });
  });
});

describe('publicSpreadDemand', () => {
  const areas = [
    { id: 4, parentId: 2, areaM2: 1 },
    { id: 5, parentId: 2, areaM2: 3 },
    { id: 6, parentId: 3, areaM2: 1 },
    { id: 7, parentId: 3, areaM2: 1 },
  ];
  const tree = [
    { id: 1, parentId: null, areaM2: 6 },
    { id: 2, parentId: 1, areaM2: 4 },
    { id: 3, parentId: 1, areaM2: 2 },
    ...areas,
  ];
  const demand = (published: Record<string, number>) => (t: number | 'city') => {
    const x = published[String(t)];
    return x === undefined ? { value: null, status: 'secret' as const } : v(x);
  };

  it('keeps published demand and estimates secret demand from the remainder of the nearest published ancestor', () => {
    // 4 and 5 secret: district 2 has 100, shared by area size 1 : 3
    const out = publicSpreadDemand(areas, tree, demand({ 2: 100, 3: 50, 6: 10, 7: 40, 1: 150, city: 150 }));
    expect([...out]).toEqual([25, 75, 10, 40]);
  });

  it('goes up to the city when the district is secret too, counting lower estimates as known', () => {
    const out = publicSpreadDemand(areas, tree, demand({ 3: 50, 6: 10, 7: 40, city: 150 }));
    expect([...out]).toEqual([25, 75, 10, 40]);
    const none = publicSpreadDemand(areas, tree, demand({}));
    expect([...none]).toEqual([0, 0, 0, 0]);
  });
});
