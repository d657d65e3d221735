/**
 * Facilities (soziale Infrastruktur): types, the facilities at a date with their status, and
 * editing single facilities — each change a new version, the previous one kept as history.
 * Imports: facility-import.service.ts; counts per area: facility-count.service.ts.
 */
import * as areaRepo from '../areas/area.repository.ts';
import { LagebildError, notFound } from '../core/errors.ts';
import { lockFacilities } from '../db/advisory.ts';
import type { Db } from '../db/db.ts';
import { AreaIndex } from '../geo/area-index.ts';
import { partValues, propertyNumber, unknownParts, withParts } from './capacity-parts.ts';
import { roundCoordinate } from './delivery-plan.ts';
import * as repo from './facility.repository.ts';
import type {
  CreateFacilityBody,
  Facility,
  FacilityStatus,
  FacilityType,
  UpdateFacilityBody,
} from './facility.schema.ts';
import { facilityMessages } from './messages.ts';

/** Today as `YYYY-MM-DD` (UTC, as the area import dates a Gebietsstand). */
export const today = () => new Date().toISOString().slice(0, 10);

export const listFacilityTypes = (db: Db): Promise<FacilityType[]> => repo.listTypes(db);

/** The type `key`, or a 404 `facilities.unknown_type` naming the known ones. */
export async function requireType(db: Db, key: string): Promise<FacilityType> {
  const types = await repo.listTypes(db);
  const found = types.find((t) => t.key === key);
  if (found) return found;
  throw notFound(
    'facilities.unknown_type',
    facilityMessages.unknownType(
      key,
      types.map((t) => t.key),
    ),
    { type: key },
  );
}

/** Each facility (of `type`, else of every type) as it is at `date` (default today), with its status. */
export async function listFacilities(
  db: Db,
  opts: { type?: string | undefined; date?: string | undefined },
): Promise<Facility[]> {
  if (opts.type) await requireType(db, opts.type);
  return repo.facilitiesAt(db, opts.date ?? today(), opts.type ?? null);
}

/**
 * The areas of the finest level with current areas, indexed by their ids, for the area of a
 * facility when it is recorded; null when there are no areas yet.
 */
export async function finestAreas(db: Db): Promise<{ level: string; index: AreaIndex<number> } | null> {
  const level = await areaRepo.finestCurrentLevel(db);
  if (!level) return null;
  const areas = await areaRepo.currentAreaIds(db, level.id);
  return { level: level.key, index: new AreaIndex(areas.map((a) => ({ key: a.id, geometry: a.geometry }))) };
}

async function areaIdAt(db: Db, lon: number, lat: number): Promise<number | null> {
  return (await finestAreas(db))?.index.locate(lon, lat) ?? null;
}

/** Status of one version at `date`, as `listFacilities` derives it. */
export function statusAt(
  v: { valid_from: string | null; valid_to: string | null },
  date: string,
): FacilityStatus {
  if (v.valid_from !== null && v.valid_from > date) return 'geplant';
  if (v.valid_to !== null && v.valid_to <= date) return 'geschlossen';
  return 'in Betrieb';
}

async function present(db: Db, id: number, date: string): Promise<Facility> {
  const v = (await repo.findVersion(db, id))!;
  const type = await requireType(db, v.type);
  return {
    id: v.id,
    type: v.type,
    key: v.key,
    name: v.name,
    capacity: v.capacity,
    parts: partValues(v.properties, type.capacityParts),
    carrier: v.carrier,
    address: v.address,
    lon: v.lon,
    lat: v.lat,
    area: v.area,
    validFrom: v.valid_from,
    validTo: v.valid_to,
    status: statusAt(v, date),
  };
}

const conflict = (code: string, message: string, details: Record<string, unknown> = {}) =>
  new LagebildError(`facilities.${code}`, message, 409, details);

/** The parts given, when each is a capacity part of the type; else a 400 naming the known ones. */
function checkParts(
  type: FacilityType,
  given: Readonly<Record<string, number | null>> | undefined,
): Record<string, number | null> {
  const unknown = unknownParts(given ?? {}, type.capacityParts);
  if (unknown.length)
    throw new LagebildError(
      'facilities.unknown_part',
      facilityMessages.unknownPart(
        type.name,
        unknown,
        type.capacityParts.map((p) => p.key),
      ),
      400,
      { type: type.key, parts: unknown },
    );
  return { ...given };
}

/**
 * Records a new facility from `validFrom` (default today; a later day: planned). Its area is
 * looked up on the finest level; outside every area it is kept without one.
 */
