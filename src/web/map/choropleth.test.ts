import { describe, expect, it } from 'vitest';
import type { IndicatorValue } from '../../indicators/indicator.schema.ts';
import { buildChoropleth } from './choropleth.ts';
import { classColors, MISSING_FILL, SECRET_FILL } from './palette.ts';

const v = (id: string, value: number | null, status: IndicatorValue['status'] = 'value'): IndicatorValue => ({
  id,
  name: `Gebiet ${id}`,
  value,
  status,
  numerator: null,
  denominator: null,
});

const ind = (polarity: 'high_bad' | 'high_good' | 'neutral') => ({ polarity, decimals: 1, unit: '%' });

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
    const bad = buildChoropleth(values, ind('high_bad'));
    const good = buildChoropleth(values, ind('high_good'));
    expect(bad.classes).toHaveLength(5);
    expect(bad.styles.get('x')).toEqual({ color: '#bd0026', cls: 4, status: 'estimated' });
    expect(good.styles.get('a')?.color).toBe('#bd0026');
    expect(good.styles.get('x')?.color).toBe('#ffffb2');
  });

  it('draws secret and missing values neutrally and counts them for the legend', () => {
    const { styles, secretCount, missingCount } = buildChoropleth(values, ind('neutral'));
    expect(styles.get('s')).toEqual({ color: SECRET_FILL, cls: null, status: 'secret' });
    expect(styles.get('m')).toEqual({ color: MISSING_FILL, cls: null, status: 'missing' });
    expect([secretCount, missingCount]).toEqual([1, 1]);
  });

  it('never classifies a number that arrives with status secret', () => {
    const leaked = buildChoropleth([...values, v('t', 99, 'secret')], ind('high_bad'));
    expect(leaked.styles.get('t')).toEqual({ color: SECRET_FILL, cls: null, status: 'secret' });
    expect(Math.max(...leaked.classes.map((c) => c.max))).toBe(6);
  });

  it('still gives a legend for constant data', () => {
    const { classes } = buildChoropleth([v('a', 2), v('b', 2), v('s', null, 'secret')], ind('high_bad'));
    expect(classes).toEqual([
      {
        from: null,
        to: null,
        min: 2,
        max: 2,
        count: 2,
        label: 'alle Gebiete: 2,0\u00a0%',
        color: classColors(1, 'high_bad')[0],
      },
    ]);
  });

  it('follows the chosen method, with colours for as many classes as it gives', () => {
    const spread = [0, 1, 2, 50, 100, 101, 103].map((x, i) => v(`n${i}`, x));
    const natural = buildChoropleth(spread, ind('high_bad'), { method: 'natural', classes: 3 });
    expect(natural.classes.map((c) => c.count)).toEqual([3, 1, 3]);
    expect(natural.classes.map((c) => c.color)).toEqual(classColors(3, 'high_bad'));
    expect(natural.styles.get('n3')?.cls).toBe(1);
    const fixed = buildChoropleth(spread, ind('high_bad'), { method: 'fixed', classes: 5, breaks: [10] });
    expect(fixed.classes.map((c) => c.label)).toEqual(['bis 10,0\u00a0%', 'über 10,0\u00a0%']);
    expect(fixed.spec.method).toBe('fixed');
  });

  it('gives no classes but counts when every value is secret or missing', () => {
    const none = buildChoropleth([v('s', null, 'secret'), v('m', null, 'missing')], ind('high_bad'));
    expect(none.classes).toEqual([]);
    expect([none.secretCount, none.missingCount]).toEqual([1, 1]);
    expect(none.note).toMatch(/Keine Werte/);
  });
});

describe('classColors', () => {
  it('has distinct ColorBrewer colours for 1 to 9 classes and interpolates beyond', () => {
    for (let n = 1; n <= 12; n++) {
      for (const polarity of ['high_bad', 'high_good', 'neutral'] as const) {
        const colors = classColors(n, polarity);
        expect(colors, `${n} ${polarity}`).toHaveLength(n);
        expect(new Set(colors).size).toBe(n);
        expect(colors.every((c) => /^#[0-9a-f]{6}$/.test(c))).toBe(true);
      }
    }
    expect(classColors(9, 'high_bad').at(-1)).toBe('#800026');
    expect(classColors(10, 'high_bad')).toEqual(expect.arrayContaining(['#ffffcc', '#800026']));
  });
});
