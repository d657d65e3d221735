/**
 * Accounts: login (with per-account throttling and rehashing of weaker stored hashes), password
 * changes by the user, and what administrators do (create, reset a password, deactivate).
 * Callers have checked permissions; these functions check the account rules.
 */
import { LagebildError, notFound } from '../core/errors.ts';
import type { Db } from '../db/db.ts';
import type { Role, Scope, User, UserAccount } from './auth.schema.ts';
import { validateScope } from './scope.ts';
import type { LoginThrottle } from './login-throttle.ts';
import { hashPassword, needsRehash, verifyPassword } from './password.ts';
import {
  countOtherActiveAdmins,
  createSession,
  deleteSessionsOf,
  findAccount,
  findUserForLogin,
  insertUser,
  recordLogin,
  setPasswordHash,
  updateAccount,
} from './user.repository.ts';

// Verifying against a dummy hash when the user does not exist keeps response times alike,
// so login timing does not reveal which usernames exist.
let dummyHash: Promise<string> | undefined;

const invalidCredentials = () =>
  new LagebildError('auth.invalid_credentials', 'Benutzername oder Passwort ist falsch.', 401);

export async function login(
  db: Db,
  username: string,
  password: string,
  throttle?: LoginThrottle,
): Promise<{ user: User; token: string }> {
  throttle?.check(username);
  const found = await findUserForLogin(db, username);
  dummyHash ??= hashPassword('not-a-real-password');
  const ok = await verifyPassword(password, found?.passwordHash ?? (await dummyHash));
  if (!found || !ok) {
    throttle?.fail(username);
    throw invalidCredentials();
  }
  // told only to someone who knows the password
  if (!found.active)
    throw new LagebildError(
      'auth.inactive',
      'Dieses Konto ist deaktiviert. Bitte wenden Sie sich an die Administration.',
      403,
    );
  throttle?.succeed(username);
  if (needsRehash(found.passwordHash))
    await setPasswordHash(db, found.user.id, await hashPassword(password), false);
  await recordLogin(db, found.user.id);
  return { user: found.user, token: await createSession(db, found.user.id) };
}

/**
 * The logged-in user sets a new password after confirming the current one; every other session
 * of the user ends (the one in `keepToken` stays).
 * @throws auth.wrong_password (400), auth.too_many_attempts (429), auth.same_password (400)
 */
export async function changePassword(
  db: Db,
  user: User,
  input: { currentPassword: string; newPassword: string },
  opts: { keepToken?: string; throttle?: LoginThrottle } = {},
): Promise<void> {
  opts.throttle?.check(user.username);
  const found = await findUserForLogin(db, user.username);
  if (!found) throw notFound('users.not_found', `Den Benutzer „${user.username}“ gibt es nicht.`);
  if (!(await verifyPassword(input.currentPassword, found.passwordHash))) {
    // the current password is a login secret too: guesses count against the account
    opts.throttle?.fail(user.username);
    throw new LagebildError('auth.wrong_password', 'Das bisherige Passwort ist falsch.', 400);
  }
  if (input.newPassword === input.currentPassword)
    throw new LagebildError(
      'auth.same_password',
      'Das neue Passwort muss sich vom bisherigen unterscheiden.',
      400,
    );
  await db.transaction(async (tx) => {
    await setPasswordHash(tx, user.id, await hashPassword(input.newPassword), true);
    await deleteSessionsOf(tx, user.id, opts.keepToken);
  });
}

async function requireAccount(db: Db, username: string): Promise<UserAccount> {
  const account = await findAccount(db, username);
  if (!account) throw notFound('users.not_found', `Den Benutzer „${username}“ gibt es nicht.`, { username });
  return account;
}

export async function createUser(
  db: Db,
  input: { username: string; displayName: string; password: string; role: Role },
): Promise<UserAccount> {
  // checked before hashing, which takes a while
  await requireNewUsername(db, input.username);
  return insertAccount(db, { ...input, passwordHash: await hashPassword(input.password) });
}

async function requireNewUsername(db: Db, username: string): Promise<void> {
  if (await findAccount(db, username))
    throw new LagebildError('users.duplicate', `Den Benutzernamen „${username}“ gibt es schon.`, 409);
}

/** Creates an account from a hash made elsewhere (the demo's known passwords). */
export async function insertAccount(
  db: Db,
  input: { username: string; displayName: string; passwordHash: string; role: Role },
): Promise<UserAccount> {
  await requireNewUsername(db, input.username);
  return insertUser(db, input);
}

/** An administrator sets a new password for `username`; all of that user's sessions end. */
export async function resetPassword(db: Db, username: string, password: string): Promise<UserAccount> {
  const account = await requireAccount(db, username);
  const hash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await setPasswordHash(tx, account.id, hash, true);
    await deleteSessionsOf(tx, account.id);
  });
  return account;
}

/**
 * Changes state, role or name of an account. Deactivating ends all its sessions. The last active
 * administrator can be neither deactivated nor given another role (else nobody could manage users).
 */
export async function updateUser(
  db: Db,
  username: string,
  patch: { active?: boolean; role?: Role; displayName?: string; scope?: Scope | null },
): Promise<UserAccount> {
  const account = await requireAccount(db, username);
  const scope = patch.scope === undefined ? account.scope : patch.scope;
  if (scope) await validateScope(db, scope, patch.role ?? account.role);
  const losesAdmin =
    account.role === 'admin' &&
    account.active &&
    (patch.active === false || (patch.role !== undefined && patch.role !== 'admin'));
  if (losesAdmin && (await countOtherActiveAdmins(db, account.id)) === 0)
    throw new LagebildError(
      'users.last_admin',
      `„${username}“ ist die letzte aktive Administration und kann weder deaktiviert noch herabgestuft werden.`,
      409,
      { username },
    );
  return db.transaction(async (tx) => {
    const updated = await updateAccount(tx, account.id, patch);
    if (patch.active === false) await deleteSessionsOf(tx, account.id);
    return updated;
  });
}
