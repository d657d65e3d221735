import polygonClipping from 'polygon-clipping';
import type { Rng } from '../rng.ts';
import type { CellLayout } from '../cells.ts';
import { buildCells } from '../cells.ts';
import type { MultiPoly, Pt } from '../planar.ts';
import { orientRing } from '../planar.ts';
import type { CityFrame } from '../outline.ts';
import { cityOutline, frameToUtm } from '../outline.ts';
import type { MunicipalitySpec } from './municipalities.ts';
import { MUNICIPALITIES } from './municipalities.ts';

/** A Wohnplatz in planar geometry (EPSG:25832), keyed under its Gemeinde. */
export interface LayoutWohnplatz {
  /** Gemeindeschlüssel + 3-digit running number, counted from the Gemeinde's centre outwards. */
  key: string;
  gemeinde: MunicipalitySpec;
  utm: MultiPoly;
  centroid: Pt;
  /** Distance from the Gemeinde's centre relative to its farthest Wohnplatz (0…1). */
  r: number;
  /** Is it on the Kreis boundary? */
  onBoundary: boolean;
  /** Indices of the neighbouring Wohnplätze in the returned list. */
  neighbours: number[];
}

/** A Gemeinde in planar geometry: the union of its Wohnplätze. */
export interface LayoutGemeinde {
  spec: MunicipalitySpec;
  utm: MultiPoly;
  centre: Pt;
}

/** The spatial skeleton of the demo Kreis. */
export interface KreisLayout {
  kreis: MultiPoly;
  /** In the order of {@link MUNICIPALITIES}. */
  gemeinden: LayoutGemeinde[];
  /** Sorted by key. */
  wohnplaetze: LayoutWohnplatz[];
}

/**
 * Centre of the demo Kreis: the hills east of Köln (about 7.16° E, 50.98° N), where the
 * Rheinisch-Bergischer Kreis lies. Fixed, so every seed gives the same map view.
 */
export const KREIS_CENTRE: Pt = [371000, 5649000];

/** Union of planar multipolygons, rings in RFC 7946 order. */
export function union(parts: MultiPoly[]): MultiPoly {
  const [first, ...rest] = parts;
  if (!first) return [];
  return polygonClipping.union(first, ...rest).map((poly) => poly.map((r, k) => orientRing(r, k === 0)));
}

/**
 * Town centres in frame coordinates: the Mittelzentrum on the western side (towards the big
 * city), one municipality near the middle, the others on a ring around it in seeded order.
 */
function townCentres(frame: CityFrame, rng: Rng): Pt[] {
  const others = rng.shuffle(
    MUNICIPALITIES.map((_, i) => i).filter((i) => MUNICIPALITIES[i]?.type !== 'mittelzentrum'),
  );
  const centres: Pt[] = MUNICIPALITIES.map(() => [0, 0]);
  const mz = MUNICIPALITIES.findIndex((m) => m.type === 'mittelzentrum');
  const west = Math.PI + rng.range(-0.2, 0.2);
  centres[mz] = frameToUtm(frame, Math.cos(west) * 0.5, Math.sin(west) * 0.5);
  const [middle, ...ring] = others;
  centres[middle ?? 0] = frameToUtm(frame, rng.range(-0.05, 0.15), rng.range(-0.1, 0.1));
  ring.forEach((g, k) => {
    const angle = west + ((k + 1) * 2 * Math.PI) / (ring.length + 1) + rng.range(-0.12, 0.12);
    const r = rng.range(0.55, 0.68);
    centres[g] = frameToUtm(frame, Math.cos(angle) * r, Math.sin(angle) * r);
  });
  return centres;
}

/**
 * Municipalities by balanced region growing on the rook adjacency graph: each starts at the cell
 * nearest its centre; the largest grows to its quota, then the one furthest behind its quota of Wohnplätze takes the free neighbouring
 * cell nearest its centre. Taking only from the frontier keeps every municipality contiguous; a
 * municipality shut in before its quota leaves the rest to its neighbours.
 * @returns municipality index per cell
 */
