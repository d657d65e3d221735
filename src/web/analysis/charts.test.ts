import { describe, expect, it } from 'vitest';
import type { StatTable } from '../../analysis/table.schema.ts';
import type { IndicatorValue } from '../../indicators/indicator.schema.ts';
import { boxGroups, plotted, radarAxes, ranking, scatterPoints } from './chart-data.ts';
import { binPosition, boxplotChart, edgeText, histogramChart } from './distribution-charts.ts';
import { radarChart, rankingChart, regressionText, scatterChart, wrap } from './relation-charts.ts';
import { histogram, regression } from './stats.ts';

const v = (id: string, name: string, value: number | null, status: IndicatorValue['status'] = 'value') => ({
  id,
  name,
  value,
  status,
  numerator: null,
  denominator: null,
});
const xs = [
  v('1', 'Altstadt', 10),
  v('2', 'Bahnhof', 20),
  v('3', 'Chaussee', null, 'secret'),
  v('4', 'Anger', 20),
  v('5', 'Dom', 5),
];
const ys = [
  v('1', 'Altstadt', 1),
  v('2', 'Bahnhof', 2.5),
  v('3', 'Chaussee', 3),
  v('4', 'Anger', 2),
  v('5', 'Dom', null, 'missing'),
];
const ind = { name: 'Quote', unit: '%', decimals: 1 };

describe('chart data', () => {
  it('plots shown values of visible areas only', () => {
    expect(plotted(xs, null).map((p) => p.id)).toEqual(['1', '2', '4', '5']);
    expect(plotted(xs, new Set(['2', '3'])).map((p) => p.id)).toEqual(['2']);
  });

  it('ranks highest first, ties by German name order', () => {
    expect(ranking(plotted(xs, null)).map((p) => p.name)).toEqual(['Anger', 'Bahnhof', 'Altstadt', 'Dom']);
  });

  it('pairs areas with both values', () => {
    expect(scatterPoints(xs, ys, null)).toEqual([
      { id: '1', name: 'Altstadt', x: 10, y: 1 },
      { id: '2', name: 'Bahnhof', x: 20, y: 2.5 },
      { id: '4', name: 'Anger', x: 20, y: 2 },
    ]);
    expect(scatterPoints(xs, ys, new Set(['4'])).map((p) => p.id)).toEqual(['4']);
  });

  it('groups by parent area, ordered by name', () => {
    const parentOf = new Map([
      ['1', 'n'],
      ['2', 's'],
      ['4', 's'],
      ['5', 'n'],
    ]);
    const groups = boxGroups(
      plotted(xs, null),
      parentOf,
      new Map([
        ['n', 'Nord'],
        ['s', 'Süd'],
      ]),
      'Alle',
    );
    expect(groups.map((g) => [g.name, g.members.map((m) => m.id), g.stats.median])).toEqual([
      ['Nord', ['1', '5'], 7.5],
      ['Süd', ['2', '4'], 20],
    ]);
    expect(boxGroups(plotted(xs, null), new Map(), new Map(), 'Alle').map((g) => g.name)).toEqual(['Alle']);
  });

  it('standardises an area against the city with the SD of all areas', () => {
    const cell = (value: number | null, status: 'value' | 'secret' = 'value') => ({
      value,
      status,
      numerator: null,
      denominator: null,
    });
    const table: StatTable = {
      level: 'l',
      levelName: 'L',
      parentLevelName: null,
      cityName: 'S',
      date: '2024-12-31',
      withCounts: false,
      columns: [
        { key: 'a', name: 'A', unit: '%', decimals: 1, polarity: 'high_bad', source: '', target: null },
        { key: 'b', name: 'B', unit: '%', decimals: 1, polarity: 'high_bad', source: '', target: null },
      ],
      rows: [
        {
          kind: 'area',
          key: 'x',
          name: 'X',
          parentKey: null,
          level: 'sozialraum',
          levelName: 'Sozialraum',
          cells: [cell(2), cell(null, 'secret')],
        },
        {
          kind: 'area',
          key: 'y',
          name: 'Y',
          parentKey: null,
          level: 'sozialraum',
          levelName: 'Sozialraum',
          cells: [cell(6), cell(1)],
        },
        {
          kind: 'city',
          key: '',
          name: 'S',
          parentKey: null,
          level: null,
          levelName: null,
          cells: [cell(3), cell(1)],
        },
      ],
    };
    // SD of 2 and 6 (population) = 2
    expect(radarAxes(table, 'x')).toEqual([
      { key: 'a', name: 'A', unit: '%', decimals: 1, value: 2, status: 'value', city: 3, deviation: -0.5 },
      {
        key: 'b',
        name: 'B',
        unit: '%',
        decimals: 1,
        value: null,
        status: 'secret',
        city: 1,
        deviation: null,
      },
    ]);
    expect(radarAxes(table, 'nope')).toBeNull();
    const chart = radarChart('X', radarAxes(table, 'x')!);
    // the secret axis is left out of the drawing, not drawn as "like the city"
    expect(chart.option.radar).toMatchObject({ indicator: [{ name: 'A', min: -3, max: 3 }] });
    expect(chart.description).toContain('B · (Stadt 1,0\u00a0%)');
  });
});

