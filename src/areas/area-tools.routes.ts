/** Routes of the upload preview and of deriving a parent level (under `/api/areas`). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { authorize } from '../auth/policy.ts';
import { badRequest } from '../core/errors.ts';
import { ErrorBody } from '../core/error.schema.ts';
import { importerId } from '../auth/local-cli-user.ts';
import { AREA_FILES } from './area.schema.ts';
import { DeriveLevelBody, DeriveLevelResult } from './derive/derive.schema.ts';
import { deriveParentLevel } from './derive/derive.service.ts';
import { readKeyCsv } from './derive/key-csv.ts';
import { namesFromTable } from './derive/parent-keys.ts';
import { AreaPreview, PreviewAreasFields } from './preview/preview.schema.ts';
import { previewAreaFiles } from './preview/preview.ts';

async function readUpload(req: FastifyRequest) {
  if (!req.isMultipart())
    throw badRequest('request.not_multipart', 'Bitte die Dateien als multipart/form-data senden.');
  const files: { name: string; data: Uint8Array }[] = [];
  const fields: Record<string, string> = {};
  for await (const part of req.parts()) {
    if (part.type === 'file') files.push({ name: part.filename, data: await part.toBuffer() });
    else if (typeof part.value === 'string') fields[part.fieldname] = part.value;
  }
  return { files, fields };
}

export const areaToolRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/preview',
    {
      schema: {
        tags: ['Gebiete'],
        access: 'areas.import',
        summary:
          'Vorschau einer Gebietsdatei (Shapefile, ZIP oder GeoJSON; multipart/form-data), ohne zu speichern',
        consumes: ['multipart/form-data'],
        upload: { fields: PreviewAreasFields, file: { description: AREA_FILES, multiple: true } },
        response: { 200: AreaPreview, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody },
      },
    },
    async (req) => {
      authorize(req.user, 'areas.import');
      const { files, fields } = await readUpload(req);
      const parsed = PreviewAreasFields.safeParse(fields);
      if (!parsed.success) throw badRequest('request.invalid', 'Ungültige Feldangaben.');
      if (!files.length) throw badRequest('import.no_file', 'Es wurde keine Datei hochgeladen.');
      const opts = Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v));
      return previewAreaFiles(files, opts);
    },
  );

  app.post(
    '/derive',
    {
      schema: {
        tags: ['Gebiete'],
        access: 'areas.import',
        summary: 'Übergeordnete Ebene aus Schlüsseln bilden (Geometrie aus den Teilgebieten vereinigt)',
        body: DeriveLevelBody,
        response: {
          200: DeriveLevelResult,
          400: ErrorBody,
          401: ErrorBody,
          403: ErrorBody,
          404: ErrorBody,
          422: ErrorBody,
        },
      },
    },
    async (req) => {
      authorize(req.user, 'areas.import');
      const b = req.body;
      const rule = b.keyTable
        ? {
            kind: 'table' as const,
            table: readKeyCsv(b.keyTable.text, b.keyTable.fileName),
            childField: b.keyTable.childField,
            parentField: b.keyTable.parentField,
            ...(b.keyTable.parentNameField ? { parentNameField: b.keyTable.parentNameField } : {}),
          }
        : { kind: 'prefix' as const, length: b.keyPrefix! };
      return deriveParentLevel(app.db, {
        level: b.level,
        from: b.from,
        rule,
        ...(b.name ? { levelName: b.name } : {}),
        ...(b.names ? { names: namesFromTable(readKeyCsv(b.names.text, b.names.fileName)) } : {}),
        ...(b.validFrom ? { validFrom: b.validFrom } : {}),
        userId: importerId(req.user),
        fileName: b.keyTable?.fileName ?? null,
      });
    },
  );
};
