/**
 * Distance decay for floating catchment methods (docs/methods.md §7): the weight a supply at
 * travel cost `cost` gets for demand inside a catchment of size `maxCost`. Costs are in whatever
 * unit the cost table uses (metres along straight lines × detour factor, or minutes from a
 * routing tool); the weights are unitless.
 */
import { z } from 'zod';

export const decaySchema = z.discriminatedUnion('kind', [
  /**
   * Step decay: weight 1 inside the catchment (the original 2SFCA, Luo & Wang 2003), or one
   * weight per travel-cost zone (the enhanced 2SFCA, Luo & Qi 2009: e.g. 0–10 min 1.0,
   * 10–20 min 0.68, 20–30 min 0.22). Zones are ascending; a cost beyond the last zone's `upTo`
   * but inside the catchment gets the last zone's weight.
   */
  z.object({
    kind: z.literal('step'),
    zones: z.array(z.object({ upTo: z.number().positive(), weight: z.number().min(0).max(1) })).optional(),
  }),
  /**
   * Gravity decay: cost^−β (β = 1 in pysal's access package; Wang 2012 discusses 1–2). Costs
   * below `minCost` are raised to it, so a facility in the same cell has a finite weight.
   */
  z.object({
    kind: z.literal('gravity'),
    beta: z.number().positive(),
    minCost: z.number().positive().optional(),
  }),
  /**
   * Gaussian decay (Dai 2010, the kernel of Wan, Zou & Sternberg's 3SFCA):
   * (e^{−½(d/d0)²} − e^{−½}) / (1 − e^{−½}) — 1 at the facility, 0 at the catchment's edge d0.
   */
  z.object({ kind: z.literal('gaussian') }),
]);
export type DecaySpec = z.infer<typeof decaySchema>;

const EDGE = Math.exp(-0.5);

/**
 * The kernel's weight at one cost. Whether the cost lies inside the catchment is the caller's
 * test (see `inCatchment`); the Gaussian kernel is 0 from the catchment's edge on anyway.
 */
export function decayWeight(spec: DecaySpec, cost: number, maxCost: number): number {
  switch (spec.kind) {
    case 'step': {
      if (!spec.zones || spec.zones.length === 0) return 1;
      for (const zone of spec.zones) if (cost <= zone.upTo) return zone.weight;
      return spec.zones[spec.zones.length - 1]!.weight;
    }
    case 'gravity':
      return Math.max(cost, spec.minCost ?? 1) ** -spec.beta;
    case 'gaussian': {
      const w = (Math.exp(-0.5 * (cost / maxCost) ** 2) - EDGE) / (1 - EDGE);
      return w > 0 ? w : 0;
    }
  }
}

/** Whether a cost lies inside the catchment; `exclusive` is pysal's strict `cost < maxCost`. */
export function inCatchment(cost: number, maxCost: number, exclusive = false): boolean {
  return exclusive ? cost < maxCost : cost <= maxCost;
}
