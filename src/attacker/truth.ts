/**
 * Ground truth for grading only (the attacker never sees it): the true count of every series,
 * area and Stichtag, read from the database and summed up the area tree as the app does, and
 * which cells the app's protection keeps secret.
 */
import type { Db } from '../db/db.ts';
import { TOTAL } from '../indicators/linked-protection.ts';
import { publicSnapshot } from '../indicators/public-snapshot.ts';
import { countKey, type CityFrame } from './model.ts';

/** What grading compares the attack with. */
export interface Truth {
  /** True counts by quantity key (`c|variable|node|date`). */
  counts: Map<string, number>;
  /**
   * Count cells the protection keeps secret, primary or secondary. Without it, the cells the
   * attacker saw marked secret are graded (for a city whose protection is not the app's).
   */
  secret?: Map<string, 'primary' | 'secondary'>;
}

/** The true counts and the app's protection of a city in `db`. */
export async function readTruth(db: Db, frame: CityFrame): Promise<Truth> {
  return { counts: await readCounts(db, frame), secret: await readSecret(db, frame) };
}

/** The secret cells of the public snapshot, as quantity keys of the attacker's frame. */
async function readSecret(db: Db, frame: CityFrame): Promise<Map<string, 'primary' | 'secondary'>> {
  const snapshot = await publicSnapshot(db);
  const nodeOf = new Map<string, string>([[TOTAL, frame.root]]);
  for (const a of snapshot.tree) nodeOf.set(String(a.id), `${a.level}:${a.key}`);
  const secret = new Map<string, 'primary' | 'secondary'>();
  for (const date of frame.dates) {
    const p = await snapshot.protectedDate(date);
    for (const [variable, areas] of p.secret) {
      const primary = p.primarySecret.get(variable);
      for (const area of areas) {
        const node = nodeOf.get(area);
        if (node && frame.nodes.has(node))
          secret.set(countKey(variable, node, date), primary?.has(area) ? 'primary' : 'secondary');
      }
    }
  }
  return secret;
}

async function readCounts(db: Db, frame: CityFrame): Promise<Map<string, number>> {
  const rows = await db.query<{ variable: string; level: string; area: string; date: string; value: number }>(
    `SELECT v.key AS variable, l.key AS level, a.key AS area, to_char(o.ref_date, 'YYYY-MM-DD') AS date,
            o.value AS value
       FROM observation o
       JOIN variable v ON v.id = o.variable_id
       JOIN area a ON a.id = o.area_id AND a.valid_to IS NULL
       JOIN area_level l ON l.id = a.level_id
      WHERE o.breakdown = '' AND o.value IS NOT NULL`,
  );
  const leaf = new Map<string, number>();
  for (const r of rows) {
    const node = `${r.level}:${r.area}`;
    if (!frame.nodes.has(node) || frame.children.has(node)) continue;
    leaf.set(countKey(r.variable, node, r.date), Number(r.value));
  }
  const truth = new Map(leaf);
  const variables = new Set(rows.map((r) => r.variable));
  const sumOf = (variable: string, node: string, date: string): number | undefined => {
    const kids = frame.children.get(node);
    if (!kids) return leaf.get(countKey(variable, node, date));
    let s = 0;
    for (const k of kids) {
      const v = sumOf(variable, k, date);
      if (v === undefined) return undefined;
      s += v;
    }
    truth.set(countKey(variable, node, date), s);
    return s;
  };
  for (const variable of variables) for (const date of frame.dates) sumOf(variable, frame.root, date);
  return truth;
}
