import { describe, expect, it } from 'vitest';
import { firstProjected, splitAt } from './series-projection.ts';

describe('the projected part of a series', () => {
  it('begins at the first projected point', () => {
    expect(firstProjected([{}, { projected: false }, { projected: true }, { projected: true }])).toBe(2);
    expect(firstProjected([{}, { projected: false }])).toBe(-1);
  });

  it('splits a line into the observed stretch and the projected one, joined at the last observed point', () => {
    expect(splitAt([1, 2, 3, 4], 2)).toEqual({ observed: [1, 2, null, null], projected: [null, 2, 3, 4] });
    // a secret last observed value: the projected stretch starts unjoined
    expect(splitAt([1, null, 3], 2)).toEqual({ observed: [1, null, null], projected: [null, null, 3] });
    expect(splitAt([1, 2], -1)).toEqual({ observed: [1, 2], projected: [null, null] });
  });
});
