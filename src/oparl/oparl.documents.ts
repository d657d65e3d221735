/**
 * The public documents behind OParl papers and files: what a public agenda item links (a
 * Steckbrief of a current area, a published finished report, a decided measure), each made once
 * however many items link it.
 */
import { areaNames as currentAreaNames } from '../bodies/body.repository.ts';
import { steckbriefPath } from '../bodies/labels.ts';
import type { Db } from '../db/db.ts';
import { isPublic, type Status } from '../measures/progress.ts';
import { REPORT_MEDIA_TYPES } from '../reports/render.ts';
import * as repo from './oparl.repository.ts';
import { typeUri, type OparlFile, type OparlPaper } from './oparl.schema.ts';
import { docKey, urlsOf, type DocRef, type OparlUrls } from './oparl.urls.ts';

export const latest = (stamps: string[]) => stamps.reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a));
const earliest = (stamps: string[]) => stamps.reduce((a, b) => (Date.parse(b) < Date.parse(a) ? b : a));

export interface Doc {
  ref: DocRef;
  paper: Omit<OparlPaper, 'mainFile' | 'consultation'>;
  /** A measure's decision: who decided it and when (for the consultation's role). */
  decision: { body: string; date: string } | null;
  file: Omit<OparlFile, 'agendaItem' | 'paper'> | null;
  items: number[];
  itemStamps: { created: string; modified: string }[];
}

export function docRefsOf(a: repo.PublicAgendaRow): DocRef[] {
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
export async function documents(
  db: Db,
  urls: OparlUrls,
  items: repo.PublicAgendaRow[],
): Promise<Map<string, Doc>> {
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
