import type { Rng } from '../rng.ts';
import type { AreaTraits } from '../traits.ts';
import type { MunicipalityType } from './municipalities.ts';

/** What the traits of a Wohnplatz depend on. */
export interface TraitInput {
  type: MunicipalityType;
  /** Distance from the Gemeinde's centre relative to its farthest Wohnplatz (0…1). */
  r: number;
}

/**
 * Levels by kind of municipality, on the scale of the city's z-scores: the Mittelzentrum is
 * poorer, younger and more urban (young adults in flats near the station), the rural Gemeinden
 * older, better off and family-minded, the towns in between.
 */
const TYPE_LEVELS: Record<MunicipalityType, { dep: number; old: number; fam: number; urban: number }> = {
  mittelzentrum: { dep: 0.55, old: -0.35, fam: -0.25, urban: 0.85 },
  stadt: { dep: -0.05, old: 0.1, fam: 0.05, urban: 0.45 },
  land: { dep: -0.85, old: 0.75, fam: 0.25, urban: 0.12 },
};

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/**
 * Latent traits of every Wohnplatz from its municipality's kind and its distance from the centre,
 * plus seeded noise; roles are set by the caller.
 */
export function wohnplatzTraits(inputs: readonly TraitInput[], rng: Rng): AreaTraits[] {
  return inputs.map(({ type, r }) => {
    const level = TYPE_LEVELS[type];
    const urban = level.urban * Math.exp(-(r * r) / (0.35 * 0.35));
    return {
      dep: clamp(level.dep + 0.35 * urban + rng.normal(0, 0.3), -2, 2.4),
      urban,
      old: level.old + 0.5 * r - 0.4 * urban + rng.normal(0, 0.3),
      fam: level.fam + 0.4 * r - 0.5 * urban + rng.normal(0, 0.3),
      density: 1,
      role: 'regular',
      depTrend: 0,
    };
  });
}
