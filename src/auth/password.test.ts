import { describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../demo/demo-users.ts';
import { hashPassword, needsRehash, PARAMS, parseStoredHash, verifyPassword } from './password.ts';

const WEAK = { N: 1024, r: 8, p: 1 };

describe('password hashing', () => {
  it('uses at least the OWASP scrypt parameters (N=2^17, r=8, p=1)', () => {
    expect(PARAMS.N).toBeGreaterThanOrEqual(2 ** 17);
    expect(PARAMS.r).toBeGreaterThanOrEqual(8);
    expect(PARAMS.p).toBeGreaterThanOrEqual(1);
  });

  it('hashes with the current parameters and verifies only the right password', async () => {
    const stored = await hashPassword('ein-langes-passwort');
    expect(stored).toMatch(/^scrypt\$131072\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(needsRehash(stored)).toBe(false);
    expect(await verifyPassword('ein-langes-passwort', stored)).toBe(true);
    expect(await verifyPassword('ein-langes-passwort!', stored)).toBe(false);
  });

  it('asks for a rehash of hashes made with weaker parameters, which still verify', async () => {
    const weak = await hashPassword('altes-passwort-123', WEAK);
    expect(weak.startsWith('scrypt$1024$8$1$')).toBe(true);
    expect(needsRehash(weak)).toBe(true);
    expect(await verifyPassword('altes-passwort-123', weak)).toBe(true);
  });

  it('refuses malformed or absurdly expensive stored hashes without computing them', async () => {
    for (const stored of ['', 'plain', 'scrypt$abc$8$1$c2FsdA$aGFzaA', 'scrypt$1000$8$1$c2FsdA$aGFzaA']) {
      expect(await verifyPassword('x', stored), stored).toBe(false);
      expect(needsRehash(stored), stored).toBe(true);
    }
    // absurd work factors are refused before scrypt runs: they never parse
    for (const stored of [
      `scrypt$${2 ** 30}$8$1$c2FsdA$aGFzaA`,
      `scrypt$${2 ** 17}$64$1$c2FsdA$aGFzaA`,
      `scrypt$${2 ** 17}$8$99$c2FsdA$aGFzaA`,
    ]) {
      expect(parseStoredHash(stored), stored).toBeNull();
      expect(await verifyPassword('x', stored), stored).toBe(false);
    }
    expect(parseStoredHash(`scrypt$${2 ** 17}$8$1$c2FsdA$aGFzaA`)).not.toBeNull();
  });

  it('stores the demo accounts’ known passwords as current hashes', async () => {
    for (const u of DEMO_USERS) expect(needsRehash(u.knownHash), u.username).toBe(false);
    // every test harness logs in with all three; one is checked here
    const admin = DEMO_USERS[0]!;
    expect(await verifyPassword(admin.knownPassword, admin.knownHash)).toBe(true);
  });
});
