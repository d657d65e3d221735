import { describe, expect, it } from 'vitest';
import {
  describeEffectChart,
  differenceUnit,
  effectChart,
  effectFacts,
  effectStart,
  matchingIntro,
  matchingRows,
  reliabilityWarnings,
  seriesRows,
  signed,
} from './effect-view.ts';
import { goal, measure } from './fixture.test-data.ts';
import type { MeasureEffect } from './measures-api.ts';

const NBSP = '\u00a0';

/** An answer of the effect route as the demo city gives it (one treated area, start 2022). */
const effect = (over: Partial<MeasureEffect> = {}): MeasureEffect => ({
  measure: 1,
  goal: 1,
  indicator: 'sgb2_quote',
  level: 'sozialraum',
  start: 2022,
  estimate: -1.25,
  treatedChange: -1.5,
  comparisonChange: -0.25,
  interval: { lower: -2.04, upper: -0.41, level: 0.95 },
  p: 0.012,
  runs: 1000,
  nTreated: 1,
  nComparison: 3,
  periods: { pre: [2019, 2020, 2021], post: [2022, 2023] },
  matching: {
    dims: ['level', 'trend', 'size'],
    stats: [],
    rows: [
      {
        key: '105',
        features: { level: 10.88, trend: -0.0507, size: Math.log(5947) },
        comparisons: [
          { key: '601', distance: 0.2319, features: { level: 10, trend: 0.12, size: Math.log(6001) } },
          { key: '999', distance: 0.4529, features: { level: 9.13, trend: null, size: null } },
        ],
      },
    ],
  },
  series: [
    { year: 2019, treated: 10.1, comparison: 9.29 },
    { year: 2020, treated: 10.99, comparison: null },
    { year: 2021, treated: 10.54, comparison: 9.39 },
    { year: 2022, treated: 9.5, comparison: 9.6 },
    { year: 2023, treated: 8.75, comparison: 9.7 },
  ],
  dropped: [],
  reliability: {
    reliable: true,
    comparisonPool: 61,
    preYears: 3,
    fewComparisons: false,
    fewPreYears: false,
    noInterval: false,
    minComparisons: 10,
    minPreYears: 2,
  },
  text: { verdict: 'favourable', sentences: ['…'], notes: [] },
  ...over,
});

const rate = goal({ unit: '%', decimals: 1 });

describe('effectStart', () => {
  it('is the start date, else the date of the decision, else none (as on the server)', () => {
    const decision = { body: 'Ausschuss', meeting: '', date: '2021-11-18', text: '' };
    expect(effectStart(measure({ id: 1, startDate: '2022-01-01', decision }))).toBe('2022-01-01');
    expect(effectStart(measure({ id: 1, decision }))).toBe('2021-11-18');
    expect(effectStart(measure({ id: 1 }))).toBeNull();
  });
});

describe('signed and differenceUnit', () => {
  it('shows the direction with a real minus sign and none for zero', () => {
    expect(signed(0.44, 1)).toBe('+0,4');
    expect(signed(-1.25, 1)).toBe('−1,3');
    expect(signed(-0.01, 1)).toBe('0,0');
    expect(signed(1234.5, 0)).toBe('+1.235');
  });

  it('says a difference of percentages in percentage points', () => {
    expect(differenceUnit('%')).toBe('Prozentpunkte');
    expect(differenceUnit('je 1.000 EW')).toBe('je 1.000 EW');
  });
});

describe('effectFacts', () => {
  it('gives estimate and interval in the unit of a difference, then what the estimate rests on', () => {
    expect(effectFacts(effect(), rate)).toEqual([
      { term: 'Unterschied (Schätzung)', value: `−1,3${NBSP}Prozentpunkte` },
      { term: `Unsicherheitsbereich (95${NBSP}%)`, value: `−2,0 bis −0,4${NBSP}Prozentpunkte` },
      { term: 'p-Wert (Placebo)', value: '0,012' },
      { term: 'Maßnahmegebiete', value: '1' },
      { term: 'ähnliche Gebiete (Vergleich)', value: '3 aus 61 Gebieten ohne die Maßnahme' },
      { term: 'Placebo-Läufe', value: '1.000' },
      { term: 'Jahre vor / ab Beginn', value: '2019–2021 / 2022–2023' },
    ]);
  });

  it('says what is missing instead of a number', () => {
    const facts = effectFacts(
      effect({ estimate: null, interval: null, p: null, runs: 0, periods: { pre: [2021], post: [] } }),
      rate,
    );
    expect(facts.map((f) => f.value)).toEqual([
      'nicht schätzbar',
      'keiner',
      '1',
      '3 aus 61 Gebieten ohne die Maßnahme',
      '0',
      '2021 / –',
    ]);
  });
});

