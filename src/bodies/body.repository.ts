/** SQL of organisations, bodies, their members, meetings, agenda and action items (migration 018). */
import type { Db } from '../db/db.ts';

const STAMP = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

// ---- people and references ------------------------------------------------------------------

export interface UserRef {
  id: number;
  username: string;
  display_name: string;
  organisation_id: number | null;
  [k: string]: unknown;
}

export async function findUserByName(db: Db, username: string): Promise<UserRef | null> {
  const [row] = await db.query<UserRef>(
    'SELECT id, username, display_name, organisation_id FROM app_user WHERE username = $1',
    [username],
  );
  return row ?? null;
}

export async function userOrganisation(db: Db, userId: number): Promise<number | null> {
  const [row] = await db.query<{ organisation_id: number | null }>(
    'SELECT organisation_id FROM app_user WHERE id = $1',
    [userId],
  );
  return row?.organisation_id ?? null;
}

export async function setUserOrganisation(db: Db, userId: number, organisationId: number | null) {
  await db.query('UPDATE app_user SET organisation_id = $2 WHERE id = $1', [userId, organisationId]);
}

/** Current area ids by `level|key`. */
export async function areaIds(db: Db, refs: { level: string; key: string }[]): Promise<Map<string, number>> {
  if (!refs.length) return new Map();
  const rows = await db.query<{ id: number; level: string; key: string }>(
    `SELECT a.id, l.key AS level, a.key FROM area a JOIN area_level l ON l.id = a.level_id
      WHERE a.valid_to IS NULL AND (l.key || '|' || a.key) = ANY($1::text[])`,
    [refs.map((r) => `${r.level}|${r.key}`)],
  );
  return new Map(rows.map((r) => [`${r.level}|${r.key}`, r.id]));
}

/** Names of current areas by `level|key`. */
export async function areaNames(
  db: Db,
  refs: { level: string; key: string }[],
): Promise<Map<string, string>> {
  if (!refs.length) return new Map();
  const rows = await db.query<{ level: string; key: string; name: string }>(
    `SELECT l.key AS level, a.key, a.name FROM area a JOIN area_level l ON l.id = a.level_id
      WHERE a.valid_to IS NULL AND (l.key || '|' || a.key) = ANY($1::text[])`,
    [refs.map((r) => `${r.level}|${r.key}`)],
  );
  return new Map(rows.map((r) => [`${r.level}|${r.key}`, r.name]));
}

export interface ReportRef {
  id: number;
  title: string;
  internal: boolean;
  [k: string]: unknown;
}

export async function reportRefs(db: Db, ids: number[]): Promise<Map<number, ReportRef>> {
  if (!ids.length) return new Map();
  const rows = await db.query<ReportRef>('SELECT id, title, internal FROM report WHERE id = ANY($1::int[])', [
    ids,
  ]);
  return new Map(rows.map((r) => [r.id, r]));
}

export interface MeasureRef {
  id: number;
  title: string;
  status: string;
  [k: string]: unknown;
}

export async function measureRefs(db: Db, ids: number[]): Promise<Map<number, MeasureRef>> {
  if (!ids.length) return new Map();
  const rows = await db.query<MeasureRef>('SELECT id, title, status FROM measure WHERE id = ANY($1::int[])', [
    ids,
  ]);
  return new Map(rows.map((r) => [r.id, r]));
}

// ---- organisations --------------------------------------------------------------------------

export interface OrganisationRow {
  id: number;
  name: string;
  kind: string;
  contact_name: string;
  contact_email: string;
  contact_phone: string;
  [k: string]: unknown;
}

export async function listOrganisations(db: Db): Promise<OrganisationRow[]> {
  return db.query<OrganisationRow>(
    'SELECT id, name, kind, contact_name, contact_email, contact_phone FROM organisation ORDER BY lower(name), id',
  );
}

export async function findOrganisation(db: Db, id: number): Promise<OrganisationRow | null> {
  const [row] = await db.query<OrganisationRow>(
    'SELECT id, name, kind, contact_name, contact_email, contact_phone FROM organisation WHERE id = $1',
    [id],
  );
  return row ?? null;
}

export async function organisationByName(db: Db, name: string): Promise<number | null> {
  const [row] = await db.query<{ id: number }>('SELECT id FROM organisation WHERE lower(name) = lower($1)', [
    name,
  ]);
  return row?.id ?? null;
}

export type Columns = Record<string, unknown>;

