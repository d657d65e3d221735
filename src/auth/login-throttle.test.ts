import { describe, expect, it } from 'vitest';
import { LagebildError } from '../core/errors.ts';
import { LoginThrottle } from './login-throttle.ts';

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

const throttled = (t: LoginThrottle, user: string) => {
  try {
    t.check(user);
    return null;
  } catch (e) {
    return e as LagebildError;
  }
};

describe('LoginThrottle', () => {
  it('stops an account after max failures within the window, with a German 429', () => {
    const c = clock();
    const t = new LoginThrottle({ max: 3, windowMs: 15 * 60_000, now: c.now });
    for (let i = 0; i < 3; i++) {
      expect(throttled(t, 'planer')).toBeNull();
      t.fail('planer');
      c.advance(1000);
    }
    const err = throttled(t, 'planer');
    expect(err).toBeInstanceOf(LagebildError);
    expect(err).toMatchObject({ status: 429, code: 'auth.too_many_attempts' });
    expect(err?.message).toMatch(/Zu viele fehlgeschlagene Anmeldeversuche.*15 Minuten/);
    // other accounts and other spellings of the same account
    expect(throttled(t, 'gast')).toBeNull();
    expect(throttled(t, ' PLANER ')).not.toBeNull();
  });

  it('lets the account try again once the oldest failure leaves the window', () => {
    const c = clock();
    const t = new LoginThrottle({ max: 2, windowMs: 60_000, now: c.now });
    t.fail('a');
    c.advance(30_000);
    t.fail('a');
    expect(throttled(t, 'a')?.message).toContain('1 Minute ');
    c.advance(30_001);
    expect(throttled(t, 'a')).toBeNull();
  });

  it('forgets the failures after a successful login', () => {
    const t = new LoginThrottle({ max: 2 });
    t.fail('a');
    t.succeed('a');
    t.fail('a');
    expect(throttled(t, 'a')).toBeNull();
  });

  it('tracks a bounded number of accounts, forgetting the longest-quiet first', () => {
    const t = new LoginThrottle({ max: 1, maxAccounts: 2 });
    t.fail('a');
    t.fail('b');
    t.fail('c');
    expect(throttled(t, 'a')).toBeNull();
    expect(throttled(t, 'b')).not.toBeNull();
    expect(throttled(t, 'c')).not.toBeNull();
  });
});
