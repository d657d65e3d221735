/**
 * The URLs of OParl objects, in one place so that lists, objects, embedded objects and the
 * tombstones of deleted ones (migration 024) agree.
 */

/** Where the client reached us: `origin` (scheme and host) and `base`, the OParl root under it. */
export interface OparlUrls {
  origin: string;
  base: string;
}

/** The one oparl:Body: its number in URLs. */
export const BODY_ID = 1;

/** A Lagebild document an agenda item links. */
export type DocRef =
  | { kind: 'steckbrief'; level: string; key: string }
  | { kind: 'report'; id: number }
  | { kind: 'measure'; id: number };

const enc = encodeURIComponent;

/** The document's path in URLs, its parts encoded. */
export const docPath = (d: DocRef) =>
  d.kind === 'steckbrief' ? `steckbrief/${enc(d.level)}/${enc(d.key)}` : `${d.kind}/${d.id}`;

/**
 * The document's key as the database writes it (migration 024 builds it in SQL, which has no
 * URL encoding): `steckbrief/<level>/<key>`, `report/<id>`, `measure/<id>`.
 */
export const docKey = (d: DocRef) =>
  d.kind === 'steckbrief' ? `steckbrief/${d.level}/${d.key}` : `${d.kind}/${d.id}`;

/**
 * The document of a {@link docKey}; null for anything else.
 * @example parseDocKey('report/5') // { kind: 'report', id: 5 }
 */
export function parseDocKey(key: string): DocRef | null {
  const [kind, ...rest] = key.split('/');
  if (kind === 'steckbrief' && rest.length >= 2 && rest[0])
    return { kind, level: rest[0], key: rest.slice(1).join('/') };
  if ((kind === 'report' || kind === 'measure') && rest.length === 1 && /^\d+$/.test(rest[0]!))
    return { kind, id: Number(rest[0]) };
  return null;
}

export function urlsOf({ base }: OparlUrls) {
  const body = `${base}/body/${BODY_ID}`;
  return {
    system: base,
    bodies: `${base}/body`,
    body,
    list: (name: string) => `${body}/${name}`,
    organization: (id: number | string) => `${base}/organization/${id}`,
    meeting: (id: number | string) => `${base}/meeting/${id}`,
    agendaItem: (id: number | string) => `${base}/agenda-item/${id}`,
    paper: (doc: DocRef) => `${base}/paper/${docPath(doc)}`,
    file: (doc: DocRef) => `${base}/file/${docPath(doc)}`,
    /** The consultation of a document on an agenda item: one per link, as the item has it. */
    consultation: (item: number | string, doc: DocRef) => `${base}/consultation/${item}/${docPath(doc)}`,
  };
}

export type OparlUrlsOf = ReturnType<typeof urlsOf>;
