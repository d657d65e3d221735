import { describe, expect, it } from 'vitest';
import { measure } from './fixture.test-data.ts';
import {
  decisionBody,
  draftOf,
  emptyDecision,
  emptyMeasureDraft,
  goalBody,
  measureBody,
  measurePatch,
  parseAmount,
} from './measure-draft.ts';

describe('parseAmount', () => {
  it('reads German and English numbers, thousands dots included', () => {
    expect(parseAmount('250.000')).toBe(250000);
    expect(parseAmount('1.250.000,50')).toBe(1250000.5);
    expect(parseAmount('1,5')).toBe(1.5);
    expect(parseAmount('1.5')).toBe(1.5);
    expect(parseAmount('80 000 €')).toBe(80000);
    expect(parseAmount('-2,5')).toBe(-2.5);
  });

  it('gives NaN for what is no number', () => {
    expect(parseAmount('')).toBeNaN();
    expect(parseAmount('viel')).toBeNaN();
    expect(parseAmount('1,2,3')).toBeNaN();
  });
});

describe('measureBody', () => {
  it('builds the body of a new entry with the defaults of empty fields', () => {
    const checked = measureBody({
      ...emptyMeasureDraft(),
      title: '  Familienzentrum ',
      parentId: '7',
      budgetPlanned: '250.000',
      startDate: '2021-01-01',
      areas: [{ level: 'sozialraum', key: '101' }],
    });
    expect(checked.ok).toBe(true);
    expect(checked).toMatchObject({
      body: {
        kind: 'massnahme',
        title: 'Familienzentrum',
        parentId: 7,
        budgetPlanned: 250000,
        budgetSpent: null,
        startDate: '2021-01-01',
        endDate: null,
        weight: 1,
        milestones: [],
        areas: [{ level: 'sozialraum', key: '101' }],
      },
    });
  });

  it('names every field that is wrong', () => {
    const checked = measureBody({
      ...emptyMeasureDraft(),
      budgetPlanned: 'viel',
      budgetSpent: '-5',
      startDate: '2022-01-01',
      endDate: '2021-01-01',
      weight: '0',
      milestones: [{ title: '', due: '', done: false }],
    });
    expect(checked).toEqual({
      ok: false,
      errors: {
        title: 'Bitte angeben.',
        budgetPlanned: expect.stringContaining('Zahl') as string,
        budgetSpent: 'Bitte keinen negativen Betrag angeben.',
        endDate: 'Das Ende liegt vor dem Beginn.',
        weight: 'Bitte eine Zahl größer als 0 angeben.',
        'milestones.0.title': 'Bitte angeben.',
      },
    });
  });
});

describe('measurePatch', () => {
  const stored = measure({
    id: 3,
    title: 'Familienzentrum',
    budgetPlanned: 250000,
    weight: 1.5,
    milestones: [{ title: 'Eröffnung', due: '2021-09-01', done: true }],
    areas: [{ level: 'sozialraum', key: '101', name: 'Altstadt' }],
  });

  it('sends only what the form changed', () => {
    const draft = { ...draftOf(stored), budgetSpent: '80.000', organisation: 'Diakonie' };
    expect(measurePatch(stored, draft)).toEqual({
      ok: true,
      body: { organisation: 'Diakonie', budgetSpent: 80000 },
    });
  });

  it('is empty when nothing changed: the stored entry reads back unchanged', () => {
    expect(draftOf(stored)).toMatchObject({ budgetPlanned: '250000', weight: '1,5' });
    expect(measurePatch(stored, draftOf(stored))).toEqual({ ok: true, body: {} });
  });
});

describe('goalBody', () => {
  const draft = {
    indicator: 'sgb2_quote',
    level: 'sozialraum',
    area: '101',
    baselineDate: '2020-12-31',
    baselineValue: '',
    targetValue: '1,0',
    targetDate: '2030-12-31',
  };

  it('leaves the baseline to the data when none is typed; the city has no area', () => {
    expect(goalBody(draft)).toEqual({ ok: true, body: { ...draft, baselineValue: null, targetValue: 1 } });
    expect(goalBody({ ...draft, area: '', baselineValue: '12,5' })).toMatchObject({
      ok: true,
      body: { area: null, baselineValue: 12.5 },
    });
  });

  it('asks for the target value and date', () => {
    expect(goalBody({ ...draft, targetValue: '', targetDate: '' })).toEqual({
      ok: false,
      errors: { targetValue: 'Bitte angeben.', targetDate: 'Bitte ein Datum angeben.' },
    });
  });
});

describe('decisionBody', () => {
  it('needs the body and the date', () => {
    expect(decisionBody(emptyDecision())).toEqual({
      ok: false,
      errors: { body: 'Bitte angeben.', date: 'Bitte ein Datum angeben.' },
    });
    expect(
      decisionBody({ body: ' Ausschuss für Soziales ', meeting: 'TOP 5', date: '2021-03-12', text: '' }),
    ).toEqual({
      ok: true,
      body: { body: 'Ausschuss für Soziales', meeting: 'TOP 5', date: '2021-03-12', text: '' },
    });
  });
});
