import { describe, expect, it } from 'vitest';
import { parseRoute, paths } from '../router.ts';

describe('route of the page „Prognose“', () => {
  it('lies below Versorgung and parses back', () => {
    expect(paths.projection).toBe('/versorgung/prognose');
    expect(parseRoute(paths.projection)).toEqual({ page: 'projection' });
    expect(parseRoute(`${paths.projection}/`)).toEqual({ page: 'projection' });
    expect(parseRoute(`${paths.projection}/x`)).toEqual({ page: 'notFound' });
  });
});
