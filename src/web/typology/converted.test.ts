import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { CompareResult } from './typology-api.ts';
import { CompareTable } from './CompareTable.tsx';

const NOTE = '¹ umgerechnet vom Gebietsstand 01.01.2000 (flächengewichtet)';
const FROM = { method: 'area', from: '2000-01-01' } as const;
const MARKER = '<span class="typology-table__converted" data-testid="compare-converted">¹</span>';

const value = (v: number, marked: boolean) => ({
  value: v,
  status: 'value' as const,
  ...(marked && { converted: FROM }),
});
const result = (marked: boolean): CompareResult => ({
  level: 'planungsraum',
  date: '2020-12-31',
  a: { kind: 'area', key: 'L', name: 'Gebiet L' },
  b: { kind: 'area', key: 'M', name: 'Gebiet M' },
  areaCount: 4,
  rows: [
    {
      indicator: 'einwohner',
      name: 'Einwohner',
      theme: 'Bevölkerung',
      unit: '',
      differenceUnit: '',
      decimals: 0,
      polarity: 'neutral',
      a: value(55, false),
      b: value(40, marked),
      city: value(210, marked),
      district: value(180, marked),
      difference: 15,
      rankA: 2,
      rankB: 3,
      ranked: 4,
      zA: null,
      zB: null,
    },
  ],
});
const render = (r: CompareResult) => renderToStaticMarkup(createElement(CompareTable, { result: r }));
const cell = (html: string, col: string) => html.split(`data-col="${col}">`)[1]!.split('</td>')[0];

describe('umgerechnet in the comparison table', () => {
  it('marks the converted values of B and the city and explains the marker once', () => {
    const html = render(result(true));
    expect(cell(html, 'a')).toBe('55');
    expect(cell(html, 'b')).toBe(`40${MARKER}`);
    expect(cell(html, 'city')).toBe(`210${MARKER}`);
    expect(html.split(NOTE)).toHaveLength(2);
    expect(html).toContain(
      `data-testid="compare-converted-notes" aria-label="Umgerechnete Werte"><li>${NOTE}</li>`,
    );
  });

  it('says nothing where no value was converted', () => {
    expect(render(result(false))).not.toContain('umgerechnet');
  });
});
