/**
 * Standardisation (Normalisierung) of one indicator over the valid areas, as in the OECD/JRC
 * handbook on composite indicators and COINr's `Normalise()` (docs/methods.md §4).
 * Values are plain Float64Arrays; NaN marks a value that does not take part (invalid area or
 * missing input) and stays NaN in the output.
 */
import type { Standardisation } from './index.schema.ts';

export interface Moments {
  n: number;
  mean: number;
  /** Standard deviation dividing by n (population) or n − 1 (sample). */
  sd: number;
}

/**
 * Mean and standard deviation of the non-NaN values (two-pass, numerically stable).
 * @param sample divide by n − 1 instead of n
 * @example moments(Float64Array.of(1, 2, 3, NaN), false) // { n: 3, mean: 2, sd: 0.8165 }
 */
export function moments(x: Float64Array, sample: boolean): Moments {
  let n = 0;
  let sum = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    if (v === v) {
      n++;
      sum += v;
    }
  }
  const mean = n ? sum / n : NaN;
  let ss = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    if (v === v) ss += (v - mean) * (v - mean);
  }
  const d = sample ? n - 1 : n;
  return { n, mean, sd: d > 0 ? Math.sqrt(ss / d) : 0 };
}

/**
 * z-scores (x − mean) / SD. Berlin's MSS divides by n (population SD): with n − 1 its published
 * z-values are not reproduced (docs/methods.md §3). A constant indicator (SD 0) gives 0 everywhere:
 * it does not tell the areas apart.
 * @example zScores(Float64Array.of(1, 2, 3), false) // [-1.2247, 0, 1.2247]
 */
export function zScores(
  x: Float64Array,
  sample: boolean,
  out: Float64Array = new Float64Array(x.length),
): Float64Array {
  const { mean, sd } = moments(x, sample);
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    out[i] = v !== v ? NaN : sd > 0 ? (v - mean) / sd : 0;
  }
  return out;
}

/**
 * Min-max scaling to [lo, hi] (COINr `n_minx`, default 0–100). A constant indicator gives the
 * middle of the range.
 * @example minMax(Float64Array.of(2, 4, 6)) // [0, 50, 100]
 */
export function minMax(
  x: Float64Array,
  lo = 0,
  hi = 100,
  out: Float64Array = new Float64Array(x.length),
): Float64Array {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const span = max - min;
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    out[i] = v !== v ? NaN : span > 0 ? lo + ((v - min) / span) * (hi - lo) : (lo + hi) / 2;
  }
  return out;
}

/**
 * Ranks 1…n in ascending order of x (the highest value gets n); ties get the mean of their
 * ranks (COINr `n_rank` with `ties.method = "average"`).
 * @example ranks(Float64Array.of(10, 30, 20, 20)) // [1, 4, 2.5, 2.5]
 */
export function ranks(x: Float64Array, out: Float64Array = new Float64Array(x.length)): Float64Array {
  const idx: number[] = [];
  for (let i = 0; i < x.length; i++) {
    if (x[i]! === x[i]!) idx.push(i);
    else out[i] = NaN;
  }
  idx.sort((a, b) => x[a]! - x[b]!);
  for (let s = 0; s < idx.length;) {
    let e = s + 1;
    while (e < idx.length && x[idx[e]!] === x[idx[s]!]) e++;
    const r = (s + 1 + e) / 2; // mean of ranks s+1 … e
    for (let k = s; k < e; k++) out[idx[k]!] = r;
    s = e;
  }
  return out;
}

/** Applies one standardisation method (see {@link Standardisation}). */
export function standardise(x: Float64Array, method: Standardisation, out?: Float64Array): Float64Array {
  switch (method) {
    case 'z_population':
      return zScores(x, false, out);
    case 'z_sample':
      return zScores(x, true, out);
    case 'minmax':
      return minMax(x, 0, 100, out);
    case 'rank':
      return ranks(x, out);
  }
}

/**
 * Natural logarithms of the values rescaled to [1, 100], the input of a geometric mean.
 * The geometric mean needs strictly positive inputs; COINr (`a_gmean`) refuses others and
 * advises min-max normalisation onto a positive range such as [1, 100] first, which is what
 * we do for every standardisation (z-scores are negative, min-max 0–100 contains 0).
 */
export function geometricInputs(
  std: Float64Array,
  out: Float64Array = new Float64Array(std.length),
): Float64Array {
  minMax(std, 1, 100, out);
  for (let i = 0; i < out.length; i++) out[i] = Math.log(out[i]!);
  return out;
}
