/**
 * Composite indices (zusammengesetzte Indizes, e.g. Berlin's Monitoring Soziale Stadtentwicklung):
 * the definition as data (stored in `composite_index`, edited in the web app, exchanged as JSON)
 * and the shapes of results, robustness and history. Defined once: validation, types and OpenAPI.
 * Method: docs/methods.md §3 (MSS) and §4 (composite indicators, COINr).
 */
import { z } from 'zod';
import { Converted } from '../indicators/indicator.schema.ts';

/** One class of a part index: an interval on the UNROUNDED index value. */
export const IndexClass = z
  .object({
    code: z
      .string()
      .min(1)
      .max(10)
      .describe("Short code, e.g. '1'…'4' (Status) or '+', '+/-', '-' (Dynamik)"),
    label: z.string().min(1).max(60).describe("German label, e.g. 'hoch', 'sehr niedrig', 'stabil'"),
    min: z.number().nullable().describe('Lower bound; null = open to −∞'),
    minInclusive: z.boolean(),
    max: z.number().nullable().describe('Upper bound; null = open to +∞'),
    maxInclusive: z.boolean(),
    severity: z
      .number()
      .min(0, 'Die Schwere liegt zwischen 0 und 1.')
      .max(1, 'Die Schwere liegt zwischen 0 und 1.')
      .describe('0 = best … 1 = worst (for colours)'),
  })
  .describe('Klasse eines Teilindex');
export type IndexClass = z.infer<typeof IndexClass>;

export const IndexIndicator = z.object({
  indicator: z.string().min(1).max(63).describe('Indicator key'),
  code: z.string().min(1).max(10).describe("Short code, e.g. 'S1', 'D3'"),
  direction: z
    .union([z.literal(1), z.literal(-1)])
    .describe('1: a high value means a worse situation; -1: a high value means a better one'),
  weight: z.number().positive('Gewichte müssen größer als 0 sein.').max(1000, 'Gewichte höchstens 1.000.'),
});
export type IndexIndicator = z.infer<typeof IndexIndicator>;

export const IndexPart = z.object({
  key: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,30}$/, 'Schlüssel des Teilindex: Kleinbuchstaben, Ziffern und _.')
    .describe("'status', 'dynamics', …"),
  label: z
    .string()
    .min(1, 'Bitte eine Bezeichnung angeben.')
    .max(100)
    .describe("German, e.g. 'Status-Index'"),
  indicators: z.array(IndexIndicator).min(1, 'Mindestens einen Indikator wählen.').max(50),
  classes: z.array(IndexClass).min(1, 'Mindestens eine Klasse angeben.').max(12),
});
export type IndexPart = z.infer<typeof IndexPart>;

export const Standardisation = z
  .enum(['z_population', 'z_sample', 'minmax', 'rank'])
  .describe(
    'z_population = (x − mean)/SD with SD dividing by n (Berlin MSS); z_sample = SD dividing by n − 1; ' +
      'minmax = 0–100; rank = ranks 1…n (ties averaged)',
  );
export type Standardisation = z.infer<typeof Standardisation>;

/** Overlap of two class intervals (after sorting by lower bound), for the definition check. */
function overlaps(a: IndexClass, b: IndexClass): boolean {
  if (a.max === null || b.min === null) return true;
  if (a.max > b.min) return true;
  return a.max === b.min && a.maxInclusive && b.minInclusive;
}

export const IndexDefinition = z
  .object({
    key: z
      .string()
      .regex(/^[a-z][a-z0-9_]{1,62}$/, 'Schlüssel: 2 bis 63 Zeichen, Kleinbuchstaben, Ziffern und _.')
      .describe('Stable key (lower case, digits, underscore)'),
    name: z.string().min(1, 'Bitte einen Namen angeben.').max(200),
    description: z.string().max(4000),
    parts: z.array(IndexPart).min(1, 'Mindestens einen Teilindex angeben.').max(6),
    standardisation: Standardisation,
    aggregation: z.enum(['sum', 'mean']).describe('Weighted sum or weighted mean of the standardised values'),
    mean: z
      .enum(['arithmetic', 'geometric'])
      .describe('geometric only with aggregation mean; inputs are rescaled to 1–100 first (COINr)'),
    restandardise: z.boolean().describe('z-standardise the part aggregate again (MSS: Status-Index)'),
    validity: z.object({
      minPopulation: z.number().int().min(0).nullable().describe('Areas with fewer inhabitants are invalid'),
      excluded: z
        .array(z.string().min(1))
        .max(10000)
        .describe('Area keys left out by hand (e.g. Gewerbegebiete)'),
    }),
    missing: z
      .enum(['exclude_area', 'available_mean'])
      .describe(
        'exclude_area: an area with a missing or secret input is invalid; available_mean: the part uses the ' +
          'available indicators (an area with none in a part is invalid)',
      ),
    codeJoin: z.string().max(5).describe("How part class codes join into the area code ('' for MSS: '2-')"),
  })
  .superRefine((d, ctx) => {
    const issue = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: 'custom', path, message });
    const partKeys = new Set<string>();
    const indicators = new Set<string>();
    d.parts.forEach((p, pi) => {
      if (partKeys.has(p.key))
        issue(['parts', pi, 'key'], `Der Teilindex „${p.key}“ steht zweimal in der Definition.`);
      partKeys.add(p.key);
      p.indicators.forEach((i, ii) => {
        if (indicators.has(i.indicator))
          issue(
            ['parts', pi, 'indicators', ii, 'indicator'],
            `Der Indikator „${i.indicator}“ kommt mehrfach vor; jeder Indikator darf nur einmal verwendet werden.`,
          );
        indicators.add(i.indicator);
      });
      const codes = new Set<string>();
      p.classes.forEach((c, ci) => {
        if (codes.has(c.code))
          issue(['parts', pi, 'classes', ci, 'code'], `Der Klassencode „${c.code}“ ist doppelt.`);
        codes.add(c.code);
        if (
          c.min !== null &&
          c.max !== null &&
          !(c.min < c.max || (c.min === c.max && c.minInclusive && c.maxInclusive))
        )
          issue(
            ['parts', pi, 'classes', ci],
            `Klasse „${c.label}“: die Untergrenze muss unter der Obergrenze liegen.`,
          );
      });
      const sorted = [...p.classes].sort((a, b) => (a.min ?? -Infinity) - (b.min ?? -Infinity));
      for (let i = 1; i < sorted.length; i++) {
        const a = sorted[i - 1]!;
        const b = sorted[i]!;
        if (overlaps(a, b))
          issue(['parts', pi, 'classes'], `Die Klassen „${a.label}“ und „${b.label}“ überschneiden sich.`);
      }
    });
    if (d.mean === 'geometric' && d.aggregation !== 'mean')
      issue(['mean'], 'Das geometrische Mittel geht nur mit der Aggregation „Mittelwert“.');
  })
  .describe('Definition eines zusammengesetzten Index (Sozialindex)');
