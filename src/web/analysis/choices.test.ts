import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE } from '../../indicators/catalogue.ts';
import { radarIndicators, radarThemes, secondIndicator } from './choices.ts';

const byKey = (key: string) => DEFAULT_CATALOGUE.find((i) => i.key === key)!;

describe('indicator choices of the charts', () => {
  it('takes the asked second indicator, else a rate of the same theme', () => {
    const sgb2 = byKey('sgb2_quote');
    expect(secondIndicator(DEFAULT_CATALOGUE, sgb2, 'anteil_65plus')?.key).toBe('anteil_65plus');
    const fallback = secondIndicator(DEFAULT_CATALOGUE, sgb2, 'nope')!;
    expect(fallback.theme).toBe(sgb2.theme);
    expect(fallback.key).not.toBe('sgb2_quote');
    expect(fallback.formula).not.toBe('count');
    expect(fallback.numerator).not.toBe(sgb2.numerator);
    expect(secondIndicator(DEFAULT_CATALOGUE, sgb2, 'sgb2_quote')?.key).toBe(fallback.key);
    expect(secondIndicator([sgb2], sgb2, null)).toBeNull();
  });

  it('offers themes with at least three rates, and their rates as radar axes', () => {
    const themes = radarThemes(DEFAULT_CATALOGUE);
    expect(themes).toContain('Demografie');
    for (const theme of themes) {
      const axes = radarIndicators(DEFAULT_CATALOGUE, theme);
      expect(axes.length).toBeGreaterThanOrEqual(3);
      expect(axes.every((i) => i.theme === theme && i.formula !== 'count')).toBe(true);
    }
  });
});
