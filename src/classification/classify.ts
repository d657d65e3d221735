/**
 * Map classification (Klasseneinteilung), pure: one entry point for every method of
 * docs/methods.md §5 — fixed breaks, quantiles, equal intervals, natural breaks (ckmeans),
 * standard deviations and categories — with German class labels for the legend.
 *
 * Whatever the data, the result is drawable: constant data gives one class („alle Gebiete: 12,3 %“),
 * no data gives no class (the legend then shows only its entries for secret and missing values),
 * and asking for more classes than there are distinct values gives fewer, never empty, classes
 * (except where the breaks are fixed by definition: fixed, equal intervals and SD classes keep
 * their empty classes so that the colours keep their meaning).
 */
import { formatNumber } from '../core/format.ts';
import { classIndex, distinctCount, finiteSorted, fractionDigits } from './breaks.ts';
import type { ClassificationMethod, ClassificationSpec } from './classification.schema.ts';
import { MAX_CATEGORIES } from './defaults.ts';
import { naturalBreaks } from './natural-breaks.ts';
import { quantileBreaks } from './quantile.ts';
import { meanAndSd, sdClassIndex, sdOffsets } from './standard-deviation.ts';
import { classificationTexts as tx } from './texts.ts';

/** One class of a map classification. */
export interface MapClass {
  /** Lower bound (exclusive, except for the first class); null when the class is open below. */
  from: number | null;
  /** Upper bound (inclusive); null when the class is open above. */
  to: number | null;
  /** Smallest member; the class bound when the class is empty. */
  min: number;
  /** Largest member; the class bound when the class is empty. */
  max: number;
  /** Number of values in the class. */
  count: number;
  /** German label for the legend, numbers in German format, e.g. `2,0 – 4,5 %`. */
  label: string;
}

export interface ClassifyResult {
  /** The method actually used (categorical falls back to quantiles for too many values). */
  method: ClassificationMethod;
  /** Classes in ascending order; empty when there are no finite values. */
  classes: MapClass[];
  /**
   * Inner breaks, ascending: the inclusive upper bounds of every class but the last (for SD
   * classes a value on a break belongs to the class nearer the mean). Categorical: the categories.
   */
  breaks: number[];
  /** Class index (0-based) of a value, or null for null, non-finite and unknown category values. */
  classOf: (value: number | null | undefined) => number | null;
  /** Why the result differs from the wish (fewer classes, fallback), in German; else null. */
  note: string | null;
  /** Mean and SD for SD classes (German), else null. */
  summary: string | null;
}

/** How labels are written. */
export interface ClassifyFormat {
  /** Decimals of the indicator (default 1). */
  decimals?: number;
  /** Unit after the numbers, e.g. `%` (default none). */
  unit?: string;
  /** Names of categories, e.g. index classes (1 → „hoch“); null or undefined = the number. */
  categoryLabel?: (value: number) => string | null | undefined;
}

type LabelStyle = 'members' | 'bounds' | 'open' | 'sd' | 'category';

interface Plan {
  method: ClassificationMethod;
  breaks: number[];
  index: (value: number) => number;
  labels: LabelStyle;
  note: string | null;
  summary?: string;
  /** Bounds of the outer classes where the data, not the method, ends them. */
  outer?: { from: number; to: number };
  sd?: { offsets: number[] };
}

const NBSP = '\u00a0';

/**
 * Classifies values for a choropleth map.
 * @param values one value per area; null, NaN and ±Infinity are left out (secret or missing)
 * @param spec method, wanted class count and (fixed) breaks
 * @param format decimals and unit of the labels
 * @returns classes with counts and German labels, the breaks, and the class of any value
 * @example
 * const r = classify([1, 2, 3, 4, null, 6, 7, 8, 9, 10], { method: 'quantile', classes: 3 }, { unit: '%' });
 * r.classes.map((c) => c.label) // ['1,0 – 3,0 %', '4,0 – 7,0 %', '8,0 – 10,0 %']
 * r.classOf(5) // 1; r.classOf(null) // null
 */
