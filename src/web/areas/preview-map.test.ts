import { describe, expect, it } from 'vitest';
import type { AreaPreview } from './api.ts';
import { AREA_FILL, PROBLEM_FILL, previewMap } from './preview-map.ts';

const square = (x: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [x, 50],
      [x + 1, 50],
      [x + 1, 51],
      [x, 51],
      [x, 50],
    ],
  ],
});
const feature = (record: number, key: string, problem: boolean) => ({
  type: 'Feature' as const,
  properties: { record, key, name: `Gebiet ${key}`, parent: null, problem },
  geometry: square(record),
});

describe('previewMap', () => {
  it('identifies areas by record, so repeated keys stay apart, and colours those with a problem', () => {
    const preview = {
      geojson: { type: 'FeatureCollection', features: [feature(1, '101', false), feature(2, '101', true)] },
    } as AreaPreview;
    const map = previewMap(preview);
    expect(map.collection.features.map((f) => f.id)).toEqual(['1', '2']);
    expect(map.collection.features[1]?.properties).toEqual({
      id: '2',
      name: 'Gebiet 101',
      parent: null,
      level: '',
    });
    expect(map.collection.features[0]?.geometry).toEqual(square(1));
    expect(map.styles.get('1')?.color).toBe(AREA_FILL);
    expect(map.styles.get('2')?.color).toBe(PROBLEM_FILL);
    expect(map.byId.get('2')?.key).toBe('101');
  });
});
