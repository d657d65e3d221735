/**
 * Schemas of the population projection over HTTP (docs/methods.md §8): the query — level, base,
 * target, method, age variables — and the projected rows with the method actually used. The
 * route validates with them and the OpenAPI document is generated from them.
 */
import { z } from 'zod';
import { MAX_HORIZON, PROJECTION_METHODS } from './projection.service.ts';

const Day = z.iso.date();

/** Comma-separated age variables (`ew,ew_u6,ew_65plus`); the service checks each is an age group. */
const VariableList = z
  .string()
  .regex(/^[a-z0-9_]+(,[a-z0-9_]+)*$/, 'Altersgruppen durch Kommas getrennt, z. B. ew,ew_u6,ew_65plus')
  .max(600)
  .transform((s) => s.split(','));

/** Query string of `GET /api/projection/population`. */
export const ProjectionQuery = z.object({
  level: z.string().min(1).max(60).describe('Level key, e.g. `sozialraum`'),
  base: Day.describe('Base Stichtag: no data after it is read'),
  to: Day.describe(`Last projected Stichtag, 1–${MAX_HORIZON} whole years after the base (included)`),
  method: z
    .enum(PROJECTION_METHODS)
    .default('auto')
    .describe(
      '`auto` (default): cohort-component where births, deaths and moves are counted, else Hamilton–Perry',
    ),
  variables: VariableList.optional().describe(
    'Age variables, comma-separated (e.g. `ew,ew_u6,ew_65plus`); default every age variable of the level at the base',
  ),
});

/** One projected value. */
export const ProjectionRow = z.object({
  area: z.string().describe('Area key'),
  date: Day.describe('Projected Stichtag'),
  variable: z.string().describe('Age variable, e.g. `ew_u6`'),
  value: z.number().int().describe('Persons, rounded (a projection: uncertain)'),
});

/** The projection of every area of a level, every year after the base up to the target. */
export const PopulationProjection = z
  .object({
    level: z.string().describe('Level key'),
    base: Day.describe('Base Stichtag'),
    to: Day.describe('Last projected Stichtag'),
    method: z
      .enum(['hamilton-perry', 'cohort-component'])
      .describe('The method used (what `auto` chose, or the one asked for)'),
    rows: z.array(ProjectionRow).describe('Sorted by area, date and variable'),
  })
  .describe('Kleinräumige Bevölkerungsprognose');
export type PopulationProjection = z.infer<typeof PopulationProjection>;
