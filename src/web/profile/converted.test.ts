import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ProfileIndicator, Steckbrief } from './api.ts';
import { IndicatorTable } from './IndicatorTable.tsx';
import { wholeWords } from './texts.ts';

const NOTE = '¹ umgerechnet vom Gebietsstand 01.01.2000 (flächengewichtet)';
const FROM = { method: 'area', from: '2000-01-01' } as const;

const row = (
  key: string,
  marks: { value?: boolean; district?: boolean; city?: boolean },
): ProfileIndicator => {
  const cell = (value: number, marked?: boolean) => ({
    value,
    status: 'value' as const,
    ...(marked && { converted: FROM }),
  });
  return {
    key,
    name: `Indikator ${key}`,
    theme: 'Bevölkerung',
    unit: '',
    changeUnit: '',
    decimals: 0,
    polarity: 'neutral',
    formula: 'count',
    value: cell(55, marks.value),
    district: cell(180, marks.district),
    city: cell(210, marks.city),
    difference: null,
    deviation: null,
    rank: 1,
    rankOf: 4,
    change: { since: null, value: null, city: null },
    trend: {
      years: 5,
      since: null,
      slope: null,
      change: null,
      cityChange: null,
      deviation: null,
      direction: null,
    },
    series: [],
  };
};

const render = (rows: ProfileIndicator[]) =>
  renderToStaticMarkup(
    createElement(IndicatorTable, {
      // only what the table reads of the Steckbrief
      profile: {
        area: {
          name: 'Gebiet L',
          levelName: 'Planungsraum',
          parent: 'P1',
          parentName: 'Gebiet P1',
          parentLevelName: 'Bezirk',
        },
        date: '2020-12-31',
        years: 5,
        themes: [{ theme: 'Bevölkerung', indicators: rows }],
      } as unknown as Steckbrief,
      whole: wholeWords('Stadt'),
    }),
  );
const cellOf = (html: string, key: string, col: string) =>
  html.split(`data-key="${key}"`)[1]!.split(`data-col="${col}">`)[1]!.split('</td>')[0];

describe('umgerechnet in the Steckbrief table', () => {
  it('marks the district and city values the API marks and explains the marker once', () => {
    const html = render([row('ew', { district: true, city: true }), row('alt', { value: true })]);
    const marker = '<span class="profile-indicators__converted" data-testid="profile-converted">¹</span>';
    expect(cellOf(html, 'ew', 'area')).not.toContain(marker);
    expect(cellOf(html, 'ew', 'district')).toBe(`180${marker}`);
    expect(cellOf(html, 'ew', 'city')).toBe(`210${marker}`);
    expect(cellOf(html, 'alt', 'area')).toBe(`<strong>55</strong>${marker}`);
    expect(cellOf(html, 'alt', 'city')).toBe('210');
    expect(html.split(NOTE)).toHaveLength(2);
    expect(html).toContain(
      `data-testid="profile-converted-notes" aria-label="Umgerechnete Werte"><li>${NOTE}</li>`,
    );
  });

  it('says nothing where no value was converted', () => {
    expect(render([row('ew', {})])).not.toContain('umgerechnet');
  });
});
