/** Storage of warning rules (table `warning_rule`): the definition as JSON, `active` and order as columns. */
import type { Db } from '../db/db.ts';
import { WarningRule } from './warning.schema.ts';

interface RuleRow extends Record<string, unknown> {
  key: string;
  definition: Record<string, unknown>;
  active: boolean;
}

/** A stored row as a rule; definitions are parsed, so defaults added later fill in. */
const toRule = (r: RuleRow): WarningRule =>
  WarningRule.parse({ ...r.definition, key: r.key, active: r.active });

/** All rules in their order (sort, then key). */
export async function listRules(db: Db): Promise<WarningRule[]> {
  const rows = await db.query<RuleRow>('SELECT key, definition, active FROM warning_rule ORDER BY sort, key');
  return rows.map(toRule);
}

export async function findRule(db: Db, key: string): Promise<WarningRule | null> {
  const [row] = await db.query<RuleRow>('SELECT key, definition, active FROM warning_rule WHERE key = $1', [
    key,
  ]);
  return row ? toRule(row) : null;
}

export async function countRules(db: Db): Promise<number> {
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM warning_rule');
  return row?.n ?? 0;
}

/** Inserts or replaces rules; new ones go to the end of the order. */
export async function upsertRules(db: Db, rules: WarningRule[], userId: number | null): Promise<void> {
  for (const rule of rules) {
    const { key, active, ...definition } = rule;
    await db.query(
      `INSERT INTO warning_rule (key, definition, active, sort, updated_by, updated_at)
       VALUES ($1, $2::jsonb, $3, (SELECT coalesce(max(sort), 0) + 1 FROM warning_rule), $4, now())
       ON CONFLICT (key) DO UPDATE SET definition = excluded.definition, active = excluded.active,
         updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
      [key, JSON.stringify(definition), active, userId],
    );
  }
}

export async function deleteRule(db: Db, key: string): Promise<boolean> {
  return (await db.query('DELETE FROM warning_rule WHERE key = $1 RETURNING key', [key])).length > 0;
}
