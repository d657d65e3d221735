/**
 * Turns the values of one indicator, level and Stichtag into map colours and legend classes (pure).
 * The classes come from src/classification (any method of docs/methods.md §5); colours follow the
 * indicator's polarity (palette.ts).
 */
import type { ClassificationSpec } from '../../classification/classification.schema.ts';
import { classify, type MapClass } from '../../classification/classify.ts';
import { DEFAULT_CLASSIFICATION } from '../../classification/defaults.ts';
import type { Indicator, IndicatorValue } from '../../indicators/indicator.schema.ts';
import type { ValueStatus } from '../../core/value-status.ts';
import { classColors, MISSING_FILL, SECRET_FILL } from './palette.ts';

/** How one area is drawn. */
export interface AreaStyle {
  color: string;
  /** Class (0-based) or null for secret and missing values. */
  cls: number | null;
  status: ValueStatus;
}

export interface LegendClass extends MapClass {
  color: string;
}

export interface Choropleth {
  styles: ReadonlyMap<string, AreaStyle>;
  classes: LegendClass[];
  secretCount: number;
  missingCount: number;
  /** The classification asked for (the legend names it). */
  spec: ClassificationSpec;
  /** The method used (categorical may fall back to quantiles). */
  method: ClassificationSpec['method'];
  /** Why there are fewer classes than asked, etc. (German), or null. */
  note: string | null;
  /** Mean and SD for SD classes (German), or null. */
  summary: string | null;
}

/** Whether a value takes part in the classification (measured or estimated, not suppressed). */
export const isShown = <T extends Pick<IndicatorValue, 'value' | 'status'>>(
  v: T,
): v is T & { value: number } =>
  (v.status === 'value' || v.status === 'estimated') && v.value !== null && Number.isFinite(v.value);

/**
 * @param values the values of all areas of one level
 * @param indicator polarity (colour scheme), decimals and unit (legend labels)
 * @param spec the classification (default: quintiles)
 * @example buildChoropleth(values, indicator).styles.get('011') // { color: '#bd0026', cls: 4, status: 'value' }
 */
export function buildChoropleth(
  values: readonly IndicatorValue[],
  indicator: Pick<Indicator, 'polarity' | 'decimals' | 'unit'>,
  spec: ClassificationSpec = DEFAULT_CLASSIFICATION,
): Choropleth {
  // secret values are null already; the status check keeps a stray number of a suppressed cell out
  const result = classify(
    values.map((v) => (isShown(v) ? v.value : null)),
    spec,
    { decimals: indicator.decimals, unit: indicator.unit },
  );
  const colors = classColors(result.classes.length, indicator.polarity);
  const styles = new Map<string, AreaStyle>();
  let secretCount = 0;
  let missingCount = 0;
  for (const v of values) {
    if (isShown(v)) {
      const cls = result.classOf(v.value);
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
    classes: result.classes.map((c, i) => ({ ...c, color: colors[i] ?? MISSING_FILL })),
    secretCount,
    missingCount,
    spec,
    method: result.method,
    note: result.note,
    summary: result.summary,
  };
}
