/**
 * Failed logins per account, in memory: after `max` failures within `windowMs` the account takes
 * no more password attempts until the oldest failure leaves the window (429), from any address.
 * The per-address limit (@fastify/rate-limit on the login route) cannot stop an attacker who
 * spreads guesses for one account over many addresses; this does.
 */
import { LagebildError } from '../core/errors.ts';

export interface LoginThrottleOptions {
  /** Failed attempts per account within the window; default 10. */
  max?: number;
  /** Default 15 minutes. */
  windowMs?: number;
  /** Accounts tracked at most; the longest-quiet are forgotten first. Default 10,000. */
  maxAccounts?: number;
  now?: () => number;
}

export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();
  private readonly max: number;
  private readonly windowMs: number;
  private readonly maxAccounts: number;
  private readonly now: () => number;

  constructor(opts: LoginThrottleOptions = {}) {
    this.max = opts.max ?? 10;
    this.windowMs = opts.windowMs ?? 15 * 60_000;
    this.maxAccounts = opts.maxAccounts ?? 10_000;
    this.now = opts.now ?? Date.now;
  }

  // Usernames are stored in lower case; the key must not let `Admin` escape `admin`'s count.
  private key = (username: string) => username.trim().toLowerCase();

  private recent(key: string): number[] {
    const since = this.now() - this.windowMs;
    const list = (this.failures.get(key) ?? []).filter((t) => t > since);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  /** @throws auth.too_many_attempts (429) while the account is throttled */
  check(username: string): void {
    const list = this.recent(this.key(username));
    if (list.length < this.max) return;
    const minutes = Math.max(1, Math.ceil((list[0]! + this.windowMs - this.now()) / 60_000));
    throw new LagebildError(
      'auth.too_many_attempts',
      `Zu viele fehlgeschlagene Anmeldeversuche für dieses Konto. Bitte in ${minutes} ${minutes === 1 ? 'Minute' : 'Minuten'} erneut versuchen.`,
      429,
      { retryAfterMinutes: minutes },
    );
  }

  fail(username: string): void {
    const key = this.key(username);
    const list = this.recent(key);
    list.push(this.now());
    // re-inserted last: Map order is then the order of the latest failure
    this.failures.delete(key);
    this.failures.set(key, list.slice(-this.max));
    while (this.failures.size > this.maxAccounts) {
      const oldest = this.failures.keys().next().value;
      if (oldest === undefined) break;
      this.failures.delete(oldest);
    }
  }

  succeed(username: string): void {
    this.failures.delete(this.key(username));
  }
}
