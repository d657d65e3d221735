import { describe, expect, it } from 'vitest';
import type { IndexClass, IndexResult } from '../indices/index.schema.ts';
import { computable, indexClassEntries, type IndexClassRule } from './index-class.ts';
import { WarningRule } from './warning.schema.ts';

const cls = (code: string, label: string, severity: number): IndexClass => ({
  code,
  label,
  min: null,
  minInclusive: false,
  max: null,
  maxInclusive: false,
  severity,
});
const STATUS = [
  cls('1', 'hoch', 0),
  cls('2', 'mittel', 0.33),
  cls('3', 'niedrig', 0.67),
  cls('4', 'sehr niedrig', 1),
];
const DYNAMICS = [cls('+', 'positiv', 0), cls('+/-', 'stabil', 0.5), cls('-', 'negativ', 1)];

type AreaSpec = { id: string; valid?: boolean; status: string | null; dynamics: string | null; si?: number };

function result(date: string, areas: AreaSpec[]): IndexResult {
  return {
    index: 'berlin_mss',
    name: 'MSS Berlin',
    level: 'sozialraum',
    date,
    parts: [
      { key: 'status', label: 'Status-Index', classes: STATUS },
      { key: 'dynamics', label: 'Dynamik-Index', classes: DYNAMICS },
    ],
    areas: areas.map((a) => ({
      id: a.id,
      name: `Gebiet ${a.id}`,
      parent: 'P1',
      parentName: 'Bezirk 1',
      valid: a.valid ?? true,
      invalidReason: null,
      parts: {
        status: { sum: null, index: a.si ?? null, class: a.status },
        dynamics: { sum: null, index: null, class: a.dynamics },
      },
      z: {},
      values: {},
      code: a.status && a.dynamics ? `${a.status}${a.dynamics}` : null,
    })),
  };
}

const rule = (part: string | null) =>
  WarningRule.parse({
    key: 'mss',
    name: 'MSS-Klasse verschlechtert',
    severity: 'hoch',
    kind: 'index_class',
    index: 'berlin_mss',
    part,
  }) as IndexClassRule;

const before = result('2022-12-31', [
  { id: 'A', status: '2', dynamics: '+/-' },
  { id: 'B', status: '3', dynamics: '-' },
  { id: 'C', status: '2', dynamics: '+' },
  { id: 'D', status: '2', dynamics: '+/-', valid: false },
  { id: 'E', status: '1', dynamics: '+/-' },
]);
const now = result('2024-12-31', [
  { id: 'A', status: '3', dynamics: '+/-', si: 1.2345 }, // status worse
  { id: 'B', status: '2', dynamics: '-' }, // status better
  { id: 'C', status: '2', dynamics: '-' }, // dynamics worse
  { id: 'D', status: '4', dynamics: '-' }, // invalid before: no comparison
  { id: 'E', status: null, dynamics: null, valid: false }, // invalid now
]);

describe('indexClassEntries', () => {
  it('reports every area whose class of the part got worse (higher severity)', () => {
    const entries = indexClassEntries(rule('status'), now, before);
    expect(entries).toEqual([
      {
        rule: 'mss',
        ruleName: 'MSS-Klasse verschlechtert',
        kind: 'index_class',
        indicator: null,
        indicatorName: null,
        theme: null,
        level: 'sozialraum',
        area: 'A',
        areaName: 'Gebiet A',
        parent: 'P1',
        date: '2024-12-31',
        value: 1.2345,
        severity: 'hoch',
        reason:
          'Im Index „MSS Berlin“ hat sich die Klasse „Status-Index“ vom 31.12.2022 zum 31.12.2024 ' +
          'von „mittel“ (2) auf „niedrig“ (3) verschlechtert (Indexwert jetzt 1,23).',
      },
    ]);
  });

  it('looks at every part when the rule names none', () => {
    const entries = indexClassEntries(rule(null), now, before);
    expect(entries.map((e) => `${e.area}:${e.reason.includes('Dynamik') ? 'dynamics' : 'status'}`)).toEqual([
      'A:status',
      'C:dynamics',
    ]);
    expect(entries[1]!.reason).toBe(
      'Im Index „MSS Berlin“ hat sich die Klasse „Dynamik-Index“ vom 31.12.2022 zum 31.12.2024 ' +
        'von „positiv“ (+) auf „negativ“ (-) verschlechtert.',
    );
  });
});

describe('the „umgerechnet“ marks of a class comparison', () => {
  const FROM = { method: 'area', from: '2000-01-01' } as const;
  const marked = (r: IndexResult, ids: string[]): IndexResult => ({
    ...r,
    areas: r.areas.map((a) => (ids.includes(a.id) ? { ...a, converted: [FROM] } : a)),
  });

  it('names the compared Stichtage whose input values were converted, oldest first', () => {
    const both = indexClassEntries(rule(null), marked(now, ['A']), marked(before, ['A', 'C']));
    expect(both.map((e) => [e.area, e.converted ?? null])).toEqual([
      [
        'A',
        [
          { date: '2022-12-31', ...FROM },
          { date: '2024-12-31', ...FROM },
        ],
      ],
      ['C', [{ date: '2022-12-31', ...FROM }]],
    ]);
  });

  it('adds nothing where no input value was converted', () => {
    const entries = indexClassEntries(rule(null), now, marked(before, ['B']));
    expect(entries).toHaveLength(2);
    expect(entries.every((e) => !('converted' in e))).toBe(true);
  });
});

describe('computable', () => {
  it('needs a valid area with a class of the part', () => {
    expect(computable(now, 'status')).toBe(true);
    const none = result('2016-12-31', [{ id: 'A', status: '2', dynamics: null }]);
    expect(computable(none, 'dynamics')).toBe(false);
    expect(computable(none, null)).toBe(true);
  });
});
