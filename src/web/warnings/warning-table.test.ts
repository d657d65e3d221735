import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { WarningEntry } from './warnings-api.ts';
import { WarningTable } from './WarningTable.tsx';

const entry = (area: string, converted?: WarningEntry['converted']): WarningEntry => ({
  rule: 'ew_ueber_10',
  ruleName: 'Viele Einwohner',
  kind: 'threshold',
  indicator: 'einwohner',
  indicatorName: 'Einwohner',
  theme: 'Demografie',
  level: 'planungsraum',
  area,
  areaName: `Gebiet ${area}`,
  parent: null,
  date: '2021-06-30',
  value: 100,
  severity: 'mittel',
  reason: `Gebiet ${area}: 100 Einwohner.`,
  ...(converted && { converted }),
});

describe('WarningTable', () => {
  it('says under a reason which compared values were converted, and nothing under the others', () => {
    const html = renderToStaticMarkup(
      createElement(WarningTable, {
        entries: [entry('M', [{ date: '2020-12-31', method: 'area', from: '2000-01-01' }]), entry('L')],
        date: '2021-06-30',
        parentNames: new Map(),
      }),
    );
    const rows = html.split('<tr').slice(2);
    expect(rows[0]).toContain(
      'Wert vom 31.12.2020 umgerechnet vom Gebietsstand 01.01.2000 (flächengewichtet)',
    );
    expect(rows[0]).toContain('data-testid="warning-converted"');
    expect(rows[1]).not.toContain('umgerechnet');
  });
});