export function assignMunicipalities(layout: CellLayout, centres: Pt[], quotas: number[]): number[] {
  const n = layout.cells.length;
  const owner = new Array<number>(n).fill(-1);
  const size = centres.map(() => 0);
  const dist = (cell: number, g: number) => {
    const c = layout.cells[cell]?.centroid ?? [0, 0];
    const m = centres[g] ?? [0, 0];
    return Math.hypot(c[0] - m[0], c[1] - m[1]);
  };
  const byQuota = centres.map((_, g) => g).sort((a, b) => (quotas[b] ?? 0) - (quotas[a] ?? 0) || a - b);
  for (const g of byQuota) {
    let best = -1;
    for (let i = 0; i < n; i++) if (owner[i] === -1 && (best === -1 || dist(i, g) < dist(best, g))) best = i;
    owner[best] = g;
    size[g] = 1;
  }
  const frontier = (g: number) => {
    let best = -1;
    for (let i = 0; i < n; i++) {
      if (owner[i] !== g) continue;
      for (const j of layout.neighbours[i] ?? []) {
        if (owner[j] === -1 && (best === -1 || dist(j, g) < dist(best, g))) best = j;
      }
    }
    return best;
  };
  // The largest municipality first takes its whole quota: its dense small cells would otherwise
  // be shut in by its neighbours' growth before it has its share of Wohnplätze.
  const [largest = 0] = byQuota;
  let assigned = centres.length;
  for (; assigned < n && (size[largest] ?? 0) < (quotas[largest] ?? 0); assigned++) {
    const cell = frontier(largest);
    if (cell < 0) break;
    owner[cell] = largest;
    size[largest] = (size[largest] ?? 0) + 1;
  }
  for (; assigned < n; assigned++) {
    const fill = (g: number) => (size[g] ?? 0) / (quotas[g] ?? 1);
    const order = [...byQuota].sort((a, b) => fill(a) - fill(b) || a - b);
    let taken = false;
    for (const capped of [true, false]) {
      for (const g of order) {
        if (capped && (size[g] ?? 0) >= (quotas[g] ?? 0)) continue;
        const cell = frontier(g);
        if (cell < 0) continue;
        owner[cell] = g;
        size[g] = (size[g] ?? 0) + 1;
        taken = true;
        break;
      }
      if (taken) break;
    }
    if (!taken) throw new Error('Cell adjacency graph is not connected');
  }
  return owner;
}

/**
 * Outline (about 25 × 21 km), Wohnplätze as Voronoi cells that are denser in the towns, grouped
 * into the eight municipalities, with keys. The Kreis outline is the union of all cells, each
 * Gemeinde's the union of its own, so borders are shared exactly.
 */
export function buildKreisLayout(rng: Rng): KreisLayout {
  const frameRng = rng.fork('frame');
  const frame: CityFrame = {
    cx: KREIS_CENTRE[0],
    cy: KREIS_CENTRE[1],
    rx: frameRng.range(12_200, 13_000),
    ry: frameRng.range(10_000, 10_800),
    rotation: frameRng.range(-0.3, 0.3),
  };
  const outline = cityOutline(frame, rng.fork('outline'));
  const centres = townCentres(frame, rng.fork('centres'));
  // Sites gather where people live: a bump per town, wider and higher for the larger ones.
  const bumps = MUNICIPALITIES.map((m, g) => ({
    at: centres[g] ?? KREIS_CENTRE,
    amp: m.population / 8000,
    sigma: 1200 + 2400 * Math.sqrt(m.population / 110_000),
  }));
  const weight = (x: number, y: number) =>
    0.4 +
    bumps.reduce(
      (s, b) => s + b.amp * Math.exp(-((x - b.at[0]) ** 2 + (y - b.at[1]) ** 2) / (2 * b.sigma ** 2)),
      0,
    );
  const quotas = MUNICIPALITIES.map((m) => m.wohnplaetze);
  const cells = buildCells(
    outline,
    quotas.reduce((a, b) => a + b, 0),
    weight,
    rng.fork('cells'),
  );
  const owner = assignMunicipalities(cells, centres, quotas);

  const members = MUNICIPALITIES.map((_, g) =>
    cells.cells
      .map((cell, i) => ({
        cell,
        i,
        d: Math.hypot(cell.centroid[0] - (centres[g]?.[0] ?? 0), cell.centroid[1] - (centres[g]?.[1] ?? 0)),
      }))
      .filter(({ i }) => owner[i] === g)
      .sort((a, b) => a.d - b.d || a.i - b.i),
  );
  const keyOf = new Map<number, string>();
  const unsorted: (LayoutWohnplatz & { cellIndex: number })[] = [];
  members.forEach((list, g) => {
    const spec = MUNICIPALITIES[g] as MunicipalitySpec;
    const far = Math.max(1, ...list.map((m) => m.d));
    list.forEach(({ cell, i, d }, k) => {
      const key = `${spec.key}${String(k + 1).padStart(3, '0')}`;
      keyOf.set(i, key);
      unsorted.push({
        key,
        gemeinde: spec,
        utm: cell.geometry,
        centroid: cell.centroid,
        r: d / far,
        onBoundary: cell.onBoundary,
        neighbours: [],
        cellIndex: i,
      });
    });
  });
  unsorted.sort((a, b) => (a.key < b.key ? -1 : 1));
  const indexOfKey = new Map(unsorted.map((w, idx) => [w.key, idx]));
  const wohnplaetze = unsorted.map(({ cellIndex, ...w }) => ({
    ...w,
    neighbours: (cells.neighbours[cellIndex] ?? [])
      .map((j) => indexOfKey.get(keyOf.get(j) ?? '') ?? -1)
      .sort((a, b) => a - b),
  }));
  return {
    kreis: union(cells.cells.map((c) => c.geometry)),
    gemeinden: MUNICIPALITIES.map((spec, g) => ({
      spec,
      utm: union((members[g] ?? []).map((m) => m.cell.geometry)),
      centre: centres[g] ?? KREIS_CENTRE,
    })),
    wohnplaetze,
  };
}
