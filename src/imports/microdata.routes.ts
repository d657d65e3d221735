/**
 * Upload of person-level register extracts (`POST /api/imports/microdata`): the file is streamed
 * to a private temporary directory (it may be larger than memory should hold), counted into
 * counts per area like `lagebild import microdata`, and removed again; persons are never stored.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { importerId } from '../auth/local-cli-user.ts';
import { authorize } from '../auth/policy.ts';
import { ErrorBody } from '../core/error.schema.ts';
import { badRequest, importError } from '../core/errors.ts';
import { importMicrodata } from './microdata-import.service.ts';

const Fields = z.object({
  level: z.string().min(1),
  date: z.iso.date(),
  ageGroups: z
    .string()
    .max(500)
    .optional()
    .describe('e.g. 0-2,3-5,6-9,10-14,15-17,18-24,25-44,45-64,65-79,80-'),
  crs: z.string().max(2000).optional().describe('CRS of the coordinates; default EPSG:25832'),
});

const Result = z.object({
  result: z
    .record(z.string(), z.unknown())
    .describe('persons, unplaced (reasons with counts and rows), problems, date …'),
  sourceId: z.number().int(),
  stored: z.number().int(),
  replaced: z.number().int(),
});

/** The uploaded name without directories and odd characters (messages and provenance name it). */
const safeName = (name: string) => basename(name).replace(/[^\w.\-äöüÄÖÜß ]/g, '_') || 'mikrodaten.csv';

export const microdataRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/microdata',
    {
      schema: {
        tags: ['Import'],
        access: 'microdata.import',
        summary:
          'Personen-Mikrodaten (CSV) zu Fallzahlen je Gebiet zählen und speichern (multipart: file, level, date, ageGroups, crs)',
        consumes: ['multipart/form-data'],
        upload: { fields: Fields, file: { description: 'Personen-Mikrodaten (CSV)' } },
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
      authorize(req.user, 'microdata.import');
      if (!req.isMultipart())
        throw badRequest('request.not_multipart', 'Bitte die Datei als multipart/form-data senden.');
      const dir = await mkdtemp(join(tmpdir(), 'lagebild-microdata-'));
      try {
        let path: string | null = null;
        const raw: Record<string, string> = {};
        for await (const part of req.parts()) {
          if (part.type === 'file') {
            if (path) throw badRequest('import.too_many_files', 'Bitte genau eine Datei hochladen.');
            path = join(dir, safeName(part.filename));
            await pipeline(part.file, createWriteStream(path, { mode: 0o600 }));
            if (part.file.truncated)
              throw importError('file_too_large', `${safeName(part.filename)}: Die Datei ist zu groß.`);
          } else if (typeof part.value === 'string') raw[part.fieldname] = part.value;
        }
        const fields = Fields.safeParse(raw);
        if (!fields.success)
          throw badRequest('request.invalid', 'Bitte Ebene (level) und Stichtag (date, JJJJ-MM-TT) angeben.');
        if (!path) throw badRequest('import.no_file', 'Es wurde keine Datei hochgeladen.');
        const r = await importMicrodata(app.db, path, { ...fields.data, userId: importerId(req.user) });
        return { ...r, result: r.result as unknown as Record<string, unknown> };
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  );
};
