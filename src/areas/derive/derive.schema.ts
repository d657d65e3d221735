import { z } from 'zod';
import { LEVEL_KEY, LEVEL_KEY_MESSAGE } from '../level-key.ts';

const CsvText = z.object({
  fileName: z.string().min(1).max(255).describe('Name of the CSV file, for messages'),
  text: z.string().min(1).describe('CSV content (UTF-8; delimiter `,` `;` or tab)'),
});

/** Body of `POST /api/areas/derive`: a key prefix length or a key table, not both. */
export const DeriveLevelBody = z
  .object({
    level: z
      .string()
      .regex(LEVEL_KEY, LEVEL_KEY_MESSAGE)
      .describe('Key of the new parent level, e.g. `stadtbezirk`'),
    name: z.string().min(1).max(80).optional().describe('Display name of a new level'),
    from: z.string().min(1).describe('Key of the child level, e.g. `stadtteil`'),
    keyPrefix: z.number().int().min(1).max(40).optional().describe('Parent key = first n characters'),
    keyTable: CsvText.extend({
      childField: z.string().min(1),
      parentField: z.string().min(1),
      parentNameField: z.string().min(1).optional(),
    })
      .optional()
      .describe('Key table: child key → parent key (and name)'),
    names: CsvText.optional().describe('Parent names: first column key, second column name'),
    validFrom: z.iso.date().optional().describe('Gebietsstand gültig ab (default: today)'),
  })
  .refine((b) => (b.keyPrefix === undefined) !== (b.keyTable === undefined), {
    message:
      'Bitte entweder die Länge des Schlüsselanfangs (keyPrefix) oder eine Schlüsseltabelle (keyTable) angeben.',
  });
export type DeriveLevelBody = z.infer<typeof DeriveLevelBody>;

export const DeriveLevelResult = z.object({
  level: z.string(),
  from: z.string(),
  derived: z.number().int().describe('Parent areas made'),
  children: z.number().int().describe('Child areas linked to them'),
  validFrom: z.string(),
  sourceId: z.number().int(),
});
export type DeriveLevelResult = z.infer<typeof DeriveLevelResult>;
