/**
 * Schemas of statements on land-use plans (Stellungnahmen zur Bauleitplanung): what a planner
 * enters (plan area, dwellings by type and year of first occupancy, profile, level) and what
 * Lagebild computes from it (residents by age per year, additional need per norm, coverage of the
 * affected areas before and after). API, CLI, storage and OpenAPI from one place.
 */
import { z } from 'zod';
import { Catchment } from '../coverage/norm.schema.ts';

const Year = z.number().int().min(1900).max(2200);

/** Dwellings of one type first occupied in one year (one phase of the plan). */
export const DwellingPhase = z.object({
  type: z.string().min(1).max(30).describe('Dwelling type of the profile: `efh`, `mfh`, `gefoerdert` …'),
  count: z.number().int().min(0).max(1_000_000).describe('Wohneinheiten'),
  year: Year.describe('Year of first occupancy (Erstbezug)'),
});

const Geometry = z.object({
  type: z.enum(['Polygon', 'MultiPolygon']),
  coordinates: z.array(z.unknown()),
});

const PlanAreaInput = z
  .looseObject({
    type: z.enum(['Polygon', 'MultiPolygon', 'Feature', 'FeatureCollection']),
  })
  .describe(
    'Plan area (Geltungsbereich) as GeoJSON: a Polygon or MultiPolygon, a Feature or a FeatureCollection; ' +
      'coordinates in lon/lat, in `crs`, or in the CRS named by a GeoJSON `crs` member',
  );

const fields = {
  name: z.string().trim().min(1).max(200).describe('Name of the plan, e.g. „Wohnen am Mühlenbach“'),
  planNumber: z.string().trim().max(100).optional().describe('Number of the plan, e.g. „Nr. 123“'),
  planArea: PlanAreaInput,
  crs: z.string().trim().min(1).max(5000).optional().describe('CRS of the coordinates: EPSG:N, proj4 or WKT'),
  dwellings: z.array(DwellingPhase).min(1).max(200).describe('Wohneinheiten by type and year'),
  profile: z.string().min(1).max(60).optional().describe('Occupancy profile; default `neubau_standard`'),
  level: z.string().min(1).max(60).optional().describe('Level of the affected areas; default the finest'),
  notes: z.string().trim().max(5000).optional().describe('Notes of the planner (Bewertung, Empfehlung)'),
};

export const CreateStatementBody = z.object(fields);
export type CreateStatementBody = z.infer<typeof CreateStatementBody>;

/** The fields to change; `level: null` goes back to the finest level. */
export const UpdateStatementBody = z.object({ ...fields, level: fields.level.nullable() }).partial();
export type UpdateStatementBody = z.infer<typeof UpdateStatementBody>;

/** A stored statement. */
export const Statement = z
  .object({
    id: z.number().int(),
    name: z.string(),
    planNumber: z.string(),
    planArea: Geometry.describe('The plan area in lon/lat (WGS84)'),
    areaM2: z.number().describe('Size of the plan area on the ellipsoid, m²'),
    crs: z.string().describe('The CRS the plan area came in'),
    dwellings: z.array(DwellingPhase),
    profile: z.string(),
    level: z.string().nullable().describe('Level of the affected areas; null: the finest'),
    notes: z.string(),
    createdAt: z.string(),
    createdBy: z.string().nullable().describe('Display name; null when the user was deleted'),
    updatedAt: z.string(),
  })
  .describe('Stellungnahme');
export type Statement = z.infer<typeof Statement>;

export const StatementSummary = Statement.pick({
  id: true,
  name: true,
  planNumber: true,
  areaM2: true,
  profile: true,
  createdAt: true,
  updatedAt: true,
}).extend({ dwellings: z.number().int().describe('Wohneinheiten in total') });
export type StatementSummary = z.infer<typeof StatementSummary>;

export const StatementIdParams = z.object({
  id: z.coerce
    .number()
    .int()
    .min(1)
    .max(2 ** 31 - 1),
});

const Num = z.number().nullable();

