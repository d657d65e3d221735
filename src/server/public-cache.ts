/**
 * Prepared public reads: the serialized responses of the public GET routes the atlas reads, for
 * everyone who gets disclosure-protected values (anonymous visitors and viewers), kept per
 * (data version, role, URL) and computed once per key. The data version comes from the database
 * on every request (see `dataVersion`), so any write — from this process or another one on the
 * same PostgreSQL — makes the next request compute afresh. Responses carry a weak ETag and
 * `Cache-Control: private, no-cache`, so browsers revalidate and get 304 while nothing changed.
 *
 * Planners (unprotected values, also a scoped planner's own municipality) never pass through this cache, and their responses on these
 * routes are marked `no-store`, so neither this process nor a browser can hand them to anyone else.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isScoped } from '../auth/scope.ts';
import { seesUnprotected } from '../indicators/indicator.service.ts';
import { dataVersion } from '../db/data-version.ts';
import { freshShared, ResponseCache, type CachedResponse, type Settle } from './response-cache.ts';

const gzipAsync = promisify(gzip);

/**
 * The cacheable routes (Fastify route patterns): public reads whose response depends only on the
 * database, the URL and whether the reader sees protected values. `anonymousOnly`: the response
 * names the logged-in user, so only anonymous requests are shared. Without trailing slashes:
 * a prefix's root route answers with and without one.
 */
const CACHEABLE = new Map<string, { anonymousOnly?: true }>([
  ['/api/config', { anonymousOnly: true }],
  ['/api/areas/levels', {}],
  ['/api/areas', {}],
  ['/api/areas/geojson', {}],
  ['/api/areas/:level/:id/profile', {}],
  ['/api/variables', {}],
  ['/api/indicators', {}],
  ['/api/indicators/:key', {}],
  ['/api/indicators/:key/values', {}],
  ['/api/indicators/:key/series', {}],
  ['/api/profiles/:level/:key', {}],
  ['/api/indices', {}],
  ['/api/indices/:key', {}],
  ['/api/indices/:key/result', {}],
  ['/api/indices/:key/robustness', {}],
  ['/api/indices/:key/history', {}],
  ['/api/monitoring/warnings', {}],
  ['/api/monitoring/changes', {}],
  ['/api/monitoring/rules', {}],
  ['/api/typology/clusters', {}],
  ['/api/typology/similar', {}],
  ['/api/typology/compare', {}],
  ['/api/projection/runs', {}],
  ['/api/projection/runs/:id', {}],
  ['/api/projection/runs/:id/values', {}],
  ['/api/measures', {}],
  ['/api/measures/:id', {}],
  // a thousand placebo runs per request: computed once per data version for the public
  ['/api/measures/:id/goals/:goal/effect', {}],
]);

/** The route patterns the cache serves (for tests that each one exists). */
export const cacheableRoutes = (): string[] => [...CACHEABLE.keys()];

const ruleOf = (req: FastifyRequest) =>
  req.method === 'GET' ? CACHEABLE.get((req.routeOptions.url ?? '').replace(/(.)\/$/, '$1')) : undefined;

/**
 * Responses only this user may get: planners' unprotected ones, and a scoped planner's, whose own
 * municipality is unprotected in them (the cache key knows the role, not the scope).
 */
const personal = (req: FastifyRequest) => seesUnprotected(req.user) || isScoped(req.user);

/** Bodies below this size are sent as they are: gzip would save little and cost a round of zlib. */
const GZIP_MIN_BYTES = 1024;

export interface PublicCacheOptions {
  /** Memory budget for the kept responses (bodies and their gzip forms); default 64 MiB. */
  maxBytes?: number;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set while this request computes a cacheable response that others may wait for. */
    publicCacheLead?: { settle: Settle; version: number };
  }
}

