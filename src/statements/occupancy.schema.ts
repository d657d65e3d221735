/**
 * Schemas of occupancy profiles (Belegungsprofile von Neubauquartieren): persons per dwelling and
 * the age distribution of new-build residents per year after first occupancy, per dwelling type.
 * They are data with a source and a history, like norms; API, storage and OpenAPI from one place.
 */
import { z } from 'zod';

/**
 * The age bands of a profile, fixed so that every usual age variable can be derived from them:
 * `from` inclusive, `to` exclusive (null: open). The boundaries 3, 6, 10, 15, 18, 65 and 80 are
 * those of the catalogue's variables (ew_u3, ew_3_5, ew_6_9, ew_u15, ew_u18, ew_65plus, ew_80plus).
 */
export const AGE_BANDS = [
  { key: 'a0_2', name: '0 bis 2 Jahre', from: 0, to: 3 },
  { key: 'a3_5', name: '3 bis 5 Jahre', from: 3, to: 6 },
  { key: 'a6_9', name: '6 bis 9 Jahre', from: 6, to: 10 },
  { key: 'a10_14', name: '10 bis 14 Jahre', from: 10, to: 15 },
  { key: 'a15_17', name: '15 bis 17 Jahre', from: 15, to: 18 },
  { key: 'a18_29', name: '18 bis 29 Jahre', from: 18, to: 30 },
  { key: 'a30_44', name: '30 bis 44 Jahre', from: 30, to: 45 },
  { key: 'a45_64', name: '45 bis 64 Jahre', from: 45, to: 65 },
  { key: 'a65_79', name: '65 bis 79 Jahre', from: 65, to: 80 },
  { key: 'a80plus', name: '80 Jahre und älter', from: 80, to: null },
] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** Longest profile: years after first occupancy a profile may describe. */
export const MAX_PROFILE_YEARS = 30;

const Percent = z.number().min(0).max(100);

/** One dwelling type of a profile. */
export const DwellingType = z
  .object({
    key: z
      .string()
      .regex(/^[a-z][a-z0-9_]{0,29}$/, 'Kleinbuchstaben, Ziffern und _, höchstens 30 Zeichen')
      .describe('Key of the dwelling type, e.g. `efh`, `mfh`, `gefoerdert`'),
    name: z.string().trim().min(1).max(200).describe('„Ein- und Zweifamilienhaus“ …'),
    persons: z
      .array(z.number().positive().max(20))
      .min(1)
      .max(MAX_PROFILE_YEARS)
      .describe('Persons per dwelling at the end of year 1, 2, … after first occupancy'),
    ageShares: z
      .array(z.array(Percent).length(AGE_BANDS.length))
      .min(1)
      .max(MAX_PROFILE_YEARS)
      .describe(
        `Per year after first occupancy: the residents' shares in % of the ${AGE_BANDS.length} age bands ` +
          `(${AGE_BANDS.map((b) => b.key).join(', ')}); each year sums to 100`,
      ),
    source: z.string().trim().max(1000).default('').describe('Where the values of this type come from'),
  })
  .superRefine((t, ctx) => {
    if (t.ageShares.length !== t.persons.length)
      ctx.addIssue({
        code: 'custom',
        path: ['ageShares'],
        message: `so viele Jahre wie bei „persons“ (${t.persons.length}) angeben`,
      });
    t.ageShares.forEach((row, i) => {
      const sum = row.reduce((s, v) => s + v, 0);
      if (Math.abs(sum - 100) > 0.5)
        ctx.addIssue({
          code: 'custom',
          path: ['ageShares', i],
          message: `die Anteile von Jahr ${i + 1} ergeben ${sum.toFixed(1)} %, nicht 100 %`,
        });
    });
  })
  .describe('Wohnform');
export type DwellingType = z.infer<typeof DwellingType>;

const ProfileKey = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_]{0,59}$/, 'Kleinbuchstaben, Ziffern und _, höchstens 60 Zeichen')
  .describe('Key of the profile, e.g. `neubau_standard`');

const Day = z.iso.date();

const uniqueTypes = (types: readonly { key: string }[], ctx: z.RefinementCtx) => {
  const seen = new Set<string>();
  types.forEach((t, i) => {
    if (seen.has(t.key))
      ctx.addIssue({ code: 'custom', path: ['types', i, 'key'], message: `„${t.key}“ doppelt` });
    seen.add(t.key);
  });
};

/** One version of a profile, as stored and shown. */
export const OccupancyProfile = z
  .object({
    id: z.number().int().describe('Id of this version'),
    key: z.string(),
    name: z.string(),
    description: z.string(),
    source: z.string().describe('Where the values come from, and what to adjust'),
    types: z.array(DwellingType),
    validFrom: Day.nullable().describe('Holds from; null: since always'),
    validTo: Day.nullable().describe('Holds until (exclusive); null: open'),
  })
  .describe('Belegungsprofil');
export type OccupancyProfile = z.infer<typeof OccupancyProfile>;

export const OccupancyProfileWithHistory = OccupancyProfile.extend({
  history: z.array(OccupancyProfile).describe('Every version, oldest first'),
});

/** A new profile, or a new version of one (the previous version stays, closed at `validFrom`). */
export const PutProfileBody = z
  .object({
    name: z.string().trim().min(1).max(200),
    description: z.string().trim().max(4000).optional(),
    source: z.string().trim().max(4000).optional(),
    types: z.array(DwellingType).min(1).max(20),
    validFrom: Day.optional().describe('The version holds from this day; default today'),
  })
  .superRefine((b, ctx) => uniqueTypes(b.types, ctx));
export type PutProfileBody = z.infer<typeof PutProfileBody>;

export const ProfileKeyParams = z.object({ key: ProfileKey });
