/**
 * Schemas of the population projection over HTTP (docs/methods.md §8): the query — level, base,
 * target, method, age variables — and the projected rows with the method actually used. The
 * route validates with them and the OpenAPI document is generated from them.
 */
import { z } from 'zod';
import { VARIANT_KEYS } from './control-totals.ts';
import { MAX_HORIZON, PROJECTION_METHODS } from './projection.service.ts';

const Day = z.iso.date();

/** Comma-separated age variables (`ew,ew_u6,ew_65plus`); the service checks each is an age group. */
const VariableList = z
  .string()
  .regex(/^[a-z0-9_]+(,[a-z0-9_]+)*$/, 'Altersgruppen durch Kommas getrennt, z. B. ew,ew_u6,ew_65plus')
  .max(600)
  .transform((s) => s.split(','));

/** `2030-12-31:512000,2035-12-31:515000`: city totals by Stichtag. */
const ControlList = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}:\d+(,\d{4}-\d{2}-\d{2}:\d+)*$/,
    'Eckwerte als Stichtag:Einwohnerzahl, durch Kommas getrennt, z. B. 2030-12-31:512000,2035-12-31:515000',
  )
  .max(2000)
  .transform((s) =>
    s.split(',').map((pair) => {
      const [date, total] = pair.split(':');
      return { date: date!, total: Number(total) };
    }),
  );

const Variant = z.enum(VARIANT_KEYS);

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
  control: ControlList.optional().describe(
    'City totals to control to, `YYYY-MM-DD:persons` comma-separated (e.g. the state office’s projection `2030-12-31:512000,2035-12-31:515000`): whole years after the base, the last not before `to`; years between are interpolated linearly from the base total; every area is scaled proportionally',
  ),
  variant: Variant.default('main').describe(
    '`main` (default): the controlled total, or the projection’s own; `low`/`high`: that total −/+ 0.5 % a year from the base',
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
    variant: Variant.describe('The variant'),
    control: z
      .array(z.object({ date: Day, total: z.number().describe('Persons in the city') }))
      .nullable()
      .describe('The control totals given; null: none (the areas sum to the projection’s own total)'),
    rows: z.array(ProjectionRow).describe('Sorted by area, date and variable'),
  })
  .describe('Kleinräumige Bevölkerungsprognose');
export type PopulationProjection = z.infer<typeof PopulationProjection>;
