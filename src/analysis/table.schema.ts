/**
 * The statistics table of the atlas (Statistiktabelle): values of chosen areas with their districts
 * and the city, recomputed from counts, and the indicators' target values. One schema for
 * validation, the TypeScript types (server and web) and the OpenAPI entry.
 */
import { z } from 'zod';
import { ValueStatus } from '../core/value-status.ts';
import { Converted } from '../indicators/indicator.schema.ts';

/** A comma-separated list in a query string (`a,b,c`), trimmed, without empty entries. */
const csvList = (what: string) =>
  z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .describe(`${what}, comma-separated`);

export const StatTableQuery = z.object({
  indicators: csvList('Indicator keys (1–12)').pipe(
    z.array(z.string()).min(1, 'Mindestens ein Indikator.').max(12, 'Höchstens 12 Indikatoren.'),
  ),
  level: z.string().min(1).describe('Level key'),
  date: z
    .string()
    .regex(/^\d{4}(-\d{2}-\d{2})?$/)
    .describe('Stichtag YYYY-MM-DD or a year (its latest Stichtag)'),
  areas: csvList('Area keys; empty or absent = every area of the level')
    .pipe(z.array(z.string()).max(5000))
    .optional(),
  format: z.enum(['json', 'csv', 'xlsx']).default('json'),
});
export type StatTableQuery = z.infer<typeof StatTableQuery>;

export const StatCell = z.object({
  value: z.number().nullable(),
  status: ValueStatus,
  numerator: z.number().nullable().describe('Zähler; null for everyone who may not see counts'),
  denominator: z.number().nullable().describe('Nenner; null for everyone who may not see counts'),
  converted: Converted.optional().describe(
    'Present when the value rests on counts converted from an earlier Gebietsstand (umgerechnet); a parent or city value only where the sum is not the old total (docs/methods.md §10.1)',
  ),
});
export type StatCell = z.infer<typeof StatCell>;

export const StatColumn = z.object({
  key: z.string(),
  name: z.string(),
  unit: z.string(),
  decimals: z.number().int(),
  polarity: z.enum(['high_bad', 'high_good', 'neutral']),
  source: z.string(),
  target: z.number().nullable().describe('Zielwert of the indicator, null = none'),
});
export type StatColumn = z.infer<typeof StatColumn>;

export const StatRow = z.object({
  kind: z.enum(['area', 'parent', 'city']).describe('area of the level, its parent (district), the city'),
  key: z.string().describe('Area key; empty for the city'),
  name: z.string(),
  parentKey: z.string().nullable().describe('Key of the parent area (areas only)'),
  level: z
    .string()
    .nullable()
    .describe(
      'Level key of the row’s area: for a parent its own level, in a ragged hierarchy not always the level’s parent level (a Sozialraum in one Gemeinde, a Gemeinde elsewhere); null for the city',
    ),
  levelName: z
    .string()
    .nullable()
    .describe('e.g. Sozialraum, Gemeinde; null for the city and a parent that is the whole territory'),
  /** One cell per column, in column order. */
  cells: z.array(StatCell),
});
export type StatRow = z.infer<typeof StatRow>;

export const StatTable = z.object({
  level: z.string(),
  levelName: z.string().describe('e.g. Sozialraum'),
  parentLevelName: z
    .string()
    .nullable()
    .describe(
      'The level’s declared parent level, e.g. Stadtbezirk; null when the level has no parent. Each parent row names its own level (`levelName`)',
    ),
  cityName: z.string().describe('Name of the territory, e.g. Musterstadt'),
  cityKey: z
    .string()
    .optional()
    .describe('Key of the territory (AGS), which the city row carries in CSV and XLSX files'),
  date: z.string().describe('Stichtag YYYY-MM-DD'),
  withCounts: z.boolean().describe('Whether counts are included (planner view, unprotected values)'),
  columns: z.array(StatColumn),
  /** Areas in the order asked for (else level order), then their parents, then the city. */
  rows: z.array(StatRow),
});
export type StatTable = z.infer<typeof StatTable>;
