/**
 * Meetings of a body with their agenda (Tagesordnung): per item the Lagebild output it refers to
 * (a Steckbrief or a stored report), the minutes, the decision, the measure it concerns and the
 * action items that came out of it; and the due list of open action items („Was ist fällig“).
 * Readers see what the body's members may see: a partner sees a linked measure only once it is
 * decided (as the public does) and the title of an internal report not at all.
 */
import type { User } from '../auth/auth.schema.ts';
import { can } from '../auth/policy.ts';
import { badRequest, notFound } from '../core/errors.ts';
import type { Db } from '../db/db.ts';
import { isPublic, type Status } from '../measures/progress.ts';
import type {
  ActionItem,
  ActionItemPatch,
  AgendaItem,
  AgendaItemPatch,
  Attachment,
  DueItem,
  Meeting,
  MeetingPatch,
  MeetingSummary,
  NewActionItem,
  NewAgendaItem,
  NewMeeting,
  OwnerInput,
} from './body.schema.ts';
import { readableBodies, requireReadableBody } from './body.service.ts';
import { isOverdue, matchesPerson, ownerOf, today } from './due.ts';
import { steckbriefPath, type MeetingStatus } from './labels.ts';
import * as repo from './body.repository.ts';

const meetingMissing = (id: number) =>
  notFound('bodies.meeting_not_found', `Die Sitzung Nr. ${id} gibt es nicht.`, { id });

const summary = (m: repo.MeetingRow): MeetingSummary => ({
  id: m.id,
  bodyId: m.body_id,
  date: m.date,
  place: m.place,
  status: m.status as MeetingStatus,
  public: m.public,
  agendaItems: m.agenda_items,
  openActions: m.open_actions,
});

/** The meetings of a body, newest first. @throws bodies.not_found (404) */
export async function listMeetings(db: Db, user: User, bodyId: number): Promise<MeetingSummary[]> {
  await requireReadableBody(db, user, bodyId);
  return (await repo.listMeetings(db, bodyId)).map(summary);
}

/**
 * The meeting row, checked to exist and to belong to a body `user` may read (else 404: a partner
 * cannot tell another body's meeting from none).
 */
async function readableMeeting(db: Db, user: User, id: number): Promise<repo.MeetingRow> {
  const row = await repo.findMeeting(db, id);
  if (!row) throw meetingMissing(id);
  const readable = await readableBodies(db, user);
  if (readable !== null && !readable.includes(row.body_id)) throw meetingMissing(id);
  return row;
}

const presentAction = (a: repo.ActionRow, day: string): ActionItem => ({
  id: a.id,
  title: a.title,
  owner: ownerOf(a),
  dueDate: a.due_date,
  done: a.done,
  overdue: isOverdue(a.due_date, a.done, day),
});

/** A meeting with its agenda and action items, as `user` may see them. @throws bodies.meeting_not_found (404) */
export async function getMeeting(db: Db, user: User, id: number): Promise<Meeting> {
  const row = await readableMeeting(db, user, id);
  const [agenda, actions] = await Promise.all([repo.listAgenda(db, id), repo.actionsOfMeeting(db, id)]);
  const steckbriefe = agenda.flatMap((a) =>
    a.attachment_kind === 'steckbrief' ? [{ level: a.attachment_level!, key: a.attachment_area_key! }] : [],
  );
  const [areaNames, reports, measures] = await Promise.all([
    repo.areaNames(db, steckbriefe),
    repo.reportRefs(
      db,
      agenda.flatMap((a) => (a.attachment_report_id !== null ? [a.attachment_report_id] : [])),
    ),
    repo.measureRefs(
      db,
      agenda.flatMap((a) => (a.measure_id !== null ? [a.measure_id] : [])),
    ),
  ]);
  const internal = can(user, 'data.readUnpublished');
  const attachment = (a: repo.AgendaRow): Attachment | null => {
    if (a.attachment_kind === 'steckbrief') {
      const level = a.attachment_level!;
      const key = a.attachment_area_key!;
      return {
        kind: 'steckbrief',
        level,
        key,
        areaName: areaNames.get(`${level}|${key}`) ?? null,
        href: steckbriefPath(level, key),
      };
    }
    if (a.attachment_kind === 'report') {
      const report = a.attachment_report_id === null ? undefined : reports.get(a.attachment_report_id);
      const visible = report !== undefined && (internal || !report.internal);
      return {
        kind: 'report',
        reportId: report?.id ?? null,
        title: visible ? report.title : null,
        href: visible ? `/api/reports/${report.id}/file` : null,
      };
    }
    return null;
  };
  const measure = (a: repo.AgendaRow) => {
    const m = a.measure_id === null ? undefined : measures.get(a.measure_id);
    return m && (internal || isPublic(m.status as Status)) ? { id: m.id, title: m.title } : null;
  };
  const day = today();
  const items: AgendaItem[] = agenda.map((a) => ({
    id: a.id,
    position: a.position,
    title: a.title,
    description: a.description,
    attachment: attachment(a),
    minutes: a.minutes,
    decision: a.decision,
    public: a.public,
    measure: measure(a),
    actions: actions.filter((x) => x.agenda_item_id === a.id).map((x) => presentAction(x, day)),
  }));
  return { ...summary(row), bodyName: row.body_name, agenda: items };
}

