/**
 * Turns the values of one indicator, level and Stichtag into map colours and legend classes (pure).
 */
import type { Indicator, IndicatorValue, ValueStatus } from '../indicators/indicator.schema.ts';
import { classifyQuantiles, type ClassRange } from './classify.ts';
import { classColors, MISSING_FILL, SECRET_FILL } from './palette.ts';

/** Number of quantile classes (Quintile). */
export const CLASS_COUNT = 5;

/** How one area is drawn. */
export interface AreaStyle {
  color: string;
  /** Quantile class (0-based) or null for secret and missing values. */
  cls: number | null;
  status: ValueStatus;
}

export interface LegendClass extends ClassRange {
  color: string;
}

export interface Choropleth {
  styles: ReadonlyMap<string, AreaStyle>;
  classes: LegendClass[];
  secretCount: number;
  missingCount: number;
}

/** Whether a value takes part in the classification (measured or estimated, not suppressed). */
export const isShown = <T extends Pick<IndicatorValue, 'value' | 'status'>>(
  v: T,
): v is T & { value: number } =>
  (v.status === 'value' || v.status === 'estimated') && v.value !== null && Number.isFinite(v.value);

/**
 * @param values the values of all areas of one level
 * @param polarity direction of the indicator (decides the colour scheme)
 * @example buildChoropleth(values, 'high_bad').styles.get('011') // { color: '#bd0026', cls: 4, status: 'value' }
 */
export function buildChoropleth(
  values: readonly IndicatorValue[],
  polarity: Indicator['polarity'],
): Choropleth {
  const shown = values.filter(isShown);
  const { classes, classOf } = classifyQuantiles(
    shown.map((v) => v.value),
    CLASS_COUNT,
  );
  const colors = classColors(classes.length, polarity);
  const styles = new Map<string, AreaStyle>();
  let secretCount = 0;
  let missingCount = 0;
  for (const v of values) {
    if (isShown(v)) {
      const cls = classOf(v.value);
      styles.set(v.id, { color: (cls !== null && colors[cls]) || MISSING_FILL, cls, status: v.status });
    } else if (v.status === 'secret') {
      secretCount++;
      styles.set(v.id, { color: SECRET_FILL, cls: null, status: 'secret' });
    } else {
      missingCount++;
      styles.set(v.id, { color: MISSING_FILL, cls: null, status: 'missing' });
    }
  }
  return {
    styles,
    classes: classes.map((c, i) => ({ ...c, color: colors[i] ?? MISSING_FILL })),
    secretCount,
    missingCount,
  };
}
