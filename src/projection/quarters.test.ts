import { describe, expect, it } from 'vitest';
import { addQuarters, quarterResidents } from './quarters.ts';

describe('quarterResidents', () => {
  it('takes a variable the quarter names, and splits the others from its age structure', () => {
    const of = quarterResidents({ ew: 1000, ew_u6: 120, ew_6_9: 60, ew_65plus: 100 });
    expect(of('ew_u6')).toBe(120);
    expect(of('ew')).toBe(1000);
    // the split keeps each band's total: under 10 = under 6 + 6–9
    expect(of('ew_u10')).toBeCloseTo(180, 9);
    expect(of('ew_10_64')).toBeCloseTo(1000 - 180 - 100, 9);
    expect(of('ew_u3')).toBeGreaterThan(0);
    expect(of('ew_u3')).toBeLessThan(120);
  });

  it('adds nothing it cannot know: no total, no age structure', () => {
    const of = quarterResidents({ ew_u3: 60 });
    expect(of('ew_u3')).toBe(60);
    expect(of('ew_65plus')).toBe(0);
  });
});

describe('addQuarters', () => {
  const rows = [
    { area: 'A', date: '2026-12-31', variable: 'ew', value: 5000 },
    { area: 'A', date: '2027-12-31', variable: 'ew', value: 5100 },
    { area: 'A', date: '2027-12-31', variable: 'ew_u6', value: 300 },
    { area: 'B', date: '2027-12-31', variable: 'ew', value: 800 },
  ];

  it('adds the residents to the area holding the quarter from its first Stichtag on', () => {
    const out = addQuarters(rows, [
      { area: 'A', validFrom: '2027-01-01', population: { ew: 1200, ew_u6: 90, ew_65plus: 60 } },
    ]);
    expect(out.map((r) => r.value)).toEqual([5000, 6300, 390, 800]);
    expect(rows[1]!.value).toBe(5100); // unchanged input
  });

  it('sums several quarters in one area', () => {
    const q = { area: 'B', validFrom: null, population: { ew: 100 } };
    expect(addQuarters(rows, [q, q]).at(-1)!.value).toBe(1000);
  });
});
