/** SQL for stored report templates (table `report_template`, migration 003). */
import type { Db } from '../db/db.ts';
import { ReportTemplate } from './report.schema.ts';

interface Row {
  key: string;
  definition: unknown;
  builtin: boolean;
  updated_at: string | Date;
  [k: string]: unknown;
}

export interface StoredTemplate {
  template: ReportTemplate;
  builtin: boolean;
  /** ISO time of the last change (or of the installation for an untouched built-in). */
  updatedAt: string;
}

/** jsonb arrives parsed on both engines; a string (older drivers) is parsed here. */
const parse = (r: Row): StoredTemplate => ({
  template: ReportTemplate.parse(typeof r.definition === 'string' ? JSON.parse(r.definition) : r.definition),
  builtin: r.builtin,
  updatedAt: new Date(r.updated_at).toISOString(),
});

const COLUMNS = 'key, definition, builtin, updated_at';

/** Built-ins first in their shipped order, then the city's own templates by key. */
export async function listTemplates(db: Db, builtinOrder: readonly string[]): Promise<StoredTemplate[]> {
  const rows = await db.query<Row>(`SELECT ${COLUMNS} FROM report_template`);
  const rank = (r: Row) => (r.builtin ? builtinOrder.indexOf(r.key) : builtinOrder.length);
  return rows.sort((a, b) => rank(a) - rank(b) || a.key.localeCompare(b.key)).map(parse);
}

export async function findTemplate(db: Db, key: string): Promise<StoredTemplate | null> {
  const [row] = await db.query<Row>(`SELECT ${COLUMNS} FROM report_template WHERE key = $1`, [key]);
  return row ? parse(row) : null;
}

/** Inserts or replaces templates; a replaced template keeps its `builtin` flag. */
export async function upsertTemplates(
  db: Db,
  templates: ReportTemplate[],
  userId: number | null,
): Promise<void> {
  for (const t of templates) {
    await db.query(
      `INSERT INTO report_template (key, definition, builtin, updated_by, updated_at)
       VALUES ($1, $2::jsonb, false, $3, now())
       ON CONFLICT (key) DO UPDATE SET definition = excluded.definition, updated_by = excluded.updated_by,
         updated_at = now()`,
      [t.key, JSON.stringify(t), userId],
    );
  }
}

/** Inserts the built-in templates that are missing; existing rows (maybe edited) stay as they are. */
export async function insertMissingBuiltins(db: Db, templates: readonly ReportTemplate[]): Promise<number> {
  let inserted = 0;
  for (const t of templates) {
    const rows = await db.query(
      `INSERT INTO report_template (key, definition, builtin) VALUES ($1, $2::jsonb, true)
       ON CONFLICT (key) DO NOTHING RETURNING key`,
      [t.key, JSON.stringify(t)],
    );
    inserted += rows.length;
  }
  return inserted;
}

export async function deleteTemplate(db: Db, key: string): Promise<boolean> {
  return (await db.query('DELETE FROM report_template WHERE key = $1 RETURNING key', [key])).length > 0;
}
