/**
 * The projected part of a time series (points of the published Prognose, `projected: true`):
 * where it begins, and each line split into its observed and its projected stretch, so that a
 * chart draws the projection in a style of its own, joined to the last observed point.
 */

/**
 * Index of the first projected point, or -1 when the series has none.
 * @example firstProjected([{ projected: false }, {}, { projected: true }]) // 2
 */
export const firstProjected = (points: readonly { projected?: boolean }[]) =>
  points.findIndex((p) => p.projected === true);

/**
 * A line's values split at `from` (the first projected point): the observed stretch keeps the
 * values before it, the projected one those from it on plus the point just before (so the dashed
 * line starts where the solid one ends).
 * @example splitAt([1, 2, 3, 4], 2) // { observed: [1, 2, null, null], projected: [null, 2, 3, 4] }
 */
export function splitAt(
  values: readonly (number | null)[],
  from: number,
): { observed: (number | null)[]; projected: (number | null)[] } {
  if (from < 0) return { observed: [...values], projected: values.map(() => null) };
  return {
    observed: values.map((v, i) => (i < from ? v : null)),
    projected: values.map((v, i) => (i >= from - 1 ? v : null)),
  };
}
