import { describe, expect, it } from 'vitest';
import { parseRoute, paths } from '../router.ts';

describe('route of the page „Maßnahmen“', () => {
  it('lies below Steuerung and parses back', () => {
    expect(paths.measures).toBe('/steuerung/massnahmen');
    expect(parseRoute(paths.measures)).toEqual({ page: 'measures' });
    expect(parseRoute(`${paths.measures}/`)).toEqual({ page: 'measures' });
    expect(parseRoute('/steuerung')).toEqual({ page: 'notFound' });
    expect(parseRoute(`${paths.measures}/x`)).toEqual({ page: 'notFound' });
  });
});
