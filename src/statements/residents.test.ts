/**
 * The residents of a new quarter by age and year, computed by hand: phases first occupied in
 * different years, the last profile year holding beyond the profile, shares normalised; age
 * ranges from the bands, whole and cut; the default profile's rows summing to 100 %.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_TYPES } from './occupancy.defaults.ts';
import { AGE_BANDS, DwellingType } from './occupancy.schema.ts';
import { alignedRange, expectedResidents, reportedGroups, residentsIn, statementYears } from './residents.ts';
import { variableRange } from '../core/age-range.ts';

const row = (...first: number[]): number[] => [
  ...first,
  ...Array<number>(AGE_BANDS.length - first.length).fill(0),
];
/** 2 persons in year 1 (half 0–2, half 3–5), 3 in year 2 (20 % / 30 % / 50 % 6–9). */
const toy = { persons: [2, 3], ageShares: [row(50, 50), row(20, 30, 50)] };

describe('expectedResidents', () => {
  it('adds phases by their own year after first occupancy and holds the last profile year', () => {
    const r = expectedResidents(
      new Map([['t', toy]]),
      [
        { type: 't', count: 10, year: 2028 },
        { type: 't', count: 4, year: 2029 },
      ],
      [2027, 2028, 2029, 2030, 2031],
    );
    expect(r.map((y) => y.total)).toEqual([0, 20, 38, 42, 42]);
    // 2028: 10 dwellings × 2 persons, half and half
    expect(r[1]!.bands.slice(0, 3)).toEqual([10, 10, 0]);
    // 2029: 10 × 3 in year 2 (6, 9, 15) and 4 × 2 in year 1 (4, 4, 0)
    expect(r[2]!.bands.slice(0, 3)).toEqual([10, 13, 15]);
    // 2030: the first phase stays at year 2; the second reaches it (2.4, 3.6, 6)
    r[3]!.bands.slice(0, 3).forEach((v, i) => expect(v).toBeCloseTo([8.4, 12.6, 21][i]!, 12));
    expect(r[3]!.bands.slice(3).every((v) => v === 0)).toBe(true);
  });

  it('normalises shares that do not sum to 100 and refuses an unknown type', () => {
    const r = expectedResidents(
      new Map([['t', { persons: [4], ageShares: [row(1, 3)] }]]),
      [{ type: 't', count: 1, year: 2030 }],
      [2030],
    );
    expect(r[0]!.bands.slice(0, 2)).toEqual([1, 3]);
    expect(() => expectedResidents(new Map(), [{ type: 'x', count: 1, year: 2030 }], [2030])).toThrow(
      /unknown/,
    );
  });

  it('looks from the first occupancy to the profile length after the last phase, at most 40 years', () => {
    const years = statementYears(
      [
        { type: 'a', count: 1, year: 2030 },
        { type: 'b', count: 1, year: 2028 },
      ],
      10,
    );
    expect(years[0]).toBe(2028);
    expect(years.at(-1)).toBe(2039);
    expect(
      statementYears(
        [
          { type: 'a', count: 1, year: 2000 },
          { type: 'a', count: 1, year: 2100 },
        ],
        10,
      ),
    ).toHaveLength(40);
  });
});

describe('age ranges from the bands', () => {
  // 0–2, 3–5, 6–9, 10–14, 15–17, 18–29, 30–44, 45–64, 65–79, 80+
  const bands = [3, 6, 8, 10, 6, 24, 30, 20, 8, 4];

  it('reads the catalogue’s variable keys as age ranges', () => {
    expect(variableRange('ew')).toEqual({ from: 0, to: null });
    expect(variableRange('ew_u3')).toEqual({ from: 0, to: 3 });
    expect(variableRange('ew_3_5')).toEqual({ from: 3, to: 6 });
    expect(variableRange('ew_65plus')).toEqual({ from: 65, to: null });
    for (const v of ['ew_m', 'ew_w', 'hh', 'sgb2_u15', 'ew_9_6']) expect(variableRange(v)).toBeNull();
    expect(alignedRange({ from: 6, to: 10 })).toBe(true);
    expect(alignedRange({ from: 6, to: 12 })).toBe(false);
  });

  it('sums whole bands and the share of the years of a band a range cuts', () => {
    const sum = (v: string) => residentsIn(bands, variableRange(v)!);
    expect(sum('ew')).toBe(119);
    expect(sum('ew_u3')).toBe(3);
    expect(sum('ew_u6')).toBe(9);
    expect(sum('ew_u15')).toBe(27);
    expect(sum('ew_15_64')).toBe(80);
    expect(sum('ew_65plus')).toBe(12);
    expect(sum('ew_80plus')).toBe(4);
    // six-year primary school (Berlin): 6–9 and two of the five years 10–14
    expect(sum('ew_6_11')).toBeCloseTo(8 + (10 * 2) / 5, 12);
    // the open band taken as 80–100: 85+ is 16 of its 21 years
    expect(sum('ew_85plus')).toBeCloseTo((4 * 16) / 21, 12);
    expect(reportedGroups(bands)).toEqual({
      ew_u3: 3,
      ew_3_5: 6,
      ew_6_9: 8,
      ew_6_17: 24,
      ew_65plus: 12,
      ew_80plus: 4,
      ew: 119,
    });
  });
});

describe('the default profile', () => {
  it('is valid, ten years long, every year summing to 100 %, persons within the published ranges', () => {
    for (const t of DEFAULT_TYPES) {
      expect(DwellingType.safeParse(t).success, t.key).toBe(true);
      expect(t.persons).toHaveLength(10);
      for (const shares of t.ageShares) expect(shares.reduce((s, v) => s + v, 0)).toBeCloseTo(100, 6);
    }
    const first = Object.fromEntries(DEFAULT_TYPES.map((t) => [t.key, t.persons[0]]));
    expect(first).toEqual({ efh: 3.2, mfh: 2.1, gefoerdert: 2.5 });
  });

  it('has most children under 3 in the first year, 3–5 a few years later, then 6–9', () => {
    const efh = DEFAULT_TYPES.find((t) => t.key === 'efh')!;
    const peakYear = (band: number) => {
      const col = efh.ageShares.map((s) => s[band]!);
      return col.indexOf(Math.max(...col)) + 1;
    };
    expect(peakYear(0)).toBe(1);
    expect(peakYear(1)).toBe(4);
    expect(peakYear(2)).toBe(7);
  });
});
