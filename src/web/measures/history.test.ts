import { describe, expect, it } from 'vitest';
import { historyLines, historyValue } from './history.ts';
import type { HistoryEntry } from './measures-api.ts';

const titles = {
  measures: new Map([[1, 'Sozialer Zusammenhalt Nord']]),
  areas: new Map([['sozialraum|101', 'Altstadt']]),
  levels: new Map([['sozialraum', 'Sozialraum']]),
  indicators: new Map([['sgb2_quote', 'SGB-II-Quote']]),
};
const entry = (over: Partial<HistoryEntry>): HistoryEntry => ({
  at: '2025-03-12T09:30:00Z',
  by: 'Petra Planer',
  action: 'changed',
  before: null,
  after: null,
  ...over,
});

describe('historyLines', () => {
  it('shows a change as before → after, in German', () => {
    const [line] = historyLines(
      [
        entry({
          before: { budgetSpent: null, weight: 1, startDate: '2021-01-01' },
          after: { budgetSpent: 80000, weight: 2, startDate: '2021-01-01' },
        }),
      ],
      titles,
      'UTC',
    );
    expect(line).toEqual({
      at: '12.03.2025, 09:30',
      by: 'Petra Planer',
      action: 'geändert',
      changes: [
        { field: 'Gewicht', before: '1', after: '2' },
        { field: 'Budget ausgegeben', before: '–', after: '80.000\u00a0€' },
      ],
    });
  });

  it('lists what a new entry was given, with its parent by title', () => {
    const [line] = historyLines(
      [
        entry({
          action: 'created',
          after: { kind: 'massnahme', title: 'Familienzentrum', parentId: 1, description: '', areas: [] },
        }),
      ],
      titles,
      'UTC',
    );
    expect(line!.action).toBe('angelegt');
    expect(line!.changes).toEqual([
      { field: 'Gehört zu', before: '–', after: 'Sozialer Zusammenhalt Nord' },
      { field: 'Art', before: '–', after: 'Maßnahme' },
      { field: 'Titel', before: '–', after: 'Familienzentrum' },
    ]);
  });

  it('names the status and the decision', () => {
    const [line] = historyLines(
      [
        entry({
          action: 'status',
          by: null,
          before: { status: 'vorschlag' },
          after: {
            status: 'beschlossen',
            decision: { body: 'Ausschuss für Soziales', meeting: 'TOP 5', date: '2021-03-12', text: '' },
          },
        }),
      ],
      titles,
      'UTC',
    );
    expect(line).toMatchObject({
      by: 'unbekannt',
      action: 'Status geändert',
      changes: [
        { field: 'Status', before: 'Vorschlag', after: 'beschlossen' },
        { field: 'Beschluss', before: '–', after: 'Ausschuss für Soziales, TOP 5, 12.03.2021' },
      ],
    });
  });

  it('describes goals added and removed, a goal for the city as „Stadt“', () => {
    const [added, removed] = historyLines(
      [
        entry({
          action: 'goal_added',
          after: {
            indicator: 'sgb2_quote',
            level: 'sozialraum',
            area: null,
            baselineDate: '2020-12-31',
            baselineValue: 20.25,
            targetValue: 1,
            targetDate: '2030-12-31',
          },
        }),
        entry({
          action: 'goal_removed',
          before: { id: 4, measure_id: 2, indicator_key: 'sgb2_quote', area_key: null, target_value: 1 },
        }),
      ],
      titles,
      'UTC',
    );
    expect(added!.changes).toEqual([
      { field: 'Indikator', before: '–', after: 'SGB-II-Quote' },
      { field: 'Ebene', before: '–', after: 'Sozialraum' },
      { field: 'Gebiet', before: '–', after: 'Stadt' },
      { field: 'Ausgangsstichtag', before: '–', after: '31.12.2020' },
      { field: 'Ausgangswert', before: '–', after: '20,25' },
      { field: 'Zielwert', before: '–', after: '1' },
      { field: 'Zieldatum', before: '–', after: '31.12.2030' },
    ]);
    expect(removed).toMatchObject({
      action: 'Ziel entfernt',
      changes: [
        { field: 'Indikator', before: 'SGB-II-Quote', after: '–' },
        { field: 'Gebiet', before: 'Stadt', after: '–' },
        { field: 'Zielwert', before: '1', after: '–' },
      ],
    });
  });
});

describe('historyValue', () => {
  it('shortens long texts and lists areas and milestones', () => {
    expect(historyValue('description', 'x'.repeat(200), titles)).toHaveLength(120);
    expect(
      historyValue(
        'areas',
        [
          { level: 's', key: '101' },
          { level: 's', key: '102' },
        ],
        titles,
      ),
    ).toBe('101, 102');
    expect(historyValue('milestones', [{ title: 'Eröffnung' }], titles)).toBe('Eröffnung');
    expect(historyValue('parentId', 9, titles)).toBe('Nr. 9');
  });
});
