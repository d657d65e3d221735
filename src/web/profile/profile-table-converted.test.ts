import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { AreaProfile } from '../api.ts';
import { ProfileTable } from './ProfileTable.tsx';

const NOTE = '¹ umgerechnet vom Gebietsstand 01.01.2000 (flächengewichtet)';
const FROM = { method: 'area', from: '2000-01-01' } as const;
const MARKER = '<span class="profile-table__converted" data-testid="profile-table-converted">¹</span>';

const row = (key: string, marks: { value?: boolean; city?: boolean }): AreaProfile['indicators'][number] => ({
  key,
  name: `Indikator ${key}`,
  theme: 'Bevölkerung',
  unit: '',
  decimals: 0,
  value: 55,
  status: 'value',
  cityValue: 210,
  cityStatus: 'value',
  ...(marks.value && { converted: FROM }),
  ...(marks.city && { cityConverted: FROM }),
});

const render = (indicators: AreaProfile['indicators']) =>
  renderToStaticMarkup(
    createElement(ProfileTable, {
      profile: {
        area: {
          id: 'L',
          name: 'Gebiet L',
          level: 'planungsraum',
          parent: 'P1',
          parentName: 'Gebiet P1',
          parentLevel: 'bezirk',
          areaM2: 1,
        },
        date: '2020-12-31',
        indicators,
      },
      currentKey: 'ew',
    }),
  );
/** The area and city cells of the row `key`. */
const cells = (html: string, key: string) =>
  html
    .split(`data-key="${key}"`)[1]!
    .split('</tr>')[0]!
    .split('<td class="num">')
    .slice(1)
    .map((c) => c.split('</td>')[0]);

describe('umgerechnet in the atlas’s short profile', () => {
  it('marks the area and city values the API marks and explains the marker once under the table', () => {
    const html = render([row('ew', { city: true }), row('alt', { value: true, city: true })]);
    expect(cells(html, 'ew')).toEqual(['55', `210${MARKER}`]);
    expect(cells(html, 'alt')).toEqual([`55${MARKER}`, `210${MARKER}`]);
    expect(html.split(NOTE)).toHaveLength(2);
    expect(html).toContain(
      `</table><ul class="profile-table__notes muted" data-testid="profile-table-converted-notes" aria-label="Umgerechnete Werte"><li>${NOTE}</li>`,
    );
  });

  it('says nothing where no value was converted', () => {
    expect(render([row('ew', {})])).not.toContain('umgerechnet');
  });
});