export function classify(
  values: readonly (number | null | undefined)[],
  spec: ClassificationSpec,
  format: ClassifyFormat = {},
): ClassifyResult {
  const sorted = finiteSorted(values);
  const decimals = format.decimals ?? 1;
  const unit = format.unit ?? '';
  const num = (v: number, d = decimals) =>
    unit ? `${formatNumber(v, d)}${NBSP}${unit}` : formatNumber(v, d);

  if (sorted.length === 0)
    return {
      method: spec.method,
      classes: [],
      breaks: [],
      classOf: () => null,
      note: tx.notes.noValues,
      summary: null,
    };
  const distinct = distinctCount(sorted);
  if (distinct === 1 && spec.method !== 'fixed') return constant(spec.method, sorted, num, format);

  const plan = makePlan(sorted, distinct, spec, num);
  const classes = fill(sorted, plan);
  label(classes, plan, num, decimals, unit, format);
  const { breaks, index } = plan;
  const last = classes.length - 1;
  return {
    method: plan.method,
    classes,
    breaks,
    classOf:
      plan.labels === 'category'
        ? categoryLookup(breaks)
        : (value) =>
            typeof value === 'number' && Number.isFinite(value) ? Math.min(index(value), last) : null,
    note: plan.note,
    summary: plan.summary ?? null,
  };
}

function constant(
  method: ClassificationMethod,
  sorted: number[],
  num: (v: number, d?: number) => string,
  format: ClassifyFormat,
): ClassifyResult {
  const v = sorted[0] as number;
  const name = method === 'categorical' ? format.categoryLabel?.(v) : null;
  return {
    method,
    classes: [
      { from: null, to: null, min: v, max: v, count: sorted.length, label: tx.allAreas(name ?? num(v)) },
    ],
    breaks: [],
    classOf: (value) => (typeof value === 'number' && Number.isFinite(value) ? 0 : null),
    note: tx.notes.constant,
    summary: null,
  };
}

const upper = (breaks: readonly number[]) => (value: number) => classIndex(breaks, value);

function makePlan(
  sorted: number[],
  distinct: number,
  spec: ClassificationSpec,
  num: (v: number, d?: number) => string,
): Plan {
  const k = spec.classes;
  const min = sorted[0] as number;
  const max = sorted[sorted.length - 1] as number;
  const fewer = (got: number) => (got < k ? tx.notes.fewer(got, k) : null);
  switch (spec.method) {
    case 'quantile':
    case 'natural': {
      const tops = spec.method === 'quantile' ? quantileBreaks(sorted, k) : naturalBreaks(sorted, k);
      const breaks = tops.slice(0, -1);
      return {
        method: spec.method,
        breaks,
        index: upper(breaks),
        labels: 'members',
        note: fewer(tops.length),
      };
    }
    case 'equal': {
      const breaks = Array.from({ length: k - 1 }, (_, i) => min + ((max - min) * (i + 1)) / k);
      return {
        method: 'equal',
        breaks,
        index: upper(breaks),
        labels: 'bounds',
        note: null,
        outer: { from: min, to: max },
      };
    }
    case 'stddev': {
      const { mean, sd } = meanAndSd(sorted);
      const offsets = sdOffsets(k);
      const breaks = offsets.map((o) => mean + o * sd);
      return {
        method: 'stddev',
        breaks,
        index: (value) => sdClassIndex(breaks, mean, value),
        labels: 'sd',
        note: null,
        summary: tx.stddevSummary(num(mean), num(sd)),
        sd: { offsets },
      };
    }
    case 'fixed': {
      const breaks = [...(spec.breaks ?? [])].sort((a, b) => a - b);
      return {
        method: 'fixed',
        breaks,
        index: upper(breaks),
        labels: breaks.length ? 'open' : 'members',
        note: breaks.length ? null : tx.notes.noBreaks,
      };
    }
    case 'categorical': {
      if (distinct > MAX_CATEGORIES) {
        const fallback = makePlan(sorted, distinct, { method: 'quantile', classes: k }, num);
        return { ...fallback, note: tx.notes.tooManyCategories(distinct, MAX_CATEGORIES) };
      }
      const categories = sorted.filter((v, i) => i === 0 || v !== sorted[i - 1]);
      return {
        method: 'categorical',
        breaks: categories,
        index: upper(categories),
        labels: 'category',
        note: null,
      };
    }
  }
}

