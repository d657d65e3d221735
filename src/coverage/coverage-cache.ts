/**
 * What coverage computes once per data version and keeps: population grids of levels, the areas
 * facilities lie in, the reach of facility sets (cost tables, cells within walking distance).
 * Kept per database and keyed by the data version read from it, so a write by any process makes
 * the next request start afresh; at most `MAX_ENTRIES` results per version (scenarios make new
 * facility sets), least recently used dropped.
 */
import { dataVersion } from '../db/data-version.ts';
import type { Db } from '../db/db.ts';

// Every norm keeps per Stichtag its facilities and their reach (and a supply property its own
// facility list): the built-in norms over ten Stichtage need about a hundred entries, and an LRU
// smaller than one round of them drops every entry before it is used again.
const MAX_ENTRIES = 256;

interface PerDb {
  version: string;
  entries: Map<string, Promise<unknown>>;
}

const caches = new WeakMap<Db, PerDb>();

/** A cache for the current data version of `db`. */
export async function versionCache(db: Db) {
  const version = await dataVersion(db);
  let c = caches.get(db);
  if (!c || c.version !== version) caches.set(db, (c = { version, entries: new Map() }));
  const entries = c.entries;
  return {
    /** The value of `key`, computed by `make` on first use (concurrent callers share it). */
    get<T>(key: string, make: () => Promise<T> | T): Promise<T> {
      const hit = entries.get(key) as Promise<T> | undefined;
      if (hit) {
        entries.delete(key);
        entries.set(key, hit);
        return hit;
      }
      const p = Promise.resolve().then(make);
      entries.set(key, p);
      p.catch(() => entries.delete(key));
      while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
      return p;
    },
  };
}
export type VersionCache = Awaited<ReturnType<typeof versionCache>>;

/**
 * A short fingerprint of a list of numbers (two FNV-1a-style hashes over their text), for cache
 * keys of facility sets without keeping their full text.
 */
export function fingerprint(values: ArrayLike<number>): string {
  let h = 0x811c9dc5;
  let g = 0x9747b28c;
  for (let i = 0; i < values.length; i++) {
    const s = `${values[i]},`;
    for (let k = 0; k < s.length; k++) {
      const c = s.charCodeAt(k);
      h = Math.imul(h ^ c, 0x01000193) >>> 0;
      g = Math.imul(g ^ c, 0x5bd1e995) >>> 0;
    }
  }
  return `${values.length}:${h.toString(36)}:${g.toString(36)}`;
}
