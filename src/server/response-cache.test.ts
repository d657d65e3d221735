import { describe, expect, it } from 'vitest';
import { acceptsGzip, matches } from './public-cache.ts';
import { freshShared, ResponseCache, type CachedResponse } from './response-cache.ts';

const response = (version: number, bytes: number): CachedResponse => ({
  version,
  contentType: 'application/json',
  body: Buffer.alloc(bytes),
  gzip: null,
  etag: `W/"${version}-${bytes}"`,
});

const put = (cache: ResponseCache, key: string, r: CachedResponse) => cache.begin(key)(r);

describe('ResponseCache', () => {
  it('drops the least recently used responses once the bytes exceed the budget', () => {
    const cache = new ResponseCache(1000);
    put(cache, 'a', response(1, 200));
    put(cache, 'b', response(1, 200));
    put(cache, 'c', response(1, 200));
    expect(cache.get('a')).toBeDefined(); // a is now the most recent
    put(cache, 'd', response(1, 200));
    put(cache, 'e', response(1, 200));
    expect(cache.bytes).toBe(1000);
    put(cache, 'f', response(1, 200));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.bytes).toBe(1000);
    expect(cache.size).toBe(5);
  });

  it('does not keep a response larger than a quarter of the budget', () => {
    const cache = new ResponseCache(1000);
    put(cache, 'big', response(1, 251));
    expect(cache.get('big')).toBeUndefined();
    expect(cache.bytes).toBe(0);
  });

  it('lets concurrent callers wait for the one computing a key', async () => {
    const cache = new ResponseCache(1000);
    const settle = cache.begin('k');
    const waiting = cache.pending('k');
    expect(waiting).toBeDefined();
    const r = response(1, 10);
    settle(r);
    settle(null); // later calls are ignored
    expect(await waiting).toBe(r);
    expect(cache.pending('k')).toBeUndefined();
    expect(cache.get('k')).toBe(r);
  });

  it('tells waiters when the computation gave nothing to keep', async () => {
    const cache = new ResponseCache(1000);
    const settle = cache.begin('k');
    const waiting = cache.pending('k');
    settle(null);
    expect(await waiting).toBeNull();
    expect(cache.get('k')).toBeUndefined();
  });

  it('forgets responses of older data versions when a newer one is seen', () => {
    const cache = new ResponseCache(1000);
    put(cache, '1|a', response(1, 100));
    put(cache, '2|a', response(2, 100));
    cache.observeVersion(2);
    expect(cache.get('1|a')).toBeUndefined();
    expect(cache.get('2|a')).toBeDefined();
    expect(cache.bytes).toBe(100);
    // a response computed at an old version that finishes late is not kept
    put(cache, '1|b', response(1, 100));
    expect(cache.get('1|b')).toBeUndefined();
  });
});

describe('freshShared', () => {
  const tick = () => new Promise((r) => setImmediate(r));

  it('shares queries, but every caller gets one started after its call', async () => {
    let started = 0;
    const gates: (() => void)[] = [];
    const read = freshShared(
      () =>
        new Promise<number>((resolve) => {
          const n = ++started;
          gates.push(() => resolve(n));
        }),
    );
    const first = read();
    const alsoFirst = read(); // same turn of the event loop: not started yet, so it joins
    await tick();
    expect(started).toBe(1);
    const second = read(); // arrives while query 1 runs: must not get its answer
    const third = read();
    gates[0]!();
    expect(await first).toBe(1);
    expect(await alsoFirst).toBe(1);
    await tick();
    expect(started).toBe(2);
    gates[1]!();
    expect(await second).toBe(2);
    expect(await third).toBe(2);
    const fourth = read();
    await tick();
    expect(started).toBe(3);
    gates[2]!();
    expect(await fourth).toBe(3);
  });

  it('passes errors to the callers of that query only', async () => {
    let fail = true;
    const read = freshShared(() => (fail ? Promise.reject(new Error('down')) : Promise.resolve(7)));
    const failing = read();
    await expect(failing).rejects.toThrow('down');
    fail = false;
    expect(await read()).toBe(7);
  });
});

describe('conditional requests and encodings', () => {
  it('compares ETags weakly and understands lists and *', () => {
    expect(matches('W/"a"', 'W/"a"')).toBe(true);
    expect(matches('"a"', 'W/"a"')).toBe(true);
    expect(matches('W/"x", W/"a"', 'W/"a"')).toBe(true);
    expect(matches('*', 'W/"a"')).toBe(true);
    expect(matches('W/"b"', 'W/"a"')).toBe(false);
    expect(matches(undefined, 'W/"a"')).toBe(false);
  });

  it('takes gzip unless refused with q=0', () => {
    expect(acceptsGzip('gzip, deflate, br')).toBe(true);
    expect(acceptsGzip('br;q=1.0, gzip;q=0.8')).toBe(true);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('identity')).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});
