/**
 * Occupancy profiles as data with a history: the versions valid at a day, a new profile or a new
 * version of one from a day on (the previous version stays, closed at that day).
 */
import { LagebildError, notFound } from '../core/errors.ts';
import type { Db } from '../db/db.ts';
import { today } from '../facilities/facility.service.ts';
import { statementMessages } from './messages.ts';
import * as repo from './occupancy.repository.ts';
import type { OccupancyProfile, PutProfileBody } from './occupancy.schema.ts';

const holdsAt = (v: Pick<OccupancyProfile, 'validFrom' | 'validTo'>, date: string) =>
  (v.validFrom === null || v.validFrom <= date) && (v.validTo === null || v.validTo > date);

/** Each profile's version valid at `date` (default today). */
export async function listProfiles(db: Db, date = today()): Promise<OccupancyProfile[]> {
  return (await repo.listProfileVersions(db)).filter((v) => holdsAt(v, date));
}

async function unknownProfile(db: Db, key: string) {
  const known = [...new Set((await repo.listProfileVersions(db)).map((v) => v.key))];
  return notFound('statements.unknown_profile', statementMessages.unknownProfile(key, known), {
    profile: key,
  });
}

/**
 * The version of profile `key` valid at `date` (default today; else its latest version).
 * @throws statements.unknown_profile (404)
 */
export async function requireProfile(db: Db, key: string, date = today()): Promise<OccupancyProfile> {
  const versions = await repo.listProfileVersions(db, key);
  if (!versions.length) throw await unknownProfile(db, key);
  return versions.find((v) => holdsAt(v, date)) ?? versions.at(-1)!;
}

/** The profile with every version. @throws statements.unknown_profile (404) */
export async function showProfile(db: Db, key: string) {
  const history = await repo.listProfileVersions(db, key);
  if (!history.length) throw await unknownProfile(db, key);
  return { ...(history.find((v) => holdsAt(v, today())) ?? history.at(-1)!), history };
}

/**
 * Creates profile `key` (since always), or changes it from `validFrom` (default today): the open
 * version ends there and the new one starts; a change from the day the open version starts
 * corrects it.
 * @throws statements.profile_start_taken (409) when a later version exists
 */
export async function putProfile(
  db: Db,
  key: string,
  body: PutProfileBody,
  userId: number | null,
): Promise<OccupancyProfile> {
  const next = {
    key,
    name: body.name,
    description: body.description ?? '',
    source: body.source ?? '',
    types: body.types,
    recordedBy: userId,
  };
  return db.transaction(async (tx) => {
    const open = await repo.lockOpenProfile(tx, key);
    let id: number;
    if (!open) id = await repo.insertProfileVersion(tx, { ...next, validFrom: body.validFrom ?? null });
    else {
      const validFrom = body.validFrom ?? today();
      if (open.validFrom !== null && open.validFrom > validFrom)
        throw new LagebildError(
          'statements.profile_start_taken',
          statementMessages.profileStartTaken(key, open.validFrom),
          409,
          { profile: key, validFrom: open.validFrom },
        );
      if (open.validFrom === validFrom) {
        await repo.correctProfileVersion(tx, open.id, { ...next, validFrom });
        id = open.id;
      } else {
        await repo.closeProfileVersion(tx, open.id, validFrom);
        id = await repo.insertProfileVersion(tx, { ...next, validFrom });
      }
    }
    return (await repo.listProfileVersions(tx, key)).find((v) => v.id === id)!;
  });
}