export async function createFacility(
  db: Db,
  input: CreateFacilityBody,
  userId: number | null,
): Promise<Facility> {
  const validFrom = input.validFrom ?? today();
  return db.transaction(async (tx) => {
    await lockFacilities(tx, input.type);
    const type = await requireType(tx, input.type);
    const parts = checkParts(type, input.parts);
    const key = input.key ?? (await freeKey(tx, input.type));
    const versions = await repo.versionsOf(tx, input.type, key);
    if (versions.some((v) => v.valid_to === null))
      throw conflict('key_taken', facilityMessages.keyTaken(input.type, key), { type: input.type, key });
    if (versions.some((v) => v.valid_to! > validFrom || v.valid_from === validFrom))
      throw conflict('later_history', facilityMessages.startTaken(key, validFrom), { key, validFrom });
    const lon = roundCoordinate(input.lon);
    const lat = roundCoordinate(input.lat);
    const [id] = await repo.insertVersions(tx, [
      {
        type: input.type,
        key,
        name: input.name,
        capacity: input.capacity ?? null,
        carrier: input.carrier ?? null,
        address: input.address ?? null,
        lon,
        lat,
        areaId: await areaIdAt(tx, lon, lat),
        validFrom,
        validTo: null,
        properties: withParts({}, parts),
        sourceId: null,
        recordedBy: userId,
      },
    ]);
    return present(tx, id!, today());
  });
}

/** `N1`, `N2` …: the first number of this form no facility of the type has. */
async function freeKey(db: Db, type: string): Promise<string> {
  const taken = new Set(await repo.keysStartingWith(db, type, 'N'));
  let n = 1;
  while (taken.has(`N${n}`)) n++;
  return `N${n}`;
}

/** The open version `id` (PATCH and close refer to it), or 404 / 409. */
async function openVersion(db: Db, id: number): Promise<repo.StoredVersion> {
  const v = await repo.findVersion(db, id);
  if (!v) throw notFound('facilities.not_found', facilityMessages.notFound(id), { id });
  if (v.valid_to !== null)
    throw conflict('not_open', facilityMessages.notOpen(id, v.key, v.valid_to), { id, validTo: v.valid_to });
  return v;
}

/**
 * Changes a facility from `validFrom` (default today): the open version `id` ends there and a
 * new one with the changes starts. A change from the day the version starts, or before it while
 * the facility is planned, corrects that version instead. Nothing changed: the version as it is.
 */
export async function changeFacility(
  db: Db,
  id: number,
  changes: UpdateFacilityBody,
  userId: number | null,
): Promise<Facility> {
  const validFrom = changes.validFrom ?? today();
  return db.transaction(async (tx) => {
    const found = await repo.findVersion(tx, id);
    if (found) await lockFacilities(tx, found.type);
    const open = await openVersion(tx, id);
    const type = await requireType(tx, open.type);
    const properties = withParts(open.properties, checkParts(type, changes.parts));
    const lon = roundCoordinate(changes.lon ?? open.lon);
    const lat = roundCoordinate(changes.lat ?? open.lat);
    const next = {
      name: changes.name ?? open.name,
      capacity: changes.capacity !== undefined ? changes.capacity : open.capacity,
      carrier: changes.carrier !== undefined ? changes.carrier : open.carrier,
      address: changes.address !== undefined ? changes.address : open.address,
      lon,
      lat,
    };
    const same =
      (Object.keys(next) as (keyof typeof next)[]).every((k) => next[k] === open[k]) &&
      // a delivered "12" and an edited 12 are the same number of places
      type.capacityParts.every(
        (p) => propertyNumber(properties[p.key]) === propertyNumber(open.properties[p.key]),
      );
    if (same) return present(tx, id, today());
    const moved = lon !== open.lon || lat !== open.lat;
    const version: repo.NewVersion = {
      type: open.type,
      key: open.key,
      ...next,
      areaId: moved ? await areaIdAt(tx, lon, lat) : open.area_id,
      validFrom: open.valid_from,
      validTo: null,
      properties,
      sourceId: null,
      recordedBy: userId,
    };
    if (open.valid_from !== null && open.valid_from >= validFrom) {
      await repo.correctVersions(tx, [{ ...version, id }]);
      return present(tx, id, today());
    }
    await repo.closeVersions(tx, [id], validFrom);
    const [newId] = await repo.insertVersions(tx, [{ ...version, validFrom }]);
    return present(tx, newId!, today());
  });
}

/**
 * Every version of the facility that version `id` belongs to (its history), oldest first, each
 * with its status today.
 * @throws facilities.not_found (404)
 */
export async function facilityVersions(db: Db, id: number): Promise<Facility[]> {
  const found = await repo.findVersion(db, id);
  if (!found) throw notFound('facilities.not_found', facilityMessages.notFound(id), { id });
  const versions = await repo.versionsOf(db, found.type, found.key);
  const date = today();
  const presented: Facility[] = [];
  for (const v of versions) presented.push(await present(db, v.id, date));
  return presented;
}

/** Closes a facility: the open version `id` is no longer valid from `validTo` (default today). */
export async function closeFacility(db: Db, id: number, validTo: string | undefined): Promise<Facility> {
  const to = validTo ?? today();
  return db.transaction(async (tx) => {
    const found = await repo.findVersion(tx, id);
    if (found) await lockFacilities(tx, found.type);
    const open = await openVersion(tx, id);
    if (open.valid_from !== null && open.valid_from >= to)
      throw new LagebildError(
        'facilities.close_before_open',
        facilityMessages.closeBeforeOpen(open.key, open.valid_from, to),
        400,
        { validFrom: open.valid_from, validTo: to },
      );
    await repo.closeVersions(tx, [id], to);
    return present(tx, id, today());
  });
}
