import { z } from 'zod';

/** Form fields of `POST /api/areas/preview` (all optional: the preview suggests them). */
export const PreviewAreasFields = z.object({
  idField: z.string().optional(),
  nameField: z.string().optional(),
  parentField: z.string().optional(),
  crs: z.string().optional(),
});

export const PreviewProblem = z
  .object({
    code: z.string().describe('Stable code, as the import would report it, e.g. `import.self_intersection`'),
    message: z.string().describe('German message naming file, record and key'),
    record: z.number().int().nullable().describe('1-based record (Datensatz) or null for the whole file'),
    key: z.string().nullable(),
    lon: z.number().nullable().describe('Where the problem is (self-intersections), WGS84'),
    lat: z.number().nullable(),
  })
  .describe('Ein Problem, das den Import verhindern würde');
export type PreviewProblem = z.infer<typeof PreviewProblem>;

export const PreviewField = z.object({
  name: z.string(),
  samples: z.array(z.string()).describe('Up to three distinct values'),
  distinct: z.number().int().describe('Number of distinct non-empty values'),
  empty: z.number().int().describe('Records without a value'),
});

const FieldChoice = z.object({
  idField: z.string().nullable(),
  nameField: z.string().nullable(),
  parentField: z.string().nullable(),
});

export const AreaPreview = z
  .object({
    fileName: z.string(),
    crs: z.string().nullable().describe('Source CRS as understood, null when unknown'),
    featureCount: z.number().int(),
    fields: z.array(PreviewField),
    suggested: FieldChoice.describe('Fields the import would guess'),
    chosen: FieldChoice.describe('Fields used for this preview (given or guessed)'),
    problems: z.array(PreviewProblem),
    areaM2: z.number().describe('Sum of the true areas of the readable features'),
    geojson: z.object({
      type: z.literal('FeatureCollection'),
      features: z.array(
        z.object({
          type: z.literal('Feature'),
          properties: z.object({
            record: z.number().int(),
            key: z.string(),
            name: z.string(),
            parent: z.string().nullable(),
            problem: z.boolean(),
          }),
          geometry: z.object({
            type: z.enum(['Polygon', 'MultiPolygon']),
            coordinates: z.array(z.unknown()),
          }),
        }),
      ),
    }),
  })
  .describe('Vorschau einer Gebietsdatei: nichts wird gespeichert');
export type AreaPreview = z.infer<typeof AreaPreview>;
