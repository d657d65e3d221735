import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/db.ts';
import type { Role, User } from './auth.schema.ts';

interface UserRow {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  [k: string]: unknown;
}

const toUser = (r: UserRow): User => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  role: r.role,
});

export const SESSION_DAYS = 7;
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function findUserForLogin(db: Db, username: string) {
  const [row] = await db.query<UserRow>('SELECT * FROM app_user WHERE username = $1', [username]);
  return row ? { user: toUser(row), passwordHash: row.password_hash } : null;
}

export async function listUsers(db: Db): Promise<User[]> {
  return (await db.query<UserRow>('SELECT * FROM app_user ORDER BY id')).map(toUser);
}

export async function countUsers(db: Db): Promise<number> {
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM app_user');
  return row?.n ?? 0;
}

export async function insertUser(
  db: Db,
  u: { username: string; displayName: string; role: Role; passwordHash: string },
): Promise<User> {
  const [row] = await db.query<UserRow>(
    'INSERT INTO app_user (username, display_name, role, password_hash) VALUES ($1, $2, $3, $4) RETURNING *',
    [u.username, u.displayName, u.role, u.passwordHash],
  );
  return toUser(row!);
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

export async function userForSession(db: Db, token: string): Promise<User | null> {
  const [row] = await db.query<UserRow>(
    `SELECT u.* FROM user_session s JOIN app_user u ON u.id = s.user_id
      WHERE s.token_hash = $1 AND s.expires_at > now()`,
    [hashToken(token)],
  );
  return row ? toUser(row) : null;
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.query('DELETE FROM user_session WHERE token_hash = $1', [hashToken(token)]);
}
