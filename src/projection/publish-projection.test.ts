import { describe, expect, it } from 'vitest';
import { hiddenAreas, projectedTotals, roundPublic, type ProjectedCount } from './publish-projection.ts';

// city 1 → districts 10, 20 → areas 101, 102, 103 (in 10) and 201, 202 (in 20)
const NODES = [
  { id: 1, parentId: null },
  { id: 10, parentId: 1 },
  { id: 20, parentId: 1 },
  { id: 101, parentId: 10 },
  { id: 102, parentId: 10 },
  { id: 103, parentId: 10 },
  { id: 201, parentId: 20 },
  { id: 202, parentId: 20 },
];

describe('hiddenAreas', () => {
  it('hides small areas and, beside a single hidden one, its smallest sibling', () => {
    const size = new Map([
      [101, 800],
      [102, 5000],
      [103, 3000],
      [201, 4000],
      [202, 6000],
    ]);
    expect([...hiddenAreas(NODES, size, 1000)].sort()).toEqual([101, 103]);
  });

  it('keeps two hidden siblings as they are: their parent shows their sum', () => {
    const size = new Map([
      [101, 800],
      [102, 900],
      [103, 3000],
      [201, 4000],
      [202, 6000],
    ]);
    expect([...hiddenAreas(NODES, size, 1000)].sort()).toEqual([101, 102]);
  });

  it('hides an only child’s parent, and then a sibling of that parent', () => {
    const nodes = [
      { id: 1, parentId: null },
      { id: 10, parentId: 1 },
      { id: 20, parentId: 1 },
      { id: 30, parentId: 1 },
      { id: 101, parentId: 10 },
      { id: 201, parentId: 20 },
      { id: 301, parentId: 30 },
    ];
    const size = new Map([
      [101, 500],
      [201, 9000],
      [301, 2000],
    ]);
    // 10 equals 101; with 10 hidden, 1 − 20 − 30 would give it: 30 (the smaller) goes too, and
    // with it 301, which 30 equals
    expect([...hiddenAreas(nodes, size, 1000)].sort((a, b) => a - b)).toEqual([10, 30, 101, 301]);
  });

  it('hides nothing when every area is large enough', () => {
    expect(hiddenAreas(NODES, new Map([[101, 1000]]), 1000).size).toBe(0);
  });
});

describe('projectedTotals', () => {
  const counts: ProjectedCount[] = [
    [101, 804],
    [102, 5004],
    [103, 3006],
    [201, 4001],
    [202, 6017],
  ].flatMap(([areaId, ew]) =>
    ['2025-12-31', '2026-12-31'].flatMap((date, i) => [
      { areaId: areaId!, date, variable: 'ew', value: ew! + i * 300 },
      { areaId: areaId!, date, variable: 'ew_u6', value: Math.round(ew! / 17) },
    ]),
  );

  it('gives planners the stored counts, marked as estimates, and their sums', () => {
    const t = projectedTotals(NODES, counts, { public: false });
    const cells = t.get('ew')!.get('2025-12-31')!;
    expect(cells.get(101)).toEqual({ value: 804, status: 'estimated' });
    expect(cells.get(10)).toEqual({ value: 804 + 5004 + 3006, status: 'estimated' });
    expect(cells.get(1)?.value).toBe(804 + 5004 + 3006 + 4001 + 6017);
  });

  it('gives the public rounded counts, hidden areas secret at every Stichtag, and parents as sums', () => {
    const t = projectedTotals(NODES, counts, { public: true, minPopulation: 1000, populationVariable: 'ew' });
    for (const date of ['2025-12-31', '2026-12-31'])
      for (const variable of ['ew', 'ew_u6']) {
        const cells = t.get(variable)!.get(date)!;
        // 101 stays below 1,000 only in 2025; it and its smallest sibling are hidden in both years
        expect(cells.get(101)?.status, `${variable} ${date}`).toBe('secret');
        expect(cells.get(103)?.status).toBe('secret');
        const shown = [102, 201, 202].map((id) => cells.get(id)!.value!);
        for (const v of shown) expect(v % 10).toBe(0);
        const district = cells.get(10)!.value!;
        const city = cells.get(1)!.value!;
        // the city is the sum of its districts, and the districts of their (rounded) areas
        expect(city).toBe(district + cells.get(20)!.value!);
        expect(cells.get(20)!.value).toBe(cells.get(201)!.value! + cells.get(202)!.value!);
        // what an outsider can compute for 101: only the sum with 103
        const raw = (id: number) =>
          counts.find((c) => c.areaId === id && c.date === date && c.variable === variable)!.value;
        expect(district - cells.get(102)!.value!).toBe(roundPublic(raw(101)) + roundPublic(raw(103)));
      }
  });
});
