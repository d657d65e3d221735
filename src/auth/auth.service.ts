import { LagebildError } from '../core/errors.ts';
import type { Db } from '../db/db.ts';
import type { Role, User } from './auth.schema.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { createSession, findUserForLogin, insertUser } from './user.repository.ts';

// Verifying against a dummy hash when the user does not exist keeps response times alike,
// so login timing does not reveal which usernames exist.
let dummyHash: Promise<string> | undefined;

export async function login(
  db: Db,
  username: string,
  password: string,
): Promise<{ user: User; token: string }> {
  const found = await findUserForLogin(db, username);
  dummyHash ??= hashPassword('not-a-real-password');
  const ok = await verifyPassword(password, found?.passwordHash ?? (await dummyHash));
  if (!found || !ok) {
    throw new LagebildError('auth.invalid_credentials', 'Benutzername oder Passwort ist falsch.', 401);
  }
  return { user: found.user, token: await createSession(db, found.user.id) };
}

export async function createUser(
  db: Db,
  input: { username: string; displayName: string; password: string; role: Role },
): Promise<User> {
  const existing = await findUserForLogin(db, input.username);
  if (existing) {
    throw new LagebildError('users.duplicate', `Den Benutzernamen „${input.username}“ gibt es schon.`, 409);
  }
  return insertUser(db, { ...input, passwordHash: await hashPassword(input.password) });
}

/** Demo accounts created with the demo city; printed by `lagebild serve`. */
export const DEMO_USERS: { username: string; displayName: string; password: string; role: Role }[] = [
  { username: 'admin', displayName: 'Administration', password: 'admin-demo-2024', role: 'admin' },
  { username: 'planer', displayName: 'Paula Planerin', password: 'planer-demo-2024', role: 'planner' },
  { username: 'gast', displayName: 'Gast (Fachamt)', password: 'gast-demo-2024', role: 'viewer' },
];
