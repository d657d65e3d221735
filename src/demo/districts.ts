import type { Rng } from './rng.ts';
import type { CellLayout } from './cells.ts';
import type { CityFrame } from './outline.ts';
import { frameToUtm } from './outline.ts';
import type { Pt } from './planar.ts';

/** Number of Stadtbezirke; the first is the central "Mitte". */
export const DISTRICT_COUNT = 6;

/**
 * Group cells into contiguous Stadtbezirke by region growing on the rook adjacency graph:
 * every district starts at the cell nearest its seeded centre and repeatedly takes the unassigned
 * neighbouring cell closest to its centre. Because a cell is only ever taken from the frontier of
 * a district, each district is contiguous. A size cap keeps districts comparable.
 * @returns district index (0 = Mitte) per cell
 */
export function assignDistricts(layout: CellLayout, frame: CityFrame, rng: Rng): number[] {
  const n = layout.cells.length;
  const start = rng.range(0, 2 * Math.PI);
  const centres: Pt[] = [[frame.cx, frame.cy]];
  for (let d = 1; d < DISTRICT_COUNT; d++) {
    const angle = start + ((d - 1) * 2 * Math.PI) / (DISTRICT_COUNT - 1) + rng.range(-0.15, 0.15);
    centres.push(frameToUtm(frame, Math.cos(angle) * 0.62, Math.sin(angle) * 0.62));
  }
  // Mitte is smaller in area: its cells are small and dense, and it should not swallow the ring.
  const scale = centres.map((_, d) => (d === 0 ? 1.35 : 1));
  const cap = Math.ceil(n / DISTRICT_COUNT) + 2;
  const dist = (cell: number, d: number) => {
    const c = layout.cells[cell]?.centroid ?? [0, 0];
    const m = centres[d] ?? [0, 0];
    return Math.hypot(c[0] - m[0], c[1] - m[1]) * (scale[d] ?? 1);
  };

  const district = new Array<number>(n).fill(-1);
  const size = new Array<number>(DISTRICT_COUNT).fill(0);
  for (let d = 0; d < DISTRICT_COUNT; d++) {
    let best = -1;
    for (let i = 0; i < n; i++) {
      if (district[i] === -1 && (best === -1 || dist(i, d) < dist(best, d))) best = i;
    }
    district[best] = d;
    size[d] = 1;
  }

  for (let assigned = DISTRICT_COUNT; assigned < n; assigned++) {
    let best: { cell: number; d: number; score: number } | undefined;
    for (const capped of [true, false]) {
      for (let i = 0; i < n; i++) {
        const d = district[i] ?? -1;
        if (d < 0 || (capped && (size[d] ?? 0) >= cap)) continue;
        for (const j of layout.neighbours[i] ?? []) {
          if (district[j] !== -1) continue;
          const score = dist(j, d);
          if (!best || score < best.score) best = { cell: j, d, score };
        }
      }
      if (best) break;
    }
    if (!best) throw new Error('Cell adjacency graph is not connected');
    district[best.cell] = best.d;
    size[best.d] = (size[best.d] ?? 0) + 1;
  }
  return district;
}

const COMPASS = ['Nord', 'Nordost', 'Ost', 'Südost', 'Süd', 'Südwest', 'West', 'Nordwest'];

/**
 * Order and name the districts: Mitte first, then clockwise from north by compass name; the
 * district that holds the industrial estate is called "Am Hafen" (a canal port, as many
 * Ruhr and Münsterland towns have).
 * @returns for each district index its rank (0 = key '1') and name
 */
export function nameDistricts(
  centroids: Pt[],
  cityCentre: Pt,
  industrialDistrict: number,
): { order: number[]; names: string[] } {
  const bearing = centroids.map(([x, y]) => {
    const b = Math.atan2(x - cityCentre[0], y - cityCentre[1]); // from north, clockwise
    return b < 0 ? b + 2 * Math.PI : b;
  });
  const outer = [...centroids.keys()]
    .filter((d) => d !== 0)
    .sort((a, b) => (bearing[a] ?? 0) - (bearing[b] ?? 0));
  const order = [0, ...outer];
  const names = centroids.map((_, d): string => (d === 0 ? 'Mitte' : ''));
  const taken = new Set<number>();
  for (const d of outer) {
    if (d === industrialDistrict) {
      names[d] = 'Am Hafen';
      continue;
    }
    // Nearest free compass direction, so that two districts never share a name.
    const want = Math.round((bearing[d] ?? 0) / (Math.PI / 4));
    const bin =
      [0, 1, -1, 2, -2, 3, -3, 4].map((k) => (((want + k) % 8) + 8) % 8).find((b) => !taken.has(b)) ?? 0;
    taken.add(bin);
    names[d] = COMPASS[bin] ?? 'Außenbezirk';
  }
  return { order, names };
}
