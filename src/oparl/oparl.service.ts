/**
 * OParl 1.1 over Lagebild's bodies: the installation's Kommune is the one oparl:Body, the bodies
 * (Gremien) marked public are its organizations, their public meetings with the public agenda
 * items inside, and the Lagebild documents those items link as papers with their files.
 *
 * Everything here is public, whoever asks — the session is never looked at, so a partner or a
 * planner sees exactly what an anonymous client sees. Left out on purpose:
 * - persons: a body's members are accounts (people who log in) or organisations; OParl would
 *   publish the names of the former without their consent, so the person list stays empty;
 * - members, contact data of organisations, minutes (they name people), action items;
 * - internal reports, measures before they are decided, and meetings or items not marked public.
 */
import { bodyKindLabel, type BodyKind } from '../bodies/labels.ts';
import { notFound } from '../core/errors.ts';
import type { Db } from '../db/db.ts';
import { readCity } from '../setup/city.service.ts';
import { paginate } from './oparl.paging.ts';
import { consultationRole } from './oparl.consultation.ts';
import { docRefsOf, documents, latest, type Doc } from './oparl.documents.ts';
import { deletedObjects, withDeleted } from './oparl.deleted.ts';
import * as repo from './oparl.repository.ts';
import {
  OPARL_VERSION,
  typeUri,
  type ListQuery,
  type OparlAgendaItem,
  type OparlBody,
  type OparlConsultation,
  type OparlFile,
  type OparlMeeting,
  type OparlOrganization,
  type OparlPage,
  type OparlPaper,
  type OparlSystem,
} from './oparl.schema.ts';
import { BODY_ID, docKey, urlsOf, type DocRef, type OparlUrls } from './oparl.urls.ts';

export type { DocRef, OparlUrls };

const missing = (what: string) =>
  notFound('oparl.not_found', `${what} gibt es in der öffentlichen OParl-Schnittstelle nicht.`);

/** Start of a day in Europe/Berlin as a date-time with its offset (meetings are kept by day). */
export function berlinDayStart(day: string): string {
  // the offset at 00:00 UTC is the one at local midnight: clocks change at 02:00/03:00
  const name = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Berlin', timeZoneName: 'longOffset' })
    .formatToParts(new Date(`${day}T00:00:00Z`))
    .find((p) => p.type === 'timeZoneName')?.value;
  const offset = name?.replace('GMT', '') || '+00:00';
  return `${day}T00:00:00${offset}`;
}

const germanDay = (day: string) => day.split('-').reverse().join('.');

const MEETING_STATE: Record<string, string> = { geplant: 'terminiert', durchgefuehrt: 'durchgeführt' };

/** OParl recommends „Parlament“ for the highest elected body rather than „Rat“. */
const classificationOf = (kind: string) =>
  kind === 'rat' ? 'Parlament' : (bodyKindLabel[kind as BodyKind] ?? kind);

/** Everything public, built once per request: lists and single objects come from the same view. */
export interface PublicView {
  system: OparlSystem;
  bodies: OparlBody[];
  organizations: OparlOrganization[];
  meetings: OparlMeeting[];
  agendaItems: OparlAgendaItem[];
  papers: OparlPaper[];
  files: OparlFile[];
  /** Reached by URL only (OParl has no list of them); the live ones are embedded in papers. */
  consultations: OparlConsultation[];
}

