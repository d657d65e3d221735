import { describe, expect, it } from 'vitest';
import { goal, measure } from './fixture.test-data.ts';
import {
  barPercent,
  budgetText,
  formatEuro,
  measureTree,
  parentChoices,
  progressText,
} from './measure-tree.ts';

const tree = [
  measure({ id: 5, parentId: 2, title: 'Familienzentrum', goals: [goal()] }),
  measure({ id: 1, kind: 'programm', title: 'Sozialer Zusammenhalt Süd' }),
  measure({ id: 2, kind: 'handlungsfeld', parentId: 3, title: 'Bildung' }),
  measure({ id: 3, kind: 'programm', title: 'Sozialer Zusammenhalt Nord' }),
  measure({ id: 4, parentId: 3, title: 'Aufsuchende Beratung' }),
  measure({ id: 6, parentId: 99, title: 'Unter verborgenem Programm' }),
];

describe('measureTree', () => {
  it('orders entries as read: each followed by those below it, programmes before measures', () => {
    const rows = measureTree(tree);
    expect(rows.map((r) => [r.measure.id, r.depth])).toEqual([
      [3, 0],
      [2, 1],
      [5, 2],
      [4, 1],
      [1, 0],
      [6, 0],
    ]);
  });

  it('marks the entries with goals at or below them', () => {
    const goals = Object.fromEntries(measureTree(tree).map((r) => [r.measure.id, r.hasGoals]));
    expect(goals).toEqual({ 3: true, 2: true, 5: true, 4: false, 1: false, 6: false });
  });

  it('hangs an entry whose parent the reader cannot see at the top', () => {
    expect(measureTree([measure({ id: 7, parentId: 1 })])).toMatchObject([{ depth: 0 }]);
  });

  it('survives a cycle instead of hanging the page', () => {
    const rows = measureTree([measure({ id: 1, parentId: 2 }), measure({ id: 2, parentId: 1 })]);
    expect(rows).toHaveLength(0);
  });
});

describe('progress and money in words', () => {
  it('says the share of the way to the target', () => {
    expect(progressText(0.4)).toBe('40 % des Wegs zum Ziel');
    expect(progressText(0)).toBe('0 % des Wegs zum Ziel');
    expect(progressText(1.3)).toBe('Ziel übertroffen (130 % des Wegs)');
    expect(progressText(-0.2)).toBe('-20 % – entfernt sich vom Ziel');
  });

  it('tells an entry without goals from one whose goals have no value yet', () => {
    expect(progressText(null)).toBe('noch kein Ziel');
    expect(progressText(null, false)).toBe('noch kein Ziel');
    expect(progressText(null, true)).toBe('noch kein aktueller Wert');
  });

  it('draws the bar within 0–100 %', () => {
    expect([barPercent(null), barPercent(0.404), barPercent(1.3), barPercent(-1)]).toEqual([0, 40, 100, 0]);
  });

  it('writes Euro with thousands dots', () => {
    expect(formatEuro(250000)).toBe('250.000\u00a0€');
    expect(formatEuro(null)).toBe('–');
    expect(budgetText(250000, 80000)).toBe('geplant 250.000\u00a0€ / ausgegeben 80.000\u00a0€');
    expect(budgetText(null, null)).toBe('–');
  });
});

describe('parentChoices', () => {
  const rows = measureTree(tree);
  const ids = (kind: 'programm' | 'handlungsfeld' | 'massnahme', self: number | null) =>
    parentChoices(rows, kind, self).map((r) => r.measure.id);

  it('offers coarser kinds only', () => {
    expect(ids('programm', null)).toEqual([]);
    expect(ids('handlungsfeld', null)).toEqual([3, 1]);
    expect(ids('massnahme', null)).toEqual([3, 2, 1]);
  });

  it('never offers an entry itself or what lies below it', () => {
    // the field of action 2 under programme 3, measure 5 below it: nothing of 2 is offered for 2
    expect(ids('massnahme', 2)).toEqual([3, 1]);
    expect(ids('handlungsfeld', 3)).toEqual([1]);
  });
});
