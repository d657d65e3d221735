import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { CompareResult } from './typology-api.ts';
import { CompareTable } from './CompareTable.tsx';
import type { ClustersResult } from './typology-api.ts';
import { TypeAreas } from './TypeAreas.tsx';
import type { SimilarResult } from './typology-api.ts';
import { SimilarTable } from './SimilarAreas.tsx';

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

const clusters = (marked: boolean): ClustersResult => ({
  level: 'planungsraum',
  date: '2020-12-31',
  seed: 1,
  kRequested: '2',
  k: 2,
  silhouette: 0.5,
  indicators: [],
  criterion: [],
  types: [1, 2].map((n) => ({
    number: n,
    label: `Typ ${n}`,
    burden: null,
    size: 2,
    features: [],
    centre: [],
    members: n === 1 ? ['L', 'M'] : ['R', 'C2'],
  })),
  areas: ['L', 'M', 'R', 'C2'].map((key, i) => ({
    key,
    name: `Gebiet ${key}`,
    parentKey: null,
    parentName: null,
    type: i < 2 ? 1 : 2,
    silhouette: 0.5,
    values: [],
    ...(marked && key !== 'L' && { converted: [FROM] }),
  })),
  unassigned: [],
});
const typeAreas = (r: ClustersResult) => renderToStaticMarkup(createElement(TypeAreas, { result: r }));
const item = (html: string, key: string) =>
  html.split(`>Gebiet ${key}</a>`)[1]!.split('<span class="muted"')[0];

describe('umgerechnet in the areas of the types', () => {
  it('marks the areas with converted input values and explains the marker once', () => {
    const html = typeAreas(clusters(true));
    const marker = '<span class="type-areas__converted" data-testid="type-converted">¹</span>';
    expect(item(html, 'L')).toBe(' ');
    expect(item(html, 'M')).toBe(`${marker} `);
    expect(item(html, 'C2')).toBe(`${marker} `);
    expect(html.split(NOTE)).toHaveLength(2);
    expect(html).toContain(
      `data-testid="type-converted-notes" aria-label="Gebiete mit umgerechneten Eingangswerten"><li>${NOTE}</li>`,
    );
  });

  it('says nothing where no input was converted', () => {
    expect(typeAreas(clusters(false))).not.toContain('umgerechnet');
  });
});

const similar = (marked: boolean): SimilarResult => ({
  level: 'planungsraum',
  date: '2020-12-31',
  band: 'sd',
  tolerance: 1,
  reference: { key: 'L', name: 'Gebiet L', parentKey: null, parentName: null, values: [55] },
  indicators: [],
  similar: ['M', 'R'].map((key) => ({
    key,
    name: `Gebiet ${key}`,
    parentKey: null,
    parentName: null,
    distance: 0.5,
    values: [40],
    differences: [-15],
    ...(marked && key === 'R' && { converted: [FROM] }),
  })),
  incomplete: 0,
});
const similarTable = (r: SimilarResult) =>
  renderToStaticMarkup(
    createElement(SimilarTable, {
      shown: r,
      level: 'planungsraum',
      areaName: 'Gebiet L',
      captionId: 'c',
      onPick: () => {},
    }),
  );
const head = (html: string, key: string) => html.split(`>Gebiet ${key}</a>`)[1]!.split('</th>')[0];

describe('umgerechnet in the similar areas', () => {
  it('marks the similar areas with converted input values and explains the marker once', () => {
    const html = similarTable(similar(true));
    expect(head(html, 'M')).toBe('');
    expect(head(html, 'R')).toBe(
      '<span class="typology-table__converted" data-testid="similar-converted">¹</span>',
    );
    expect(html.split(NOTE)).toHaveLength(2);
    expect(html).toContain(`data-testid="similar-converted-notes"`);
  });

  it('says nothing where no input was converted', () => {
    expect(similarTable(similar(false))).not.toContain('umgerechnet');
  });
});
