/**
 * Einrichtung: the first start of a real installation. In one transaction: the territory with
 * the city level (rank 0, one area), the configured levels below it, the city settings and the
 * first administrator, who is logged in at once. Only while no user exists.
 */
import { findLevel, insertLevel } from '../areas/area.repository.ts';
import { CITY_LEVEL } from '../areas/city-level.ts';
import type { User } from '../auth/auth.schema.ts';
import { insertAccount } from '../auth/auth.service.ts';
import { hashPassword } from '../auth/password.ts';
import { countUsers, createSession } from '../auth/user.repository.ts';
import { LagebildError } from '../core/errors.ts';
import { lockDemoLoad } from '../db/advisory.ts';
import type { Db } from '../db/db.ts';
import { saveCity } from './city.service.ts';
import type { CitySettings, LevelSpec } from './setup.schema.ts';

export interface SetupInput {
  admin: string;
  displayName?: string;
  password: string;
  city: string;
  key: string;
  kind: 'stadt' | 'kreis';
  levels: LevelSpec[];
  publisher?: string;
  licence?: string;
}

export const setupDone = () =>
  new LagebildError(
    'setup.done',
    'Lagebild ist schon eingerichtet: Es gibt bereits Benutzer. Bitte anmelden.',
    409,
  );

/** True while the installation has no user: the web app then shows the Einrichtung. */
export async function setupNeeded(db: Db): Promise<boolean> {
  return (await countUsers(db)) === 0;
}

export async function runSetup(
  db: Db,
  input: SetupInput,
): Promise<{ user: User; token: string; city: CitySettings }> {
  if (!(await setupNeeded(db))) throw setupDone();
  // hashed before the transaction: it takes a while and needs no database
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    // the same lock as the demo load: two first starts never both fill the database
    await lockDemoLoad(tx);
    if (!(await setupNeeded(tx))) throw setupDone();
    const city = await saveCity(tx, {
      name: input.city,
      key: input.key,
      kind: input.kind,
      publisher: input.publisher,
      licence: input.licence,
    });
    const cityLevel = (await findLevel(tx, CITY_LEVEL))!;
    let parent = cityLevel;
    for (const [i, spec] of input.levels.entries()) {
      const existing = await findLevel(tx, spec.key);
      parent = existing
        ? (
            await tx.query<typeof existing>(
              'UPDATE area_level SET name = $2, rank = $3, parent_level_id = $4 WHERE id = $1 RETURNING *',
              [existing.id, spec.name, i + 1, parent.id],
            )
          )[0]!
        : await insertLevel(tx, {
            territoryId: cityLevel.territory_id as number,
            key: spec.key,
            name: spec.name,
            rank: i + 1,
            parentLevelId: parent.id,
          });
    }
    const account = await insertAccount(tx, {
      username: input.admin,
      displayName: input.displayName || input.admin,
      passwordHash,
      role: 'admin',
    });
    const token = await createSession(tx, account.id);
    const user: User = {
      id: account.id,
      username: account.username,
      displayName: account.displayName,
      role: account.role,
    };
    return { user, token, city };
  });
}
