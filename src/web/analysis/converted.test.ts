import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { StatTable } from './analysis-api.ts';
import { StatGrid } from './StatisticsTable.tsx';

const NOTE = '¹ umgerechnet vom Gebietsstand 01.01.2000 (flächengewichtet)';
const FROM = { method: 'area', from: '2000-01-01' } as const;
const MARKER = '<span class="analysis-table__converted" data-testid="stat-converted">¹</span>';

const row = (kind: StatTable['rows'][number]['kind'], key: string, value: number, marked: boolean) => ({
  kind,
  key,
  name: `Gebiet ${key}`,
  parentKey: kind === 'area' ? 'P1' : null,
  level: kind === 'city' ? null : 'planungsraum',
  levelName: kind === 'city' ? null : 'Planungsraum',
  cells: [
    {
      value,
      status: 'value' as const,
      numerator: null,
      denominator: null,
      ...(marked && { converted: FROM }),
    },
  ],
});
const table = (marked: boolean): StatTable => ({
  level: 'planungsraum',
  levelName: 'Planungsraum',
  parentLevelName: 'Bezirk',
  cityName: 'Stadt',
  cityKey: '',
  date: '2020-12-31',
  withCounts: false,
  columns: [
    {
      key: 'einwohner',
      name: 'Einwohner',
      unit: '',
      decimals: 0,
      polarity: 'neutral',
      source: '',
      target: null,
    },
  ],
  rows: [
    row('area', 'L', 55, false),
    row('area', 'M', 40, marked),
    row('parent', 'P1', 180, marked),
    row('city', '', 210, marked),
  ],
});
const render = (t: StatTable) =>
  renderToStaticMarkup(
    createElement(StatGrid, {
      table: t,
      busy: false,
      isSelection: false,
      highlightId: null,
      openArea: null,
      onHover: () => {},
      onOpen: () => {},
      onRemove: () => {},
    }),
  );
const cellsOf = (html: string, attr: string) =>
  html.split(attr)[1]!.split('</tr>')[0]!.split('<td class="num">')[1]!.split('</td>')[0];

describe('umgerechnet in the statistics table', () => {
  it('marks the converted area, parent and city values and explains the marker once', () => {
    const html = render(table(true));
    expect(cellsOf(html, 'data-area-row="L"')).toBe('55');
    expect(cellsOf(html, 'data-area-row="M"')).toBe(`40${MARKER}`);
    expect(cellsOf(html, 'data-row-kind="parent"')).toBe(`180${MARKER}`);
    expect(cellsOf(html, 'data-row-kind="city"')).toBe(`210${MARKER}`);
    expect(html.split(NOTE)).toHaveLength(2);
    expect(html).toContain(
      `data-testid="stat-converted-notes" aria-label="Umgerechnete Werte"><li>${NOTE}</li>`,
    );
  });

  it('says nothing where no value was converted', () => {
    expect(render(table(false))).not.toContain('umgerechnet');
  });
});