export async function publicView(db: Db, urls: OparlUrls): Promise<PublicView> {
  const u = urlsOf(urls);
  const [city, bodyRows, meetingRows, itemRows, graves] = await Promise.all([
    readCity(db),
    repo.publicBodies(db),
    repo.publicMeetings(db),
    repo.publicAgendaItems(db),
    repo.tombstones(db),
  ]);
  const system: OparlSystem = {
    id: u.system,
    type: typeUri('System'),
    oparlVersion: OPARL_VERSION,
    body: u.bodies,
    name: city ? `Lagebild ${city.name}` : 'Lagebild',
    website: `${urls.origin}/`,
  };
  if (!city)
    return {
      system,
      bodies: [],
      organizations: [],
      meetings: [],
      agendaItems: [],
      papers: [],
      files: [],
      consultations: [],
    };

  const body: OparlBody = {
    id: u.body,
    type: typeUri('Body'),
    system: u.system,
    name: city.name,
    ...(/^\d{8}$/.test(city.key) ? { ags: city.key } : {}),
    classification: city.kind === 'kreis' ? 'Kreis' : 'Stadt',
    organization: u.list('organization'),
    person: u.list('person'),
    meeting: u.list('meeting'),
    paper: u.list('paper'),
    legislativeTerm: [],
    agendaItem: u.list('agenda-item'),
    file: u.list('file'),
    legislativeTermList: u.list('legislative-term'),
    web: `${urls.origin}/`,
  };

  const organizations: OparlOrganization[] = bodyRows.map((b) => ({
    id: u.organization(b.id),
    type: typeUri('Organization'),
    body: u.body,
    name: b.name,
    meeting: `${u.organization(b.id)}/meeting`,
    organizationType: 'Gremium',
    classification: classificationOf(b.kind),
    ...(b.topic || b.area_name ? { keyword: [b.topic, b.area_name ?? ''].filter(Boolean) } : {}),
    created: b.created,
    modified: b.modified,
  }));

  const deleted = deletedObjects(graves, u);
  const docs = await documents(db, urls, itemRows);
  const meetingById = new Map(meetingRows.map((m) => [m.id, m]));

  // one consultation per link of a public item to a public document
  const consultations: { item: number; doc: Doc; object: OparlConsultation }[] = [];
  for (const item of itemRows) {
    const meeting = meetingById.get(item.meeting_id)!;
    for (const ref of docRefsOf(item)) {
      const doc = docs.get(docKey(ref));
      if (!doc) continue;
      consultations.push({
        item: item.id,
        doc,
        object: {
          id: u.consultation(item.id, ref),
          type: typeUri('Consultation'),
          paper: u.paper(ref),
          agendaItem: u.agendaItem(item.id),
          meeting: u.meeting(item.meeting_id),
          organization: [u.organization(meeting.body_id)],
          ...consultationRole(ref.kind, doc.decision, { body: meeting.body_name, date: meeting.date }),
          created: item.created,
          modified: item.modified,
        },
      });
    }
  }
  const liveConsultations = new Set(consultations.map((c) => c.object.id));
  const goneConsultations = deleted.consultations.filter((c) => !liveConsultations.has(c.object.id));
  // an object changes when a consultation embedded in it, or of it, goes (specification)
  const goneOfItem = (id: number) => goneConsultations.filter((c) => c.item === id).map((c) => c.object);
  const goneOfDoc = (doc: Doc) =>
    goneConsultations.filter((c) => docKey(c.doc) === docKey(doc.ref)).map((c) => c.object);
  const modifiedWith = (own: string, gone: { modified?: string | undefined }[]) =>
    latest([own, ...gone.flatMap((g) => (g.modified ? [g.modified] : []))]);
  for (const doc of docs.values()) {
    const modified = modifiedWith(doc.paper.modified!, goneOfDoc(doc));
    doc.paper = { ...doc.paper, modified };
    if (doc.file) doc.file = { ...doc.file, modified };
  }

  const fileOf = (doc: Doc): OparlFile | null =>
    doc.file && {
      ...doc.file,
      agendaItem: doc.items.map(u.agendaItem),
      paper: [u.paper(doc.ref)],
    };
  const filesOfItem = (item: repo.PublicAgendaRow): OparlFile[] =>
    docRefsOf(item).flatMap((ref) => {
      const doc = docs.get(docKey(ref));
      const file = doc && fileOf(doc);
      return file ? [file] : [];
    });

  const seen = new Map<number, number>();
  const agendaItems: OparlAgendaItem[] = itemRows.map((a) => {
    const index = (seen.get(a.meeting_id) ?? 0) + 1;
    seen.set(a.meeting_id, index);
    const files = filesOfItem(a);
    // OParl gives an item one consultation: that of the measure it decides or discusses, else
    // that of its attachment
    const own = consultations.filter((c) => c.item === a.id);
    const main = own.find((c) => c.doc.ref.kind === 'measure') ?? own[0];
    return {
      id: u.agendaItem(a.id),
      type: typeUri('AgendaItem'),
      meeting: u.meeting(a.meeting_id),
      number: String(a.position),
      order: index,
      name: a.title,
      public: true,
      ...(main ? { consultation: main.object.id } : {}),
      ...(a.decision ? { resolutionText: a.decision } : {}),
      ...(files.length ? { auxiliaryFile: files } : {}),
      created: a.created,
      modified: modifiedWith(a.modified, goneOfItem(a.id)),
    };
  });

  const meetings: OparlMeeting[] = meetingRows.map((m) => {
    const items = agendaItems.filter((a) => a.meeting === u.meeting(m.id));
    return {
      id: u.meeting(m.id),
      type: typeUri('Meeting'),
      name: `${m.body_name}, Sitzung am ${germanDay(m.date)}`,
      meetingState: MEETING_STATE[m.status] ?? m.status,
      start: berlinDayStart(m.date),
      organization: [u.organization(m.body_id)],
      agendaItem: items,
      created: m.created,
      modified: modifiedWith(m.modified, items),
    };
  });

  const ordered = [...docs.values()].sort((a, b) => docKey(a.ref).localeCompare(docKey(b.ref)));
  const papers: OparlPaper[] = ordered.map((doc) => {
    const file = fileOf(doc);
    const embedded = [...consultations.filter((c) => c.doc === doc).map((c) => c.object), ...goneOfDoc(doc)];
    return {
      ...doc.paper,
      ...(file ? { mainFile: file } : {}),
      ...(embedded.length ? { consultation: embedded } : {}),
    };
  });
  const files = ordered.flatMap((doc) => {
    const file = fileOf(doc);
    return file ? [file] : [];
  });

  return {
    system,
    bodies: [body],
    organizations: withDeleted(organizations, deleted.organizations),
    meetings: withDeleted(meetings, deleted.meetings),
    agendaItems: withDeleted(agendaItems, deleted.agendaItems),
    papers: withDeleted(papers, deleted.papers),
    files: withDeleted(files, deleted.files),
    consultations: [...consultations.map((c) => c.object), ...goneConsultations.map((c) => c.object)],
  };
}