/** One affected area (or their total): the Bestand and the same with the new quarter's need. */
export const AfterRow = z.object({
  area: z.string().describe('Area key; empty for the total'),
  name: z.string(),
  supply: Num.describe('Versorgung at the Datenstand'),
  demand: Num.describe('Bedarf at the Datenstand'),
  rate: Num.describe('Versorgungsquote in %'),
  balance: Num.describe('Saldo: supply − demand'),
  extra: z.number().describe('Additional need of the new quarter counted here (peak year)'),
  demandAfter: Num,
  rateAfter: Num,
  balanceAfter: Num,
});

export const NeedTopic = z.enum(['kita', 'schule', 'spielplatz', 'pflege', 'sonstige']);
export type NeedTopic = z.infer<typeof NeedTopic>;

/** The additional need through one norm (or the built-in school rule). */
export const Need = z.object({
  key: z.string().describe('Norm key; `grundschule_schulpflicht` for the rule without a norm'),
  name: z.string(),
  topic: NeedTopic,
  facilityType: z.string(),
  capacityUnit: z.string(),
  demand: z.array(z.string()).describe('Demand variables, each an age range of the residents'),
  weights: z.array(z.number()).describe('Weight of each demand variable'),
  factor: z.number().describe('Need = factor × Σ weight × residents of the variable'),
  source: z.string(),
  norm: z.boolean().describe('From a stored norm (false: the built-in school rule)'),
  perYear: z.array(z.object({ year: z.number().int(), need: z.number() })),
  peak: z.object({ year: z.number().int(), need: z.number() }).describe('The year with the highest need'),
  coverage: z
    .object({
      catchment: Catchment,
      rows: z.array(AfterRow),
      total: AfterRow.nullable(),
    })
    .nullable()
    .describe('Coverage of the affected areas with the peak need added; null: not available'),
  notes: z.array(z.string()),
});
export type Need = z.infer<typeof Need>;

/** Everything a statement computes. */
export const StatementResult = z
  .object({
    statement: z.object({
      id: z.number().int().nullable().describe('null: computed without storing'),
      name: z.string(),
      planNumber: z.string(),
      planArea: Geometry,
      areaM2: z.number(),
      crs: z.string(),
      dwellings: z.array(DwellingPhase),
      notes: z.string(),
    }),
    computedOn: z.iso.date().describe('Day of the computation (norms and profile valid then)'),
    populationDate: z.iso.date().nullable().describe('Datenstand of the Bestand (latest Stichtag)'),
    profile: z.object({
      key: z.string(),
      name: z.string(),
      source: z.string(),
      validFrom: z.string().nullable(),
      types: z.array(
        z.object({
          key: z.string(),
          name: z.string(),
          persons: z.array(z.number()),
          ageShares: z.array(z.array(z.number())).describe('Per year after first occupancy: % per age band'),
          source: z.string(),
        }),
      ),
    }),
    ageBands: z.array(z.object({ key: z.string(), name: z.string() })),
    residents: z
      .array(
        z.object({
          year: z.number().int(),
          bands: z.array(z.number()).describe('Residents per age band (ageBands order)'),
          groups: z
            .record(z.string(), z.number())
            .describe('ew_u3, ew_3_5, ew_6_9, ew_6_17, ew_65plus, ew_80plus, ew'),
        }),
      )
      .describe('Expected residents per calendar year'),
    groups: z.array(z.object({ key: z.string(), name: z.string() })).describe('The reported age groups'),
    level: z.string(),
    levelName: z.string(),
    areas: z
      .array(z.object({ key: z.string(), name: z.string(), overlapM2: z.number(), share: z.number() }))
      .describe('Affected areas: the plan area lies in them, with its share in each'),
    needs: z.array(Need),
    skipped: z
      .array(z.object({ key: z.string(), name: z.string(), reason: z.string() }))
      .describe('Norms not applied to the plan, with the reason'),
    care: z.object({ computed: z.boolean(), note: z.string() }),
    notes: z.array(z.string()),
  })
  .describe('Berechnung einer Stellungnahme');
export type StatementResult = z.infer<typeof StatementResult>;

export const StatementDocumentQuery = z.object({
  format: z.enum(['pdf', 'docx', 'html']).default('pdf'),
  template: z
    .string()
    .min(1)
    .max(63)
    .optional()
    .describe('Template of scope `statement`; default `stellungnahme`'),
});
