import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { buildChoropleth } from '../map/choropleth.ts';
import { CoverageTable } from './CoverageTable.tsx';
import type { SideBySide } from './coverage-rows.ts';

const row = (area: string, name: string, level?: [string, string]): SideBySide => ({
  area,
  name,
  ...(level && { level: level[0], levelName: level[1] }),
  supply: 10,
  demand: 20,
  rate: 50,
  balance: -10,
  status: 'value',
  scenario: null,
});

const GEMEINDE: [string, string] = ['gemeinde', 'Gemeinde'];
const SOZIALRAUM: [string, string] = ['sozialraum', 'Sozialraum'];

const table = (totals: SideBySide[]) =>
  renderToStaticMarkup(
    createElement(CoverageTable, {
      levelName: 'Wohnplatz',
      parentLevelName: 'Gemeinde',
      normName: 'Kita U3',
      unit: 'Plätze',
      date: '2024-12-31',
      rows: [row('w1', 'Cestadt-Süd')],
      totals,
      scenario: null,
      choropleth: buildChoropleth([], { polarity: 'high_good', decimals: 1, unit: '%' }),
      selectedId: null,
      highlightId: null,
      onOpen: () => undefined,
      onFocusArea: () => undefined,
    }),
  );

/** The text of the parent rows' header cells (tags dropped). */
const totalsText = (html: string) =>
  html
    .split('data-testid="coverage-totals"')[1]!
    .split('<tr')
    .slice(1)
    .map((r) => r.replace(/<[^>]+>/g, '').replace(/^[^>]*>/, ''));

describe('CoverageTable', () => {
  it('names each parent row’s own level where the parents lie on several levels', () => {
    const [group, sozialraum, gemeinde] = totalsText(
      table([row('S02', 'Cestadt-Land', SOZIALRAUM), row('122', 'Bedorf', GEMEINDE), row('k', 'Kreis')]),
    );
    expect(group).toContain('Sozialraum, Gemeinde und Stadt');
    expect(sozialraum).toContain('Cestadt-Land (Sozialraum)');
    expect(gemeinde).toContain('Bedorf (Gemeinde)');
  });

  it('keeps the parent rows as they were where every parent lies on the parent level', () => {
    const [group, gemeinde] = totalsText(table([row('122', 'Bedorf', GEMEINDE), row('k', 'Kreis')]));
    expect(group).toContain('Gemeinde und Stadt');
    expect(gemeinde).toContain('Bedorf');
    expect(gemeinde).not.toContain('(Gemeinde)');
  });
});
