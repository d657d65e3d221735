/**
 * The HTTP server: Fastify with zod schemas (validation, types and OpenAPI from one source),
 * cookie sessions, the API under /api and the built web app under /.
 */
import { existsSync } from 'node:fs';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { areaRoutes } from '../areas/area.routes.ts';
import { authRoutes } from '../auth/auth.routes.ts';
import { sessionHook } from '../auth/session.ts';
import { userRoutes } from '../auth/user.routes.ts';
import { WEB_DIR } from '../core/paths.ts';
import type { Db } from '../db/db.ts';
import { analysisRoutes } from '../analysis/analysis.routes.ts';
import { coverageRoutes } from '../coverage/coverage.routes.ts';
import { normRoutes } from '../coverage/norm.routes.ts';
import { scenarioRoutes } from '../coverage/scenario.routes.ts';
import { exportRoutes } from '../exports/export.routes.ts';
import { facilityRoutes } from '../facilities/facility.routes.ts';
import { importRoutes } from '../imports/import.routes.ts';
import { indexRoutes } from '../indices/index.routes.ts';
import { indicatorRoutes } from '../indicators/indicator.routes.ts';
import { rankingRoutes } from '../planning/ranking.routes.ts';
import { projectionRoutes } from '../projection/projection.routes.ts';
import { measureRoutes } from '../measures/measure.routes.ts';
import { bodyRoutes } from '../bodies/body.routes.ts';
import { meetingRoutes } from '../bodies/meeting.routes.ts';
import { organisationRoutes } from '../bodies/organisation.routes.ts';
import { measureDocumentRoutes } from '../reports/measure-document.routes.ts';
import { remarkRoutes } from '../remarks/remark.routes.ts';
import { surveyRoutes } from '../surveys/survey.routes.ts';
import { careRoutes } from '../care/care.routes.ts';
import { warningRoutes } from '../warnings/warning.routes.ts';
import { areaProfileRoutes, profileRoutes } from '../profile/profile.routes.ts';
import { reportRoutes } from '../reports/report.routes.ts';
import { setupRoutes } from '../setup/setup.routes.ts';
import { statementRoutes } from '../statements/statement.routes.ts';
import { typologyRoutes } from '../typology/typology.routes.ts';
import { variableRoutes } from '../observations/variable.routes.ts';
import { ogcRoutes } from '../ogc/ogc.routes.ts';
import { oparlRoutes } from '../oparl/oparl.routes.ts';
import { opendataRoutes } from '../opendata/opendata.routes.ts';
import { configRoutes } from './config.routes.ts';
import { healthRoutes } from './health.routes.ts';
import { errorHandler } from './error-handler.ts';
import { localCliHook } from './local-cli.ts';
import { swaggerOptions } from './openapi.ts';
import { requireSessionHook, sameOriginHook, securityHeaders } from './security.ts';
import { registerPublicCache } from './public-cache.ts';
import { actorHook } from '../audit/audit.hook.ts';
import { auditRoutes } from '../audit/audit.routes.ts';

export interface AppOptions {
  db: Db;
  /** Optional raster tile URL template for a basemap (`LAGEBILD_TILE_URL`). */
  tileUrl?: string | null;
  /** Directory of the built web app; default `dist/web` in the checkout. */
  webDir?: string;
  logger?: boolean;
  /** Secure cookies (behind HTTPS). */
  secureCookies?: boolean;
  /** Login attempts per client address and minute (`LAGEBILD_LOGIN_LIMIT`); default 10. */
  loginLimit?: number;
  /** Failed logins per account and 15 minutes (`LAGEBILD_LOGIN_ACCOUNT_LIMIT`); default 10. */
  loginAccountLimit?: number;
  /**
   * Which proxies to trust for the client address, host and protocol (`LAGEBILD_TRUST_PROXY`):
   * true, a hop count, or addresses/CIDRs; default none.
   */
  trustProxy?: boolean | number | string;
  /** Secret of the local command line (`lagebild serve` on PGlite, see local-cli.ts); none: refused. */
  localToken?: string;
  /** One-time token for the Einrichtung from another machine (printed by `serve`); none: localhost only. */
  setupToken?: string;
}

