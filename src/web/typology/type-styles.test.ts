import { describe, expect, it } from 'vitest';
import { MISSING_FILL, SECRET_FILL } from '../map/palette.ts';
import { typeColor } from './type-colors.ts';
import { typeStyles } from './type-styles.ts';
import type { ClustersResult } from './typology-api.ts';

const area = (key: string, type: number) => ({
  key,
  name: key,
  parentKey: null,
  parentName: null,
  type,
  silhouette: 0.5,
  values: [1],
});
const left = (key: string, status: 'secret' | 'missing') => ({
  key,
  name: key,
  parentKey: null,
  parentName: null,
  reason: '…',
  missing: [{ indicator: 'x', status }],
});

describe('typeStyles', () => {
  it('colours types by number and marks areas left out as secret or missing', () => {
    const result = {
      areas: [area('1', 1), area('2', 2), area('3', 1)],
      unassigned: [left('4', 'secret'), left('5', 'missing')],
    } as unknown as ClustersResult;
    const s = typeStyles(result);
    expect(s.get('1')).toEqual({ color: typeColor(1), cls: 0, status: 'value' });
    expect(s.get('2')!.color).toBe(typeColor(2));
    expect(s.get('2')!.color).not.toBe(s.get('1')!.color);
    expect(s.get('4')).toEqual({ color: SECRET_FILL, cls: null, status: 'secret' });
    expect(s.get('5')).toEqual({ color: MISSING_FILL, cls: null, status: 'missing' });
  });
});
