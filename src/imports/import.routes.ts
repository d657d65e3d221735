import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { importerId } from '../auth/local-cli-user.ts';
import { authorize } from '../auth/policy.ts';
import { scopeOf } from '../auth/scope.ts';
import { ErrorBody } from '../core/error.schema.ts';
import { badRequest } from '../core/errors.ts';
import { microdataRoutes } from './microdata.routes.ts';
import { importTable, listProfiles, saveProfile } from './table-import.service.ts';
import type { ImportProfile } from './table/index.ts';

const Mapping = z
  .object({
    areaColumn: z.union([z.string(), z.array(z.string())]),
    dateColumn: z.string().optional(),
    date: z.iso.date().optional(),
    variableColumn: z.union([z.string(), z.array(z.string())]).optional(),
    valueColumn: z.string().optional(),
    breakdownColumns: z.array(z.string()).optional(),
    variables: z.record(z.string(), z.string().regex(/^[A-Za-z0-9_.äöüÄÖÜß-]+$/)).optional(),
    variable: z.string().optional(),
  })
  .describe('Spaltenzuordnung (Importprofil)');

/** The `mapping` form field: JSON text of a Mapping; malformed JSON is invalid input, not a fault. */
const MappingField = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'kein gültiges JSON' });
      return z.NEVER;
    }
  })
  .pipe(Mapping);

const Fields = z.object({
  level: z.string().min(1).optional().describe('default: the level of the profile'),
  date: z.iso.date().optional(),
  profile: z.string().optional(),
  mapping: z.string().optional().describe('JSON of the mapping'),
  dryRun: z.enum(['0', '1', 'true', 'false']).optional(),
  saveProfile: z.string().min(1).max(100).optional().describe('save the mapping under this name'),
});

const Result = z.object({
  committed: z.boolean(),
  sourceId: z.number().int().nullable(),
  stored: z.number().int(),
  replaced: z.number().int(),
  report: z
    .record(z.string(), z.unknown())
    .describe('Prüfbericht: columns, variables, dates, stats, problems …'),
});

export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(microdataRoutes);
  app.post(
    '/table',
    {
      schema: {
        tags: ['Import'],
        access: 'data.import',
        summary:
          'Statistiktabelle prüfen (dryRun=1) oder importieren (multipart: file, level, date, profile, mapping)',
        consumes: ['multipart/form-data'],
        upload: { fields: Fields, file: { description: 'Statistiktabelle (CSV oder XLSX)' } },
        response: {
          200: Result,
          400: ErrorBody,
          401: ErrorBody,
          403: ErrorBody,
          404: ErrorBody,
          422: ErrorBody,
        },
      },
    },
    async (req) => {
      authorize(req.user, 'data.import');
      if (!req.isMultipart())
        throw badRequest('request.not_multipart', 'Bitte die Datei als multipart/form-data senden.');
      let file: { name: string; data: Uint8Array } | null = null;
      const raw: Record<string, string> = {};
      for await (const part of req.parts()) {
        if (part.type === 'file') file = { name: part.filename, data: await part.toBuffer() };
        else if (typeof part.value === 'string') raw[part.fieldname] = part.value;
      }
      const fields = Fields.safeParse(raw);
      if (!fields.success || (!fields.data.level && !fields.data.profile))
        throw badRequest(
          'request.invalid',
          'Bitte Ebene (level) und gegebenenfalls Stichtag (JJJJ-MM-TT) angeben.',
        );
      if (!file) throw badRequest('import.no_file', 'Es wurde keine Datei hochgeladen.');
      let mapping: ImportProfile | undefined;
      if (fields.data.mapping) {
        const parsed = MappingField.safeParse(fields.data.mapping);
        if (!parsed.success)
          throw badRequest('import.invalid_mapping', 'Die Spaltenzuordnung (mapping) ist ungültig.', {
            issues: parsed.error.issues.map((i) => `${i.path.join('.') || 'mapping'}: ${i.message}`),
          });
        mapping = parsed.data;
      }
      const dryRun = fields.data.dryRun === '1' || fields.data.dryRun === 'true';
      const result = await importTable(app.db, file, {
        level: fields.data.level,
        date: fields.data.date,
        profile: fields.data.profile,
        mapping,
        dryRun,
        userId: importerId(req.user),
        scope: await scopeOf(app.db, req.user),
      });
      if (fields.data.saveProfile && mapping && (result.committed || dryRun))
        await saveProfile(app.db, fields.data.saveProfile, fields.data.level ?? null, mapping, req.user.id);
      return { ...result, report: result.report as unknown as Record<string, unknown> };
    },
  );

  app.get(
    '/profiles',
    {
      schema: {
        tags: ['Import'],
        access: 'data.import',
        summary: 'Gespeicherte Importprofile',
        response: {
          200: z.array(z.object({ name: z.string(), level: z.string().nullable(), mapping: Mapping })),
          401: ErrorBody,
          403: ErrorBody,
        },
      },
    },
    async (req) => {
      authorize(req.user, 'data.import');
      return listProfiles(app.db);
    },
  );
};