/** Counts members and sets class bounds, smallest and largest member. */
function fill(sorted: readonly number[], plan: Plan): MapClass[] {
  const n = plan.labels === 'category' ? plan.breaks.length : plan.breaks.length + 1;
  const classes: MapClass[] = Array.from({ length: n }, (_, i) => {
    const from = plan.labels === 'category' ? plan.breaks[i] : plan.breaks[i - 1];
    const to = plan.breaks[i];
    return {
      from: from ?? null,
      to: i === n - 1 && plan.labels !== 'category' ? null : (to ?? null),
      min: 0,
      max: 0,
      count: 0,
      label: '',
    };
  });
  if (plan.outer) {
    (classes[0] as MapClass).from = plan.outer.from;
    (classes[n - 1] as MapClass).to = plan.outer.to;
  }
  for (const v of sorted) {
    const c = classes[Math.min(plan.index(v), n - 1)] as MapClass;
    if (c.count === 0) c.min = v;
    c.max = v;
    c.count++;
  }
  for (const c of classes) {
    if (c.count > 0) continue;
    c.min = c.from ?? c.to ?? 0;
    c.max = c.to ?? c.from ?? 0;
  }
  return classes;
}

/** `+1`, `−0,5`, `0`: SD offsets with a real minus sign. */
function signed(offset: number): string {
  if (offset === 0) return '0';
  const text = formatNumber(Math.abs(offset), fractionDigits(offset, 1));
  return `${offset > 0 ? '+' : '\u2212'}${text}`;
}

function label(
  classes: MapClass[],
  plan: Plan,
  num: (v: number, d?: number) => string,
  decimals: number,
  unit: string,
  format: ClassifyFormat,
): void {
  const last = classes.length - 1;
  // fixed breaks such as 1.5 stay exact even for an indicator shown without decimals
  const exact = Math.max(decimals, ...plan.breaks.map((b) => fractionDigits(b)));
  const bare = (v: number, d = decimals) => formatNumber(v, d);
  const span = (low: number, high: number, d = decimals) =>
    bare(low, d) === bare(high, d)
      ? num(low, d)
      : `${tx.range(bare(low, d), bare(high, d))}${unit ? NBSP + unit : ''}`;
  classes.forEach((c, i) => {
    switch (plan.labels) {
      case 'members':
        c.label = span(c.min, c.max);
        break;
      case 'bounds':
        c.label = span(c.from ?? c.min, c.to ?? c.max);
        break;
      case 'category':
        c.label = format.categoryLabel?.(c.min) ?? num(c.min, fractionDigits(c.min));
        break;
      case 'open':
        c.label =
          i === 0
            ? tx.upTo(num(c.to as number, exact))
            : i === last
              ? tx.above(num(c.from as number, exact))
              : tx.aboveUpTo(bare(c.from as number, exact), num(c.to as number, exact));
        break;
      case 'sd': {
        const offsets = plan.sd?.offsets ?? [];
        const lo = offsets[i - 1];
        const hi = offsets[i];
        const sd =
          lo === undefined
            ? tx.sdBelow(signed(hi as number))
            : hi === undefined
              ? tx.sdAbove(signed(lo))
              : tx.sdRange(signed(lo), signed(hi));
        const values =
          i === 0
            ? tx.upTo(num(c.to as number))
            : i === last
              ? tx.above(num(c.from as number))
              : span(c.from as number, c.to as number);
        c.label = sd + tx.sdValues(values);
        break;
      }
    }
  });
}

function categoryLookup(categories: readonly number[]): ClassifyResult['classOf'] {
  const index = new Map(categories.map((v, i) => [v, i]));
  return (value) => (typeof value === 'number' ? (index.get(value) ?? null) : null);
}
