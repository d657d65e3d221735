/**
 * Turns published indicator numbers into linear facts over count cells and ratios. An indicator
 * value is a linear form over its base series (count, or ratio × factor): a change in percentage
 * points is base(t) − base(t−n), a least-squares trend is Σ wᵢ · base(tᵢ), a gap to the city is
 * the difference of two forms. A relative change g of the base is not linear in the base, but
 * `base(t) − (1 + g) · base(t−n)` is, so its rounding interval gives two linear inequalities.
 */
import {
  addForm,
  countKey,
  factorOf,
  formSignature,
  publishedInterval,
  ratioKey,
  yearsBefore,
  type CityFrame,
  type Fact,
  type Form,
  type PublicIndicator,
} from './model.ts';

/** A published number with the text it was printed as (CSV keeps its rounding). */
export interface Printed {
  value: number;
  text?: string;
}

const STATIC = new Set(['share', 'per_mille', 'per_1000', 'ratio']);

/** Least-squares weights of a slope through points at the given years. */
export function slopeWeights(years: number[]): number[] {
  const n = years.length;
  const mx = years.reduce((s, x) => s + x, 0) / n;
  const sxx = years.reduce((s, x) => s + (x - mx) ** 2, 0);
  return years.map((x) => (x - mx) / sxx);
}

/** Collects facts, merging those over the same form (their intervals intersect). */
export class FactSink {
  private readonly merged = new Map<string, Fact>();
  /** Published numbers read, and those that could not be turned into a linear fact. */
  read = 0;
  nonlinear = 0;
  /** Count cells and ratios the public was shown as secret: `quantity key` → where. */
  readonly secretSeen = new Map<string, string>();
  /** Indicator values the public was shown as secret: `indicator|node|date`. */
  readonly secretValues = new Set<string>();

  constructor(readonly frame: CityFrame) {}

  get facts(): Fact[] {
    return [...this.merged.values()];
  }

  /**
   * Half a unit of the coarsest published rounding of the indicator's base share, in the units
   * of its value form (% for ratios): a change or trend may be computed from rounded shares.
   */
  baseHalfUnit(ind: PublicIndicator): number {
    if (!ind.denominator) return 0;
    let half = 0.5 * 10 ** -ind.decimals;
    for (const other of this.frame.indicators.values())
      if (
        other.numerator === ind.numerator &&
        other.denominator === ind.denominator &&
        STATIC.has(other.formula)
      )
        half = Math.max(half, ((0.5 * 10 ** -other.decimals) / factorOf(other.formula)) * 100);
    return half;
  }

  /** How far the published (unrounded) value may lie from its form when bases were rounded. */
  formSlack(ind: PublicIndicator): number {
    const h = this.baseHalfUnit(ind);
    if (h === 0) return 0;
    const n = ind.periodYears ?? 1;
    if (ind.formula === 'change_pp') return 2 * h;
    if (ind.formula === 'trend_slope') {
      const w = slopeWeights(Array.from({ length: n + 1 }, (_, i) => i));
      return w.reduce((s, x) => s + Math.abs(x), 0) * h;
    }
    return 0;
  }

  /** Slack of a displayed value: its own rounding and the rounding of its bases. */
  private shownSlack(ind: PublicIndicator): number {
    return 0.5 * 10 ** -ind.decimals + this.formSlack(ind);
  }

  /** Base series of an indicator: its ratio (coefficient 1) or its count. */
  base(ind: PublicIndicator, node: string, date: string): Form {
    return new Map([
      [
        ind.denominator
          ? ratioKey(ind.numerator, ind.denominator, node, date)
          : countKey(ind.numerator, node, date),
        1,
      ],
    ]);
  }

  /** The indicator's value as a linear form, or null when it is not linear (relative change). */
  valueForm(ind: PublicIndicator, node: string, date: string): Form | null {
    const n = ind.periodYears ?? 1;
    const scaled = (d: string, coef: number) =>
      addForm(new Map(), this.base(ind, node, d), ind.denominator ? 100 * coef : coef);
    switch (ind.formula) {
      case 'count':
        return this.base(ind, node, date);
      case 'share':
      case 'per_mille':
      case 'per_1000':
      case 'ratio':
        return ind.denominator
          ? new Map([[ratioKey(ind.numerator, ind.denominator, node, date), factorOf(ind.formula)]])
          : null;
      case 'change_pp':
        return addForm(scaled(date, 1), scaled(yearsBefore(date, n), 1), -1);
      case 'trend_slope': {
        const dates = Array.from({ length: n + 1 }, (_, i) => yearsBefore(date, n - i));
        const w = slopeWeights(dates.map((d) => Number(d.slice(0, 4))));
        const form: Form = new Map();
        dates.forEach((d, i) => addForm(form, scaled(d, 1), w[i]!));
        return form;
      }
      default:
        return null;
    }
  }

