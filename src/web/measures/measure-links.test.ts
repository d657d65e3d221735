import { describe, expect, it } from 'vitest';
import { goal, measure } from './fixture.test-data.ts';
import { areaKey, measuresByArea, measuresHref, selectedMeasure } from './measure-links.ts';

describe('measuresByArea', () => {
  it('counts a measure in the areas it works in and those it has a goal for, once each', () => {
    const byArea = measuresByArea([
      measure({
        id: 1,
        areas: [
          { level: 'sozialraum', key: '105', name: 'Gerichtsviertel' },
          { level: 'stadtbezirk', key: '1', name: 'Mitte' },
        ],
        goals: [
          goal({ level: 'sozialraum', area: '105' }),
          goal({ id: 2, level: 'sozialraum', area: '201' }),
        ],
      }),
      measure({ id: 2, areas: [{ level: 'sozialraum', key: '105', name: 'Gerichtsviertel' }] }),
      // a goal for the city is no area's
      measure({ id: 3, goals: [goal({ area: null })] }),
    ]);
    expect(Object.fromEntries(byArea)).toEqual({
      [areaKey('sozialraum', '105')]: [1, 2],
      [areaKey('stadtbezirk', '1')]: [1],
      [areaKey('sozialraum', '201')]: [1],
    });
  });
});

describe('links to the page „Maßnahmen“', () => {
  it('opens the one measure, else the page', () => {
    expect(measuresHref([7])).toBe('/steuerung/massnahmen?massnahme=7');
    expect(measuresHref([7, 8])).toBe('/steuerung/massnahmen');
    expect(measuresHref()).toBe('/steuerung/massnahmen');
  });

  it('reads the selected measure back, ignoring what is no id', () => {
    expect(selectedMeasure('?massnahme=7')).toBe(7);
    expect(selectedMeasure('?ebene=x&massnahme=12')).toBe(12);
    for (const bad of ['', '?massnahme=', '?massnahme=0', '?massnahme=-1', '?massnahme=7a', '?massnahme=1.5'])
      expect(selectedMeasure(bad), bad).toBeNull();
  });
});
