/**
 * A norm's demand in words: the age range a catalogue variable stands for (`ew_u3` → under 3), the
 * variable in words, and the whole rule with weights and factor — as statements and Bedarfspläne
 * print it.
 */
import { formatNumber } from '../core/format.ts';

/** An age range [from, to) in years; `to` null: open. */
export interface AgeRange {
  from: number;
  to: number | null;
}

/**
 * The age range a variable key stands for, as the catalogue names them: `ew` (everyone),
 * `ew_u<n>` (under n), `ew_<a>_<b>` (a to b inclusive), `ew_<a>plus` (a and older); null for
 * anything else (sex, households, transfers: not derivable from ages).
 * @example variableRange('ew_3_5') // { from: 3, to: 6 }
 */
export function variableRange(variable: string): AgeRange | null {
  if (variable === 'ew') return { from: 0, to: null };
  let m = /^ew_u(\d{1,3})$/.exec(variable);
  if (m) return { from: 0, to: Number(m[1]) };
  m = /^ew_(\d{1,3})_(\d{1,3})$/.exec(variable);
  if (m && Number(m[2]) >= Number(m[1])) return { from: Number(m[1]), to: Number(m[2]) + 1 };
  m = /^ew_(\d{1,3})plus$/.exec(variable);
  if (m) return { from: Number(m[1]), to: null };
  return null;
}

/** „Einwohner unter 3 Jahren“ for `ew_u3`: a demand variable in words. */
export function variableWords(v: string): string {
  const r = variableRange(v);
  if (!r) return v;
  if (r.from === 0 && r.to === null) return 'Einwohner';
  if (r.from === 0) return `Einwohner unter ${r.to} Jahren`;
  if (r.to === null) return `Einwohner ab ${r.from} Jahren`;
  return `Einwohner von ${r.from} bis ${r.to - 1} Jahren`;
}

/**
 * The norm's rule in words, weights and factor folded together.
 * @example needFormula(kitaGesamt) // '0,51 × Einwohner unter 3 Jahren + 0,97 × Einwohner von 3 bis 5 Jahren'
 */
export function needFormula(n: {
  demand: readonly string[];
  weights: readonly number[];
  factor: number;
}): string {
  const terms = n.demand.map((v, i) => ({ v: variableWords(v), w: n.factor * (n.weights[i] ?? 1) }));
  const w = (x: number) => formatNumber(x, Number.isInteger(x) ? 0 : 2);
  if (terms.every((t) => t.w === terms[0]!.w))
    return `${w(terms[0]!.w)} × ${terms.length > 1 ? `(${terms.map((t) => t.v).join(' + ')})` : terms[0]!.v}`;
  return terms.map((t) => `${w(t.w)} × ${t.v}`).join(' + ');
}
