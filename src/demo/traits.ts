import type { Rng } from './rng.ts';
import type { CellLayout } from './cells.ts';
import type { CityFrame } from './outline.ts';
import { utmToFrame } from './outline.ts';

/** What kind of quarter a Sozialraum is; drives its name and some of its dynamics. */
export type AreaRole =
  'core' | 'deprived' | 'estate' | 'affluent' | 'industrial' | 'newDevelopment' | 'regular';

/**
 * Latent traits of one Sozialraum. They are never published; population and social data are
 * drawn from them, which is what gives the demo its spatial structure.
 */
export interface AreaTraits {
  /** Deprivation, z-score across Sozialräume (higher = poorer). */
  dep: number;
  /** Centrality 0…1 (young adults, singles, small households). */
  urban: number;
  /** Ageing, z-score (higher = older population). */
  old: number;
  /** Family orientation, z-score (higher = more children and parents). */
  fam: number;
  /** Relative residential density (> 0). */
  density: number;
  role: AreaRole;
  /** Change of `dep` per year: negative = improving quarter, positive = worsening. */
  depTrend: number;
}

interface Bump {
  u: number;
  v: number;
  sigma: number;
  amp: number;
}

interface Wave {
  fu: number;
  fv: number;
  phase: number;
  amp: number;
}

/** Seeded smooth fields over the city, in normalised frame coordinates (unit ellipse). */
export interface TraitFields {
  /** Direction (radians, frame coordinates) of the old industrial side of town. */
  industrialAngle: number;
  depBumps: Bump[];
  estate: Bump;
  affluent: Bump[];
  waves: Wave[];
}

/** Draw the fields: one strong deprivation cluster, a peripheral estate, two well-off suburbs. */
export function traitFields(rng: Rng): TraitFields {
  const theta = rng.range(0, 2 * Math.PI);
  const at = (angle: number, r: number, sigma: number, amp: number): Bump => ({
    u: Math.cos(angle) * r,
    v: Math.sin(angle) * r,
    sigma,
    amp,
  });
  const side = rng.chance(0.5) ? 1 : -1;
  return {
    industrialAngle: theta,
    depBumps: [at(theta, rng.range(0.32, 0.42), 0.16, 2.4), at(0, 0, 0.12, 0.5)],
    estate: at(theta + Math.PI + side * rng.range(0.7, 1.1), rng.range(0.68, 0.76), 0.1, 1.5),
    affluent: [
      at(theta + Math.PI - side * rng.range(0.7, 1.1), rng.range(0.5, 0.65), 0.22, -1.4),
      at(theta + side * rng.range(1.4, 1.8), rng.range(0.65, 0.8), 0.2, -1.0),
    ],
    waves: [0, 1, 2].map(() => {
      const dir = rng.range(0, 2 * Math.PI);
      const freq = rng.range(2, 3.5);
      return { fu: Math.cos(dir) * freq, fv: Math.sin(dir) * freq, phase: rng.range(0, 7), amp: 0.15 };
    }),
  };
}

function gauss(b: Bump, u: number, v: number): number {
  const d2 = (u - b.u) ** 2 + (v - b.v) ** 2;
  return b.amp * Math.exp(-d2 / (2 * b.sigma * b.sigma));
}

function smoothstep(a: number, b: number, x: number): number {
  const t = Math.min(1, Math.max(0, (x - a) / (b - a)));
  return t * t * (3 - 2 * t);
}

/** Centrality of a point in frame coordinates: 1 in the centre, ~0 at the edge. */
export function centrality(u: number, v: number): number {
  return Math.exp(-(u * u + v * v) / (0.3 * 0.3));
}

interface RawTraits {
  dep: number;
  urban: number;
  old: number;
  fam: number;
  density: number;
}

function rawTraits(f: TraitFields, u: number, v: number): RawTraits {
  const r = Math.hypot(u, v);
  const urban = centrality(u, v);
  const wave = f.waves.reduce((s, w) => s + w.amp * Math.sin(w.fu * u + w.fv * v + w.phase), 0);
  const mainDep = f.depBumps.reduce((s, b) => s + gauss(b, u, v), 0);
  const estate = gauss(f.estate, u, v);
  const wealth = -f.affluent.reduce((s, b) => s + gauss(b, u, v), 0);
  return {
    dep: mainDep + estate - wealth + wave,
    urban,
    old: 0.9 * smoothstep(0.35, 0.85, r) + 0.6 * wealth - 0.6 * urban + 0.3 * estate - wave,
    fam: smoothstep(0.45, 0.9, r) - 0.7 * urban + 0.15 * mainDep + 0.2 * wealth + wave,
    density: 0.4 + 2.0 * Math.exp(-(r * r) / (0.42 * 0.42)) + 0.2 * mainDep + 0.8 * (estate / f.estate.amp),
  };
}

