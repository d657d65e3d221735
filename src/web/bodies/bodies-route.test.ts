import { describe, expect, it } from 'vitest';
import { parseSteckbriefPath, steckbriefPath } from '../../bodies/labels.ts';
import { parseRoute, paths } from '../router.ts';

describe('route of the page „Gremien“', () => {
  it('lies below Steuerung and parses back', () => {
    expect(paths.bodies).toBe('/steuerung/gremien');
    expect(parseRoute(paths.bodies)).toEqual({ page: 'bodies' });
    expect(parseRoute(`${paths.bodies}/`)).toEqual({ page: 'bodies' });
    expect(parseRoute(`${paths.bodies}/x`)).toEqual({ page: 'notFound' });
  });

  it('links a Steckbrief at the address of the area profile page', () => {
    const path = steckbriefPath('sozialraum', '01 02');
    expect(path).toBe(paths.profile('sozialraum', '01 02'));
    expect(parseRoute(path)).toEqual({ page: 'profile', level: 'sozialraum', key: '01 02' });
    expect(parseSteckbriefPath(`https://lagebild.example.de${path}`)).toEqual({
      level: 'sozialraum',
      key: '01 02',
    });
    expect(parseSteckbriefPath('/indikatoren/x')).toBeNull();
  });
});
