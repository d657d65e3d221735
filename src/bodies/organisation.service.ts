/**
 * Organisations (Akteure): Träger, welfare organisations, Jobcenter, Vereine and Ämter with a
 * contact person and the areas they work in, and the accounts of their people (partners read the
 * bodies their organisation is a member of). Planners keep them; linking accounts is user
 * administration.
 */
import { AREA_LINKS, linkedAreas, replaceLinkedAreas } from '../areas/area-links.repository.ts';
import { badRequest, LagebildError, notFound } from '../core/errors.ts';
import type { Db } from '../db/db.ts';
import type { NewOrganisation, Organisation, OrganisationPatch } from './body.schema.ts';
import type { OrganisationKind } from './labels.ts';
import * as repo from './body.repository.ts';

const missing = (id: number) =>
  notFound('bodies.organisation_not_found', `Die Organisation Nr. ${id} gibt es nicht.`, { id });

/** Every organisation with its areas and linked accounts, by name. */
export async function listOrganisations(db: Db): Promise<Organisation[]> {
  const [rows, areas, users] = await Promise.all([
    repo.listOrganisations(db),
    linkedAreas(db, AREA_LINKS.organisation),
    repo.organisationUsers(db),
  ]);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind as OrganisationKind,
    contactName: r.contact_name,
    contactEmail: r.contact_email,
    contactPhone: r.contact_phone,
    areas: areas.filter((a) => a.owner_id === r.id).map(({ level, key, name }) => ({ level, key, name })),
    users: users
      .filter((u) => u.organisation_id === r.id)
      .map((u) => ({ username: u.username, displayName: u.display_name })),
  }));
}

/** @throws bodies.organisation_not_found (404) */
export async function getOrganisation(db: Db, id: number): Promise<Organisation> {
  const found = (await listOrganisations(db)).find((o) => o.id === id);
  if (!found) throw missing(id);
  return found;
}

/** @throws bodies.unknown_area (400) for an area that is not in the current Gebietsstand */
export async function resolveAreas(db: Db, refs: { level: string; key: string }[]): Promise<number[]> {
  const ids = await repo.areaIds(db, refs);
  const unknown = refs.filter((r) => !ids.has(`${r.level}|${r.key}`));
  if (unknown.length)
    throw badRequest(
      'bodies.unknown_area',
      `Unbekanntes Gebiet: ${unknown.map((u) => `${u.level} ${u.key}`).join(', ')}.`,
      { areas: unknown },
    );
  return [...new Set(refs.map((r) => ids.get(`${r.level}|${r.key}`)!))];
}

/** @throws bodies.duplicate_organisation (409) when another organisation has the name */
async function checkName(db: Db, name: string, self: number | null) {
  const other = await repo.organisationByName(db, name);
  if (other !== null && other !== self)
    throw new LagebildError(
      'bodies.duplicate_organisation',
      `Es gibt schon eine Organisation „${name}“.`,
      409,
      { name, id: other },
    );
}

/** @throws bodies.unknown_area (400), bodies.duplicate_organisation (409) */
export async function createOrganisation(db: Db, o: NewOrganisation): Promise<number> {
  await checkName(db, o.name, null);
  const areaIds = await resolveAreas(db, o.areas);
  return db.transaction(async (tx) => {
    const id = await repo.insertRow(tx, 'organisation', {
      name: o.name,
      kind: o.kind,
      contact_name: o.contactName,
      contact_email: o.contactEmail,
      contact_phone: o.contactPhone,
    });
    await replaceLinkedAreas(tx, AREA_LINKS.organisation, id, areaIds);
    return id;
  });
}

/** @throws bodies.organisation_not_found (404), bodies.unknown_area (400), bodies.duplicate_organisation (409) */
export async function patchOrganisation(db: Db, id: number, p: OrganisationPatch): Promise<void> {
  if (!(await repo.findOrganisation(db, id))) throw missing(id);
  if (p.name !== undefined) await checkName(db, p.name, id);
  const areaIds = p.areas === undefined ? undefined : await resolveAreas(db, p.areas);
  const columns: repo.Columns = {};
  if (p.name !== undefined) columns.name = p.name;
  if (p.kind !== undefined) columns.kind = p.kind;
  if (p.contactName !== undefined) columns.contact_name = p.contactName;
  if (p.contactEmail !== undefined) columns.contact_email = p.contactEmail;
  if (p.contactPhone !== undefined) columns.contact_phone = p.contactPhone;
  await db.transaction(async (tx) => {
    await repo.updateRow(tx, 'organisation', id, columns, true);
    if (areaIds) await replaceLinkedAreas(tx, AREA_LINKS.organisation, id, areaIds);
  });
}

/**
 * Deletes an organisation; its memberships go with it, its action items keep no owner and its
 * accounts keep no organisation (so they no longer read its bodies).
 * @throws bodies.organisation_not_found (404)
 */
export async function deleteOrganisation(db: Db, id: number): Promise<void> {
  if (!(await repo.deleteRow(db, 'organisation', id))) throw missing(id);
}

const unknownUser = (username: string) =>
  notFound('bodies.unknown_user', `Den Benutzer „${username}“ gibt es nicht.`, { username });

/**
 * Links an account to the organisation (an account belongs to one organisation at most).
 * @throws bodies.organisation_not_found (404), bodies.unknown_user (404)
 */
export async function linkUser(db: Db, id: number, username: string): Promise<void> {
  if (!(await repo.findOrganisation(db, id))) throw missing(id);
  const user = await repo.findUserByName(db, username);
  if (!user) throw unknownUser(username);
  await repo.setUserOrganisation(db, user.id, id);
}

/** @throws bodies.organisation_not_found (404), bodies.unknown_user (404), also when not linked to it */
export async function unlinkUser(db: Db, id: number, username: string): Promise<void> {
  if (!(await repo.findOrganisation(db, id))) throw missing(id);
  const user = await repo.findUserByName(db, username);
  if (!user || user.organisation_id !== id) throw unknownUser(username);
  await repo.setUserOrganisation(db, user.id, null);
}