/** `INSERT … RETURNING id` of the given columns. */
export async function insertRow(db: Db, table: string, values: Columns): Promise<number> {
  const keys = Object.keys(values);
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO ${table} (${keys.join(', ')}) VALUES (${keys.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
    keys.map((k) => values[k]),
  );
  return row!.id;
}

/** `UPDATE` of the given columns; `stamp`: the table has `updated_at`. False when the row is gone. */
export async function updateRow(db: Db, table: string, id: number, values: Columns, stamp = false) {
  const keys = Object.keys(values);
  const sets = keys.map((k, i) => `${k} = $${i + 2}`);
  if (stamp) sets.push('updated_at = now()');
  if (!sets.length) return (await db.query(`SELECT 1 FROM ${table} WHERE id = $1`, [id])).length > 0;
  const rows = await db.query(`UPDATE ${table} SET ${sets.join(', ')} WHERE id = $1 RETURNING id`, [
    id,
    ...keys.map((k) => values[k]),
  ]);
  return rows.length > 0;
}

export async function deleteRow(db: Db, table: string, id: number): Promise<boolean> {
  return (await db.query(`DELETE FROM ${table} WHERE id = $1 RETURNING id`, [id])).length > 0;
}

export async function organisationUsers(db: Db) {
  return db.query<{ organisation_id: number; username: string; display_name: string }>(
    `SELECT organisation_id, username, display_name FROM app_user
      WHERE organisation_id IS NOT NULL ORDER BY username`,
  );
}

// ---- bodies and members ---------------------------------------------------------------------

export interface BodyRow {
  id: number;
  name: string;
  kind: string;
  topic: string;
  area_level: string | null;
  area_key: string | null;
  area_name: string | null;
  public: boolean;
  meetings: number;
  next_meeting: string | null;
  [k: string]: unknown;
}

/** Bodies, all or those of `ids`, with their area and meetings (`today` for the next one). */
export async function listBodies(db: Db, today: string, ids: number[] | null): Promise<BodyRow[]> {
  return db.query<BodyRow>(
    `SELECT b.id, b.name, b.kind, b.topic, b.public, l.key AS area_level, a.key AS area_key, a.name AS area_name,
            (SELECT count(*)::int FROM meeting m WHERE m.body_id = b.id) AS meetings,
            (SELECT min(m.date)::text FROM meeting m
              WHERE m.body_id = b.id AND m.status = 'geplant' AND m.date >= $1::date) AS next_meeting
       FROM body b LEFT JOIN area a ON a.id = b.area_id LEFT JOIN area_level l ON l.id = a.level_id
      WHERE $2::int[] IS NULL OR b.id = ANY($2::int[])
      ORDER BY lower(b.name), b.id`,
    [today, ids],
  );
}

export interface MemberRow {
  id: number;
  body_id: number;
  function: string;
  organisation_id: number | null;
  org_name: string | null;
  org_kind: string | null;
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  username: string | null;
  display_name: string | null;
  [k: string]: unknown;
}

export async function listMembers(db: Db, bodyIds: number[]): Promise<MemberRow[]> {
  if (!bodyIds.length) return [];
  return db.query<MemberRow>(
    `SELECT m.id, m.body_id, m.function, o.id AS organisation_id, o.name AS org_name, o.kind AS org_kind,
            o.contact_name, o.contact_email, o.contact_phone, u.username, u.display_name
       FROM body_member m LEFT JOIN organisation o ON o.id = m.organisation_id
       LEFT JOIN app_user u ON u.id = m.user_id
      WHERE m.body_id = ANY($1::int[])
      ORDER BY m.body_id, (m.function = ''), m.id`,
    [bodyIds],
  );
}

/** The bodies a user is a member of, themselves or through their organisation. */
export async function bodiesOfUser(db: Db, userId: number): Promise<number[]> {
  const rows = await db.query<{ body_id: number }>(
    `SELECT DISTINCT m.body_id FROM body_member m
      WHERE m.user_id = $1
         OR m.organisation_id = (SELECT organisation_id FROM app_user WHERE id = $1)`,
    [userId],
  );
  return rows.map((r) => r.body_id);
}

/** The areas of the bodies `ids` (area id, or null for a body of the whole city). */
export async function bodyAreas(db: Db, ids: number[]): Promise<(number | null)[]> {
  if (!ids.length) return [];
  const rows = await db.query<{ area_id: number | null }>(
    'SELECT DISTINCT area_id FROM body WHERE id = ANY($1::int[])',
    [ids],
  );
  return rows.map((r) => r.area_id);
}

export async function findMember(db: Db, bodyId: number, memberId: number) {
  const [row] = await db.query<{ id: number }>('SELECT id FROM body_member WHERE id = $1 AND body_id = $2', [
    memberId,
    bodyId,
  ]);
  return row ?? null;
}

// ---- meetings -------------------------------------------------------------------------------

export interface MeetingRow {
  id: number;
  body_id: number;
  body_name: string;
  date: string;
  place: string;
  status: string;
  public: boolean;
  agenda_items: number;
  open_actions: number;
  [k: string]: unknown;
}

const MEETING_COLUMNS = `m.id, m.body_id, b.name AS body_name, m.date::text AS date, m.place, m.status, m.public,
  (SELECT count(*)::int FROM agenda_item ai WHERE ai.meeting_id = m.id) AS agenda_items,
  (SELECT count(*)::int FROM action_item x JOIN agenda_item ai ON ai.id = x.agenda_item_id
    WHERE ai.meeting_id = m.id AND NOT x.done) AS open_actions`;

export async function listMeetings(db: Db, bodyId: number): Promise<MeetingRow[]> {
  return db.query<MeetingRow>(
    `SELECT ${MEETING_COLUMNS} FROM meeting m JOIN body b ON b.id = m.body_id
      WHERE m.body_id = $1 ORDER BY m.date DESC, m.id DESC`,
    [bodyId],
  );
}

export async function findMeeting(db: Db, id: number): Promise<MeetingRow | null> {
  const [row] = await db.query<MeetingRow>(
    `SELECT ${MEETING_COLUMNS} FROM meeting m JOIN body b ON b.id = m.body_id WHERE m.id = $1`,
    [id],
  );
  return row ?? null;
}

export interface AgendaRow {
  id: number;
  meeting_id: number;
  position: number;
  title: string;
  description: string;
  attachment_kind: 'steckbrief' | 'report' | null;
  attachment_level: string | null;
  attachment_area_key: string | null;
  attachment_report_id: number | null;
  minutes: string;
  decision: string;
  measure_id: number | null;
  public: boolean;
  [k: string]: unknown;
}

export async function listAgenda(db: Db, meetingId: number): Promise<AgendaRow[]> {
  return db.query<AgendaRow>(
    `SELECT id, meeting_id, position, title, description, attachment_kind, attachment_level,
            attachment_area_key, attachment_report_id, minutes, decision, measure_id, public
       FROM agenda_item WHERE meeting_id = $1 ORDER BY position, id`,
    [meetingId],
  );
}

export async function nextPosition(db: Db, meetingId: number): Promise<number> {
  const [row] = await db.query<{ p: number }>(
    'SELECT coalesce(max(position), 0)::int + 1 AS p FROM agenda_item WHERE meeting_id = $1',
    [meetingId],
  );
  return row!.p;
}

/** The meeting an agenda item belongs to; null when there is no such item. */
export async function meetingOfAgendaItem(db: Db, itemId: number): Promise<number | null> {
  const [row] = await db.query<{ meeting_id: number }>('SELECT meeting_id FROM agenda_item WHERE id = $1', [
    itemId,
  ]);
  return row?.meeting_id ?? null;
}

/** The meeting an action item belongs to; null when there is no such item. */
export async function meetingOfActionItem(db: Db, actionId: number): Promise<number | null> {
  const [row] = await db.query<{ meeting_id: number }>(
    `SELECT ai.meeting_id FROM action_item x JOIN agenda_item ai ON ai.id = x.agenda_item_id WHERE x.id = $1`,
    [actionId],
  );
  return row?.meeting_id ?? null;
}

export interface ActionRow {
  id: number;
  agenda_item_id: number;
  title: string;
  owner_username: string | null;
  owner_display_name: string | null;
  owner_organisation_id: number | null;
  owner_organisation_name: string | null;
  owner_text: string;
  due_date: string | null;
  done: boolean;
  created_at: string;
  body_id: number;
  body_name: string;
  meeting_id: number;
  meeting_date: string;
  agenda_position: number;
  agenda_title: string;
  [k: string]: unknown;
}

const ACTION_SELECT = `SELECT x.id, x.agenda_item_id, x.title, u.username AS owner_username,
    u.display_name AS owner_display_name, o.id AS owner_organisation_id, o.name AS owner_organisation_name,
    x.owner_text, x.due_date::text AS due_date, x.done, ${STAMP('x.created_at')} AS created_at,
    b.id AS body_id, b.name AS body_name, m.id AS meeting_id, m.date::text AS meeting_date,
    ai.position AS agenda_position, ai.title AS agenda_title
  FROM action_item x
  JOIN agenda_item ai ON ai.id = x.agenda_item_id
  JOIN meeting m ON m.id = ai.meeting_id
  JOIN body b ON b.id = m.body_id
  LEFT JOIN app_user u ON u.id = x.owner_user_id
  LEFT JOIN organisation o ON o.id = x.owner_organisation_id`;

export async function actionsOfMeeting(db: Db, meetingId: number): Promise<ActionRow[]> {
  return db.query<ActionRow>(`${ACTION_SELECT} WHERE m.id = $1 ORDER BY x.due_date NULLS LAST, x.id`, [
    meetingId,
  ]);
}

/** Open action items, of the bodies `bodyIds` (null: all), by due date (none last). */
export async function openActions(db: Db, bodyIds: number[] | null): Promise<ActionRow[]> {
  return db.query<ActionRow>(
    `${ACTION_SELECT} WHERE NOT x.done AND ($1::int[] IS NULL OR b.id = ANY($1::int[]))
      ORDER BY x.due_date NULLS LAST, lower(b.name), m.date, ai.position, x.id`,
    [bodyIds],
  );
}