// ---- what the routes serve ------------------------------------------------------------------

export const getSystem = async (db: Db, urls: OparlUrls) => (await publicView(db, urls)).system;

type Lists = Omit<PublicView, 'system'>;

/** A page of one of the view's lists at `listUrl`. */
export async function listOf<K extends keyof Lists>(
  db: Db,
  urls: OparlUrls,
  key: K,
  query: ListQuery,
  listUrl: string,
): Promise<OparlPage<Lists[K][number]>> {
  const view = await publicView(db, urls);
  return paginate<Lists[K][number]>(view[key], query, listUrl);
}

/** The absolute URL of a list under the body; @throws oparl.not_found for another body number */
export function bodyListUrl(urls: OparlUrls, bodyId: number, name: string): string {
  if (bodyId !== BODY_ID) throw missing(`Die Körperschaft Nr. ${bodyId}`);
  return urlsOf(urls).list(name);
}

/** The meetings of one public organization. @throws oparl.not_found */
export async function meetingsOfOrganization(db: Db, urls: OparlUrls, id: number, query: ListQuery) {
  const view = await publicView(db, urls);
  const org = urlsOf(urls).organization(id);
  if (!view.organizations.some((o) => o.id === org)) throw missing(`Das Gremium Nr. ${id}`);
  return paginate(
    view.meetings.filter((m) => m.organization?.includes(org)),
    query,
    `${org}/meeting`,
  );
}

/** One object of the view by its id (its URL). @throws oparl.not_found */
export async function objectOf<K extends keyof Lists>(
  db: Db,
  urls: OparlUrls,
  key: K,
  url: (u: ReturnType<typeof urlsOf>) => string,
  what: string,
): Promise<Lists[K][number]> {
  const view = await publicView(db, urls);
  const id = url(urlsOf(urls));
  const found = (view[key] as Lists[K][number][]).find((o) => o.id === id);
  if (!found) throw missing(what);
  return found;
}

export { urlsOf };
