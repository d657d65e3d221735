/**
 * The local command line as a principal. A server on a PGlite directory holds it alone, so the
 * CLI of the same installation sends its writes to the server instead (cli/forward.ts). There
 * are no fixed credentials: the server makes a random token at start, writes it into the
 * directory's lock file (mode 0600, readable only by the user running the server) and accepts
 * it in a header only from the loopback address, and only on the routes the CLI forwards to.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { LOCAL_CLI_USER } from '../auth/local-cli-user.ts';
import { LagebildError } from '../core/errors.ts';

export const LOCAL_TOKEN_HEADER = 'x-lagebild-local-token';

/** `METHOD url-pattern` of the routes the local CLI may use: its writes and what they look up. */
const FORWARDED_ROUTES = new Set([
  'POST /api/imports/table',
  'POST /api/imports/microdata',
  'POST /api/areas/import',
  'GET /api/areas/levels',
  'POST /api/areas/derive',
  'GET /api/variables/overview',
  'PUT /api/variables/sums',
  'POST /api/setup',
  'PUT /api/city',
  'DELETE /api/variables/:key/sum',
  'POST /api/facilities/import',
  'GET /api/facility-types',
  'GET /api/facilities/count',
  'GET /api/facilities/export',
  'GET /api/norms',
  'GET /api/norms/:key',
  'POST /api/norms',
  'PATCH /api/norms/:key',
  'GET /api/coverage',
  'GET /api/coverage/forecast',
  'GET /api/planning/ranking',
  'POST /api/coverage/accessibility',
  'GET /api/travel-matrices',
  'POST /api/travel-matrices/import',
  'GET /api/scenarios',
  'GET /api/scenarios/:name',
  'POST /api/scenarios',
  'POST /api/scenarios/:name/changes',
  'DELETE /api/scenarios/:name/changes/:id',
  'DELETE /api/scenarios/:name',
  'POST /api/statements/compute',
  'GET /api/projection/population',
  'GET /api/projection/runs',
  'POST /api/projection/runs',
  'PATCH /api/projection/runs/:id',
  'DELETE /api/projection/runs/:id',
  'GET /api/care/plan',
]);

/** True when the local CLI may call `METHOD url-pattern` (`PUT /api/city`); the OpenAPI document lists it. */
export const isLocalCliRoute = (method: string, url: string): boolean =>
  FORWARDED_ROUTES.has(`${method} ${url}`);

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

function sameToken(presented: string, token: string): boolean {
  const a = Buffer.from(presented);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * onRequest hook after the session hook: a request with the local token header becomes the local
 * CLI principal; a wrong token, another address or another route is refused (401), never
 * silently treated as anonymous.
 */
export function localCliHook(token: string) {
  return async (req: FastifyRequest): Promise<void> => {
    const presented = req.headers[LOCAL_TOKEN_HEADER];
    if (presented === undefined) return;
    const ok =
      typeof presented === 'string' &&
      LOOPBACK.test(req.socket.remoteAddress ?? '') &&
      // a reverse proxy on this host forwards remote clients from loopback; they never qualify
      req.headers['x-forwarded-for'] === undefined &&
      req.headers.forwarded === undefined &&
      isLocalCliRoute(req.method, req.routeOptions.url ?? '') &&
      sameToken(presented, token);
    if (!ok)
      throw new LagebildError(
        'auth.local_token_rejected',
        'Der lokale Zugang der Kommandozeile wurde abgelehnt (falsches Token, nicht von diesem Rechner oder nicht für diese Anfrage).',
        401,
      );
    req.user = LOCAL_CLI_USER;
  };
}
