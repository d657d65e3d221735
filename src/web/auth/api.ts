/**
 * Typed calls of the account API (/api/auth/password, /api/users; src/auth/*.routes.ts) and of
 * linking accounts to organisations (src/bodies/organisation.routes.ts). Types come from the
 * server's zod schemas (type imports only).
 */
import type { Role, Scope, UserAccount } from '../../auth/auth.schema.ts';
import type { Organisation } from '../../bodies/body.schema.ts';
import type { AreaSummary } from '../../areas/area.schema.ts';
import { cachedGet, enc, q, request, type AppConfig } from '../api.ts';

export type { Organisation, Role, Scope, UserAccount };

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  role: Role;
}

export const usersApi = {
  changeOwnPassword: (currentPassword: string, newPassword: string) =>
    request<{ ok: boolean }>('POST', '/api/auth/password', { currentPassword, newPassword }),
  list: () => request<UserAccount[]>('GET', '/api/users'),
  create: (user: NewUser) => request<UserAccount>('POST', '/api/users', user),
  resetPassword: (username: string, password: string) =>
    request<UserAccount>('PUT', `/api/users/${enc(username)}/password`, { password }),
  setActive: (username: string, active: boolean) =>
    request<UserAccount>('PATCH', `/api/users/${enc(username)}`, { active }),
  /** null: the whole territory. */
  setScope: (username: string, scope: Scope | null) =>
    request<UserAccount>('PATCH', `/api/users/${enc(username)}`, { scope }),
  /** The levels of the territory (for the scope's level and its name). */
  levels: () => cachedGet<AppConfig>('/api/config').then((c) => c.levels),
  areas: (level: string) => cachedGet<AreaSummary[]>(`/api/areas?${q({ level })}`),
  organisations: () => request<Organisation[]>('GET', '/api/organisations'),
  /** An account belongs to one organisation at most: linking moves it from any other. */
  linkOrganisation: (organisationId: number, username: string) =>
    request<Organisation>('PUT', `/api/organisations/${organisationId}/users/${enc(username)}`),
  unlinkOrganisation: (organisationId: number, username: string) =>
    request<Organisation>('DELETE', `/api/organisations/${organisationId}/users/${enc(username)}`),
};
