/**
 * Schemas of the stored projections over HTTP: a run with its method and assumptions, the body
 * that computes and stores one, and its values per area as the user may see them.
 */
import { z } from 'zod';
import { ValueStatus } from '../core/value-status.ts';
import { ProjectionQuery } from './projection.schema.ts';

const Day = z.iso.date();

/** The smallest area population shown on its own when no other is given. */
export const DEFAULT_MIN_POPULATION = 1000;

/** A stored projection run: what was projected, how, and whether the public sees it. */
export const StoredProjection = z
  .object({
    id: z.number().int(),
    name: z.string(),
    level: z.string().describe('Level key of the projected areas'),
    base: Day.describe('Base Stichtag: no data after it was read'),
    to: Day.describe('Last projected Stichtag'),
    dates: z.array(Day).describe('The projected Stichtage, ascending'),
    method: z.enum(['hamilton-perry', 'cohort-component']),
    variant: z.enum(['low', 'main', 'high']),
    control: z
      .array(z.object({ date: Day, total: z.number() }))
      .nullable()
      .describe('City totals the areas were controlled to; null: none'),
    variables: z.array(z.string()).describe('The projected age variables'),
    minPopulation: z
      .number()
      .int()
      .describe('Areas with fewer inhabitants in any projected year are published only within their parent'),
    published: z.boolean().describe('Shown to the public (rounded, small areas only aggregated)'),
    createdAt: z.string().describe('When it was computed (UTC)'),
    createdBy: z.string().nullable().describe('Who computed it (null: the command line)'),
  })
  .describe('Gespeicherte Bevölkerungsprognose');
export type StoredProjection = z.infer<typeof StoredProjection>;

/** Body of `POST /api/projection/runs`: the projection's query, a name and the publication rule. */
export const SaveProjectionBody = z.object({
  name: z.string().trim().min(1).max(200).describe('Name, e.g. „Prognose 2024–2040, Hauptvariante“'),
  level: ProjectionQuery.shape.level,
  base: ProjectionQuery.shape.base,
  to: ProjectionQuery.shape.to,
  method: ProjectionQuery.shape.method,
  variables: z
    .array(z.string().regex(/^ew[a-z0-9_]*$/, 'Altersgruppen wie ew, ew_u6, ew_65plus'))
    .max(60)
    .optional()
    .describe('Age variables (default: every age variable of the level at the base); `ew` is always stored'),
  control: z
    .array(z.object({ date: Day, total: z.number().int().positive() }))
    .max(60)
    .optional()
    .describe('City totals to control to (see GET /api/projection/population)'),
  variant: ProjectionQuery.shape.variant,
  minPopulation: z
    .number()
    .int()
    .min(0)
    .max(1_000_000)
    .default(DEFAULT_MIN_POPULATION)
    .describe('Areas below this population are published only within their parent'),
  published: z.boolean().default(false),
});
export type SaveProjectionBody = z.infer<typeof SaveProjectionBody>;

export const RunParams = z.object({ id: z.coerce.number().int().positive() });

export const PublishProjectionBody = z.object({
  published: z.boolean().describe('true: the atlas, profiles and reports show it as „Prognose“'),
});

export const RunValuesQuery = z.object({
  level: z
    .string()
    .min(1)
    .max(60)
    .optional()
    .describe('Level key: the projected level (default) or a coarser one (sums)'),
});

/** One projected count of an area, as the user may see it. */
export const RunValue = z.object({
  area: z.string().describe('Area key'),
  name: z.string(),
  date: Day,
  variable: z.string(),
  value: z.number().nullable().describe('Persons; for the public rounded to tens'),
  status: ValueStatus.describe('estimated = projected; secret = only within the parent (small area)'),
});

export const RunValues = z.object({
  projection: StoredProjection,
  level: z.string(),
  values: z.array(RunValue).describe('Sorted by area, date and variable'),
});
export type RunValues = z.infer<typeof RunValues>;

/** What a value computed from a stored projection says about it. */
export const ProjectionNote = z
  .object({
    id: z.number().int(),
    name: z.string(),
    base: Day,
    method: StoredProjection.shape.method,
    variant: StoredProjection.shape.variant,
    minPopulation: z.number().int(),
  })
  .describe('Prognose: the values are projected (rounded and uncertain), not observed');
