import { describe, expect, it } from 'vitest';
import { changeLines, showValue } from './changes.ts';

describe('audit entries in words', () => {
  it('lists an update’s columns with before and after', () => {
    expect(
      changeLines({
        operation: 'UPDATE',
        before: { name: 'A', status: 'idee', areas: [1] },
        after: { name: 'B', status: 'idee', areas: [1, 2] },
        changed: ['name', 'areas'],
      }),
    ).toEqual(['name: A → B', 'areas: [1] → [1,2]']);
  });

  it('names an inserted or deleted record by its name, title, username or key', () => {
    expect(
      changeLines({ operation: 'INSERT', before: null, after: { id: 3, title: 'Kita' }, changed: [] }),
    ).toEqual(['Kita']);
    expect(changeLines({ operation: 'DELETE', before: { username: 'x' }, after: null, changed: [] })).toEqual(
      ['x'],
    );
    expect(changeLines({ operation: 'INSERT', before: null, after: null, changed: [] })).toEqual([]);
  });

  it('shortens long values and shows missing ones as a dash', () => {
    expect(showValue('x'.repeat(100))).toHaveLength(60);
    expect(showValue(undefined)).toBe('–');
    expect(showValue(3)).toBe('3');
  });
});
