/** Schemas of scenarios: named sets of planned changes, compared with the Bestand. */
import { z } from 'zod';

const Day = z.iso.date();
const TypeKey = z.string().min(1).max(60).describe('Einrichtungsart, e.g. `kita`');
const FacilityKey = z.string().trim().min(1).max(100).describe('Number of an existing facility');
const From = Day.optional().describe('Holds from this day; default from the beginning of the scenario');
const Properties = z
  .record(z.string().min(1).max(100), z.number().min(0).max(1_000_000))
  .optional()
  .describe(
    'Supply by facility property, e.g. {"plaetze_u3": 20, "plaetze_ue3": 40}: what norms with a supply ' +
      'property count (an opening without it counts 0 for them)',
  );

/** One planned change. */
export const ScenarioChangeInput = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('opening'),
      type: TypeKey,
      name: z.string().trim().min(1).max(300),
      capacity: z.number().min(0).max(1_000_000),
      properties: Properties,
      lon: z.number().min(-180).max(180),
      lat: z.number().min(-90).max(90),
      validFrom: From,
    }),
    z.object({ kind: z.literal('closure'), type: TypeKey, facility: FacilityKey, validFrom: From }),
    z.object({
      kind: z.literal('capacity'),
      type: TypeKey,
      facility: FacilityKey,
      capacity: z.number().min(0).max(1_000_000),
      properties: Properties,
      validFrom: From,
    }),
    z.object({
      kind: z.literal('quarter'),
      name: z.string().trim().max(300).optional(),
      level: z.string().min(1).max(60).describe('Level of the area'),
      area: z.string().min(1).max(100).describe('Key of the area the quarter is built in'),
      population: z
        .record(z.string().min(1).max(100), z.number().min(0).max(10_000_000))
        .describe('Extra population per variable, e.g. {"ew": 1200, "ew_u3": 60}'),
      validFrom: From,
    }),
  ])
  .describe('Geplante Änderung');
export type ScenarioChangeInput = z.infer<typeof ScenarioChangeInput>;

export const ScenarioChange = z.intersection(z.object({ id: z.number().int() }), ScenarioChangeInput);
export type ScenarioChange = z.infer<typeof ScenarioChange>;

export const Scenario = z
  .object({
    id: z.number().int(),
    name: z.string(),
    description: z.string(),
    createdAt: z.string(),
    changes: z.array(ScenarioChange),
  })
  .describe('Szenario');
export type Scenario = z.infer<typeof Scenario>;

export const CreateScenarioBody = z.object({
  name: z.string().trim().min(1).max(100),
  description: z.string().trim().max(2000).optional(),
  changes: z.array(ScenarioChangeInput).max(1000).optional(),
});
export type CreateScenarioBody = z.infer<typeof CreateScenarioBody>;

export const ScenarioNameParams = z.object({ name: z.string().min(1).max(100) });
export const ScenarioChangeParams = z.object({
  name: z.string().min(1).max(100),
  id: z.coerce.number().int().positive(),
});
