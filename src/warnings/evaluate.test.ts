/** The indicator rules on small hand-made tables: what fires, what does not, and the exact reason. */
import { describe, expect, it } from 'vitest';
import type { Cell } from '../core/value-status.ts';
import type { Indicator } from '../indicators/indicator.schema.ts';
import type { IndicatorGrid } from '../indicators/level-table.ts';
import { evaluateIndicatorRule, type EvaluationTable, type IndicatorRule } from './evaluate.ts';
import { WarningRule } from './warning.schema.ts';

const _ = '\u00a0';
const DATES = ['2019-12-31', '2020-12-31', '2021-12-31', '2022-12-31', '2023-12-31', '2024-12-31'];
const LAST = DATES.length - 1;
const AREAS = ['A', 'B', 'C', 'D', 'E'];

const indicator = (key: string, polarity: Indicator['polarity'], theme = 'Soziale Lage'): Indicator => ({
  key,
  name: key === 'quote' ? 'SGB-II-Quote' : key === 'beschaeftigung' ? 'Beschäftigungsquote' : 'Frauenanteil',
  theme,
  numerator: 'x',
  denominator: 'y',
  formula: 'share',
  periodYears: null,
  unit: '%',
  polarity,
  decimals: 1,
  description: '',
  source: '',
  updateCycle: '',
  published: true,
  classification: null,
  target: null,
});

type Series = (number | 'secret' | null)[];
const cell = (v: number | 'secret' | null): Cell =>
  v === 'secret'
    ? { value: null, status: 'secret' }
    : v === null
      ? { value: null, status: 'missing' }
      : { value: v, status: 'value' };

/** A level table from one series per area (values by Stichtag) and the city series. */
function table(
  grids: { ind: Indicator; areas: Series[]; city: number[] }[],
  population = AREAS.map(() => 1000),
): EvaluationTable {
  const map = new Map<string, IndicatorGrid>();
  for (const g of grids)
    map.set(g.ind.key, {
      indicator: g.ind,
      cells: DATES.map((_d, t) => g.areas.map((s) => cell(s[t] ?? null))),
      city: g.city.map((v) => cell(v)),
      parents: new Map(),
    });
  return {
    level: 'sozialraum',
    dates: DATES,
    areas: AREAS.map((key, id) => ({
      id,
      key,
      name: `Gebiet ${key}`,
      parentKey: id < 3 ? 'P1' : 'P2',
      parentName: id < 3 ? 'Bezirk 1' : 'Bezirk 2',
    })),
    population: DATES.map(() => population),
    grids: map,
  };
}

const rule = (r: Record<string, unknown>) =>
  WarningRule.parse({ key: 'regel', name: 'Regel', severity: 'hoch', ...r }) as IndicatorRule;
const fired = (entries: { area: string }[]) => entries.map((e) => e.area);
const quote = indicator('quote', 'high_bad');
const city = [10, 10, 10, 10, 10, 10];

describe('threshold rules', () => {
  const t = table([
    {
      ind: quote,
      areas: [
        [28, 29, 29, 29, 29, 30.04], // shown as 30,0: not above 30
        [28, 29, 29, 31, 32, 32.14], // above, but not crossing now
        [28, 29, 29, 29, 29.8, 30.6], // crossed now
        [28, 29, 29, 29, 'secret', 31], // above; crossing unknown (previous secret)
        [28, 29, 29, 29, 29, 'secret'], // secret: never fires
      ],
      city,
    },
  ]);

  it('„above“ fires for every area beyond the value as shown', () => {
    const entries = evaluateIndicatorRule(
      rule({ kind: 'threshold', indicator: 'quote', direction: 'above', value: 30, crossing: false }),
      t,
      LAST,
    );
    expect(fired(entries)).toEqual(['B', 'C', 'D']);
    expect(entries[0]).toEqual({
      rule: 'regel',
      ruleName: 'Regel',
      kind: 'threshold',
      indicator: 'quote',
      indicatorName: 'SGB-II-Quote',
      theme: 'Soziale Lage',
      level: 'sozialraum',
      area: 'B',
      areaName: 'Gebiet B',
      parent: 'P1',
      date: '2024-12-31',
      value: 32.14,
      severity: 'hoch',
      reason: `Die SGB-II-Quote liegt am 31.12.2024 mit 32,1${_}% über dem Schwellenwert von 30,0${_}%.`,
    });
  });

  it('„crossing“ fires only where the previous value was on the other side', () => {
    const entries = evaluateIndicatorRule(
      rule({ kind: 'threshold', indicator: 'quote', direction: 'above', value: 30, crossing: true }),
      t,
      LAST,
    );
    expect(fired(entries)).toEqual(['C']);
    expect(entries[0]!.reason).toBe(
      `Die SGB-II-Quote ist vom 31.12.2023 zum 31.12.2024 von 29,8${_}% auf 30,6${_}% gestiegen ` +
        `und hat damit den Schwellenwert von 30,0${_}% überschritten.`,
    );
    // one Stichtag earlier, B crossed
    expect(
      fired(
        evaluateIndicatorRule(
          rule({ kind: 'threshold', indicator: 'quote', direction: 'above', value: 30, crossing: true }),
          t,
          3,
        ),
      ),
    ).toEqual(['B']);
  });

  it('„below“ looks the other way', () => {
    const entries = evaluateIndicatorRule(
      rule({ kind: 'threshold', indicator: 'quote', direction: 'below', value: 30.5, crossing: false }),
      t,
      LAST,
    );
    expect(fired(entries)).toEqual(['A']);
  });

  it('skips areas below the minimum population', () => {
    const small = table(
      [{ ind: quote, areas: [[], [], [28, 29, 29, 29, 29.8, 30.6]], city }],
      [1000, 1000, 299],
    );
    const r = { kind: 'threshold', indicator: 'quote', direction: 'above', value: 30, crossing: false };
    expect(fired(evaluateIndicatorRule(rule({ ...r, minPopulation: 300 }), small, LAST))).toEqual([]);
    expect(fired(evaluateIndicatorRule(rule({ ...r, minPopulation: 299 }), small, LAST))).toEqual(['C']);
  });
});