  /** Slope per year of the indicator's values at `dates` (a trend shown beside a series). */
  slopeForm(
    ind: PublicIndicator,
    node: string,
    dates: string[],
    year: (date: string) => number,
  ): Form | null {
    if (dates.length < 2) return null;
    const w = slopeWeights(dates.map(year));
    const form: Form = new Map();
    for (const [i, d] of dates.entries()) {
      const f = this.valueForm(ind, node, d);
      if (!f) return null;
      addForm(form, f, w[i]!);
    }
    return form;
  }

  /** Records that the public saw the indicator at node/date as secret. */
  secret(ind: PublicIndicator, node: string, date: string, where: string): void {
    this.secretValues.add(`${ind.key}|${node}|${date}`);
    const mark = (k: string) => {
      if (!this.secretSeen.has(k)) this.secretSeen.set(k, where);
    };
    if (['count', 'share', 'per_mille', 'per_1000', 'ratio'].includes(ind.formula)) {
      mark(countKey(ind.numerator, node, date));
      if (ind.denominator) {
        mark(countKey(ind.denominator, node, date));
        mark(ratioKey(ind.numerator, ind.denominator, node, date));
      }
    }
  }

  /** The indicator's value at node/date was published. */
  value(ind: PublicIndicator, node: string, date: string, v: Printed | null, source: string): void {
    if (v === null) return;
    this.read++;
    if (ind.formula === 'relative_change') {
      this.relativeChange(ind, node, date, v, source);
      return;
    }
    const form = this.valueForm(ind, node, date);
    if (form) this.add(form, v, source, this.formSlack(ind));
    else this.nonlinear++;
  }

  /**
   * A published linear combination `Σ coef · value(indicator, node, date)`, e.g. a change
   * (`[1, node, t], [−1, node, t−1]`) or a gap to the city.
   */
  combination(
    ind: PublicIndicator,
    terms: [number, string, string][],
    v: Printed | null,
    source: string,
  ): void {
    if (v === null) return;
    this.read++;
    const form: Form = new Map();
    let slack = 0;
    for (const [coef, node, date] of terms) {
      const f = this.valueForm(ind, node, date);
      if (!f) {
        this.nonlinear++;
        return;
      }
      addForm(form, f, coef);
      slack += Math.abs(coef) * this.shownSlack(ind);
    }
    this.add(form, v, source, slack);
  }

  /** A published slope of the indicator's values at `dates`, with `year` as the x axis. */
  slope(
    ind: PublicIndicator,
    node: string,
    dates: string[],
    v: Printed | null,
    source: string,
    year: (date: string) => number,
  ): void {
    if (v === null) return;
    this.read++;
    const form = this.slopeForm(ind, node, dates, year);
    const w = slopeWeights(dates.map(year));
    if (form) this.add(form, v, source, w.reduce((s, x) => s + Math.abs(x), 0) * this.shownSlack(ind));
    else this.nonlinear++;
  }

  /** `lo − slack ≤ form ≤ hi + slack` for the interval the printed number stands for. */
  add(form: Form, v: Printed, source: string, slack = 0): void {
    const [lo, hi] = publishedInterval(v.value, v.text);
    this.addInterval(form, lo - slack, hi + slack, source);
  }

  addInterval(form: Form, lo: number, hi: number, source: string): void {
    if (form.size === 0) return;
    const { signature, scale } = formSignature(form);
    const norm = new Map([...form].map(([k, c]) => [k, c / scale]));
    const [l, h] = scale > 0 ? [lo / scale, hi / scale] : [hi / scale, lo / scale];
    const old = this.merged.get(signature);
    if (!old) this.merged.set(signature, { form: norm, lo: l, hi: h, source });
    else {
      if (l > old.lo) old.lo = l;
      if (h < old.hi) old.hi = h;
    }
  }

  private relativeChange(ind: PublicIndicator, node: string, date: string, v: Printed, source: string) {
    const [lo, hi] = publishedInterval(v.value, v.text);
    const now = this.base(ind, node, date);
    const before = this.base(ind, node, yearsBefore(date, ind.periodYears ?? 1));
    // base(t) − (1 + g/100) · base(t−n) is ≤ 0 at g = hi and ≥ 0 at g = lo (bases are ≥ 0)
    this.addInterval(addForm(new Map(now), before, -(1 + hi / 100)), -Infinity, 0, source);
    this.addInterval(addForm(new Map(now), before, -(1 + lo / 100)), 0, Infinity, source);
  }
}
