/**
 * The demo Kreis's extra accounts: a planner for each of two municipalities, scoped to it
 * (`app_user.scope_level`/`scope_key`): the Mittelzentrum's and a rural Gemeinde's Sozialplanung.
 * The Kreis-wide accounts are the demo city's (`DEMO_USERS`). Passwords as there: random when
 * loaded, the known ones only for test harnesses.
 */
import type { DemoUser } from '../demo-users.ts';
import { KREIS_LEVELS, MITTELZENTRUM, RURAL_GEMEINDE } from './municipalities.ts';

/** A demo account that sees its own municipality only (a Gemeinde of the Kreis). */
export interface ScopedDemoUser extends DemoUser {
  scope: { level: string; key: string };
}

/** Usernames and Gemeindeschlüssel of the two scoped planners, for tests elsewhere. */
export const KREIS_SCOPED = {
  mittelzentrum: { username: 'planung.musterhausen', gemeindeKey: MITTELZENTRUM.key },
  rural: { username: 'planung.heiderath', gemeindeKey: RURAL_GEMEINDE.key },
} as const;

export const KREIS_SCOPED_USERS: readonly ScopedDemoUser[] = [
  {
    username: KREIS_SCOPED.mittelzentrum.username,
    displayName: `Sozialplanung ${MITTELZENTRUM.name}`,
    role: 'planner',
    knownPassword: 'planung-musterhausen-2024',
    knownHash: 'scrypt$131072$8$1$AK5iA-JtXsAhULz0F4pp9w$r5EECvl5QDxGNTdaVu2S53zK9pgyJIARW7-LumaeObI',
    scope: { level: KREIS_LEVELS.gemeinde, key: KREIS_SCOPED.mittelzentrum.gemeindeKey },
  },
  {
    username: KREIS_SCOPED.rural.username,
    displayName: `Sozialplanung ${RURAL_GEMEINDE.name}`,
    role: 'planner',
    knownPassword: 'planung-heiderath-2024',
    knownHash: 'scrypt$131072$8$1$c6O8tphPGnM3U5ibOmf79Q$TJTOnGNO65IeRkqBYH4DO_sRe23rCPEJaX36ztiSXKQ',
    scope: { level: KREIS_LEVELS.gemeinde, key: KREIS_SCOPED.rural.gemeindeKey },
  },
];
