import { describe, expect, it } from 'vitest';
import type { IndicatorValue } from '../indicators/indicator.schema.ts';
import { buildChoropleth } from './choropleth.ts';
import { classColors, MISSING_FILL, SECRET_FILL } from './palette.ts';
import { formatDate, formatNumber, formatValue, withUnit } from './format.ts';

const v = (id: string, value: number | null, status: IndicatorValue['status'] = 'value'): IndicatorValue => ({
  id,
  name: `Gebiet ${id}`,
  value,
  status,
  numerator: null,
  denominator: null,
});

describe('buildChoropleth', () => {
  const values = [
    v('a', 1),
    v('b', 2),
    v('c', 3),
    v('d', 4),
    v('e', 5),
    v('s', null, 'secret'),
    v('m', null, 'missing'),
    v('x', 6, 'estimated'),
  ];

  it('colours high values dark red when high is bad, and low values when high is good', () => {
    const bad = buildChoropleth(values, 'high_bad');
    const good = buildChoropleth(values, 'high_good');
    expect(bad.classes).toHaveLength(5);
    expect(bad.styles.get('x')).toEqual({ color: '#bd0026', cls: 4, status: 'estimated' });
    expect(good.styles.get('a')?.color).toBe('#bd0026');
    expect(good.styles.get('x')?.color).toBe('#ffffb2');
  });

  it('draws secret and missing values neutrally and counts them for the legend', () => {
    const { styles, secretCount, missingCount } = buildChoropleth(values, 'neutral');
    expect(styles.get('s')).toEqual({ color: SECRET_FILL, cls: null, status: 'secret' });
    expect(styles.get('m')).toEqual({ color: MISSING_FILL, cls: null, status: 'missing' });
    expect([secretCount, missingCount]).toEqual([1, 1]);
  });

  it('still gives a legend for constant data', () => {
    const { classes } = buildChoropleth([v('a', 2), v('b', 2)], 'high_bad');
    expect(classes).toEqual([{ min: 2, max: 2, count: 2, color: classColors(1, 'high_bad')[0] }]);
  });
});

describe('German formatting', () => {
  it('uses decimal comma, thousands dot and a non-breaking space before the unit', () => {
    expect(formatNumber(12345.678, 1)).toBe('12.345,7');
    expect(formatNumber(-0.01, 1)).toBe('0,0');
    expect(withUnit(7.25, 1, '%')).toBe('7,3\u00a0%');
    expect(withUnit(1234, 0, 'Personen')).toBe('1.234\u00a0Personen');
  });

  it('shows · for secret and – for missing values', () => {
    expect(formatValue(null, 'secret', 1, '%')).toBe('·');
    expect(formatValue(12, 'secret', 1, '%')).toBe('·');
    expect(formatValue(null, 'missing', 1, '%')).toBe('–');
    expect(formatValue(3.14159, 'estimated', 2, '‰', { unit: false })).toBe('3,14');
  });

  it('writes Stichtage as DD.MM.YYYY', () => {
    expect(formatDate('2024-12-31')).toBe('31.12.2024');
  });
});