describe('reliabilityWarnings', () => {
  it('is empty for a reliable estimate', () => {
    expect(reliabilityWarnings(effect().reliability)).toEqual([]);
  });

  it('names every reason an estimate is not reliable, with the minimum', () => {
    const r = {
      ...effect().reliability,
      reliable: false,
      comparisonPool: 4,
      preYears: 1,
      fewComparisons: true,
      fewPreYears: true,
      noInterval: true,
    };
    expect(reliabilityWarnings(r)).toEqual([
      'zu wenige Vergleichsgebiete (4, mindestens 10)',
      'zu wenige Jahre vor Beginn (1, mindestens 2)',
      'kein Unsicherheitsbereich: zu wenige Gebiete für die Placebo-Läufe',
    ]);
  });
});

describe('chart and table of the yearly means', () => {
  it('keeps gaps as gaps and marks the start year when it is on the axis', () => {
    expect(effectChart(effect())).toEqual({
      years: ['2019', '2020', '2021', '2022', '2023'],
      treated: [10.1, 10.99, 10.54, 9.5, 8.75],
      comparison: [9.29, null, 9.39, 9.6, 9.7],
      start: '2022',
    });
    expect(effectChart(effect({ start: 2030 })).start).toBeNull();
  });

  it('gives the table rows with the period and the values with their unit', () => {
    const rows = seriesRows(effect(), rate);
    expect(rows[1]).toEqual({ year: 2020, phase: 'vor Beginn', treated: `11,0${NBSP}%`, comparison: '–' });
    expect(rows[3]).toEqual({
      year: 2022,
      phase: 'ab Beginn',
      treated: `9,5${NBSP}%`,
      comparison: `9,6${NBSP}%`,
    });
  });

  it('says every year in the text alternative', () => {
    const text = describeEffectChart(effect(), rate);
    expect(text).toMatch(/^Liniendiagramm: Mittelwert SGB-II-Quote je Jahr .* Beginn der Maßnahme 2022\./);
    expect(text).toContain(`2020: Maßnahmegebiete 11,0${NBSP}%, ähnliche Gebiete –`);
    expect(text).toMatch(/2023: Maßnahmegebiete 8,8\u00a0%, ähnliche Gebiete 9,7\u00a0%\.$/);
  });
});

describe('matchingRows', () => {
  const names = new Map([
    ['105', 'Gerichtsviertel'],
    ['601', 'Am Hang'],
  ]);

  it('lists each treated area, then its comparisons with distance and the features in German', () => {
    const rows = matchingRows(effect(), rate, names);
    expect(rows).toEqual([
      {
        id: '105',
        key: '105',
        name: 'Gerichtsviertel',
        treated: true,
        role: 'Maßnahmegebiet',
        distance: '–',
        level: `10,9${NBSP}%`,
        trend: `−0,05${NBSP}Prozentpunkte je Jahr`,
        size: 'etwa 5.947',
      },
      {
        id: '105|601',
        key: '601',
        name: 'Am Hang',
        treated: false,
        role: 'Vergleichsgebiet für Gerichtsviertel',
        distance: '0,23',
        level: `10,0${NBSP}%`,
        trend: `+0,12${NBSP}Prozentpunkte je Jahr`,
        size: 'etwa 6.001',
      },
      {
        id: '105|999',
        key: '999',
        // an area the names do not know (a layout since changed) keeps its key
        name: '999',
        treated: false,
        role: 'Vergleichsgebiet für Gerichtsviertel',
        distance: '0,45',
        level: `9,1${NBSP}%`,
        trend: '–',
        size: '–',
      },
    ]);
  });

  it('gives rows a comparison area shares between treated areas a key of their own', () => {
    const base = effect().matching.rows[0]!;
    const twice = effect({
      matching: { ...effect().matching, rows: [base, { ...base, key: '106' }] },
    });
    const ids = matchingRows(twice, rate, names).map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('says in the intro by which features and how many comparisons per area', () => {
    expect(matchingIntro(effect())).toContain('die 2 Gebiete ohne die Maßnahme');
    expect(matchingIntro(effect())).toContain('nach Niveau, Trend und Größe.');
    const two = effect({ matching: { ...effect().matching, dims: ['level', 'trend'] } });
    expect(matchingIntro(two)).toContain('nach Niveau und Trend.');
  });
});
