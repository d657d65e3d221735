/**
 * Deleted objects (OParl 1.1, „Gelöschte Objekte“ and „Depublizierung“): what was published and
 * then deleted or withdrawn stays at its URL, with status 200, as a minimal object — `id`,
 * `type`, `created` where known, `modified` = the time it went, `deleted: true` — and in its list,
 * so that clients updating with `modified_since` learn that it is gone. The tombstones come from
 * the triggers of migration 024 and hold nothing a client has not seen (no name, no title).
 *
 * The official schema still requires `order` of an agenda item and `accessUrl` of a file; the
 * specification lets a deleted object keep any attribute, so those two stay: the item's old
 * position, and the file's own OParl URL (its document is no longer public anywhere).
 */
import type { TombstoneRow } from './oparl.repository.ts';
import {
  typeUri,
  type OparlAgendaItem,
  type OparlConsultation,
  type OparlFile,
  type OparlMeeting,
  type OparlOrganization,
  type OparlPaper,
} from './oparl.schema.ts';
import { parseDocKey, type DocRef, type OparlUrlsOf } from './oparl.urls.ts';

/** The tombstones as OParl objects, by kind; a consultation with its paper's key and its item. */
export interface DeletedObjects {
  organizations: OparlOrganization[];
  meetings: OparlMeeting[];
  agendaItems: OparlAgendaItem[];
  papers: OparlPaper[];
  files: OparlFile[];
  consultations: { item: number; doc: DocRef; object: OparlConsultation }[];
}

const stamps = (row: TombstoneRow) => ({
  ...(row.created !== null ? { created: row.created } : {}),
  modified: row.modified,
  deleted: true as const,
});

/** Every tombstone as its minimal object; rows naming nothing Lagebild could publish are skipped. */
export function deletedObjects(rows: TombstoneRow[], u: OparlUrlsOf): DeletedObjects {
  const out: DeletedObjects = {
    organizations: [],
    meetings: [],
    agendaItems: [],
    papers: [],
    files: [],
    consultations: [],
  };
  const numeric = (ref: string) => (/^\d+$/.test(ref) ? Number(ref) : null);
  for (const row of rows) {
    const id = numeric(row.ref);
    if (row.kind === 'organization' && id !== null)
      out.organizations.push({ id: u.organization(id), type: typeUri('Organization'), ...stamps(row) });
    else if (row.kind === 'meeting' && id !== null)
      out.meetings.push({ id: u.meeting(id), type: typeUri('Meeting'), ...stamps(row) });
    else if (row.kind === 'agenda-item' && id !== null)
      out.agendaItems.push({
        id: u.agendaItem(id),
        type: typeUri('AgendaItem'),
        order: row.position ?? 0,
        ...stamps(row),
      });
    else if (row.kind === 'paper' || row.kind === 'file') {
      const doc = parseDocKey(row.ref);
      if (!doc) continue;
      if (row.kind === 'paper') out.papers.push({ id: u.paper(doc), type: typeUri('Paper'), ...stamps(row) });
      else if (doc.kind !== 'measure') {
        const fileId = u.file(doc);
        out.files.push({ id: fileId, type: typeUri('File'), accessUrl: fileId, ...stamps(row) });
      }
    } else if (row.kind === 'consultation') {
      const slash = row.ref.indexOf('/');
      const item = numeric(row.ref.slice(0, slash));
      const doc = parseDocKey(row.ref.slice(slash + 1));
      if (item === null || !doc) continue;
      out.consultations.push({
        item,
        doc,
        object: { id: u.consultation(item, doc), type: typeUri('Consultation'), ...stamps(row) },
      });
    }
  }
  return out;
}

/**
 * `live` and after it the tombstones of objects not live: a tombstone whose object is published
 * again (a document linked by another public item, say) says nothing.
 */
export function withDeleted<T extends { id: string }>(live: T[], deleted: T[]): T[] {
  const ids = new Set(live.map((o) => o.id));
  return [...live, ...deleted.filter((o) => !ids.has(o.id))];
}
