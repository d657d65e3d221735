/**
 * Straight-line distance from each area to the nearest facility (docs/methods.md §7, Bedarfsplan),
 * pure, in the metric CRS of the population grid (UTM, metres). An area's reference point is the
 * grid cell inside it nearest to the mean of its cells — where the people live when they are
 * spread evenly over the area, and always inside it, also for a crescent-shaped area whose
 * centroid lies outside.

 */

/**
 * One point per area: the cell of the area nearest to the mean of its cells.
 * @param xy interleaved cell centres x0, y0, x1, y1, …
 * @param owner the area (0…n−1) of each cell
 * @returns interleaved x, y per area (NaN for an area without cells)
 * @example referencePoints(Float64Array.of(0, 0, 100, 0, 200, 0), Int32Array.of(0, 0, 0), 1) // [100, 0]
 */
export function referencePoints(xy: Float64Array, owner: Int32Array, n: number): Float64Array {
  const sx = new Float64Array(n);
  const sy = new Float64Array(n);
  const count = new Int32Array(n);
  for (let c = 0; c < owner.length; c++) {
    const a = owner[c]!;
    sx[a] = sx[a]! + xy[2 * c]!;
    sy[a] = sy[a]! + xy[2 * c + 1]!;
    count[a]!++;
  }
  const best = new Float64Array(n).fill(Infinity);
  const out = new Float64Array(2 * n).fill(NaN);
  for (let c = 0; c < owner.length; c++) {
    const a = owner[c]!;
    const dx = xy[2 * c]! - sx[a]! / count[a]!;
    const dy = xy[2 * c + 1]! - sy[a]! / count[a]!;
    const d = dx * dx + dy * dy;
    if (d < best[a]!) {
      best[a] = d;
      out[2 * a] = xy[2 * c]!;
      out[2 * a + 1] = xy[2 * c + 1]!;
    }
  }
  return out;
}

/**
 * For each origin the nearest target and its distance (all pairs: a city's areas × its
 * facilities are a few million pairs at most).
 * @returns `index` of the nearest target (−1 without targets) and `distance` in metres (Infinity)
 * @example nearest(Float64Array.of(0, 0), Float64Array.of(300, 400, 10, 0)) // { index: [1], distance: [10] }
 */
export function nearest(
  origins: Float64Array,
  targets: Float64Array,
): { index: Int32Array; distance: Float64Array } {
  const n = origins.length / 2;
  const m = targets.length / 2;
  const index = new Int32Array(n).fill(-1);
  const distance = new Float64Array(n).fill(Infinity);
  for (let i = 0; i < n; i++) {
    const x = origins[2 * i]!;
    const y = origins[2 * i + 1]!;
    let best = Infinity;
    let at = -1;
    for (let j = 0; j < m; j++) {
      const dx = targets[2 * j]! - x;
      const dy = targets[2 * j + 1]! - y;
      const d = dx * dx + dy * dy;
      if (d < best) {
        best = d;
        at = j;
      }
    }
    index[i] = at;
    distance[i] = Math.sqrt(best);
  }
  return { index, distance };
}
