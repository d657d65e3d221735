/**
 * Request guards and response headers that protect the session cookie and the pages:
 * - same-origin check for state-changing API requests (CSRF),
 * - state-changing API requests without a session are refused before their body is read,
 * - security headers (CSP, framing, MIME sniffing, referrer) on every response.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LagebildError, unauthorized } from '../core/errors.ts';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** State-changing routes that anonymous visitors may call: they carry tiny bodies (own limits). */
const OPEN_MUTATIONS = new Set([
  '/api/auth/login',
  '/api/auth/logout',
  // the first administrator is created here; the route itself admits only loopback or a token
  '/api/setup',
  // Beteiligung: answers behind a survey's secret link and remarks on the map (route patterns)
  '/api/surveys/public/:token/responses',
  '/api/remarks',
]);

const pathOf = (req: FastifyRequest) => req.url.split('?')[0] ?? '';
const isMutatingApi = (req: FastifyRequest) => MUTATING.has(req.method) && pathOf(req).startsWith('/api/');

const crossOrigin = () =>
  new LagebildError(
    'request.cross_origin',
    'Anfrage abgelehnt: Änderungen sind nur von den Seiten dieser Anwendung aus möglich.',
    403,
  );

/** `host[:port]` with the scheme's default port left out, lower case. */
function normalHost(host: string, protocol: string): string | null {
  try {
    return new URL(`${protocol}://${host}`).host.toLowerCase();
  } catch {
    return null;
  }
}

/**
 * True when a state-changing request may come from where it says it comes from.
 * Browsers send `Sec-Fetch-Site` (and `Origin`) on every cross-origin POST; a request with
 * neither comes from a program (CLI, curl, tests) that holds its own credentials.
 * `same-site` is refused too: a page on another port of the same host is another origin.
 */
export function sameOriginAllowed(headers: {
  secFetchSite?: string;
  origin?: string;
  host: string;
  protocol: string;
}): boolean {
  const site = headers.secFetchSite?.toLowerCase();
  if (site) return site === 'same-origin' || site === 'none';
  if (headers.origin === undefined) return true;
  let origin: URL;
  try {
    origin = new URL(headers.origin);
  } catch {
    return false; // includes `Origin: null` (sandboxed frames, opaque origins)
  }
  const own = normalHost(headers.host, headers.protocol);
  return own !== null && origin.host.toLowerCase() === own;
}

const header = (req: FastifyRequest, name: string) => {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** onRequest: refuses cross-origin state-changing API requests with 403. */
export async function sameOriginHook(req: FastifyRequest) {
  if (!isMutatingApi(req)) return;
  const ok = sameOriginAllowed({
    secFetchSite: header(req, 'sec-fetch-site'),
    origin: header(req, 'origin'),
    host: req.host,
    protocol: req.protocol,
  });
  if (!ok) throw crossOrigin();
}

/**
 * onRequest, after the session is known: a state-changing API request without a session gets
 * 401 before its body is read, so anonymous clients cannot make the server take in large bodies.
 */
export async function requireSessionHook(req: FastifyRequest) {
  if (!isMutatingApi(req) || OPEN_MUTATIONS.has(pathOf(req))) return;
  // the matched route's pattern: a path with parameters is open as a whole
  if (OPEN_MUTATIONS.has((req.routeOptions.url ?? '').replace(/(.)\/$/, '$1'))) return;
  if (!req.user) throw unauthorized();
}

/** The origin of a tile URL template (`https://tile.example.org/{z}/{x}/{y}.png`), or null. */
export function tileOrigin(tileUrl: string | null | undefined): string | null {
  if (!tileUrl) return null;
  try {
    const url = new URL(tileUrl.replace(/\{[a-z]+\}/gi, '0'));
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : null;
  } catch {
    return null;
  }
}

/**
 * The Content-Security-Policy of the web app. MapLibre runs its worker from a blob URL and
 * decodes tiles into blob images; ECharts and React set inline styles; the app frames no one and
 * is framed by no one (report previews set their own policy, see reports/report.routes.ts).
 */
export function appCsp(tileUrl: string | null | undefined): string {
  const tiles = tileOrigin(tileUrl);
  const extra = tiles ? ` ${tiles}` : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${extra}`,
    `connect-src 'self'${extra}`,
    "worker-src 'self' blob:",
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-src 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Swagger UI at /api/docs: its own scripts and styles, images as data URLs. */
const DOCS_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** onSend: security headers on every response; a route that set its own CSP keeps it. */
export function securityHeaders(tileUrl: string | null | undefined) {
  const csp = appCsp(tileUrl);
  return async (req: FastifyRequest, reply: FastifyReply) => {
    void reply.header('x-content-type-options', 'nosniff');
    void reply.header('referrer-policy', 'same-origin');
    if (!reply.hasHeader('x-frame-options')) void reply.header('x-frame-options', 'DENY');
    if (!reply.hasHeader('content-security-policy'))
      void reply.header('content-security-policy', pathOf(req).startsWith('/api/docs') ? DOCS_CSP : csp);
  };
}
