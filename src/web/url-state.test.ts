import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EMPTY_VIEW } from './analysis/view-params.ts';
import { atlasHref, readSelection, writeSelection, type Selection } from './url-state.ts';

describe('readSelection', () => {
  it('reads the German parameter names and ignores empty ones', () => {
    expect(readSelection('?indikator=alq&stichtag=2024-12-31&ebene=sozialraum&gebiet=&x=1')).toEqual({
      indicator: 'alq',
      date: '2024-12-31',
      level: 'sozialraum',
    });
  });

  it('returns nothing for an empty address', () => {
    expect(readSelection('')).toEqual({});
  });
});

describe('classification parameter', () => {
  it('reads klassen in its readable form and percent-encoded', () => {
    expect(readSelection('?indikator=alq&klassen=fixed:-1;1;1.5').classification).toBe('fixed:-1;1;1.5');
    expect(readSelection('?klassen=fixed%3A-1%3B1%3B1.5').classification).toBe('fixed:-1;1;1.5');
    expect(readSelection('?klassen=natural-5').classification).toBe('natural-5');
  });
});

describe('whole atlas selection in the address', () => {
  const location = { pathname: '/', search: '', hash: '' };
  beforeEach(() => {
    Object.assign(location, { pathname: '/', search: '', hash: '' });
    (globalThis as { window?: unknown }).window = {
      location,
      history: {
        state: null,
        replaceState: (_state: unknown, _title: string, url: string) => {
          const u = new URL(url, 'http://x');
          location.pathname = u.pathname;
          location.search = u.search;
          location.hash = u.hash;
        },
      },
    };
  });
  afterEach(() => {
    delete (globalThis as { window?: unknown }).window;
  });

  it('round-trips indicator, Stichtag, level, open area, selection, filters and scatter indicator', () => {
    const selection: Selection = {
      indicator: 'sgb2_quote',
      date: '2024-12-31',
      level: 'sozialraum',
      area: '202',
      analysis: { areas: ['202', '101'], min: 10.5, max: 25, parents: ['2'], indicator2: 'kinderarmut' },
    };
    writeSelection(selection);
    expect(location.search).toBe(
      '?indikator=sgb2_quote&stichtag=2024-12-31&ebene=sozialraum&gebiet=202&auswahl=202,101&von=10.5&bis=25&bezirke=2&vergleich=kinderarmut',
    );
    expect(readSelection(location.search)).toEqual(selection);
  });

  it('leaves out an empty analysis view, and drops the value filter when the catalogue switches indicator', () => {
    writeSelection({ indicator: 'a', date: '2024-12-31', level: 'l', area: null, analysis: EMPTY_VIEW });
    expect(location.search).toBe('?indikator=a&stichtag=2024-12-31&ebene=l');
    expect(readSelection(location.search).analysis).toBeUndefined();
    writeSelection({
      indicator: 'a',
      date: '2024-12-31',
      level: 'l',
      area: '1',
      analysis: { ...EMPTY_VIEW, min: 3, parents: ['9'] },
    });
    expect(atlasHref('b')).toBe('/?indikator=b&stichtag=2024-12-31&ebene=l&bezirke=9');
    expect(atlasHref()).toBe('/?indikator=a&stichtag=2024-12-31&ebene=l&gebiet=1&von=3&bezirke=9');
  });
});
