import { describe, expect, it } from 'vitest';
import type { AppConfig } from '../api.ts';
import { atlasDates } from './projected-dates.ts';

const levels = [
  { key: 'stadt', rank: 0 },
  { key: 'stadtbezirk', rank: 1 },
  { key: 'sozialraum', rank: 2 },
  { key: 'block', rank: 3 },
] as AppConfig['levels'];
const projection = {
  level: 'sozialraum',
  dates: ['2024-12-31', '2025-12-31', '2026-12-31'],
  variables: ['ew', 'ew_u3'],
} as NonNullable<AppConfig['projection']>;
const observed = ['2023-12-31', '2024-12-31'];
const u3 = { formula: 'count', numerator: 'ew_u3', denominator: null } as const;

describe('atlasDates', () => {
  it('adds the projected Stichtage after the last observed one', () => {
    const d = atlasDates(observed, projection, u3, 'stadtbezirk', levels);
    expect(d.dates).toEqual(['2023-12-31', '2024-12-31', '2025-12-31', '2026-12-31']);
    expect([...d.projected]).toEqual(['2025-12-31', '2026-12-31']);
  });

  it('offers only observed Stichtage without a projection, for other indicators and finer levels', () => {
    const sgb2 = { formula: 'share', numerator: 'sgb2', denominator: 'ew' } as const;
    for (const d of [
      atlasDates(observed, null, u3, 'sozialraum', levels),
      atlasDates(observed, projection, sgb2, 'sozialraum', levels),
      atlasDates(observed, projection, u3, 'block', levels),
    ]) {
      expect(d.dates).toEqual(observed);
      expect(d.projected.size).toBe(0);
    }
  });
});
