/**
 * Splitting age bands into single years of age (docs/methods.md §8.1).
 *
 * Method: piecewise-linear, mean-preserving interpolation of the band densities (persons per year
 * of age). Each closed band's mean density sits at its midpoint; the density of a single age is
 * the straight line between the neighbouring midpoints (continued beyond the outer midpoints with
 * the slope of the nearest pair, and never below zero); then every band is rescaled to its
 * published total, so the single years sum back to each band exactly. The open top band ("65 and
 * older") decays exponentially, d(a) ∝ e^(−k(a−from)), k = {@link TOP_DECAY} per year, with the
 * tail beyond the oldest single age folded into the top cell.
 * Compare the linear density split of Siegel & Swanson, *The Methods and Materials of Demography*
 * (2004), ch. 7 ("graduation of grouped data"), and the exponential old-age closure of
 * Preston, Heuveline & Guillot, *Demography* (2001), §3.
 */
import { MAX_AGE, type AgeVector } from './age-vector.ts';

/** A band of ages [from, to) with its count; `to` null: open (from and older). */
export interface AgeBand {
  from: number;
  to: number | null;
  value: number;
}

/**
 * Yearly relative decline of the density inside the open top band: 0.07 halves it in about ten
 * years, roughly how the numbers of 65-, 75- and 85-year-olds in German cities relate.
 */
export const TOP_DECAY = 0.07;

/**
 * Single years 0…maxAge from contiguous bands starting at 0 (the last may be open).
 *
 * @param bands bands in ascending order, contiguous from age 0; only the last may be open
 * @param options `maxAge` (default {@link MAX_AGE}), `topDecay` (default {@link TOP_DECAY})
 * @returns counts by single age whose sums over each band equal the band's value exactly
 * @throws Error when bands are not contiguous from 0 or a value is negative
 * @example
 * splitBands([{ from: 0, to: 2, value: 4 }, { from: 2, to: 4, value: 4 }], { maxAge: 3 })
 * // [2, 2, 2, 2]
 */
export function splitBands(
  bands: readonly AgeBand[],
  options: { maxAge?: number; topDecay?: number } = {},
): AgeVector {
  const maxAge = options.maxAge ?? MAX_AGE;
  const k = options.topDecay ?? TOP_DECAY;
  checkBands(bands, maxAge);
  const out = new Array<number>(maxAge + 1).fill(0);
  const closed = bands.filter((b) => b.to !== null);
  const mids = closed.map((b) => (b.from + b.to!) / 2);
  const dens = closed.map((b) => b.value / (b.to! - b.from));
  const density = (x: number): number => {
    if (mids.length === 1) return dens[0]!;
    let i = 0;
    while (i < mids.length - 2 && x > mids[i + 1]!) i++;
    const t = (x - mids[i]!) / (mids[i + 1]! - mids[i]!);
    return Math.max(0, dens[i]! + t * (dens[i + 1]! - dens[i]!));
  };
  for (const b of bands) {
    const to = b.to ?? maxAge + 1;
    const w: number[] = [];
    for (let a = b.from; a < to; a++) {
      if (b.to === null) {
        // Open band: exponential decay; the top cell takes the whole geometric tail.
        const d = Math.exp(-k * (a - b.from));
        w.push(a === maxAge ? d / (1 - Math.exp(-k)) : d);
      } else w.push(density(a + 0.5));
    }
    const sum = w.reduce((s, x) => s + x, 0);
    w.forEach((x, i) => (out[b.from + i] = sum > 0 ? (b.value * x) / sum : b.value / w.length));
  }
  return out;
}

function checkBands(bands: readonly AgeBand[], maxAge: number) {
  if (!bands.length) throw new Error('splitBands: no bands');
  let next = 0;
  bands.forEach((b, i) => {
    if (b.from !== next) throw new Error(`splitBands: band ${i} starts at ${b.from}, expected ${next}`);
    if (!(b.value >= 0)) throw new Error(`splitBands: band ${i} has a negative or missing value`);
    if (b.to !== null && b.to > maxAge + 1)
      throw new Error(`splitBands: band ${i} ends beyond age ${maxAge} and older`);
    if (b.to === null) {
      if (i !== bands.length - 1) throw new Error('splitBands: only the last band may be open');
      if (b.from > maxAge) throw new Error(`splitBands: band ${i} starts beyond age ${maxAge}`);
    } else if (b.to <= b.from) throw new Error(`splitBands: band ${i} is empty`);
    next = b.to ?? Infinity;
  });
  if (next !== Infinity && next !== maxAge + 1)
    throw new Error(`splitBands: bands end at ${next}, before age ${maxAge} and older`);
}
