/** Schemas of coverage (Versorgung): the query, the rows per area and Stichtag, the export. */
import { z } from 'zod';
import { ValueStatus } from '../core/value-status.ts';
import { decaySchema } from '../accessibility/decay.ts';
import { Catchment } from './norm.schema.ts';

const Day = z.iso.date();
const Flag = z.enum(['1', 'true', '0', 'false']);

export const CoverageQuery = z.object({
  norm: z.string().min(1).max(60).describe('Key of the norm (Richtwert)'),
  level: z.string().min(1).max(60).describe('Level key, e.g. `sozialraum`'),
  date: Day.optional().describe('Stichtag; default the Datenstand (latest population)'),
  series: Flag.optional().describe('1: every Stichtag with data (instead of one date)'),
  scenario: z
    .string()
    .min(1)
    .max(1000)
    .optional()
    .describe('Scenario names, comma-separated: shown beside the Bestand (planners only)'),
});
export type CoverageQuery = z.infer<typeof CoverageQuery>;

export const CoverageExportQuery = CoverageQuery.omit({ scenario: true }).extend({
  format: z.enum(['csv', 'xlsx']).default('csv'),
});

/** One row: an area (or district, or the city) at one Stichtag. */
export const CoverageRow = z.object({
  area: z.string().describe('Area key (the city: the territory key)'),
  name: z.string(),
  date: Day,
  supply: z
    .number()
    .nullable()
    .describe('Versorgung: capacity in the catchment (or reached within it); null when secret'),
  demand: z.number().nullable().describe('Bedarf: factor × the weighted sum of the demand variables'),
  rate: z.number().nullable().describe('Versorgungsquote in %: supply / demand × 100; null when demand is 0'),
  balance: z.number().nullable().describe('Saldo: supply − demand (negative: missing)'),
  status: ValueStatus.describe('Of demand, rate and balance: secret for the public where counts are'),
  level: z
    .string()
    .optional()
    .describe(
      'Parent rows only: level key of the parent area — in a ragged hierarchy not always `parentLevel` (a Sozialraum in one Gemeinde, a Gemeinde elsewhere)',
    ),
  levelName: z.string().optional().describe('Parent rows only: name of that level, e.g. Sozialraum'),
});
export type CoverageRow = z.infer<typeof CoverageRow>;

const Side = z.object({
  rows: z.array(CoverageRow).describe('Every current area of the level, sorted by key, then by date'),
  parents: z
    .array(CoverageRow)
    .describe(
      'The parent level’s areas and any other parent of the level’s areas (ragged hierarchy), each from its own counts and with its own level',
    ),
  city: z.array(CoverageRow).describe('The whole city from its own counts, one row per date'),
  notes: z.array(z.string()).describe('Hints in German (planned facility unreachable …)'),
});

export const Coverage = Side.extend({
  norm: z.object({
    key: z.string(),
    name: z.string(),
    facilityType: z.string(),
    capacityUnit: z.string(),
    source: z.string(),
  }),
  level: z.string(),
  levelName: z.string(),
  parentLevel: z.string().nullable(),
  parentLevelName: z.string().nullable(),
  stichtage: z
    .array(
      z.object({
        date: Day,
        populationDate: Day.nullable().describe('Stichtag of the population used (the latest one ≤ date)'),
        version: z
          .object({
            id: z.number().int(),
            demand: z.array(z.string()),
            weights: z.array(z.number()).describe('Weight of each demand variable'),
            factor: z.number(),
            supplyProperty: z
              .string()
              .nullable()
              .describe('Facility property that is the supply; null: capacity'),
            catchment: Catchment,
            validFrom: Day.nullable(),
            validTo: Day.nullable(),
          })
          .nullable()
          .describe('The norm version valid at the date; null: none'),
        outside: z
          .object({ count: z.number().int(), capacity: z.number() })
          .describe('Facilities in operation outside every area of the level'),
      }),
    )
    .describe('Per Stichtag: the norm version and population used'),
  scenarios: z
    .array(Side.extend({ name: z.string() }))
    .describe('The scenarios asked for, each as the Bestand is shown'),
});
export type Coverage = z.infer<typeof Coverage>;
export type CoverageSide = z.infer<typeof Side>;

/** An ad hoc floating catchment (lagebild accessibility): demand variables, a type, costs. */
export const AccessibilityBody = z.object({
  type: z.string().min(1).max(60),
  level: z.string().min(1).max(60),
  demand: z.array(z.string().min(1).max(100)).min(1).max(20),
  date: Day.optional(),
  maxCost: z.number().positive().max(1_000_000).optional().describe('Default 1000 (metres)'),
  detour: z.number().min(1).max(3).optional(),
  decay: decaySchema.optional(),
  method: z.enum(['2sfca', '3sfca']).optional(),
  cellSize: z.number().min(10).max(1000).optional(),
  costs: z
    .object({
      origin: z.array(z.string()).max(5_000_000),
      destination: z.array(z.string()).max(5_000_000),
      cost: z.array(z.number().min(0)).max(5_000_000),
    })
    .optional()
    .describe('Travel costs (origins: area keys, destinations: facility keys) instead of straight lines'),
});
export type AccessibilityBody = z.infer<typeof AccessibilityBody>;

