import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { IndexResult } from './types.ts';
import { IndexTable } from './IndexTable.tsx';
import { IndexLegend } from './IndexLegend.tsx';
import { buildMatrix } from './matrix.ts';

const NOTE = '¹ umgerechnet vom Gebietsstand 01.01.2000 (flächengewichtet)';
const area = (id: string, index: number, converted?: IndexResult['areas'][number]['converted']) => ({
  id,
  name: `Gebiet ${id}`,
  parent: null,
  parentName: null,
  valid: true,
  invalidReason: null,
  parts: { status: { sum: index, index, class: index > 0 ? '3' : '2' } },
  z: { einwohner: index },
  values: { einwohner: 10 },
  code: index > 0 ? '3' : '2',
  ...(converted && { converted }),
});
const result = (converted: boolean): IndexResult => ({
  index: 'dichte',
  name: 'Einwohnerindex',
  level: 'planungsraum',
  date: '2020-12-31',
  parts: [
    {
      key: 'status',
      label: 'Status-Index',
      classes: [
        {
          code: '2',
          label: 'mittel',
          min: null,
          minInclusive: false,
          max: 0.5,
          maxInclusive: true,
          severity: 0.3,
        },
        {
          code: '3',
          label: 'niedrig',
          min: 0.5,
          minInclusive: false,
          max: null,
          maxInclusive: false,
          severity: 0.7,
        },
      ],
    },
  ],
  areas: [area('L', -0.4), area('M', 1.2, converted ? [{ method: 'area', from: '2000-01-01' }] : undefined)],
});

const table = (r: IndexResult) =>
  renderToStaticMarkup(
    createElement(IndexTable, {
      result: r,
      levelName: 'Planungsraum',
      parentLevelName: 'Bezirk',
      robustness: null,
      robustnessLoading: false,
      cell: null,
      selectedId: null,
      onFocusArea: () => {},
    }),
  );
const legend = (r: IndexResult) =>
  renderToStaticMarkup(
    createElement(IndexLegend, {
      result: r,
      matrix: buildMatrix(r),
      view: 'status',
      styles: new Map(),
      codeJoin: '',
      notRobust: null,
      robustnessFailed: false,
    }),
  );

describe('umgerechnet in the index table and legend', () => {
  it('marks the index value of an area with converted inputs and explains the marker once', () => {
    const html = table(result(true));
    const rows = html.split('<tr').slice(2);
    expect(rows[0]).toContain('Gebiet L');
    expect(rows[0]).not.toContain('data-testid="index-converted"');
    expect(rows[1]).toContain(
      '1,20<span class="index-table__converted" data-testid="index-converted">¹</span>',
    );
    expect(html).toContain(`data-testid="index-converted-notes"><li>${NOTE}</li>`);
    expect(legend(result(true))).toContain(`1 Gebiet hat umgerechnete Eingangswerte: ${NOTE}`);
  });

  it('says nothing where no input was converted', () => {
    expect(table(result(false))).not.toContain('umgerechnet');
    expect(legend(result(false))).not.toContain('umgerechnet');
  });
});