/** Adds the cache hooks to `app`; must come after the hook that sets `request.user`. */
export function registerPublicCache(app: FastifyInstance, options: PublicCacheOptions = {}): ResponseCache {
  const cache = new ResponseCache(options.maxBytes ?? 64 * 1024 * 1024);
  const readVersion = freshShared(async () => Number(await dataVersion(app.db)));

  app.addHook('onRequest', async (req, reply) => {
    const rule = ruleOf(req);
    if (!rule || personal(req) || (rule.anonymousOnly && req.user)) return;
    const version = await readVersion();
    cache.observeVersion(version);
    const key = `${version}|${req.user?.role ?? 'anonymous'}|${req.url}`;
    for (let round = 0; ; round++) {
      const ready = cache.get(key);
      if (ready) return send(req, reply, ready);
      const pending = cache.pending(key);
      if (!pending) {
        // No await between the look-up and begin(): concurrent requests wait for this one.
        req.publicCacheLead = { settle: cache.begin(key), version };
        return;
      }
      const shared = await pending;
      if (shared) return send(req, reply, shared);
      // Nothing to share: the client computing it left (then one of those waiting takes over),
      // or it was an error (which each request then meets on its own, uncached).
      if (round > 0) return;
    }
  });

  app.addHook('onSend', async (req, reply, payload) => {
    if (ruleOf(req) && personal(req)) void reply.header('cache-control', 'private, no-store');
    const lead = req.publicCacheLead;
    if (!lead) return payload;
    req.publicCacheLead = undefined;
    const body =
      typeof payload === 'string' ? Buffer.from(payload) : Buffer.isBuffer(payload) ? payload : null;
    if (reply.statusCode !== 200 || body === null) {
      lead.settle(null);
      return payload;
    }
    try {
      const response = await prepare(lead.version, String(reply.getHeader('content-type') ?? ''), body);
      lead.settle(response);
      headers(reply, response, 'miss');
      return encoded(req, reply, response);
    } catch (err) {
      lead.settle(null);
      throw err;
    }
  });

  // A request that ends without sending (client gone, hook failed) must not leave others waiting.
  const release = (req: FastifyRequest) => {
    req.publicCacheLead?.settle(null);
    req.publicCacheLead = undefined;
  };
  app.addHook('onResponse', async (req) => release(req));
  app.addHook('onRequestAbort', async (req) => release(req));
  return cache;
}

async function prepare(version: number, contentType: string, body: Buffer): Promise<CachedResponse> {
  const etag = `W/"${createHash('sha1').update(body).digest('base64url')}"`;
  // zlib runs on the thread pool, so a large geometry does not hold up other requests
  const gzip = body.byteLength >= GZIP_MIN_BYTES ? await gzipAsync(body) : null;
  return { version, contentType, body, gzip, etag };
}

function headers(reply: FastifyReply, r: CachedResponse, state: 'hit' | 'miss') {
  void reply
    .header('etag', r.etag)
    .header('cache-control', 'private, no-cache')
    .header('vary', 'Cookie, Accept-Encoding')
    .header('x-cache', state)
    .header('content-type', r.contentType);
}

function send(req: FastifyRequest, reply: FastifyReply, r: CachedResponse) {
  headers(reply, r, 'hit');
  if (matches(req.headers['if-none-match'], r.etag)) return reply.code(304).send();
  return reply.send(encoded(req, reply, r));
}

/** The gzip body when the client takes it (and one exists), else the plain body. */
function encoded(req: FastifyRequest, reply: FastifyReply, r: CachedResponse): Buffer {
  if (r.gzip && acceptsGzip(req.headers['accept-encoding'])) {
    void reply.header('content-encoding', 'gzip');
    return r.gzip;
  }
  return r.body;
}

/**
 * Weak comparison of `If-None-Match` with an ETag (RFC 9110 §13.1.2).
 * @example matches('W/"a", W/"b"', 'W/"b"') // true
 */
export function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => t.trim() === '*' || opaque(t) === opaque(etag));
}

/**
 * Whether `Accept-Encoding` allows gzip (not refused with `q=0`).
 * @example acceptsGzip('gzip, deflate, br') // true
 */
export function acceptsGzip(acceptEncoding: string | string[] | undefined): boolean {
  const value = Array.isArray(acceptEncoding) ? acceptEncoding.join(',') : (acceptEncoding ?? '');
  return value.split(',').some((part) => {
    const [coding = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    if (coding !== 'gzip' && coding !== '*') return false;
    const q = params.find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}
