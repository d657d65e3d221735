import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/db.ts';
import type { Role, Scope, User, UserAccount } from './auth.schema.ts';

interface UserRow {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  active: boolean;
  last_login_at: string | Date | null;
  created_at: string | Date;
  organisation_id?: number | null;
  /** Only where the account query joins the organisation. */
  organisation_name?: string | null;
  scope_level?: string | null;
  scope_key?: string | null;
  [k: string]: unknown;
}

const toUser = (r: UserRow): User => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  role: r.role,
  scope: r.scope_level && r.scope_key ? { level: r.scope_level, key: r.scope_key } : null,
});

const iso = (v: string | Date) => new Date(v).toISOString();

const toAccount = (r: UserRow): UserAccount => ({
  ...toUser(r),
  active: r.active,
  lastLoginAt: r.last_login_at === null ? null : iso(r.last_login_at),
  createdAt: iso(r.created_at),
  organisation:
    r.organisation_id != null && r.organisation_name != null
      ? { id: r.organisation_id, name: r.organisation_name }
      : null,
});

/** Accounts `u` with the name of their organisation, from the table or from a CTE of that name. */
const withOrganisation = (from = 'app_user u') =>
  `SELECT u.*, o.name AS organisation_name FROM ${from} LEFT JOIN organisation o ON o.id = u.organisation_id`;

export const SESSION_DAYS = 7;
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** The user with the stored hash and state, for login and password checks. */
export async function findUserForLogin(db: Db, username: string) {
  const [row] = await db.query<UserRow>('SELECT * FROM app_user WHERE username = $1', [username]);
  return row ? { user: toUser(row), passwordHash: row.password_hash, active: row.active } : null;
}

export async function findAccount(db: Db, username: string): Promise<UserAccount | null> {
  const [row] = await db.query<UserRow>(`${withOrganisation()} WHERE u.username = $1`, [username]);
  return row ? toAccount(row) : null;
}

export async function listAccounts(db: Db): Promise<UserAccount[]> {
  return (await db.query<UserRow>(`${withOrganisation()} ORDER BY u.id`)).map(toAccount);
}

export async function countUsers(db: Db): Promise<number> {
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM app_user');
  return row?.n ?? 0;
}

/** Active administrators other than `exceptId` (the last one must stay). */
export async function countOtherActiveAdmins(db: Db, exceptId: number): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM app_user WHERE role = 'admin' AND active AND id <> $1",
    [exceptId],
  );
  return row?.n ?? 0;
}

export async function insertUser(
  db: Db,
  u: { username: string; displayName: string; role: Role; passwordHash: string },
): Promise<UserAccount> {
  const [row] = await db.query<UserRow>(
    `INSERT INTO app_user (username, display_name, role, password_hash, password_changed_at)
     VALUES ($1, $2, $3, $4, now()) RETURNING *`,
    [u.username, u.displayName, u.role, u.passwordHash],
  );
  return toAccount(row!);
}

/** Stores a new hash (a changed password, or the same one with stronger parameters). */
export async function setPasswordHash(
  db: Db,
  userId: number,
  passwordHash: string,
  changed: boolean,
): Promise<void> {
  await db.query(
    `UPDATE app_user SET password_hash = $2${changed ? ', password_changed_at = now()' : ''} WHERE id = $1`,
    [userId, passwordHash],
  );
}

export async function updateAccount(
  db: Db,
  userId: number,
  patch: { active?: boolean; role?: Role; displayName?: string; scope?: Scope | null },
): Promise<UserAccount> {
  // scope: undefined keeps it, null clears it
  const [row] = await db.query<UserRow>(
    `WITH u AS (UPDATE app_user SET active = coalesce($2, active), role = coalesce($3, role),
                       display_name = coalesce($4, display_name),
                       scope_level = CASE WHEN $5 THEN $6 ELSE scope_level END,
                       scope_key = CASE WHEN $5 THEN $7 ELSE scope_key END
                 WHERE id = $1 RETURNING *)
     ${withOrganisation('u')}`,
    [
      userId,
      patch.active ?? null,
      patch.role ?? null,
      patch.displayName ?? null,
      patch.scope !== undefined,
      patch.scope?.level ?? null,
      patch.scope?.key ?? null,
    ],
  );
  return toAccount(row!);
}

export async function recordLogin(db: Db, userId: number): Promise<void> {
  await db.query('UPDATE app_user SET last_login_at = now() WHERE id = $1', [userId]);
}

/** Creates a session and returns the opaque token for the cookie (only its hash is stored). */
export async function createSession(db: Db, userId: number): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.query(
    `INSERT INTO user_session (token_hash, user_id, expires_at) VALUES ($1, $2, now() + interval '${SESSION_DAYS} days')`,
    [hashToken(token), userId],
  );
  return token;
}

/** The user of a live session; deactivated users have none. */
export async function userForSession(db: Db, token: string): Promise<User | null> {
  const [row] = await db.query<UserRow>(
    `SELECT u.* FROM user_session s JOIN app_user u ON u.id = s.user_id
      WHERE s.token_hash = $1 AND s.expires_at > now() AND u.active`,
    [hashToken(token)],
  );
  return row ? toUser(row) : null;
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.query('DELETE FROM user_session WHERE token_hash = $1', [hashToken(token)]);
}

/** Ends every session of a user, except the one with `keepToken` (the caller's own). */
export async function deleteSessionsOf(db: Db, userId: number, keepToken?: string): Promise<void> {
  await db.query('DELETE FROM user_session WHERE user_id = $1 AND token_hash <> $2', [
    userId,
    keepToken ? hashToken(keepToken) : '',
  ]);
}
