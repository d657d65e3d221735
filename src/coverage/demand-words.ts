/**
 * A norm's demand in words: the variable in words (its age range: core/age-range.ts) and the whole
 * rule with weights and factor — as statements and Bedarfspläne print it.
 */
import { variableRange } from '../core/age-range.ts';
import { formatNumber } from '../core/format.ts';

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
  // two decimals, or two significant digits for small weights (care rates × shares: 0,0029)
  const w = (x: number) =>
    formatNumber(
      x,
      Number.isInteger(x) ? 0 : Math.abs(x) < 0.01 ? 1 - Math.floor(Math.log10(Math.abs(x))) : 2,
    );
  if (terms.every((t) => t.w === terms[0]!.w))
    return `${w(terms[0]!.w)} × ${terms.length > 1 ? `(${terms.map((t) => t.v).join(' + ')})` : terms[0]!.v}`;
  return terms.map((t) => `${w(t.w)} × ${t.v}`).join(' + ');
}
