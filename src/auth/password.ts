/**
 * Password hashing with Node's scrypt (memory-hard; no native dependency).
 * Stored format: `scrypt$N$r$p$salt$hash` (base64url), so parameters can be raised later:
 * `needsRehash` tells the login to store a new hash when the stored one is weaker.
 *
 * Parameters follow the OWASP Password Storage Cheat Sheet (scrypt N=2^17, r=8, p=1: 128 MiB
 * and a few hundred milliseconds per hash).
 */
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

export const PARAMS: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };
const KEYLEN = 32;
/** Stored hashes above this cost are refused rather than computed (a crafted row must not stall). */
const MAX_N = 2 ** 20;
/** scrypt needs 128·N·r bytes; Node refuses anything above `maxmem` (default 32 MiB). */
const maxmemFor = (o: ScryptParams) => 128 * o.N * o.r + 16 * 1024 * 1024;

// Each hash holds 128 MiB while it runs: at most two at a time, so a burst of logins queues
// instead of taking the server's memory.
const MAX_CONCURRENT = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function limited<T>(fn: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await fn();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

const scrypt = (password: string, salt: Buffer, keylen: number, opts: ScryptParams) =>
  limited(
    () =>
      new Promise<Buffer>((resolve, reject) =>
        scryptCb(
          password,
          salt,
          keylen,
          { ...opts, maxmem: maxmemFor(opts) } satisfies ScryptOptions,
          (err, key) => (err ? reject(err) : resolve(key)),
        ),
      ),
  );

/**
 * A new salted hash of `password` with the current parameters.
 * @example await hashPassword('ein-langes-passwort') // 'scrypt$131072$8$1$…$…'
 */
export async function hashPassword(password: string, params: ScryptParams = PARAMS): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEYLEN, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join(
    '$',
  );
}

/**
 * A stored hash's parts, or null when it is malformed or asks for absurd work (N over 2^20, r over
 * 32, p over 16): `verifyPassword` then refuses without computing anything.
 */
export function parseStoredHash(stored: string) {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return null;
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  const valid =
    Number.isInteger(params.N) &&
    params.N > 1 &&
    params.N <= MAX_N &&
    (params.N & (params.N - 1)) === 0 &&
    Number.isInteger(params.r) &&
    params.r >= 1 &&
    params.r <= 32 &&
    Number.isInteger(params.p) &&
    params.p >= 1 &&
    params.p <= 16;
  return valid
    ? { params, salt: Buffer.from(salt, 'base64url'), hash: Buffer.from(hash, 'base64url') }
    : null;
}

/** Constant-time check of `password` against a stored hash; false for malformed hashes. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseStoredHash(stored);
  if (!parsed || parsed.hash.length === 0) return false;
  const key = await scrypt(password, parsed.salt, parsed.hash.length, parsed.params);
  return key.length === parsed.hash.length && timingSafeEqual(key, parsed.hash);
}

/** True when `stored` was made with weaker parameters than the current ones (or is unreadable). */
export function needsRehash(stored: string): boolean {
  const parsed = parseStoredHash(stored);
  if (!parsed) return true;
  const { N, r, p } = parsed.params;
  return N < PARAMS.N || r < PARAMS.r || p < PARAMS.p || parsed.hash.length < KEYLEN;
}