export type IndexDefinition = z.infer<typeof IndexDefinition>;

export const IndexList = z.array(IndexDefinition);

/**
 * The „umgerechnet“ mark of a result computed from several indicators: the distinct conversions
 * (source Gebietsstand and method) among the area's input values at the Stichtag.
 */
export const ConvertedInputs = z
  .array(Converted)
  .optional()
  .describe(
    "Present when any of the area's input values at this Stichtag was converted from an earlier Gebietsstand (umgerechnet): each source Gebietsstand and method once",
  );

const PartSummary = z.object({ key: z.string(), label: z.string(), classes: z.array(IndexClass) });

export const IndexAreaResult = z.object({
  id: z.string().describe('Area key'),
  name: z.string(),
  parent: z.string().nullable().describe('Key of the parent area (e.g. Stadtbezirk)'),
  parentName: z.string().nullable(),
  valid: z.boolean(),
  invalidReason: z.string().nullable().describe('German reason when the area is left out'),
  parts: z.record(
    z.string(),
    z.object({
      sum: z.number().nullable().describe('Aggregate of the standardised indicators (e.g. Status-Summe)'),
      index: z.number().nullable().describe('Part index the classes apply to (e.g. Status-Index)'),
      class: z.string().nullable().describe('Class code'),
    }),
  ),
  z: z
    .record(z.string(), z.number().nullable())
    .describe('Standardised value per indicator key (after direction)'),
  values: z
    .record(z.string(), z.number().nullable())
    .describe('Input value per indicator key as the user may see it'),
  code: z.string().nullable().describe("Area code, e.g. '2-' (MSS Gesamtindex)"),
  converted: ConvertedInputs,
});
export type IndexAreaResult = z.infer<typeof IndexAreaResult>;

export const MissingInput = z.object({
  indicator: z.string(),
  name: z.string(),
  reason: z
    .string()
    .describe('German: „nicht verfügbar – es fehlt: <Variablen>“ or „keine Werte zum Stichtag …“'),
});
export type MissingInput = z.infer<typeof MissingInput>;

export const IndexResult = z.object({
  index: z.string(),
  name: z.string(),
  level: z.string(),
  date: z.string(),
  parts: z.array(PartSummary),
  areas: z.array(IndexAreaResult),
  missingInputs: z
    .array(MissingInput)
    .optional()
    .describe('Indicators without any value at this Stichtag (absent when every input has values)'),
});
export type IndexResult = z.infer<typeof IndexResult>;

export const RobustnessArea = z.object({
  id: z.string(),
  baseRank: z.number().int().describe('Rank by the first part with the definition as is (1 = worst)'),
  medianRank: z.number(),
  rankLow: z.number().describe('5 % quantile of the rank over the runs'),
  rankHigh: z.number().describe('95 % quantile of the rank over the runs'),
  classStability: z
    .record(z.string(), z.number().min(0).max(1))
    .describe('Share of runs keeping the class, per part'),
  robust: z.boolean().describe("Every part's class stays in at least 90 % of the runs"),
});
export type RobustnessArea = z.infer<typeof RobustnessArea>;

export const RobustnessResult = z.object({
  index: z.string(),
  level: z.string(),
  date: z.string(),
  runs: z.number().int(),
  seed: z.number().int(),
  areas: z.array(RobustnessArea),
});
export type RobustnessResult = z.infer<typeof RobustnessResult>;

export const IndexHistory = z.object({
  index: z.string(),
  level: z.string(),
  area: z.string(),
  points: z.array(
    z.object({
      date: z.string(),
      code: z.string().nullable(),
      parts: z.record(z.string(), z.object({ index: z.number().nullable(), class: z.string().nullable() })),
      converted: ConvertedInputs,
    }),
  ),
});
export type IndexHistory = z.infer<typeof IndexHistory>;

export const ResultQuery = z.object({
  level: z.string().min(1),
  date: z.iso.date().describe('Stichtag YYYY-MM-DD'),
});
export const RobustnessQuery = ResultQuery.extend({
  runs: z.coerce.number().int().min(10).max(20000).default(1000).describe('Monte Carlo runs'),
  seed: z.coerce
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .default(1),
});
export const HistoryQuery = z.object({ level: z.string().min(1), area: z.string().min(1) });
