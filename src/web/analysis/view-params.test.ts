import { describe, expect, it } from 'vitest';
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