describe('chart options', () => {
  it('histogram: bins as categories, the city line inside its bin, areas found in their bin', () => {
    const points = plotted(xs, null);
    const chart = histogramChart(ind, points, 12.5, new Set(['2']));
    const bins = histogram(points.map((p) => p.value));
    expect(chart.option.xAxis).toMatchObject({
      data: bins.map((b) => `${edgeText(b.x0, 1)}–${edgeText(b.x1, 1)}`),
    });
    const series = (chart.option.series as { markLine: { data: { xAxis: number }[] } }[])[0]!;
    expect(series.markLine.data[0]!.xAxis).toBe(binPosition(bins, 12.5));
    expect(chart.find('2')).toEqual([
      { seriesIndex: 0, dataIndex: bins.findIndex((b) => b.x0 <= 20 && 20 <= b.x1) },
    ]);
    expect(chart.idAt({ seriesIndex: 0, dataIndex: 0 })).toBeNull();
    expect(chart.description).toMatch(/^Histogramm Quote\. /);
  });

  it('bin positions interpolate inside the bin', () => {
    const bins = [
      { x0: 0, x1: 10, count: 1 },
      { x0: 10, x1: 20, count: 1 },
    ];
    expect(binPosition(bins, 15)).toBe(1);
    expect(binPosition(bins, 10)).toBe(0.5);
    expect(binPosition(bins, 25)).toBeNull();
    expect(edgeText(12.5, 1)).toBe('12,5');
    expect(edgeText(100, 1)).toBe('100');
    expect(edgeText(1000, 0)).toBe('1.000');
  });

  it('ranking: bars in rank order with city and target lines, selection dark', () => {
    const ranked = ranking(plotted(xs, null));
    const chart = rankingChart(ind, ranked, 12, 9.5, new Set(['4']));
    const series = (
      chart.option.series as {
        data: { value: number; itemStyle: { color: string } }[];
        markLine: { data: { yAxis: number }[] };
      }[]
    )[0]!;
    expect(series.data.map((d) => d.value)).toEqual([20, 20, 10, 5]);
    expect(series.data[0]!.itemStyle.color).toBe('#0b2540');
    expect(series.markLine.data.map((d) => d.yAxis)).toEqual([12, 9.5]);
    expect(chart.idAt({ seriesIndex: 0, dataIndex: 1 })).toBe('2');
    expect(chart.find('5')).toEqual([{ seriesIndex: 0, dataIndex: 3 }]);
    expect(chart.description).toBe(
      'Rangfolge Quote, 4 Gebiete, höchster Wert zuerst: Anger 20,0\u00a0%, Bahnhof 20,0\u00a0%, Altstadt 10,0\u00a0%. Stadtwert 12,0\u00a0%.',
    );
  });

  it('scatter: points by area and the least-squares line over the x range', () => {
    const points = scatterPoints(xs, ys, null);
    const fit = regression(points.map((p) => [p.x, p.y] as const));
    const chart = scatterChart(ind, { ...ind, name: 'Y' }, points, fit, new Set());
    const line = (chart.option.series as { data: number[][] }[])[1]!.data;
    expect(line[0]![0]).toBe(10);
    expect(line[1]![0]).toBe(20);
    expect(line[0]![1]).toBeCloseTo(fit!.slope * 10 + fit!.intercept, 12);
    expect(chart.idAt({ seriesIndex: 0, dataIndex: 2 })).toBe('4');
    expect(chart.idAt({ seriesIndex: 1, dataIndex: 0 })).toBeNull();
    expect(chart.description).toContain('r = 0,94 (Pearson, n = 3)');
  });

  it('wraps long radar labels at spaces', () => {
    expect(wrap('Leistungsberechtigte nach SGB II je 1.000 Einwohner', 20)).toBe(
      'Leistungsberechtigte\nnach SGB II je 1.000\nEinwohner',
    );
    expect(wrap('Kurz')).toBe('Kurz');
  });

  it('writes the regression in German', () => {
    expect(regressionText({ slope: 1.4234, intercept: -0.3, r: 0.8164, n: 61 })).toEqual([
      'r = 0,82 (Pearson, n = 61)',
      'y = 1,42 · x − 0,30',
    ]);
  });

  it('boxplot: five figures per group and one point per area', () => {
    const parentOf = new Map([
      ['1', 'n'],
      ['2', 's'],
      ['4', 's'],
      ['5', 'n'],
    ]);
    const groups = boxGroups(
      plotted(xs, null),
      parentOf,
      new Map([
        ['n', 'Nord'],
        ['s', 'Süd'],
      ]),
      'Alle',
    );
    const chart = boxplotChart(ind, groups, 11, new Set());
    const [boxes, dots] = chart.option.series as { data: unknown[] }[];
    expect(boxes!.data).toEqual([
      [5, 6.25, 7.5, 8.75, 10],
      [20, 20, 20, 20, 20],
    ]);
    expect(dots!.data).toHaveLength(4);
    expect(chart.find('4')).toEqual([{ seriesIndex: 1, dataIndex: 3 }]);
    expect(chart.description).toContain('Nord (2 Gebiete): Median 7,5\u00a0%');
  });
});
