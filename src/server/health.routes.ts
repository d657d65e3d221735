/**
 * Liveness and readiness for whoever runs the servers (a load balancer, systemd, Kubernetes):
 * `/api/health` says the process answers, without touching the database; `/api/ready` says this
 * process can serve: its database answers and has every migration this version needs. During a
 * rolling update, a process of a newer version on a database not yet migrated is not ready.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { dataVersion } from '../db/data-version.ts';
import { pendingMigrations } from '../db/migrate.ts';

const Health = z.object({ ok: z.literal(true) });
const Ready = z.object({
  ready: z.boolean(),
  database: z.enum(['pglite', 'postgres']),
  dataVersion: z.string().nullable().describe('Version of the data behind public outputs'),
  pendingMigrations: z.array(z.string()).describe('Migrations the database still lacks'),
  problem: z.string().nullable().describe('Why the process is not ready (German)'),
});

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    {
      schema: {
        tags: ['Betrieb'],
        access: 'public',
        summary: 'Lebenszeichen des Prozesses (ohne Datenbank)',
        response: { 200: Health },
      },
    },
    () => ({ ok: true as const }),
  );

  app.get(
    '/ready',
    {
      schema: {
        tags: ['Betrieb'],
        access: 'public',
        summary: 'Bereitschaft: Datenbank erreichbar und auf dem Stand dieser Version',
        response: { 200: Ready, 503: Ready },
      },
    },
    async (_req, reply) => {
      const database = app.db.kind;
      try {
        const [version, pending] = await Promise.all([dataVersion(app.db), pendingMigrations(app.db)]);
        const ready = pending.length === 0;
        return reply.status(ready ? 200 : 503).send({
          ready,
          database,
          dataVersion: version,
          pendingMigrations: pending,
          problem: ready ? null : `Der Datenbank fehlen ${pending.length} Migration(en) dieser Version.`,
        });
      } catch (err) {
        return reply.status(503).send({
          ready: false,
          database,
          dataVersion: null,
          pendingMigrations: [],
          problem: `Die Datenbank antwortet nicht: ${err instanceof Error ? err.message : String(err)}`,
        });
      }
    },
  );
};
