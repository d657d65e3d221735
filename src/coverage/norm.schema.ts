/**
 * Schemas of norms (Richtwerte): what supply a population needs, and where it may find it
 * (the catchment). API, CLI, storage and OpenAPI from one place.
 */
import { z } from 'zod';
import { decaySchema } from '../accessibility/decay.ts';

const Day = z.iso.date();
const Detour = z
  .number()
  .min(1)
  .max(3)
  .describe('Travel metres per straight-line metre (street network); default 1.3');
const CellSize = z
  .number()
  .min(10)
  .max(1000)
  .describe('Cell size of the population grid in metres; default 100');

/**
 * Where the population of an area finds its supply (Einzugsbereich):
 * - `area`: in its own area;
 * - `district`: in its parent area of `level` (all areas of a Stadtbezirk share its supply);
 * - `distance`: within `maxDistance` metres (straight line × detour) on the population grid,
 *   supply shared among everyone who reaches it (2SFCA with step decay);
 * - `fca`: floating catchment within `maxCost` with a distance decay, 2SFCA or 3SFCA, on the grid
 *   with straight lines or on a stored travel-cost matrix (`costs.matrix`);
 * - `walking`: the share of the population within `maxDistance` of any facility (DIN 18034).
 */
export const Catchment = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('area') }),
    z.object({
      kind: z.literal('district'),
      level: z.string().min(1).describe('Level of the shared area, e.g. `stadtbezirk`'),
    }),
    z.object({
      kind: z.literal('distance'),
      maxDistance: z.number().positive().max(100_000).describe('Catchment in metres of travel'),
      detour: Detour.optional(),
      cellSize: CellSize.optional(),
    }),
    z.object({
      kind: z.literal('fca'),
      maxCost: z.number().positive().describe('Catchment d0 in the unit of the costs (metres, minutes)'),
      detour: Detour.optional(),
      decay: decaySchema.optional().describe('Distance decay; default step (weight 1)'),
      method: z.enum(['2sfca', '3sfca']).optional().describe('Default 2sfca'),
      costs: z
        .object({ matrix: z.number().int().positive().describe('Id of a stored travel-cost matrix') })
        .optional()
        .describe('Travel costs from a routing tool instead of straight lines'),
      cellSize: CellSize.optional(),
    }),
    z.object({
      kind: z.literal('walking'),
      maxDistance: z.number().positive().max(10_000).describe('Walking distance in metres, e.g. 200'),
      detour: Detour.optional(),
      cellSize: CellSize.optional(),
    }),
  ])
  .describe('Einzugsbereich');
export type Catchment = z.infer<typeof Catchment>;

const NormKey = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_]{0,59}$/, 'Kleinbuchstaben, Ziffern und _, höchstens 60 Zeichen')
  .describe('Key of the norm, e.g. `kita_u3`');

/** One version of a norm, as stored and shown. */
export const Norm = z
  .object({
    id: z.number().int().describe('Id of this version'),
    key: z.string(),
    facilityType: z.string().describe('Einrichtungsart whose capacity is the supply'),
    capacityUnit: z.string().describe('Unit of the supply: „Plätze“, „m² Spielfläche“ …'),
    name: z.string(),
    demand: z.array(z.string()).describe('Variables whose weighted sum is the reference population'),
    weights: z
      .array(z.number())
      .describe('Weight of each demand variable, in the order of `demand` (1: counted once)'),
    factor: z.number().describe('Supply units needed per person of the reference population'),
    supplyProperty: z
      .string()
      .nullable()
      .describe(
        'Facility property whose number is the supply (e.g. `plaetze_u3`); null: the capacity. ' +
          'A facility without it counts 0',
      ),
    catchment: Catchment,
    source: z.string().describe('Where the factor comes from'),
    description: z.string(),
    published: z.boolean().describe('Coverage of the norm is public (protected like indicators)'),
    validFrom: Day.nullable().describe('Holds from; null: since always'),
    validTo: Day.nullable().describe('Holds until (exclusive); null: open'),
  })
  .describe('Richtwert');
export type Norm = z.infer<typeof Norm>;

export const NormWithHistory = Norm.extend({
  history: z.array(Norm).describe('Every version, oldest first'),
});

const Text = (max: number) => z.string().trim().min(1).max(max);
const Demand = z.array(z.string().min(1).max(100)).min(1).max(20);
const Weights = z
  .array(z.number().positive().max(1_000_000))
  .min(1)
  .max(20)
  .describe('Weight of each demand variable, as many as `demand`; default 1 each');
const SupplyProperty = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .nullable()
  .describe('Facility property whose number is the supply, e.g. `plaetze_u3`; null or absent: the capacity');

export const CreateNormBody = z.object({
  key: NormKey,
  facilityType: z.string().min(1).max(60),
  name: Text(200),
  demand: Demand,
  weights: Weights.optional(),
  factor: z.number().positive().max(1_000_000),
  supplyProperty: SupplyProperty.optional(),
  catchment: Catchment.optional().describe('Default: the own area'),
  source: z.string().trim().max(500).optional(),
  description: z.string().trim().max(2000).optional(),
  published: z.boolean().optional().describe('Default true'),
  validFrom: Day.optional().describe('Holds from; default since always'),
});
export type CreateNormBody = z.infer<typeof CreateNormBody>;

export const UpdateNormBody = z.object({
  name: Text(200).optional(),
  facilityType: z.string().min(1).max(60).optional(),
  demand: Demand.optional(),
  weights: Weights.optional().describe(
    'Weight of each demand variable; a new `demand` without weights counts each once',
  ),
  factor: z.number().positive().max(1_000_000).optional(),
  supplyProperty: SupplyProperty.optional(),
  catchment: Catchment.optional(),
  source: z.string().trim().max(500).optional(),
  description: z.string().trim().max(2000).optional(),
  published: z.boolean().optional(),
  validFrom: Day.optional().describe('The change holds from this day; default today'),
});
export type UpdateNormBody = z.infer<typeof UpdateNormBody>;

export const NormKeyParams = z.object({ key: z.string().min(1).max(60) });

export const NormListQuery = z.object({
  date: Day.optional().describe('The versions valid at this day; default today'),
});
