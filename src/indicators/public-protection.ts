/**
 * Secondary disclosure control for public outputs: for every count series and Stichtag, the
 * hierarchy table Sozialraum → Stadtbezirk → Stadt (→ total) is protected with
 * `protectTable` (frequency rule, secondary suppression, LP audit). A published rate needs its
 * numerator and denominator cells unsuppressed, so that no secret count can be recomputed
 * from published rates and totals. Results are cached per data version.
 */
import type { Db } from '../db/db.ts';
import { protectTable } from '../disclosure/protect.ts';
import { hierarchyTable } from '../disclosure/table.ts';
import type { Cell, TreeNode } from './aggregate.ts';

/** Cell id of the synthetic total above all top-level areas. */
export const TOTAL = '__total';

export type SecretCells = (variable: string, date: string) => Set<string>;

type Totals = Map<string, Map<string, Map<number, Cell>>>;

/** Secret cell ids (area ids as strings, and TOTAL) of one count series at one Stichtag. */
export async function protectSeries(nodes: TreeNode[], own: Map<number, Cell>): Promise<Set<string>> {
  const hasChildren = new Set(nodes.map((n) => n.parentId).filter((p): p is number => p !== null));
  const values = new Map<string, number>();
  const secret = new Set<string>();
  for (const n of nodes) {
    if (hasChildren.has(n.id)) continue; // totals are summed from their parts
    const c = own.get(n.id);
    if (c?.value === null || c?.value === undefined || c.status === 'secret' || c.status === 'missing') {
      // Unusable leaf: treat as secret 0 so its ancestors cannot be published as exact sums.
      values.set(String(n.id), 0);
      if (c?.status === 'secret') secret.add(String(n.id));
    } else values.set(String(n.id), Math.max(0, c.value));
  }
  const tree = [
    { id: TOTAL, parent: null },
    ...nodes.map((n) => ({ id: String(n.id), parent: n.parentId === null ? TOTAL : String(n.parentId) })),
  ];
  const result = await protectTable(hierarchyTable(tree, values), {
    intervals: false,
    primary: new Map([...secret].map((id) => [id, 'bereits geheim geliefert'])),
  });
  const out = new Set<string>();
  for (const [id, status] of result.status) if (status === 'secret') out.add(id);
  return out;
}

/** Per database (tests open many in one process), keyed by data version, variable and Stichtag. */
const caches = new WeakMap<Db, Map<string, Promise<Set<string>>>>();
const MAX_CACHE = 2000;

/**
 * The data version: a counter that every write to data behind public outputs raises in its own
 * transaction (statement triggers, migration 004), so all processes on one database agree on it.
 * One primary-key read; cheap enough to ask on every request.
 * @example await dataVersion(db) // '57'
 */
export async function dataVersion(db: Db): Promise<string> {
  const [row] = await db.query<{ version: number }>('SELECT version FROM data_version');
  return String(row?.version ?? 0);
}

/** Protects every (variable, date) the caller needs, and returns a synchronous lookup. */
export async function secretCellsFor(
  db: Db,
  nodes: TreeNode[],
  totals: Totals,
  needs: { variable: string; dates: string[] }[],
): Promise<SecretCells> {
  const version = await dataVersion(db);
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map<string, Promise<Set<string>>>()));
  const resolved = new Map<string, Set<string>>();
  for (const { variable, dates } of needs) {
    for (const date of dates) {
      const key = `${version}|${variable}|${date}`;
      let p = cache.get(key);
      if (!p) {
        if (cache.size >= MAX_CACHE) cache.clear();
        p = protectSeries(nodes, totals.get(variable)?.get(date) ?? new Map<number, Cell>());
        cache.set(key, p);
        p.catch(() => cache.delete(key));
      }
      resolved.set(`${variable}|${date}`, await p);
    }
  }
  return (variable, date) => resolved.get(`${variable}|${date}`) ?? new Set([TOTAL]);
}
