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
import { areaNames as currentAreaNames } from '../bodies/body.repository.ts';
import { steckbriefPath, bodyKindLabel, type BodyKind } from '../bodies/labels.ts';
import { notFound } from '../core/errors.ts';
import type { Db } from '../db/db.ts';
import { isPublic, type Status } from '../measures/progress.ts';
import { REPORT_MEDIA_TYPES } from '../reports/render.ts';
import { readCity } from '../setup/city.service.ts';
import { paginate } from './oparl.paging.ts';
import { consultationRole } from './oparl.consultation.ts';
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
const latest = (stamps: string[]) => stamps.reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a));
const earliest = (stamps: string[]) => stamps.reduce((a, b) => (Date.parse(b) < Date.parse(a) ? b : a));

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

interface Doc {
  ref: DocRef;
  paper: Omit<OparlPaper, 'mainFile' | 'consultation'>;
  /** A measure's decision: who decided it and when (for the consultation's role). */
  decision: { body: string; date: string } | null;
  file: Omit<OparlFile, 'agendaItem' | 'paper'> | null;
  items: number[];
  itemStamps: { created: string; modified: string }[];
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

function docRefsOf(a: repo.PublicAgendaRow): DocRef[] {
  const refs: DocRef[] = [];
  if (a.attachment_kind === 'steckbrief' && a.attachment_level !== null && a.attachment_area_key !== null)
    refs.push({ kind: 'steckbrief', level: a.attachment_level, key: a.attachment_area_key });
  if (a.attachment_kind === 'report' && a.attachment_report_id !== null)
    refs.push({ kind: 'report', id: a.attachment_report_id });
  if (a.measure_id !== null) refs.push({ kind: 'measure', id: a.measure_id });
  return refs;
}

/**
 * The public documents the public agenda items link, by {@link docKey}: a Steckbrief of a current
 * area (rendered for anyone with disclosure control), a published finished report, a decided
 * measure (its Beschlussvorlage is for planners, so it has no file). A paper's `modified` is also
 * moved by the agenda items that link it, so that clients following `modified_since` find a
 * document once it is put on a public agenda.
 */
async function documents(db: Db, urls: OparlUrls, items: repo.PublicAgendaRow[]): Promise<Map<string, Doc>> {
  const u = urlsOf(urls);
  const refs = items.flatMap((item) => docRefsOf(item).map((ref) => ({ item, ref })));
  const ids = (kind: 'report' | 'measure') => [
    ...new Set(refs.flatMap(({ ref }) => (ref.kind === kind ? [ref.id] : []))),
  ];
  const [areaNames, reports, measures] = await Promise.all([
    currentAreaNames(
      db,
      refs.flatMap(({ ref }) => (ref.kind === 'steckbrief' ? [{ level: ref.level, key: ref.key }] : [])),
    ),
    repo.publicReports(db, ids('report')),
    repo.measuresByIds(db, ids('measure')),
  ]);
  const reportById = new Map(reports.map((r) => [r.id, r]));
  const measureById = new Map(measures.map((m) => [m.id, m]));
  const body = u.body;

  const docs = new Map<string, Doc>();
  for (const { item, ref } of refs) {
    const key = docKey(ref);
    let doc = docs.get(key);
    if (!doc) {
      const made = makeDoc(ref);
      if (!made) continue;
      doc = { ref, ...made, items: [], itemStamps: [] };
      docs.set(key, doc);
    }
    if (!doc.items.includes(item.id)) {
      doc.items.push(item.id);
      doc.itemStamps.push({ created: item.created, modified: item.modified });
    }
  }
  for (const doc of docs.values()) {
    const modified = latest([
      ...(doc.paper.modified ? [doc.paper.modified] : []),
      ...doc.itemStamps.map((s) => s.modified),
    ]);
    const created = doc.paper.created ?? earliest(doc.itemStamps.map((s) => s.created));
    doc.paper = { ...doc.paper, created, modified };
    if (doc.file) doc.file = { ...doc.file, created, modified };
  }
  return docs;

  function makeDoc(ref: DocRef): Pick<Doc, 'paper' | 'file' | 'decision'> | null {
    const paperBase = { id: u.paper(ref), type: typeUri('Paper'), body } as const;
    const fileBase = { id: u.file(ref), type: typeUri('File') } as const;
    if (ref.kind === 'steckbrief') {
      const name = areaNames.get(`${ref.level}|${ref.key}`);
      if (name === undefined) return null;
      const query = new URLSearchParams({ template: 'steckbrief', level: ref.level, area: ref.key });
      const web = `${urls.origin}${steckbriefPath(ref.level, ref.key)}`;
      return {
        paper: { ...paperBase, name: `Gebietssteckbrief ${name}`, paperType: 'Gebietssteckbrief', web },
        file: {
          ...fileBase,
          name: `Gebietssteckbrief ${name}`,
          fileName: `steckbrief-${ref.level}-${ref.key}.pdf`,
          mimeType: 'application/pdf',
          accessUrl: `${urls.origin}/api/reports/render?${query.toString()}&format=pdf`,
          web,
        },
        decision: null,
      };
    }
    if (ref.kind === 'report') {
      const r = reportById.get(ref.id);
      if (!r) return null;
      const file = `${urls.origin}/api/reports/${r.id}/file`;
      return {
        paper: {
          ...paperBase,
          name: r.title,
          reference: `Bericht ${r.id}`,
          date: r.day,
          paperType: 'Bericht',
          created: r.created,
          modified: r.modified,
        },
        file: {
          ...fileBase,
          name: r.title,
          fileName: `bericht-${r.id}.${r.format}`,
          mimeType: REPORT_MEDIA_TYPES[r.format].split(';')[0]!,
          date: r.day,
          ...(r.size !== null ? { size: r.size } : {}),
          accessUrl: file,
          downloadUrl: `${file}?download=1`,
        },
        decision: null,
      };
    }
    const m = measureById.get(ref.id);
    if (!m || !isPublic(m.status as Status)) return null;
    return {
      paper: {
        ...paperBase,
        name: m.title,
        reference: `Maßnahme ${m.id}`,
        paperType: 'Maßnahme',
        created: m.created,
        modified: m.modified,
      },
      file: null,
      decision: m.decision,
    };
  }
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
