import { z } from 'zod';
import { ClassificationSpec } from '../classification/classification.schema.ts';
import { ValueStatus } from '../core/value-status.ts';
import { ProjectionNote } from '../projection/projection-series.schema.ts';

export const Formula = z
  .enum(['count', 'share', 'per_mille', 'per_1000', 'ratio', 'change_pp', 'relative_change', 'trend_slope'])
  .describe(
    'count = x; share = x/y·100; per_mille and per_1000 = x/y·1000; ratio = x/y; ' +
      'change_pp = change of the share x/y·100 in percentage points over periodYears; ' +
      'relative_change = change of x (or x/y) in % over periodYears; ' +
      'trend_slope = least-squares slope per year of the share x/y·100 (or of x) over the last periodYears years',
  );
export type Formula = z.infer<typeof Formula>;

/** An indicator definition: data, editable in the web app and exchanged as JSON. */
export const Indicator = z
  .object({
    key: z
      .string()
      .regex(/^[a-z][a-z0-9_]{1,62}$/)
      .describe('Stable key (lower case, digits, underscore)'),
    name: z.string().min(1).max(200),
    theme: z.string().min(1).max(100).describe('e.g. Demografie, Soziale Lage'),
    numerator: z.string().min(1).describe('Key of the numerator count series (Zähler)'),
    denominator: z.string().min(1).nullable().describe('Key of the denominator count series (Nenner)'),
    formula: Formula,
    periodYears: z.number().int().min(1).max(30).nullable().describe('n years for changes and trends'),
    unit: z.string().max(50).describe('e.g. `%`, `‰`, `je 1.000 EW`, `Personen`, `Pp.`'),
    polarity: z.enum(['high_bad', 'high_good', 'neutral']).describe('Is a high value bad or good?'),
    decimals: z.number().int().min(0).max(4),
    description: z.string().max(4000).describe('Definition in plain German'),
    source: z.string().max(500).describe('Data source (Quelle)'),
    updateCycle: z.string().max(100).describe('e.g. jährlich zum 31.12.'),
    published: z.boolean().describe('Visible to the public (with disclosure control)'),
    classification: ClassificationSpec.nullable()
      .default(null)
      .describe('Map classification the atlas starts with; null = quantiles, 5 classes'),
    target: z
      .number()
      .nullable()
      .default(null)
      .describe('Target value (Zielwert) shown in statistics tables; null = none'),
  })
  .superRefine((d, ctx) => {
    const needsPeriod = ['change_pp', 'relative_change', 'trend_slope'].includes(d.formula);
    if (needsPeriod && d.periodYears === null)
      ctx.addIssue({
        code: 'custom',
        path: ['periodYears'],
        message: 'Für Veränderungen und Trends die Jahre angeben.',
      });
    const needsDenominator = ['share', 'per_mille', 'per_1000', 'ratio', 'change_pp'].includes(d.formula);
    if (needsDenominator && d.denominator === null)
      ctx.addIssue({ code: 'custom', path: ['denominator'], message: 'Diese Formel braucht einen Nenner.' });
  });
export type Indicator = z.infer<typeof Indicator>;

/** Counts converted from an earlier Gebietsstand (src/areas/convert): „umgerechnet“. */
export const Converted = z
  .object({
    method: z
      .enum(['area', 'population', 'population_finer', 'population_grid'])
      .describe(
        'area: flächengewichtet; population: einwohnergewichtet; population_finer/_grid: nach feinerer Ebene/Gitter (methodNames)',
      ),
    from: z.string().describe('valid_from of the Gebietsstand the counts were converted from'),
  })
  .describe(
    "Present when the area's counts at this Stichtag were converted from an earlier Gebietsstand (umgerechnet)",
  );

export const IndicatorValue = z.object({
  id: z.string().describe('Area key'),
  name: z.string(),
  value: z.number().nullable(),
  status: ValueStatus,
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  converted: Converted.optional(),
});
export type IndicatorValue = z.infer<typeof IndicatorValue>;

export const CityValue = z.object({
  value: z.number().nullable(),
  status: ValueStatus,
  converted: Converted.optional().describe(
    'Present when the city value sums converted counts that are not the old total (umgerechnet; docs/methods.md §10.1)',
  ),
});

export const IndicatorValuesQuery = z.object({
  level: z.string().min(1),
  date: z.iso.date().describe('Stichtag YYYY-MM-DD (a real calendar date)'),
});

export const IndicatorValues = z.object({
  indicator: z.string(),
  level: z.string(),
  date: z.string(),
  projection: ProjectionNote.optional().describe(
    'Present when the Stichtag is one of the published projection’s: the values are a Prognose',
  ),
  city: CityValue,
  values: z.array(IndicatorValue),
});
export type IndicatorValues = z.infer<typeof IndicatorValues>;

export const SeriesQuery = z.object({ level: z.string().min(1), id: z.string().min(1) });

export const SeriesPoint = z.object({
  date: z.string(),
  value: z.number().nullable(),
  status: ValueStatus,
  cityValue: z.number().nullable(),
  cityStatus: ValueStatus,
  projected: z
    .boolean()
    .optional()
    .describe('true: a Stichtag of the published projection (Prognose), after the last observed one'),
  converted: Converted.optional(),
  cityConverted: Converted.optional().describe(
    'Present when the city value sums converted counts that are not the old total (umgerechnet)',
  ),
});
export const Series = z.object({ indicator: z.string(), id: z.string(), points: z.array(SeriesPoint) });
export type Series = z.infer<typeof Series>;

/** Changes of single fields: publish or withdraw, or save the atlas's classification as default. */
export const IndicatorPatch = z
  .object({
    published: z.boolean().optional().describe('Visible to the public (with disclosure control)'),
    classification: ClassificationSpec.nullable()
      .optional()
      .describe('Map classification the atlas starts with; null = the app default (quintiles)'),
  })
  .refine((p) => p.published !== undefined || p.classification !== undefined, {
    message: 'Nichts zu ändern: „published“ oder „classification“ angeben.',
  });
export type IndicatorPatch = z.infer<typeof IndicatorPatch>;
export const IndicatorPatchResult = z.object({
  key: z.string(),
  published: z.boolean(),
  classification: ClassificationSpec.nullable(),
});
export type IndicatorPatchResult = z.infer<typeof IndicatorPatchResult>;
export const IndicatorList = z.array(Indicator);

/**
 * A catalogue entry as the catalogue route lists it: the definition plus whether its inputs
 * have values. Not part of the definition (JSON export and import stay definitions only).
 */
export const IndicatorEntry = z.object({
  ...Indicator.shape,
  available: z
    .boolean()
    .describe(
      'Numerator and denominator have values (else the indicator is left out of menus, profiles and reports)',
    ),
  missing: z
    .array(z.object({ key: z.string(), name: z.string() }))
    .describe('Input variables without any value: „nicht verfügbar – es fehlt: …“'),
  missingText: z
    .string()
    .nullable()
    .describe('„nicht verfügbar – es fehlt: <Variablen>“, null when available'),
});
export type IndicatorEntry = z.infer<typeof IndicatorEntry>;
export const IndicatorCatalogue = z.array(IndicatorEntry);
