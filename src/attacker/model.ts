/**
 * The outsider's model of a city (docs/methods.md §6, "linked outputs"): what a visitor learns from the
 * public catalogue and area lists, and every published number as a linear fact over unknown
 * quantities. Quantities are the true count cells (`c|variable|node|date`) and the ratios
 * numerator/denominator of rate indicators (`r|num|den|node|date`, a pure ratio, not ×100);
 * a ratio is tied to its counts by `num = r · den`, the only non-linear link, which the
 * arithmetic and the LP use through intervals.
 */

/** An indicator as the public catalogue describes it (GET /api/indicators). */
export interface PublicIndicator {
  key: string;
  name: string;
  unit: string;
  numerator: string;
  denominator: string | null;
  formula: string;
  periodYears: number | null;
  decimals: number;
}

/**
 * A version of a published norm (GET /api/norms/{key}): its coverage publishes
 * factor × Σ weight × demand variable per area, and supply, rate and balance beside it.
 */
export interface PublicNorm {
  key: string;
  demand: string[];
  /** Weight of each demand variable (absent: 1 each). */
  weights?: number[];
  factor: number;
  /** `district`: each area shows its ancestor's row on this level. */
  districtLevel: string | null;
  validFrom: string | null;
  validTo: string | null;
}

/** An area of the tree; the city is the root (its own level, or a synthetic node). */
export interface AreaNode {
  /** `level:id` */
  key: string;
  level: string;
  id: string;
  name: string;
  parent: string | null;
}

/** What the visitor knows about the city before reading any value. */
export interface CityFrame {
  levels: { key: string; name: string; rank: number }[];
  dates: string[];
  indicators: Map<string, PublicIndicator>;
  nodes: Map<string, AreaNode>;
  /** Node key of the whole city. */
  root: string;
  /** Key of the territory (`/api/config`), which the city row of CSV exports carries. */
  cityKey?: string;
  /** Children of each node that has any. */
  children: Map<string, string[]>;
  /** Every version of each published norm (coverage), by key. */
  norms?: Map<string, PublicNorm[]>;
}

/** Quantity key → coefficient. */
export type Form = Map<string, number>;

/** `lo ≤ Σ coef · quantity ≤ hi`, with the public output it came from. */
export interface Fact {
  form: Form;
  lo: number;
  hi: number;
  source: string;
}

export const countKey = (variable: string, node: string, date: string) => `c|${variable}|${node}|${date}`;
export const ratioKey = (num: string, den: string, node: string, date: string) =>
  `r|${num}|${den}|${node}|${date}`;

/** Parts of a quantity key. */
export function parseKey(key: string) {
  const p = key.split('|');
  return p[0] === 'c'
    ? { kind: 'count' as const, variable: p[1]!, node: p[2]!, date: p[3]! }
    : { kind: 'ratio' as const, num: p[1]!, den: p[2]!, node: p[3]!, date: p[4]! };
}

/** Factor between the ratio num/den and the published value of a static formula. */
export function factorOf(formula: string): number {
  if (formula === 'ratio') return 1;
  if (formula === 'per_mille' || formula === 'per_1000') return 1000;
  return 100;
}

/** The Stichtag n years earlier (29 Feb → 28 Feb), as the catalogue describes changes. */
export function yearsBefore(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) - years;
  const md = date.slice(4) === '-02-29' ? '-02-28' : date.slice(4);
  return `${String(y).padStart(4, '0')}${md}`;
}

/** Digits after the decimal point as printed (`1e-7` and longer: treated as full precision). */
export function printedDigits(text: string): number {
  const t = text.trim();
  if (/e/i.test(t)) return 17;
  const dot = t.search(/[.,]/);
  return dot < 0 ? 0 : t.length - dot - 1;
}

/**
 * The interval a published number stands for. A number printed with six or more decimals is
 * taken as exact (floating-point output of an unrounded value); a shorter one may have been
 * rounded to the digits shown, so it stands for ± half a unit of its last digit. This never
 * claims more than the publisher said, whatever rounding the publisher used.
 * @example publishedInterval(5.9) // [5.85, 5.95] (plus a hair for floating point)
 */
export function publishedInterval(value: number, text = String(value)): [number, number] {
  const digits = printedDigits(text);
  const eps = 1e-9 * Math.max(1, Math.abs(value));
  if (digits >= 6) return [value - eps, value + eps];
  const half = 0.5 * 10 ** -digits;
  return [value - half - eps, value + half + eps];
}

/** A German or plain number in a CSV cell (`5,9`, `1.234,5`, `7331`); null for `·`, `-`, empty. */
export function parseCsvNumber(text: string): { value: number; text: string } | null {
  const t = text.trim().replace(/^"|"$/g, '');
  if (!/^[-−+]?\d/.test(t)) return null;
  let plain = t.replace('−', '-');
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(plain)) plain = plain.replace(/\./g, '');
  plain = plain.replace(',', '.');
  if (!/^[-+]?\d+(\.\d+)?$/.test(plain)) return null;
  return { value: Number(plain), text: plain };
}

/** Adds `coef · form` into `into`. */
export function addForm(into: Form, form: Form, coef: number): Form {
  for (const [k, v] of form) {
    const next = (into.get(k) ?? 0) + coef * v;
    if (Math.abs(next) < 1e-15) into.delete(k);
    else into.set(k, next);
  }
  return into;
}

/** A stable text of a form, for merging facts over the same quantities. */
export function formSignature(form: Form): { signature: string; scale: number } {
  const entries = [...form].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const scale = entries[0]?.[1] ?? 1;
  return {
    signature: entries.map(([k, v]) => `${k}*${(v / scale).toPrecision(12)}`).join('+'),
    scale,
  };
}