/** @throws bodies.not_found (404) */
export async function createMeeting(db: Db, user: User, bodyId: number, m: NewMeeting): Promise<number> {
  await requireReadableBody(db, user, bodyId);
  return repo.insertRow(db, 'meeting', { body_id: bodyId, date: m.date, place: m.place, status: m.status });
}

/** @throws bodies.meeting_not_found (404) */
export async function patchMeeting(db: Db, id: number, p: MeetingPatch): Promise<void> {
  const columns: repo.Columns = {};
  if (p.date !== undefined) columns.date = p.date;
  if (p.place !== undefined) columns.place = p.place;
  if (p.status !== undefined) columns.status = p.status;
  if (p.public !== undefined) columns.public = p.public;
  if (!(await repo.updateRow(db, 'meeting', id, columns))) throw meetingMissing(id);
}

/** Deletes a meeting with its agenda and action items. @throws bodies.meeting_not_found (404) */
export async function deleteMeeting(db: Db, id: number): Promise<void> {
  if (!(await repo.deleteRow(db, 'meeting', id))) throw meetingMissing(id);
}

// ---- agenda ---------------------------------------------------------------------------------

/**
 * The columns of an agenda item's attachment and measure, checked against what exists.
 * @throws bodies.unknown_area (400), bodies.unknown_report (400), bodies.unknown_measure (400)
 */
async function referenceColumns(db: Db, p: AgendaItemPatch): Promise<repo.Columns> {
  const out: repo.Columns = {};
  if (p.attachment !== undefined) {
    const a = p.attachment;
    if (a?.kind === 'steckbrief' && !(await repo.areaIds(db, [a])).size)
      throw badRequest('bodies.unknown_area', `Unbekanntes Gebiet: ${a.level} ${a.key}.`, { area: a });
    if (a?.kind === 'report' && !(await repo.reportRefs(db, [a.reportId])).size)
      throw badRequest('bodies.unknown_report', `Den Bericht Nr. ${a.reportId} gibt es nicht.`, {
        reportId: a.reportId,
      });
    out.attachment_kind = a?.kind ?? null;
    out.attachment_level = a?.kind === 'steckbrief' ? a.level : null;
    out.attachment_area_key = a?.kind === 'steckbrief' ? a.key : null;
    out.attachment_report_id = a?.kind === 'report' ? a.reportId : null;
  }
  if (p.measureId !== undefined) {
    if (p.measureId !== null && !(await repo.measureRefs(db, [p.measureId])).size)
      throw badRequest('bodies.unknown_measure', `Die Maßnahme Nr. ${p.measureId} gibt es nicht.`, {
        measureId: p.measureId,
      });
    out.measure_id = p.measureId;
  }
  return out;
}

/** Adds a point to the agenda (by default after the last). @throws bodies.meeting_not_found (404), … */
export async function addAgendaItem(db: Db, meetingId: number, a: NewAgendaItem): Promise<number> {
  if (!(await repo.findMeeting(db, meetingId))) throw meetingMissing(meetingId);
  return repo.insertRow(db, 'agenda_item', {
    meeting_id: meetingId,
    position: a.position ?? (await repo.nextPosition(db, meetingId)),
    title: a.title,
    description: a.description,
    minutes: a.minutes,
    decision: a.decision,
    ...(await referenceColumns(db, a)),
  });
}

const agendaMissing = (id: number) =>
  notFound(
    'bodies.agenda_item_not_found',
    `Den Tagesordnungspunkt Nr. ${id} gibt es in dieser Sitzung nicht.`,
    {
      id,
    },
  );

/** @throws bodies.agenda_item_not_found (404) for an item not of this meeting */
async function requireAgendaItem(db: Db, meetingId: number, itemId: number) {
  if ((await repo.meetingOfAgendaItem(db, itemId)) !== meetingId) throw agendaMissing(itemId);
}