function zScores(values: number[]): number[] {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length) || 1;
  return values.map((v) => (v - mean) / sd);
}

/**
 * Traits and roles for every cell. Roles: the cell at the very centre is the `core`; the three
 * poorest form the `deprived` cluster (they sit around one bump, so they are neighbours); the cell
 * on the estate bump is the `estate` and worsens over the years; the three richest are `affluent`;
 * a boundary cell on the industrial side is the tiny `industrial` estate; a boundary cell with many
 * families is the `newDevelopment` that grows; two poorer cells close to the centre gentrify.
 */
export function cellTraits(
  layout: CellLayout,
  frame: CityFrame,
  fields: TraitFields,
  rng: Rng,
): AreaTraits[] {
  const framePos = layout.cells.map((c) => utmToFrame(frame, c.centroid[0], c.centroid[1]));
  const raw = framePos.map(([u, v]) => rawTraits(fields, u, v));
  const dep = zScores(raw.map((t) => t.dep));
  const old = zScores(raw.map((t) => t.old));
  const fam = zScores(raw.map((t) => t.fam));
  const traits: AreaTraits[] = raw.map((t, i) => ({
    // Soft cap: however many cells the poverty bump covers, the poorest stay within a plausible range.
    dep: 2.4 * Math.tanh((dep[i] ?? 0) / 2.4),
    urban: t.urban,
    old: old[i] ?? 0,
    fam: fam[i] ?? 0,
    density: t.density * Math.exp(rng.normal(0, 0.15)),
    role: 'regular',
    depTrend: 0,
  }));
  const n = traits.length;
  const ids = [...Array(n).keys()];
  const free = (i: number) => traits[i]?.role === 'regular';
  const radius = (i: number) => Math.hypot(...(framePos[i] ?? [0, 0]));
  const angleGap = (i: number) => {
    const [u, v] = framePos[i] ?? [0, 0];
    return Math.abs(
      Math.atan2(
        Math.sin(Math.atan2(v, u) - fields.industrialAngle),
        Math.cos(Math.atan2(v, u) - fields.industrialAngle),
      ),
    );
  };
  const setRole = (i: number | undefined, role: AreaRole) => {
    const t = i === undefined ? undefined : traits[i];
    if (t) t.role = role;
  };
  const by = (score: (i: number) => number, filter: (i: number) => boolean = free) =>
    ids.filter(filter).sort((a, b) => score(a) - score(b) || a - b);

  setRole(
    by(
      (i) => angleGap(i),
      (i) => free(i) && (layout.cells[i]?.onBoundary ?? false),
    )[0],
    'industrial',
  );
  setRole(by(radius)[0], 'core');
  for (const i of by((i) => -(traits[i]?.dep ?? 0)).slice(0, 3)) setRole(i, 'deprived');
  const estateU = fields.estate.u;
  const estateV = fields.estate.v;
  const estateCell = by((i) =>
    Math.hypot((framePos[i]?.[0] ?? 0) - estateU, (framePos[i]?.[1] ?? 0) - estateV),
  )[0];
  setRole(estateCell, 'estate');
  for (const i of by((i) => traits[i]?.dep ?? 0).slice(0, 3)) setRole(i, 'affluent');
  const newDev = by(
    (i) => -(traits[i]?.fam ?? 0),
    (i) => free(i) && (layout.cells[i]?.onBoundary ?? false),
  )[0];
  setRole(newDev, 'newDevelopment');

  // Gentrification: poorer-than-average quarters next to the centre improve year by year.
  const depUpperThird = [...dep].sort((a, b) => b - a)[Math.floor(n / 3)] ?? 0;
  const improving = by(radius, (i) => free(i) && (dep[i] ?? 0) > depUpperThird).slice(0, 2);
  for (const i of improving) (traits[i] as AreaTraits).depTrend = -rng.range(0.14, 0.18);
  if (estateCell !== undefined) (traits[estateCell] as AreaTraits).depTrend = rng.range(0.09, 0.11);
  return traits;
}
