import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { atlasHref, readSelection, writeSelection, type Selection } from '../url-state.ts';
import {
  EMPTY_VIEW,
  isFiltered,
  readAnalysisView,
  toggleArea,
  writeAnalysisView,
  type AnalysisView,
} from './view-params.ts';

describe('analysis view in the address', () => {
  it('reads lists, numbers with point or comma, and ignores what it cannot read', () => {
    expect(
      readAnalysisView(
        new URLSearchParams('auswahl=202,101,,202&von=12,5&bis=30&bezirke=1&vergleich=kinderarmut'),
      ),
    ).toEqual({
      areas: ['202', '101'],
      min: 12.5,
      max: 30,
      parents: ['1'],
      indicator2: 'kinderarmut',
    });
    expect(readAnalysisView(new URLSearchParams('von=abc&bis=&vergleich='))).toEqual(EMPTY_VIEW);
    expect(readAnalysisView(new URLSearchParams('von=-1.25'))).toMatchObject({ min: -1.25 });
  });

  it('writes a view and reads the same view back', () => {
    const views: AnalysisView[] = [
      EMPTY_VIEW,
      { areas: ['a 1', 'b/2'], min: -0.5, max: 1e-7, parents: ['Nord', 'Süd'], indicator2: 'x_y' },
      { areas: [], min: 0, max: null, parents: [], indicator2: null },
    ];
    for (const view of views) {
      const params = new URLSearchParams('indikator=alq&von=9');
      writeAnalysisView(params, view);
      expect(params.get('indikator')).toBe('alq');
      expect(readAnalysisView(new URLSearchParams(params.toString()))).toEqual(view);
    }
  });

  it('toggles an area in the selection, keeping the order', () => {
    const one = toggleArea(EMPTY_VIEW, '2');
    expect(toggleArea(one, '1').areas).toEqual(['2', '1']);
    expect(toggleArea(toggleArea(one, '1'), '2').areas).toEqual(['1']);
  });

  it('knows whether anything is filtered', () => {
    expect(isFiltered(EMPTY_VIEW)).toBe(false);
    expect(isFiltered({ ...EMPTY_VIEW, areas: ['1'], indicator2: 'x' })).toBe(false);
    expect(isFiltered({ ...EMPTY_VIEW, min: 0 })).toBe(true);
    expect(isFiltered({ ...EMPTY_VIEW, parents: ['1'] })).toBe(true);
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
