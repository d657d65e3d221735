/**
 * Schemas of the Bedarfsplan's ranking (docs/methods.md §7, Bedarfsplan): the query — norm, level,
 * Stichtag, social index, weights and thresholds with their defaults — and the ranked areas with
 * their points, needs and reasons. API, CLI, reports and OpenAPI from one place.

 */
import { z } from 'zod';
import { ValueStatus } from '../core/value-status.ts';
import { IndexClass } from '../indices/index.schema.ts';
import { DEFAULT_RANKING_PARAMS } from './ranking-score.ts';

const Day = z.iso.date();
const d = DEFAULT_RANKING_PARAMS;
const Weight = (what: string, fallback: number) =>
  z.coerce
    .number()
    .min(0)
    .max(100)
    .default(fallback)
    .describe(`Weight of ${what} in the score; 0 leaves the criterion out (default ${fallback})`);

/** The ranking asked for (query string of `GET /api/planning/ranking`, CLI options, report blocks). */
export const RankingQuery = z.object({
  norm: z.string().min(1).max(60).describe('Key of the norm (Richtwert): facility type, demand, coverage'),
  level: z.string().min(1).max(60).describe('Level key, e.g. `planungsraum`'),
  date: Day.optional().describe('Stichtag; default the Datenstand (latest population)'),
  index: z
    .string()
    .min(1)
    .max(63)
    .optional()
    .describe('Key of the composite index whose class counts (e.g. `berlin_mss`); default none'),
  part: z
    .string()
    .min(1)
    .max(31)
    .optional()
    .describe('Part of the index whose class counts; default `status`, else its first part'),
  indexDate: Day.optional().describe(
    'Stichtag of the index (e.g. the latest published MSS); default the population Stichtag of the coverage',
  ),
  radius: z.coerce
    .number()
    .positive()
    .max(100_000)
    .default(d.radius)
    .describe(`Metres (straight line): no facility within it is a need (default ${d.radius})`),
  weightGap: Weight('the coverage gap (Versorgungslücke)', d.weights.gap),
  weightClass: Weight('the index class (Sozialindex)', d.weights.class),
  weightDistance: Weight('the distance to the nearest facility', d.weights.distance),
  minSeverity: z.coerce
    .number()
    .min(0)
    .max(1)
    .default(d.minSeverity)
    .describe(
      `Index classes of at least this severity (0 best … 1 worst) are a need; default ${d.minSeverity} (MSS: classes 3 and 4)`,
    ),
});
/** The ranking as a file (`GET /api/planning/ranking/export`). */
export const RankingExportQuery = RankingQuery.extend({ format: z.enum(['csv', 'xlsx']).default('csv') });

type Defaulted = 'radius' | 'weightGap' | 'weightClass' | 'weightDistance' | 'minSeverity';
/** The query as a caller gives it: the weights and thresholds may be left to their defaults. */
export type RankingInput = Omit<z.output<typeof RankingQuery>, Defaulted> &
  Partial<Pick<z.output<typeof RankingQuery>, Defaulted>>;

const Points = z.number().min(0).max(1).nullable();

/** One area of the ranking. */
export const RankingRow = z.object({
  rank: z.number().int().nullable().describe('1 = the greatest need; null: no demand, not ranked'),
  area: z.string().describe('Area key'),
  name: z.string(),
  parent: z.string().nullable().describe('Key of the parent area (e.g. the Bezirk)'),
  parentName: z.string().nullable(),
  score: z.number().describe('Punkte 0–100: the weighted mean of the points × 100, one decimal'),
  needs: z.number().int().describe('How many criteria are a need (Bedarfsmerkmale, 0–3): more rank first'),
  coverage: z
    .object({
      supply: z.number().nullable(),
      demand: z.number().nullable(),
      rate: z.number().nullable().describe('Versorgungsquote in %'),
      balance: z.number().nullable().describe('Saldo: supply − demand'),
      missing: z.number().nullable().describe('Missing supply units (−balance where negative, else 0)'),
      status: ValueStatus.describe('Of demand, rate and balance: secret for the public where counts are'),
    })
    .describe('The coverage row of the norm (for the public: disclosure-protected)'),
  socialClass: IndexClass.pick({ code: true, label: true, severity: true })
    .nullable()
    .describe('Class in the index part; null: no index, or the area left out of it'),
  socialClassNote: z.string().nullable().describe('Why the area has no class (German), e.g. under 300 EW'),
  distance: z
    .number()
    .nullable()
    .describe('Metres (straight line) from the area to the nearest facility; null: none in operation'),
  nearest: z
    .object({ key: z.string(), name: z.string() })
    .nullable()
    .describe('The nearest facility in operation'),
  points: z
    .object({ gap: Points, class: Points, distance: Points })
    .describe('Points per criterion (0–1); null: unknown or left out'),
  need: z
    .object({ gap: z.boolean(), class: z.boolean(), distance: z.boolean() })
    .describe('Which criteria are a need (Bedarfsmerkmal)'),
  reason: z.string().describe('The reason in plain German'),
});
export type RankingRow = z.infer<typeof RankingRow>;

/** The Bedarfsplan's ranking of a level's areas for one norm. */
export const Ranking = z
  .object({
    norm: z.object({
      key: z.string(),
      name: z.string(),
      facilityType: z.string(),
      facilityTypeName: z.string(),
      capacityUnit: z.string(),
      supplyProperty: z.string().nullable(),
      source: z.string(),
    }),
    level: z.string(),
    levelName: z.string(),
    date: Day.describe('Stichtag of coverage and facilities'),
    populationDate: Day.nullable().describe('Stichtag of the population used'),
    index: z
      .object({
        key: z.string(),
        name: z.string(),
        part: z.string(),
        partLabel: z.string(),
        date: Day,
        classes: z.array(IndexClass),
      })
      .nullable()
      .describe('The index whose class counts; null: none chosen'),
    parameters: z.object({
      radius: z.number(),
      weights: z.object({ gap: z.number(), class: z.number(), distance: z.number() }),
      minSeverity: z.number(),
      referencePoint: z.string().describe('Where distances are measured from (German)'),
    }),
    rule: z.string().describe('The ranking rule in one paragraph (German), for reports'),
    rows: z.array(RankingRow).describe('Every current area of the level, ranked; unranked ones last'),
    notes: z.array(z.string()).describe('Hints in German'),
  })
  .describe('Bedarfsplan: Gebiete nach Bedarf');
export type Ranking = z.infer<typeof Ranking>;