/** Changes an agenda item: text, minutes, decision, attachment, measure. */
export async function patchAgendaItem(db: Db, meetingId: number, itemId: number, p: AgendaItemPatch) {
  await requireAgendaItem(db, meetingId, itemId);
  const columns: repo.Columns = await referenceColumns(db, p);
  for (const k of ['position', 'title', 'description', 'minutes', 'decision', 'public'] as const)
    if (p[k] !== undefined) columns[k] = p[k];
  await repo.updateRow(db, 'agenda_item', itemId, columns);
}

export async function deleteAgendaItem(db: Db, meetingId: number, itemId: number): Promise<void> {
  await requireAgendaItem(db, meetingId, itemId);
  await repo.deleteRow(db, 'agenda_item', itemId);
}

// ---- action items ---------------------------------------------------------------------------

/** @throws bodies.unknown_user (400), bodies.organisation_not_found (400) */
async function ownerColumns(db: Db, owner: OwnerInput | null): Promise<repo.Columns> {
  const none = { owner_user_id: null, owner_organisation_id: null, owner_text: '' };
  if (owner === null) return none;
  if (owner.kind === 'text') return { ...none, owner_text: owner.name };
  if (owner.kind === 'organisation') {
    if (!(await repo.findOrganisation(db, owner.id)))
      throw badRequest('bodies.organisation_not_found', `Die Organisation Nr. ${owner.id} gibt es nicht.`, {
        id: owner.id,
      });
    return { ...none, owner_organisation_id: owner.id };
  }
  const user = await repo.findUserByName(db, owner.username);
  if (!user)
    throw badRequest('bodies.unknown_user', `Den Benutzer „${owner.username}“ gibt es nicht.`, {
      username: owner.username,
    });
  return { ...none, owner_user_id: user.id };
}

/** Adds an action item to an agenda item. @throws bodies.agenda_item_not_found (404), … */
export async function addActionItem(db: Db, meetingId: number, itemId: number, a: NewActionItem) {
  await requireAgendaItem(db, meetingId, itemId);
  return repo.insertRow(db, 'action_item', {
    agenda_item_id: itemId,
    title: a.title,
    due_date: a.dueDate,
    done: a.done,
    ...(await ownerColumns(db, a.owner)),
  });
}

const actionMissing = (id: number) =>
  notFound('bodies.action_item_not_found', `Die Aufgabe Nr. ${id} gibt es in dieser Sitzung nicht.`, { id });

/** Changes an action item (done, owner, due date, title). @throws bodies.action_item_not_found (404) */
export async function patchActionItem(db: Db, meetingId: number, actionId: number, p: ActionItemPatch) {
  if ((await repo.meetingOfActionItem(db, actionId)) !== meetingId) throw actionMissing(actionId);
  const columns: repo.Columns = p.owner === undefined ? {} : await ownerColumns(db, p.owner);
  if (p.title !== undefined) columns.title = p.title;
  if (p.dueDate !== undefined) columns.due_date = p.dueDate;
  if (p.done !== undefined) columns.done = p.done;
  await repo.updateRow(db, 'action_item', actionId, columns);
}

export async function deleteActionItem(db: Db, meetingId: number, actionId: number): Promise<void> {
  if ((await repo.meetingOfActionItem(db, actionId)) !== meetingId) throw actionMissing(actionId);
  await repo.deleteRow(db, 'action_item', actionId);
}

/**
 * „Was ist fällig“: the open action items of the bodies `user` may read, by due date (those
 * without one last), overdue ones marked; of one owner (`person`: key or part of the name) and
 * one body if asked.
 * @throws bodies.not_found (404) for a body `user` may not read
 */
export async function dueActions(
  db: Db,
  user: User,
  query: { person?: string | undefined; body?: number | undefined },
): Promise<DueItem[]> {
  if (query.body !== undefined) await requireReadableBody(db, user, query.body);
  const readable = await readableBodies(db, user);
  const bodies = query.body !== undefined ? [query.body] : readable;
  const day = today();
  return (await repo.openActions(db, bodies))
    .map((a) => ({
      ...presentAction(a, day),
      body: { id: a.body_id, name: a.body_name },
      meeting: { id: a.meeting_id, date: a.meeting_date },
      agendaItem: { id: a.agenda_item_id, position: a.agenda_position, title: a.agenda_title },
    }))
    .filter((a) => query.person === undefined || matchesPerson(a.owner, query.person));
}
