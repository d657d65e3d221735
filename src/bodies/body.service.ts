/**
 * Bodies (Gremien) and their members. Planners and administrators read and keep all of them;
 * partners (people outside the administration) read only the bodies they or their organisation
 * are members of — any other body is „not found“ for them, so they cannot learn it exists.
 */
import type { User } from '../auth/auth.schema.ts';
import { can } from '../auth/policy.ts';
import { notFound } from '../core/errors.ts';
import type { Db } from '../db/db.ts';
import type { Body, BodyPatch, Member, NewBody, NewMember } from './body.schema.ts';
import { today } from './due.ts';
import type { BodyKind, OrganisationKind } from './labels.ts';
import { resolveAreas } from './organisation.service.ts';
import * as repo from './body.repository.ts';

export const bodyMissing = (id: number) =>
  notFound('bodies.not_found', `Das Gremium Nr. ${id} gibt es nicht.`, { id });

/** The ids of the bodies `user` may read; null: all of them (planners, administrators). */
export async function readableBodies(db: Db, user: User): Promise<number[] | null> {
  if (can(user, 'bodies.edit')) return null;
  return repo.bodiesOfUser(db, user.id);
}

/**
 * The areas whose local matters `user` follows as a member of their bodies: null for every area
 * (planners, or a member of a body for the whole city), else the bodies' area ids (a body's area
 * includes everything below it). Remarks from residents are shown to the body of their area.
 */
export async function areasOfReadableBodies(db: Db, user: User | null): Promise<Set<number> | null> {
  if (user === null) return new Set();
  const readable = await readableBodies(db, user);
  if (readable === null) return null;
  const areas = await repo.bodyAreas(db, readable);
  return areas.includes(null) ? null : new Set(areas.filter((a): a is number => a !== null));
}

/** @throws bodies.not_found (404) for a body that does not exist or that `user` may not read */
export async function requireReadableBody(db: Db, user: User, id: number): Promise<void> {
  const readable = await readableBodies(db, user);
  const exists = (await repo.listBodies(db, today(), [id])).length > 0;
  if (!exists || (readable !== null && !readable.includes(id))) throw bodyMissing(id);
}

const presentMember = (m: repo.MemberRow): Member => ({
  id: m.id,
  organisation:
    m.organisation_id === null
      ? null
      : {
          id: m.organisation_id,
          name: m.org_name ?? '',
          kind: m.org_kind as OrganisationKind,
          contactName: m.contact_name ?? '',
          contactEmail: m.contact_email ?? '',
          contactPhone: m.contact_phone ?? '',
        },
  user: m.username === null ? null : { username: m.username, displayName: m.display_name ?? m.username },
  function: m.function,
});

/** The bodies `user` may read, with members, by name. */
export async function listBodies(db: Db, user: User): Promise<Body[]> {
  const rows = await repo.listBodies(db, today(), await readableBodies(db, user));
  const members = await repo.listMembers(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind as BodyKind,
    topic: r.topic,
    area:
      r.area_level !== null && r.area_key !== null
        ? { level: r.area_level, key: r.area_key, name: r.area_name ?? r.area_key }
        : null,
    public: r.public,
    members: members.filter((m) => m.body_id === r.id).map(presentMember),
    meetings: r.meetings,
    nextMeeting: r.next_meeting,
  }));
}

/** @throws bodies.not_found (404), also for a body `user` may not read */
export async function getBody(db: Db, user: User, id: number): Promise<Body> {
  const found = (await listBodies(db, user)).find((b) => b.id === id);
  if (!found) throw bodyMissing(id);
  return found;
}

async function areaId(db: Db, area: { level: string; key: string } | null): Promise<number | null> {
  return area === null ? null : (await resolveAreas(db, [area]))[0]!;
}

/** @throws bodies.unknown_area (400) */
export async function createBody(db: Db, b: NewBody): Promise<number> {
  return repo.insertRow(db, 'body', {
    name: b.name,
    kind: b.kind,
    topic: b.topic,
    area_id: await areaId(db, b.area),
  });
}

/** @throws bodies.not_found (404), bodies.unknown_area (400) */
export async function patchBody(db: Db, id: number, p: BodyPatch): Promise<void> {
  const columns: repo.Columns = {};
  if (p.name !== undefined) columns.name = p.name;
  if (p.kind !== undefined) columns.kind = p.kind;
  if (p.topic !== undefined) columns.topic = p.topic;
  if (p.area !== undefined) columns.area_id = await areaId(db, p.area);
  if (p.public !== undefined) columns.public = p.public;
  if (!(await repo.updateRow(db, 'body', id, columns, true))) throw bodyMissing(id);
}

/** Deletes a body with its members, meetings, agenda and action items. @throws bodies.not_found (404) */
export async function deleteBody(db: Db, id: number): Promise<void> {
  if (!(await repo.deleteRow(db, 'body', id))) throw bodyMissing(id);
}

/**
 * Adds a member: an organisation, a user, or a user for an organisation.
 * @throws bodies.not_found (404), bodies.organisation_not_found (404), bodies.unknown_user (404)
 */
export async function addMember(db: Db, user: User, bodyId: number, m: NewMember): Promise<void> {
  await requireReadableBody(db, user, bodyId);
  if (m.organisationId !== null && !(await repo.findOrganisation(db, m.organisationId)))
    throw notFound(
      'bodies.organisation_not_found',
      `Die Organisation Nr. ${m.organisationId} gibt es nicht.`,
      { id: m.organisationId },
    );
  const member = m.username === null ? null : await repo.findUserByName(db, m.username);
  if (m.username !== null && !member)
    throw notFound('bodies.unknown_user', `Den Benutzer „${m.username}“ gibt es nicht.`, {
      username: m.username,
    });
  await repo.insertRow(db, 'body_member', {
    body_id: bodyId,
    organisation_id: m.organisationId,
    user_id: member?.id ?? null,
    function: m.function,
  });
}

/** @throws bodies.not_found (404), bodies.member_not_found (404) */
export async function removeMember(db: Db, user: User, bodyId: number, memberId: number): Promise<void> {
  await requireReadableBody(db, user, bodyId);
  if (!(await repo.findMember(db, bodyId, memberId)))
    throw notFound(
      'bodies.member_not_found',
      `Das Mitglied Nr. ${memberId} gibt es in diesem Gremium nicht.`,
      {
        id: memberId,
      },
    );
  await repo.deleteRow(db, 'body_member', memberId);
}
