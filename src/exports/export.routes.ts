import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fileResponse, sendFile } from '../core/file-response.ts';
import { exportValues } from './export.service.ts';

const ExportQuery = z.object({
  indicator: z.string().min(1),
  level: z.string().min(1),
  date: z
    .string()
    .regex(/^\d{4}(-\d{2}-\d{2})?$/)
    .describe('Stichtag YYYY-MM-DD or a year'),
  format: z
    .enum(['csv', 'xlsx', 'json', 'geojson', 'shp', 'gpkg'])
    .default('csv')
    .describe(
      "csv, xlsx, json; with the areas' geometries (WGS84): geojson, shp (ZIP with .shp .shx .dbf .prj .cpg), gpkg (GeoPackage)",
    ),
});

export const exportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/values',
    {
      schema: {
        tags: ['Export'],
        access: 'optional',
        summary:
          'Indikatorwerte als CSV, XLSX, JSON oder mit Geometrien als GeoJSON, Shapefile oder GeoPackage (öffentlich: geheimhaltungsgeprüft, ohne Fallzahlen)',
        querystring: ExportQuery,
        response: {
          200: fileResponse('Die Datei im gewählten Format', [
            'text/csv',
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            'application/json',
            'application/geo+json',
            'application/zip',
            'application/geopackage+sqlite3',
          ]),
        },
      },
    },
    async (req, reply) => sendFile(reply, await exportValues(app.db, req.user, req.query)),
  );
};
