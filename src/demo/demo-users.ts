/**
 * The demo city's accounts (admin, planer, gast). Their passwords are random, made when the demo
 * is loaded and shown once by `lagebild serve` / `lagebild demo`. Test harnesses ask for the known
 * passwords instead (`--demo-passwords`, `LAGEBILD_DEMO_PASSWORDS=1`), which must never be used
 * on a server others can reach.
 */
import { randomBytes } from 'node:crypto';
import type { Role } from '../auth/auth.schema.ts';

export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  /** The fixed password of test harnesses (`--demo-passwords`). */
  knownPassword: string;
  /** scrypt hash of `knownPassword` with the current parameters, so loading costs no hashing. */
  knownHash: string;
}

export const DEMO_USERS: readonly DemoUser[] = [
  {
    username: 'admin',
    displayName: 'Administration',
    role: 'admin',
    knownPassword: 'admin-demo-2024',
    knownHash: 'scrypt$131072$8$1$KZPN-PNcDq-hvH5l_1FbzQ$6CduOCmbY1FjlIrJYwXZR1TaDDcSfOfzcWIu6_CroGA',
  },
  {
    username: 'planer',
    displayName: 'Paula Planerin',
    role: 'planner',
    knownPassword: 'planer-demo-2024',
    knownHash: 'scrypt$131072$8$1$z2-8HCudivA68MCjBt3BVQ$LpwSnL7BrmDt519Qe6R4P4uA4HIv3o6s-RzumExGoUk',
  },
  {
    username: 'gast',
    displayName: 'Gast (Fachamt)',
    role: 'viewer',
    knownPassword: 'gast-demo-2024',
    knownHash: 'scrypt$131072$8$1$45UsNgR3u1AgzuqqD5iwHQ$xR1SMi35a2hMTgq76QeSfFeBKQVPuCM9cX6mIyuPqZQ',
  },
];

/** The known password of a demo account, for test harnesses. */
export function knownDemoPassword(username: 'admin' | 'planer' | 'gast'): string {
  return DEMO_USERS.find((u) => u.username === username)!.knownPassword;
}

/** A demo account as created: the password is shown once and stored only as a hash. */
export interface DemoLogin {
  username: string;
  password: string;
  role: Role;
}

// 32 symbols without look-alikes (no l, o, 0, 1): 5 bits each, 80 bits in 16 characters.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/**
 * A random password that is easy to type: four groups of four characters.
 * @example randomPassword() // 'k7pq-x9mz-3fhd-tw2c'
 */
export function randomPassword(): string {
  const chars = [...randomBytes(16)].map((b) => ALPHABET[b & 31]).join('');
  return chars.match(/.{4}/g)!.join('-');
}

/** `LAGEBILD_DEMO_PASSWORDS=1` asks for the known passwords (test harnesses). */
export const knownPasswordsFromEnv = () => process.env.LAGEBILD_DEMO_PASSWORDS === '1';

/** The lines `serve` and `demo` print once after loading the demo city or Kreis. */
export function demoLoginLines(logins: readonly DemoLogin[]): string[] {
  if (!logins.length) return [];
  const width = Math.max(7, ...logins.map((u) => u.username.length));
  return [
    'Demo-Zugänge (nur jetzt angezeigt – bitte notieren; ändern unter „Passwort ändern“):',
    ...logins.map((u) => `  ${u.username.padEnd(width)} / ${u.password.padEnd(20)} (${u.role})`),
  ];
}
