/**
 * The Steckbrief's indicator table and index matrix of a real city that lacks data: Berlin's
 * Planungsräume have no 5-year change at 2024 (the LOR 2021 begin later), and no city delivers
 * SGB II counts at first, so the Berlin index never classifies an area.
 */
import { describe, expect, it } from 'vitest';
import type { LevelTable } from '../indicators/level-table.ts';
import type { ProfileIndicator, ProfileIndex, Steckbrief } from '../profile/profile.schema.ts';
import { indicatorTable, matrix, robustnessText } from './area-blocks.ts';
import type { Ctx, ReportBlock, ReportTable } from './report-model.ts';

const none = { value: null, status: 'missing' } as const;
const indicator = (key: string, name: string, value: number | null): ProfileIndicator => ({
  key,
  name,
  theme: 'Demografie',
  unit: '%',
  changeUnit: 'Pp.',
  decimals: 1,
  polarity: 'neutral',
  formula: 'share',
  value: value === null ? none : { value, status: 'value' },
  district: value === null ? none : { value: value - 1, status: 'value' },
  city: value === null ? none : { value: value + 1, status: 'value' },
  difference: value === null ? null : -1,
  deviation: null,
  rank: value === null ? null : 280,
  rankOf: value === null ? 0 : 530,
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
});

const share65 = indicator('anteil_65plus', 'Anteil 65 Jahre und älter', 19);
const change5 = indicator('bevoelkerungsentwicklung_5j', 'Bevölkerungsentwicklung (5 Jahre)', null);
const berlinIndex: ProfileIndex = {
  key: 'berlin_mss',
  name: 'Monitoring Soziale Stadtentwicklung',
  parts: [{ key: 'status', label: 'Status-Index', classes: [{ code: '1', label: 'hoch', severity: 0 }] }],
  current: { valid: false, invalidReason: 'Fehlende Werte: SGB-II-Quote.', code: null, parts: {} },
  history: [],
  robustness: null,
};
const profile = (index: ProfileIndex | null): Steckbrief => ({
  area: {
    id: '01100103',
    name: 'Lützowstraße',
    level: 'planungsraum',
    levelName: 'Planungsraum',
    parent: '011001',
    parentName: 'Tiergarten Süd',
    parentLevelName: 'Bezirksregion',
    areaKm2: 0.5,
  },
  date: '2024-12-31',
  dates: ['2023-12-31', '2024-12-31'],
  years: 5,
  unprotected: false,
  own: false,
  themes: [{ theme: 'Demografie', indicators: [change5, share65] }],
  index,
  warnings: [],
  text: [],
  highlights: [],
  projection: null,
});
const ctx = (p: Steckbrief) =>
  ({
    profile: p,
    indicators: new Map([change5, share65].map((i) => [i.key, i])),
    table: { unavailable: new Map(), grids: new Map(), dates: p.dates, areas: [] } as unknown as LevelTable,
    cityName: 'Berlin',
  }) as unknown as Ctx;

describe('Steckbrief blocks of a city that lacks data', () => {
  it('leaves out an indicator without any value at the Stichtag instead of a row of dashes', () => {
    const table = indicatorTable({ type: 'indicator_table', indicators: [] } as never, ctx(profile(null)));
    expect(table.rows).toEqual([['Anteil 65 Jahre und älter (%)', '19,0', '18,0', '20,0', '280/530', '–']]);
  });

  it('says that the area is not classified instead of an index table without rows', () => {
    expect(matrix(profile(berlinIndex))).toEqual<ReportBlock[]>([
      {
        kind: 'note',
        text: 'Im Index „Monitoring Soziale Stadtentwicklung“ ist Lützowstraße nicht eingestuft (Fehlende Werte: SGB-II-Quote).',
      },
    ]);
    const classified = matrix(
      profile({
        ...berlinIndex,
        history: [
          { date: '2023-12-31', code: null, parts: {} },
          { date: '2024-12-31', code: '1', parts: { status: { index: 0.4, class: '1' } } },
        ],
      }),
    );
    expect((classified[0] as ReportTable).rows).toEqual([['31.12.2024', 'hoch', '1']]);
    expect(matrix(profile(null))).toEqual([]);
  });
});

describe('robustnessText', () => {
  const r = { rank: 6, rankOf: 62, runs: 1000, rankLow: 6, rankHigh: 6, robust: true };

  it('says a constant rank as one rank, never „zwischen 6 und 6“', () => {
    expect(robustnessText(r)).toBe(
      'Rang 6 von 62 (1 = höchster Handlungsbedarf). In 90 % der 1.000 Simulationen blieb der Rang bei 6, ' +
        'die Klassen blieben in mindestens 90 % gleich – die Einordnung ist robust.',
    );
  });

  it('explains a constant rank with a changing class instead of contradicting itself', () => {
    expect(robustnessText({ ...r, robust: false })).toContain(
      'blieb der Rang bei 6, die Klasse wechselte dennoch in mehr als 10 % – die Einordnung ist nicht robust.',
    );
  });

  it('gives the range when the rank moves', () => {
    expect(robustnessText({ ...r, rankLow: 4, rankHigh: 9, robust: false })).toContain(
      'lag der Rang zwischen 4 und 9, die Klasse wechselte in mehr als 10 %',
    );
  });
});
