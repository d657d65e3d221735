import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize } from '../auth/policy.ts';
import { badRequest } from '../core/errors.ts';
import { ErrorBody } from '../core/error.schema.ts';
import { importerId } from '../auth/local-cli-user.ts';
import { fileResponse } from '../core/file-response.ts';
import {
  AREA_FILES,
  AreaFeatureCollection,
  AreaLevel,
  AreaSummary,
  GeometryQuery,
  ImportAreasFields,
  ImportAreasResult,
  LevelQuery,
  LocateQuery,
  LocateResult,
} from './area.schema.ts';
import { listLevelsWithCoverage } from './partial-levels.ts';
import { importAreas, levelGeojson, listAreaSummaries, locate } from './area.service.ts';
import { areaToolRoutes } from './area-tools.routes.ts';
import { readAreaFiles } from './readers/index.ts';

export const areaRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(areaToolRoutes);

  app.get(
    '/levels',
    {
      schema: {
        tags: ['Gebiete'],
        access: 'public',
        summary: 'Gebietsebenen',
        response: { 200: z.array(AreaLevel) },
      },
    },
    () => listLevelsWithCoverage(app.db),
  );

  app.get(
    '/',
    {
      schema: {
        tags: ['Gebiete'],
        access: 'public',
        summary: 'Gebiete einer Ebene',
        querystring: LevelQuery,
        response: { 200: z.array(AreaSummary), 404: ErrorBody },
      },
    },
    (req) => listAreaSummaries(app.db, req.query.level),
  );

  app.get(
    '/geojson',
    {
      schema: {
        tags: ['Gebiete'],
        access: 'public',
        summary: 'Geometrien einer Ebene als GeoJSON',
        querystring: GeometryQuery,
        response: {
          200: fileResponse('GeoJSON (WGS84)', ['application/geo+json'], AreaFeatureCollection),
          404: ErrorBody,
        },
      },
    },
    async (req, reply) => {
      // RFC 7946 §12: GeoJSON's own media type, so GIS clients and browsers know what they get
      void reply.header('cache-control', 'no-cache').type('application/geo+json');
      return levelGeojson(app.db, req.query.level, req.query.detail);
    },
  );

  app.get(
    '/locate',
    {
      schema: {
        tags: ['Gebiete'],
        access: 'public',
        summary: 'Gebiet zu einem Punkt (WGS84)',
        querystring: LocateQuery,
        response: { 200: LocateResult, 404: ErrorBody },
      },
    },
    (req) => locate(app.db, req.query.level, req.query.lon, req.query.lat),
  );

  app.post(
    '/import',
    {
      schema: {
        tags: ['Gebiete'],
        access: 'areas.import',
        summary: 'Gebiete importieren (Shapefile, ZIP oder GeoJSON; multipart/form-data)',
        consumes: ['multipart/form-data'],
        upload: { fields: ImportAreasFields, file: { description: AREA_FILES, multiple: true } },
        response: { 200: ImportAreasResult, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 422: ErrorBody },
      },
    },
    async (req) => {
      authorize(req.user, 'areas.import');
      if (!req.isMultipart())
        throw badRequest('request.not_multipart', 'Bitte die Dateien als multipart/form-data senden.');
      const files: { name: string; data: Uint8Array }[] = [];
      const fields: Record<string, string> = {};
      for await (const part of req.parts()) {
        if (part.type === 'file') files.push({ name: part.filename, data: await part.toBuffer() });
        else if (typeof part.value === 'string') fields[part.fieldname] = part.value;
      }
      const parsed = ImportAreasFields.safeParse(fields);
      if (!parsed.success) throw badRequest('request.invalid', 'Bitte die Ebene (level) angeben.');
      if (!files.length) throw badRequest('import.no_file', 'Es wurde keine Datei hochgeladen.');
      const { level, name, validFrom, ...readOpts } = parsed.data;
      const file = await readAreaFiles(files, readOpts);
      return importAreas(app.db, file, {
        level,
        ...(name ? { levelName: name } : {}),
        validFrom,
        userId: importerId(req.user),
      });
    },
  );
};
