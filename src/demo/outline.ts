import type { Rng } from './rng.ts';
import type { Pt, Ring } from './planar.ts';

/** City frame in EPSG:25832: centre and ellipse semi-axes in metres. */
export interface CityFrame {
  cx: number;
  cy: number;
  /** Semi-axis east–west. */
  rx: number;
  /** Semi-axis north–south. */
  ry: number;
  /** Rotation of the ellipse in radians. */
  rotation: number;
}

/**
 * Centre of Musterstadt: Münsterland/Hellweg region of NRW (about 7.7° E, 51.6° N).
 * Fixed rather than seeded so every demo city sits on the same map view.
 */
export const CITY_CENTRE: Pt = [410000, 5720000];

/** Number of vertices of the outline; enough for a smooth look, few enough for fast clipping. */
const OUTLINE_VERTICES = 160;

/** Frame of the demo city: about 14 × 11 km, slightly rotated. */
export function cityFrame(rng: Rng): CityFrame {
  return {
    cx: CITY_CENTRE[0],
    cy: CITY_CENTRE[1],
    rx: rng.range(6700, 7300),
    ry: rng.range(5300, 5800),
    rotation: rng.range(-0.35, 0.35),
  };
}

/**
 * Organic city boundary: an ellipse whose radius is modulated by a few low harmonics.
 * The radius is a positive function of the angle, so the ring is star-shaped around the
 * centre and therefore always simple (no self-intersections). Returned counter-clockwise, closed.
 */
export function cityOutline(frame: CityFrame, rng: Rng): Ring {
  const harmonics = [2, 3, 4, 5, 7].map((k) => ({
    k,
    amp: rng.range(0.02, 0.075) / Math.sqrt(k - 1),
    phase: rng.range(0, 2 * Math.PI),
  }));
  const ring: Ring = [];
  for (let i = 0; i < OUTLINE_VERTICES; i++) {
    const t = (2 * Math.PI * i) / OUTLINE_VERTICES;
    let mod = 1;
    for (const h of harmonics) mod += h.amp * Math.cos(h.k * t + h.phase);
    ring.push(frameToUtm(frame, Math.cos(t) * mod, Math.sin(t) * mod));
  }
  const first = ring[0] as Pt;
  ring.push([first[0], first[1]]);
  return ring;
}

/** Normalised frame coordinates (unit ellipse) → EPSG:25832 metres. */
export function frameToUtm(frame: CityFrame, u: number, v: number): Pt {
  const x = u * frame.rx;
  const y = v * frame.ry;
  const c = Math.cos(frame.rotation);
  const s = Math.sin(frame.rotation);
  return [frame.cx + x * c - y * s, frame.cy + x * s + y * c];
}

/** EPSG:25832 metres → normalised frame coordinates (the unit ellipse is the mean outline). */
export function utmToFrame(frame: CityFrame, x: number, y: number): Pt {
  const dx = x - frame.cx;
  const dy = y - frame.cy;
  const c = Math.cos(frame.rotation);
  const s = Math.sin(frame.rotation);
  return [(dx * c + dy * s) / frame.rx, (-dx * s + dy * c) / frame.ry];
}
