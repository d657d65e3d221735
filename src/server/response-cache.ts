/**
 * Serialized responses kept in memory, least recently used dropped first once their bytes exceed
 * a budget, with request coalescing: while one request computes a key, others wait for it
 * instead of computing the same response again.
 */

/** A response as sent: the body, its gzip form (bodies of 1 KB and more) and its validator. */
export interface CachedResponse {
  /** Data version the response was computed at. */
  version: number;
  contentType: string;
  body: Buffer;
  gzip: Buffer | null;
  /** Weak ETag over the body, e.g. `W/"3q2-…"`. */
  etag: string;
}

/** Settles a computation begun with {@link ResponseCache.begin}: the response, or null if not cacheable. */
export type Settle = (response: CachedResponse | null) => void;

const size = (r: CachedResponse) => r.body.byteLength + (r.gzip?.byteLength ?? 0);

export class ResponseCache {
  /** Map order is recency: the first entry is the least recently used. */
  readonly #entries = new Map<string, CachedResponse>();
  readonly #pending = new Map<string, Promise<CachedResponse | null>>();
  #bytes = 0;
  #newestVersion = -Infinity;

  /** @param maxBytes budget for all bodies; a single response above a quarter of it is not kept */
  constructor(readonly maxBytes: number) {}

  get bytes(): number {
    return this.#bytes;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** The response under `key`, marked as most recently used. */
  get(key: string): CachedResponse | undefined {
    const hit = this.#entries.get(key);
    if (hit) {
      this.#entries.delete(key);
      this.#entries.set(key, hit);
    }
    return hit;
  }

  /** The computation of `key` another request has begun, if any. */
  pending(key: string): Promise<CachedResponse | null> | undefined {
    return this.#pending.get(key);
  }

  /**
   * Announces that the caller computes `key`; later callers wait on {@link pending}. The returned
   * function must be called exactly once in the end (later calls are ignored).
   */
  begin(key: string): Settle {
    let resolve!: (r: CachedResponse | null) => void;
    this.#pending.set(key, new Promise((r) => (resolve = r)));
    let settled = false;
    return (response) => {
      if (settled) return;
      settled = true;
      this.#pending.delete(key);
      if (response) this.#put(key, response);
      resolve(response);
    };
  }

  /**
   * Forgets every response computed before `version` once a newer version is seen: nobody asks
   * for them again, and the budget is better spent on the current ones.
   */
  observeVersion(version: number): void {
    if (version <= this.#newestVersion) return;
    this.#newestVersion = version;
    for (const [key, r] of this.#entries) if (r.version < version) this.#delete(key, r);
  }

  #put(key: string, response: CachedResponse) {
    if (response.version < this.#newestVersion || size(response) > this.maxBytes / 4) return;
    const old = this.#entries.get(key);
    if (old) this.#delete(key, old);
    this.#entries.set(key, response);
    this.#bytes += size(response);
    for (const [k, r] of this.#entries) {
      if (this.#bytes <= this.maxBytes) break;
      this.#delete(k, r);
    }
  }

  #delete(key: string, response: CachedResponse) {
    this.#entries.delete(key);
    this.#bytes -= size(response);
  }
}

/**
 * Wraps a read so that concurrent callers share queries, while every caller still gets a result
 * read after its call: callers join a query only while it has not started. A query starts once
 * the previous one is done, and not before the current turn of the event loop has taken in every
 * request that is ready — an embedded database answers synchronously, so without this wait no two
 * requests would ever meet. Under load this is one query per batch of requests, not per request.
 * @example const version = freshShared(() => dataVersion(db)); await version();
 */
export function freshShared<T>(read: () => Promise<T>): () => Promise<T> {
  let running: Promise<unknown> | null = null;
  let queued: Promise<T> | null = null;
  return () => {
    if (queued) return queued;
    const mine = new Promise<T>((resolve, reject) => {
      const start = () => {
        queued = null;
        const p = read();
        running = p;
        const done = () => {
          if (running === p) running = null;
        };
        p.then(done, done);
        p.then(resolve, reject);
      };
      if (running) void running.then(start, start);
      else setImmediate(start);
    });
    queued = mine;
    return mine;
  };
}