/** JSON bodies: definitions and templates are small; files come as multipart with their own limit. */
export const JSON_BODY_LIMIT = 2 * 1024 * 1024;

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    appOptions: AppOptions;
  }
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const trust = opts.trustProxy ?? false;
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: JSON_BODY_LIMIT,
    // a hop count as the function Fastify makes of it (its types take no number here)
    trustProxy: typeof trust === 'number' ? (_address: string, hop: number) => hop < trust : trust,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.decorate('db', opts.db);
  app.decorate('appOptions', opts);

  await app.register(swagger, swaggerOptions());
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: 200 * 1024 * 1024, files: 10 } });
  app.addHook('onRequest', sameOriginHook);
  app.addHook('onRequest', sessionHook);
  if (opts.localToken) app.addHook('onRequest', localCliHook(opts.localToken));
  app.addHook('onRequest', requireSessionHook);
  app.addHook('preHandler', actorHook);
  app.addHook('onSend', securityHeaders(opts.tileUrl));
  // after the session hook: whether a response may be shared depends on who asks
  registerPublicCache(app);

  await app.register(healthRoutes, { prefix: '/api' });
  await app.register(configRoutes, { prefix: '/api' });
  await app.register(setupRoutes, { prefix: '/api' });
  await app.register(authRoutes, { prefix: '/api/auth' });
  await app.register(userRoutes, { prefix: '/api/users' });
  await app.register(auditRoutes, { prefix: '/api/audit' });
  await app.register(areaRoutes, { prefix: '/api/areas' });
  await app.register(areaProfileRoutes, { prefix: '/api/areas' });
  await app.register(indicatorRoutes, { prefix: '/api/indicators' });
  await app.register(exportRoutes, { prefix: '/api/exports' });
  await app.register(variableRoutes, { prefix: '/api/variables' });
  await app.register(facilityRoutes, { prefix: '/api' });
  await app.register(normRoutes, { prefix: '/api' });
  await app.register(coverageRoutes, { prefix: '/api' });
  await app.register(scenarioRoutes, { prefix: '/api' });
  await app.register(rankingRoutes, { prefix: '/api/planning' });
  await app.register(projectionRoutes, { prefix: '/api/projection' });
  await app.register(measureRoutes, { prefix: '/api/measures' });
  await app.register(organisationRoutes, { prefix: '/api/organisations' });
  await app.register(bodyRoutes, { prefix: '/api/bodies' });
  await app.register(meetingRoutes, { prefix: '/api' });
  await app.register(measureDocumentRoutes, { prefix: '/api/measures' });
  await app.register(surveyRoutes, { prefix: '/api/surveys' });
  await app.register(remarkRoutes, { prefix: '/api/remarks' });
  await app.register(careRoutes, { prefix: '/api/care' });
  await app.register(statementRoutes, { prefix: '/api' });
  await app.register(importRoutes, { prefix: '/api/imports' });
  await app.register(indexRoutes, { prefix: '/api/indices' });
  await app.register(warningRoutes, { prefix: '/api/monitoring' });
  await app.register(typologyRoutes, { prefix: '/api/typology' });
  await app.register(profileRoutes, { prefix: '/api/profiles' });
  await app.register(analysisRoutes, { prefix: '/api/analysis' });
  await app.register(reportRoutes, { prefix: '/api/reports' });
  await app.register(ogcRoutes, { prefix: '/ogc' });
  await app.register(oparlRoutes, { prefix: '/oparl/v1' });
  await app.register(opendataRoutes, { prefix: '/api/opendata' });

  const webDir = opts.webDir ?? WEB_DIR;
  if (existsSync(webDir)) {
    await app.register(fastifyStatic, { root: webDir, wildcard: false });
    // Client-side routes: any non-API GET serves the app shell.
    app.setNotFoundHandler((req, reply) => {
      // Paths with a file extension are assets: a missing one is a 404, never the app shell
      // (else a stale page would load HTML as JavaScript after a rebuild).
      const path = req.url.split('?')[0] ?? '';
      if (req.method === 'GET' && !path.startsWith('/api/') && !/\.[a-z0-9]+$/i.test(path))
        return reply.sendFile('index.html');
      return reply.status(404).send({ code: 'not_found', message: 'Nicht gefunden.' });
    });
  } else {
    app.get('/', { schema: { hide: true } }, () => ({ message: 'Web-App nicht gebaut: npm run build:web' }));
  }
  return app;
}
