import { describe, expect, it } from 'vitest';
import { typePhrase } from './phrases.ts';
import { burdenScore, orderTypes, typeFeatures, typeLabel, type IndicatorRef } from './types.ts';

const IND: IndicatorRef[] = [
  { key: 'sgb2_quote', name: 'SGB-II-Quote', polarity: 'high_bad' },
  { key: 'anteil_u18', name: 'Anteil Minderjährige', polarity: 'neutral' },
  { key: 'wohndauer', name: 'Wohndauer über 5 Jahre', polarity: 'high_good' },
];

describe('type names and order', () => {
  it('scores burden over polar indicators only, high_good counted negatively', () => {
    expect(burdenScore([1, 2, 3], IND)).toBe(-1);
    expect(burdenScore([1, 2], [IND[1]!, IND[1]!])).toBeNull();
  });

  it('numbers types by falling burden, then by size', () => {
    // cluster 0: low burden, cluster 1: high burden, cluster 2: same burden as 0 but larger
    const centroids = [
      [-1, 0, 0],
      [2, 0, 0],
      [-1, 1, 0],
    ];
    const labels = [0, 1, 2, 2, 2, 1];
    expect(orderTypes(labels, centroids, IND).order).toEqual([1, 2, 0]);
  });

  it('orders by size, then first member, without polar indicators', () => {
    const neutral = [IND[1]!];
    expect(orderTypes([1, 0, 0, 2, 2], [[0], [1], [2]], neutral).order).toEqual([0, 2, 1]);
  });

  it('names a type by its strongest deviations, in German', () => {
    const features = typeFeatures([1.4, 0.8, -0.3], IND);
    expect(features.map((f) => f.phrase)).toEqual(['hohe SGB-II-Quote', 'junge Bevölkerung']);
    expect(typeLabel(1, features)).toBe('Typ 1: hohe SGB-II-Quote, junge Bevölkerung');
    expect(typeLabel(2, typeFeatures([0.1, -0.2, 0.4], IND))).toBe('Typ 2: durchschnittliche Werte');
    expect(typeLabel(3, typeFeatures([0, 0, -0.9], IND))).toBe('Typ 3: Wohndauer über 5 Jahre niedrig');
    expect(
      typeFeatures([3, -2, 1, 0.9], [...IND, { key: 'x', name: 'X', polarity: 'neutral' }]),
    ).toHaveLength(3);
  });

  it('falls back to a generic phrase for unknown indicators', () => {
    expect(typePhrase('x', 'Wohndauer', 'high')).toBe('Wohndauer hoch');
    expect(typePhrase('anteil_65plus', 'Anteil 65+', 'low')).toBe('wenige Ältere');
  });
});
