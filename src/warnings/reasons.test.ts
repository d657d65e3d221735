/** The German reasons, as exact strings: numbers with decimal comma and unit, Stichtag as 31.12.2024. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE } from '../indicators/catalogue.ts';
import { absChange, plain, signedChange, subject } from './german.ts';
import { deviationReason, indexClassReason, runReason, thresholdReason } from './reasons.ts';

// number and unit are joined by a non-breaking space, as everywhere in the app (core/format.ts)
const _ = '\u00a0';
const ind = (key: string) => DEFAULT_CATALOGUE.find((i) => i.key === key)!;
const sgb2 = ind('sgb2_quote');
const kinderarmut = ind('kinderarmut');

describe('subject', () => {
  it('puts the article before known head nouns and falls back to „Der Indikator“', () => {
    expect(subject('SGB-II-Quote')).toBe('Die SGB-II-Quote');
    expect(subject('Kinderarmut (SGB II unter 15)')).toBe('Die Kinderarmut (SGB II unter 15)');
    expect(subject('Hochaltrigenanteil (80+)')).toBe('Der Hochaltrigenanteil (80+)');
    expect(subject('Durchschnittliche Haushaltsgröße')).toBe('Die durchschnittliche Haushaltsgröße');
    expect(subject('Haushalte mit Kindern')).toBe('Der Indikator „Haushalte mit Kindern“');
  });
});

describe('numbers', () => {
  it('formats changes with sign and percentage points, thresholds without trailing zeros', () => {
    expect(signedChange(1.26, sgb2)).toBe(`+1,3${_}Pp.`);
    expect(signedChange(-0.84, sgb2)).toBe(`-0,8${_}Pp.`);
    expect(signedChange(0.01, sgb2)).toBe(`0,0${_}Pp.`);
    expect(absChange(-1234.5, { name: 'x', unit: 'Personen', decimals: 0 })).toBe(`1.235${_}Personen`);
    expect(plain(2)).toBe('2');
    expect(plain(1.75)).toBe('1,75');
  });
});

describe('thresholdReason', () => {
  it('states the value beyond the threshold', () => {
    expect(
      thresholdReason({
        indicator: kinderarmut,
        direction: 'above',
        threshold: 30,
        crossing: false,
        date: '2024-12-31',
        value: 32.14,
        previousDate: '2023-12-31',
        previous: 31,
      }),
    ).toBe(
      `Die Kinderarmut (SGB II unter 15) liegt am 31.12.2024 mit 32,1${_}% über dem Schwellenwert von 30,0${_}%.`,
    );
    expect(
      thresholdReason({
        indicator: ind('einpersonenhaushalte_65'),
        direction: 'below',
        threshold: 5,
        crossing: false,
        date: '2020-12-31',
        value: 4.449,
        previousDate: null,
        previous: null,
      }),
    ).toBe(
      `Der Indikator „Einpersonenhaushalte 65+“ liegt am 31.12.2020 mit 4,4${_}% unter dem Schwellenwert von 5,0${_}%.`,
    );
  });

  it('states the crossing with both Stichtage', () => {
    expect(
      thresholdReason({
        indicator: ind('arbeitslosenanteil'),
        direction: 'above',
        threshold: 8,
        crossing: true,
        date: '2024-12-31',
        value: 8.26,
        previousDate: '2023-12-31',
        previous: 7.91,
      }),
    ).toBe(
      `Der Arbeitslosenanteil ist vom 31.12.2023 zum 31.12.2024 von 7,9${_}% auf 8,3${_}% gestiegen ` +
        `und hat damit den Schwellenwert von 8,0${_}% überschritten.`,
    );
    expect(
      thresholdReason({
        indicator: { name: 'Betreuungsquote U3', unit: '%', decimals: 1 },
        direction: 'below',
        threshold: 35,
        crossing: true,
        date: '2022-12-31',
        value: 34.5,
        previousDate: '2021-12-31',
        previous: 36,
      }),
    ).toBe(
      `Die Betreuungsquote U3 ist vom 31.12.2021 zum 31.12.2022 von 36,0${_}% auf 34,5${_}% gesunken ` +
        `und hat damit den Schwellenwert von 35,0${_}% unterschritten.`,
    );
  });
});

describe('runReason', () => {
  it('states the run, the last step and the total change', () => {
    expect(
      runReason({
        indicator: sgb2,
        direction: 'up',
        length: 3,
        yearly: true,
        date: '2024-12-31',
        value: 19.5,
        previous: 18.2,
        startDate: '2021-12-31',
        startValue: 16.4,
      }),
    ).toBe(
      `Die SGB-II-Quote ist seit 3 Jahren in Folge gestiegen, zuletzt von 18,2${_}% auf 19,5${_}% am 31.12.2024 ` +
        `(insgesamt +3,1${_}Pp. seit dem 31.12.2021).`,
    );
  });

  it('counts Stichtage instead of years when they are not yearly, and says „gesunken“ for falls', () => {
    expect(
      runReason({
        indicator: { name: 'Beschäftigungsquote', unit: '%', decimals: 1 },
        direction: 'down',
        length: 4,
        yearly: false,
        date: '2023-12-31',
        value: 50.04,
        previous: 51.2,
        startDate: '2015-12-31',
        startValue: 55,
      }),
    ).toBe(
      `Die Beschäftigungsquote ist zum 4. Mal in Folge gesunken, zuletzt von 51,2${_}% auf 50,0${_}% am 31.12.2023 ` +
        `(insgesamt -5,0${_}Pp. seit dem 31.12.2015).`,
    );
  });
});

describe('deviationReason', () => {
  it('states the gap to the city in units and in standard deviations', () => {
    expect(
      deviationReason({ indicator: sgb2, date: '2024-12-31', value: 31.2, city: 12.1, sd: 6.4, k: 2 }),
    ).toBe(
      `Die SGB-II-Quote liegt am 31.12.2024 mit 31,2${_}% um 19,1${_}Pp. über dem Stadtwert von 12,1${_}%, ` +
        `das sind 3,0 Standardabweichungen (eine Standardabweichung: 6,4${_}Pp.; Schwelle: 2).`,
    );
    expect(
      deviationReason({
        indicator: { name: 'Beschäftigungsquote', unit: '%', decimals: 1 },
        date: '2024-12-31',
        value: 40,
        city: 55.56,
        sd: 6,
        k: 2.5,
      }),
    ).toBe(
      `Die Beschäftigungsquote liegt am 31.12.2024 mit 40,0${_}% um 15,6${_}Pp. unter dem Stadtwert von 55,6${_}%, ` +
        `das sind 2,6 Standardabweichungen (eine Standardabweichung: 6,0${_}Pp.; Schwelle: 2,5).`,
    );
  });
});

describe('indexClassReason', () => {
  it('names index, part, both classes with their codes and the index value', () => {
    expect(
      indexClassReason({
        indexName: 'MSS Berlin',
        partLabel: 'Status-Index',
        previousDate: '2022-12-31',
        previous: { code: '2', label: 'mittel' },
        date: '2024-12-31',
        current: { code: '3', label: 'niedrig' },
        value: 1.234,
      }),
    ).toBe(
      'Im Index „MSS Berlin“ hat sich die Klasse „Status-Index“ vom 31.12.2022 zum 31.12.2024 ' +
        'von „mittel“ (2) auf „niedrig“ (3) verschlechtert (Indexwert jetzt 1,23).',
    );
  });
});
