import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ProfileWarning } from './api.ts';
import { WarningsList } from './WarningsList.tsx';

const warning = (rule: string, converted?: ProfileWarning['converted']): ProfileWarning => ({
  rule,
  ruleName: `Regel ${rule}`,
  kind: 'threshold',
  indicator: 'einwohner',
  indicatorName: 'Einwohner',
  theme: 'Demografie',
  level: 'planungsraum',
  area: 'M',
  areaName: 'Gebiet M',
  parent: null,
  date: '2021-06-30',
  value: 100,
  severity: 'mittel',
  reason: 'Die Einwohnerzahl ist von 85 auf 100 gestiegen.',
  ...(converted && { converted }),
});

describe('WarningsList', () => {
  it('says under a warning which compared values were converted, and nothing under the others', () => {
    const html = renderToStaticMarkup(
      createElement(WarningsList, {
        warnings: [
          warning('a', [{ date: '2020-12-31', method: 'population', from: '2000-01-01' }]),
          warning('b'),
        ],
      }),
    );
    const [first, second] = html.split('<li').slice(1);
    expect(first).toContain(
      'Wert vom 31.12.2020 umgerechnet vom Gebietsstand 01.01.2000 (einwohnergewichtet)',
    );
    expect(second).not.toContain('umgerechnet');
  });
});
