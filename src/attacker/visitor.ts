/**
 * An anonymous visitor: GET requests without a cookie, each URL fetched once. The transport is a
 * function, so the same attacker runs against `app.inject` in tests or a real server over HTTP.
 */

/** One GET response as the visitor receives it. */
export interface Response {
  status: number;
  type: string;
  body: string;
}

/** Sends one anonymous GET request. */
export type Transport = (url: string) => Promise<Response>;

/** A transport over a Fastify app's `inject` (no cookie, as a visitor). */
export function injectTransport(app: {
  inject: (o: { method: 'GET'; url: string }) => Promise<{
    statusCode: number;
    headers: Record<string, unknown>;
    body: string;
  }>;
}): Transport {
  return async (url) => {
    const res = await app.inject({ method: 'GET', url });
    const type = res.headers['content-type'];
    return { status: res.statusCode, type: typeof type === 'string' ? type : '', body: res.body };
  };
}

/** Caching visitor; counts requests and the time spent waiting for them. */
export class Visitor {
  private readonly cache = new Map<string, Promise<Response>>();
  requests = 0;
  ms = 0;

  constructor(private readonly transport: Transport) {}

  get(url: string): Promise<Response> {
    let r = this.cache.get(url);
    if (!r) {
      this.requests++;
      const t0 = performance.now();
      r = this.transport(url).then((res) => {
        this.ms += performance.now() - t0;
        return res;
      });
      this.cache.set(url, r);
    }
    return r;
  }

  /** The JSON body of a 200 response; throws otherwise (the frame routes must answer). */
  async json(url: string): Promise<unknown> {
    const r = await this.get(url);
    if (r.status !== 200) throw new Error(`GET ${url}: ${r.status} ${r.body.slice(0, 200)}`);
    return JSON.parse(r.body) as unknown;
  }
}

type Json = Record<string, unknown>;

/** The value as an object ({} when it is none). */
export const obj = (x: unknown): Json =>
  typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Json) : {};
/** The value as an array ([] when it is none). */
export const arr = (x: unknown): unknown[] => (Array.isArray(x) ? (x as unknown[]) : []);
/** The value as a string ('' when it is none). */
export const str = (x: unknown): string =>
  typeof x === 'string' ? x : typeof x === 'number' ? String(x) : '';
/** The value as a finite number, else null. */
export const num = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);