export const AccessibilityResult = z.object({
  type: z.string(),
  level: z.string(),
  date: Day,
  rows: z.array(
    z.object({
      area: z.string(),
      name: z.string(),
      demand: z.number().nullable(),
      supply: z.number().describe('Places reached, shared with everyone who reaches them'),
      access: z.number().nullable().describe('Places per person of demand (A_i)'),
    }),
  ),
  reachedSupply: z.number(),
  totalSupply: z.number(),
});
export type AccessibilityResult = z.infer<typeof AccessibilityResult>;

export const TravelMatrix = z.object({
  id: z.number().int(),
  name: z.string(),
  level: z.string().describe('Origins are the areas of this level'),
  facilityType: z.string().describe('Destinations are facilities of this type'),
  unit: z.string(),
  fileName: z.string(),
  importedAt: z.string(),
  pairs: z.number().int(),
});

export const ImportMatrixFields = z.object({
  name: z.string().trim().min(1).max(100),
  level: z.string().min(1).max(60),
  type: z.string().min(1).max(60),
  unit: z.string().trim().min(1).max(30).optional().describe('Unit of the costs; default m'),
  originField: z.string().max(200).optional(),
  destinationField: z.string().max(200).optional(),
  costField: z.string().max(200).optional(),
});

export const ImportMatrixResult = TravelMatrix.extend({
  columns: z.object({ origin: z.string(), destination: z.string(), cost: z.string() }),
  warnings: z.array(z.string()),
});
export type ImportMatrixResult = z.infer<typeof ImportMatrixResult>;

export const MatrixIdParams = z.object({ id: z.coerce.number().int().positive() });

/** Query string of `GET /api/coverage/forecast`: an age-based norm's need in the years ahead. */
export const CoverageForecastQuery = z.object({
  norm: z
    .string()
    .min(1)
    .max(60)
    .describe('Key of the norm (Richtwert); its demand must be a sum of age groups, e.g. `kita_u3`'),
  level: z.string().min(1).max(60).describe('Level key, e.g. `sozialraum`'),
  base: Day.describe('Base Stichtag of the population projection: no data after it is read'),
  to: Day.describe('Last projected Stichtag, whole years after the base (included), e.g. `2035-12-31`'),
  scenario: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .describe(
      'Name of a scenario beside the Bestand: its quarters add residents to the projection, its openings, closures and capacity changes the supply, each from its date',
    ),
});
export type CoverageForecastQuery = z.infer<typeof CoverageForecastQuery>;

/** Demand and supply of one area (or the city) at one projected Stichtag, rounded. */
const ForecastValues = z.object({
  demand: z.number().describe('Bedarf: supply units needed (factor × the weighted projected counts)'),
  supply: z.number().describe('Bestand: supply of the facilities in operation at the date'),
  balance: z.number().describe('Saldo: supply − demand (negative: missing)'),
  rate: z.number().nullable().describe('Versorgungsquote in %, one decimal; null when demand is 0'),
});

const ForecastRow = ForecastValues.extend({
  area: z.string().describe('Area key, or `stadt` for the sum of all areas'),
  name: z.string(),
  date: Day.describe('Projected Stichtag'),
  scenario: ForecastValues.nullable().describe(
    'The same with the scenario’s quarters and facility changes; null without a scenario',
  ),
});

/** The need of an age-based norm per area and year up to the target, beside the supply. */
export const CoverageForecast = z
  .object({
    norm: z.object({
      key: z.string(),
      name: z.string(),
      source: z.string().describe('Where the norm’s rates come from'),
      capacityUnit: z.string().describe('Unit of supply and demand, e.g. Plätze'),
    }),
    level: z.string().describe('Level key'),
    base: Day.describe('Base Stichtag'),
    to: Day.describe('Last projected Stichtag'),
    scenario: z.string().nullable().describe('Name of the scenario beside the Bestand; null: none'),
    areas: z
      .array(ForecastRow)
      .describe('Every current area of the level per projected year (by year, then by area); rounded'),
    city: z.array(ForecastRow).describe('The sum of all areas, one row per projected year'),
  })
  .describe('Versorgung in den kommenden Jahren (Prognose, gerundet; intern)');
export type CoverageForecast = z.infer<typeof CoverageForecast>;
