import { describe, expect, it } from 'vitest';
import { signedDifference } from './compare-format.ts';

describe('signedDifference', () => {
  it('shows sign, German decimals and unit', () => {
    expect(signedDifference(2.345, 1, 'Pp.')).toBe('+2,3\u00a0Pp.');
    expect(signedDifference(-1234.5, 1, '')).toBe('−1.234,5');
    expect(signedDifference(-0.04, 1, 'Pp.')).toBe('±0,0\u00a0Pp.');
    expect(signedDifference(null, 1, '%')).toBe('–');
  });
});