describe('rising rules', () => {
  const good = indicator('beschaeftigung', 'high_good', 'Arbeit');
  const neutral = indicator('frauen', 'neutral', 'Demografie');
  const t = table([
    {
      ind: quote,
      areas: [
        [10, 11, 12, 13, 14, 15], // 5 rises
        [10, 9, 10, 11, 12, 13], // 4 rises
        [10, 11, 12, 12.02, 13, 14], // 12,0 → 12,0 is no rise: 2 rises
        [10, 11, 'secret', 13, 14, 15], // gap: 2 rises
        [15, 14, 13, 12, 11, 10], // falling: good for a high_bad indicator
      ],
      city,
    },
    {
      ind: good,
      areas: [
        [60, 59, 58, 57, 56, 55],
        [55, 56, 57, 58, 59, 60],
      ],
      city: [50, 50, 50, 50, 50, 50],
    },
    { ind: neutral, areas: [[1, 2, 3, 4, 5, 6]], city },
  ]);

  it('fires after n changes in the bad direction and states the run', () => {
    const entries = evaluateIndicatorRule(rule({ kind: 'rising', indicator: 'quote', periods: 4 }), t, LAST);
    expect(fired(entries)).toEqual(['A', 'B']);
    expect(entries[1]!.reason).toBe(
      `Die SGB-II-Quote ist seit 4 Jahren in Folge gestiegen, zuletzt von 12,0${_}% auf 13,0${_}% am 31.12.2024 ` +
        `(insgesamt +4,0${_}Pp. seit dem 31.12.2020).`,
    );
    expect(entries[1]!.value).toBe(13);
  });

  it('takes falling as the bad direction of high_good indicators; null means every indicator with a polarity', () => {
    const entries = evaluateIndicatorRule(rule({ kind: 'rising', indicator: null, periods: 3 }), t, LAST);
    expect(entries.map((e) => `${e.indicator}:${e.area}`)).toEqual([
      'quote:A',
      'quote:B',
      'beschaeftigung:A',
    ]);
    expect(entries[2]!.reason).toBe(
      `Die Beschäftigungsquote ist seit 5 Jahren in Folge gesunken, zuletzt von 56,0${_}% auf 55,0${_}% am 31.12.2024 ` +
        `(insgesamt -5,0${_}Pp. seit dem 31.12.2019).`,
    );
  });
});

describe('deviation rules', () => {
  const good = indicator('beschaeftigung', 'high_good', 'Arbeit');
  // at the last Stichtag: quote 10, 10, 10, 10, 30 → mean 14, population SD 8; city 12
  const t = table([
    {
      ind: quote,
      areas: [[10], [10], [10], [10], [30]].map((s) => [...DATES.slice(1).map(() => 10), s[0]!]),
      city: [12, 12, 12, 12, 12, 12],
    },
    {
      ind: good,
      areas: [[50], [50], [50], [50], [30]].map((s) => [...DATES.slice(1).map(() => 50), s[0]!]),
      city: [46, 46, 46, 46, 46, 46],
    },
  ]);

  it('fires where the value lies more than k SD from the city, in the bad direction', () => {
    const entries = evaluateIndicatorRule(rule({ kind: 'deviation', indicator: null, k: 2 }), t, LAST);
    expect(entries.map((e) => `${e.indicator}:${e.area}`)).toEqual(['quote:E']);
    // (30 − 12) / 8 = 2.25 > 2; for the good indicator (30 − 46) / 8 = −2.0 is not beyond 2
    expect(entries[0]!.reason).toBe(
      `Die SGB-II-Quote liegt am 31.12.2024 mit 30,0${_}% um 18,0${_}Pp. über dem Stadtwert von 12,0${_}%, ` +
        `das sind 2,3 Standardabweichungen (eine Standardabweichung: 8,0${_}Pp.; Schwelle: 2).`,
    );
    const lower = evaluateIndicatorRule(
      rule({ kind: 'deviation', indicator: 'beschaeftigung', k: 1.5 }),
      t,
      LAST,
    );
    expect(fired(lower)).toEqual(['E']);
    expect(lower[0]!.reason).toContain('um 16,0\u00a0Pp. unter dem Stadtwert von 46,0\u00a0%');
  });

  it('gives nothing where all areas are equal (no spread)', () => {
    expect(evaluateIndicatorRule(rule({ kind: 'deviation', indicator: 'quote', k: 1 }), t, 0)).toEqual([]);
  });
});
