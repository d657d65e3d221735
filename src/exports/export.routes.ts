import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { exportValues } from './export.service.ts';

const ExportQuery = z.object({
  indicator: z.string().min(1),
  level: z.string().min(1),
  date: z
    .string()
    .regex(/^\d{4}(-\d{2}-\d{2})?$/)
    .describe('Stichtag YYYY-MM-DD or a year'),
  format: z.enum(['csv', 'xlsx', 'json']).default('csv'),
});

export const exportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/values',
    {
      schema: {
        tags: ['Export'],
        summary:
          'Indikatorwerte als CSV, XLSX oder JSON (öffentlich: geheimhaltungsgeprüft, ohne Fallzahlen)',
        querystring: ExportQuery,
        // No response schema: the body is a file (text or binary); errors are ErrorBody as everywhere.
      },
    },
    async (req, reply) => {
      const file = await exportValues(app.db, req.user, req.query);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(typeof file.body === 'string' ? file.body : Buffer.from(file.body));
    },
  );
};
