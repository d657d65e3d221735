/** Measures for the unit tests of the page: a stored entry with every field, changed per test. */
import type { Goal, Measure } from './measures-api.ts';

export function measure(over: Partial<Measure> & { id: number }): Measure {
  return {
    parentId: null,
    kind: 'massnahme',
    title: `Eintrag ${over.id}`,
    description: '',
    status: 'idee',
    nextStatuses: ['vorschlag'],
    weight: 1,
    organisation: '',
    funding: '',
    budgetPlanned: null,
    budgetSpent: null,
    startDate: null,
    endDate: null,
    decision: null,
    output: '',
    outcome: '',
    impact: '',
    milestones: [],
    areas: [],
    goals: [],
    progress: null,
    updatedAt: '2025-01-01T00:00:00Z',
    ...over,
  };
}

export const goal = (over: Partial<Goal> = {}): Goal => ({
  id: 1,
  indicator: 'sgb2_quote',
  indicatorName: 'SGB-II-Quote',
  unit: '%',
  decimals: 1,
  level: 'sozialraum',
  area: '101',
  areaName: 'Altstadt',
  baselineDate: '2020-12-31',
  baselineValue: 20,
  targetValue: 15,
  targetDate: '2030-12-31',
  current: { date: '2024-12-31', value: 18, status: 'value' },
  progress: 0.4,
  ...over,
});
