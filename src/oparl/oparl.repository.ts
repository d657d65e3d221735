/**
 * SQL of the OParl interface: only what is public — bodies marked public, their public meetings,
 * and the public agenda items of those (migration 020) — and the Lagebild documents they link;
 * and the tombstones of what was public once (migration 024).
 */
import type { Db } from '../db/db.ts';

const STAMP = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

export interface PublicBodyRow {
  id: number;
  name: string;
  kind: string;
  topic: string;
  area_name: string | null;
  created: string;
  modified: string;
  [k: string]: unknown;
}

export async function publicBodies(db: Db): Promise<PublicBodyRow[]> {
  return db.query<PublicBodyRow>(
    `SELECT b.id, b.name, b.kind, b.topic, a.name AS area_name,
            ${STAMP('b.created_at')} AS created, ${STAMP('b.updated_at')} AS modified
       FROM body b LEFT JOIN area a ON a.id = b.area_id
      WHERE b.public ORDER BY b.id`,
  );
}

export interface PublicMeetingRow {
  id: number;
  body_id: number;
  body_name: string;
  date: string;
  status: string;
  created: string;
  modified: string;
  [k: string]: unknown;
}

export async function publicMeetings(db: Db): Promise<PublicMeetingRow[]> {
  return db.query<PublicMeetingRow>(
    `SELECT m.id, m.body_id, b.name AS body_name, m.date::text AS date, m.status,
            ${STAMP('m.created_at')} AS created, ${STAMP('m.updated_at')} AS modified
       FROM meeting m JOIN body b ON b.id = m.body_id
      WHERE b.public AND m.public ORDER BY m.id`,
  );
}

export interface PublicAgendaRow {
  id: number;
  meeting_id: number;
  position: number;
  title: string;
  decision: string;
  attachment_kind: 'steckbrief' | 'report' | null;
  attachment_level: string | null;
  attachment_area_key: string | null;
  attachment_report_id: number | null;
  measure_id: number | null;
  created: string;
  modified: string;
  [k: string]: unknown;
}

/** Public agenda items of public meetings of public bodies, in meeting and agenda order. */
export async function publicAgendaItems(db: Db): Promise<PublicAgendaRow[]> {
  return db.query<PublicAgendaRow>(
    `SELECT ai.id, ai.meeting_id, ai.position, ai.title, ai.decision, ai.attachment_kind,
            ai.attachment_level, ai.attachment_area_key, ai.attachment_report_id, ai.measure_id,
            ${STAMP('ai.created_at')} AS created, ${STAMP('ai.updated_at')} AS modified
       FROM agenda_item ai JOIN meeting m ON m.id = ai.meeting_id JOIN body b ON b.id = m.body_id
      WHERE b.public AND m.public AND ai.public
      ORDER BY ai.meeting_id, ai.position, ai.id`,
  );
}

export interface ReportDocRow {
  id: number;
  title: string;
  format: 'pdf' | 'docx' | 'html';
  size: number | null;
  day: string;
  created: string;
  modified: string;
  [k: string]: unknown;
}

/** Of the reports `ids`, those the public may download: published (not internal) and finished. */
export async function publicReports(db: Db, ids: number[]): Promise<ReportDocRow[]> {
  if (!ids.length) return [];
  return db.query<ReportDocRow>(
    `SELECT id, title, format, size, (created_at AT TIME ZONE 'UTC')::date::text AS day,
            ${STAMP('created_at')} AS created, ${STAMP('coalesce(finished_at, created_at)')} AS modified
       FROM report WHERE id = ANY($1::int[]) AND NOT internal AND status = 'done'`,
    [ids],
  );
}

export interface MeasureDocRow {
  id: number;
  title: string;
  status: string;
  /** Who decided it (free text, as the measure records it). */
  decision: { body: string; date: string } | null;
  created: string;
  modified: string;
  [k: string]: unknown;
}

export async function measuresByIds(db: Db, ids: number[]): Promise<MeasureDocRow[]> {
  if (!ids.length) return [];
  return db.query<MeasureDocRow>(
    `SELECT id, title, status, decision, ${STAMP('created_at')} AS created, ${STAMP('updated_at')} AS modified
       FROM measure WHERE id = ANY($1::int[])`,
    [ids],
  );
}

export interface TombstoneRow {
  kind: 'organization' | 'meeting' | 'agenda-item' | 'consultation' | 'paper' | 'file';
  ref: string;
  created: string | null;
  modified: string;
  position: number | null;
  [k: string]: unknown;
}

/** What was published and has gone since (migration 024), oldest deletion first. */
export async function tombstones(db: Db): Promise<TombstoneRow[]> {
  return db.query<TombstoneRow>(
    `SELECT kind, ref, ${STAMP('created_at')} AS created, ${STAMP('deleted_at')} AS modified, position
       FROM oparl_tombstone ORDER BY deleted_at, kind, ref`,
  );
}
