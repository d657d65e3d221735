/**
 * The protected snapshot of one data version: the area tree, the counts of every variable behind
 * a published indicator or a published norm (coverage), and — computed once per Stichtag on first
 * use — the secret cells of the linked system (linked-protection.ts). Every value the public sees
 * is computed from this one snapshot, whichever route asks, so no two responses can combine into
 * more than the snapshot publishes. Kept per database and data version; a new version replaces it.
 */
import * as areaRepo from '../areas/area.repository.ts';
import type { AreaRow } from '../areas/area.repository.ts';
import type { Db } from '../db/db.ts';
import type { Cell } from '../core/value-status.ts';
import { POPULATION, populationDate } from './calculator.ts';
import * as repo from './indicator.repository.ts';
import { listDates, loadTotals } from '../observations/observation.repository.ts';
import { protectDate, TOTAL, type ProtectedDate, type SecretCells } from './linked-protection.ts';
import { dataVersion } from '../db/data-version.ts';

type Totals = Map<string, Map<string, Map<number, Cell>>>; // variable → date → area id → cell

export interface PublicSnapshot {
  version: string;
  tree: AreaRow[];
  /** Counts of every variable behind a published indicator or norm, and the population. */
  totals: Totals;
  variables: string[];
  /** The protected pattern of a Stichtag (computed on first use, then kept). */
  protectedDate(date: string): Promise<ProtectedDate>;
}

const snapshots = new WeakMap<Db, Promise<PublicSnapshot>>();

/** The snapshot of the current data version (loaded on the first call after a change). */
export async function publicSnapshot(db: Db): Promise<PublicSnapshot> {
  const version = await dataVersion(db);
  const current = snapshots.get(db);
  if (current) {
    const snap = await current.catch(() => null);
    if (snap?.version === version) return snap;
    // Another request may have started the newer one meanwhile.
    const latest = snapshots.get(db);
    if (latest && latest !== current) {
      const s = await latest.catch(() => null);
      if (s?.version === version) return s;
    }
  }
  const next = loadSnapshot(db, version);
  snapshots.set(db, next);
  next.catch(() => {
    if (snapshots.get(db) === next) snapshots.delete(db);
  });
  return next;
}

async function loadSnapshot(db: Db, version: string): Promise<PublicSnapshot> {
  const published = await repo.listIndicators(db, true);
  const variables = new Set<string>([POPULATION, ...(await repo.publishedNormVariables(db))]);
  for (const i of published) {
    variables.add(i.numerator);
    if (i.denominator) variables.add(i.denominator);
  }
  const tree = await areaRepo.listAllAreas(db);
  const totals = await loadTotals(db, [...variables]);
  // A write between reading the version and the data would label newer data with an older
  // version; read again and start over rather than keep a mislabelled snapshot.
  const after = await dataVersion(db);
  if (after !== version) return loadSnapshot(db, after);
  const nodes = tree.map((a) => ({ id: a.id, parentId: a.parent_id }));
  const dates = new Map<string, Promise<ProtectedDate>>();
  return {
    version,
    tree,
    totals,
    variables: [...variables].sort(),
    protectedDate(date) {
      let p = dates.get(date);
      if (!p) {
        const counts = new Map<string, Map<number, Cell>>();
        for (const v of variables) {
          const atDate = totals.get(v)?.get(date);
          if (atDate) counts.set(v, atDate);
        }
        // a Stichtag without population of its own is checked with the nearest one (calculator.ts)
        const people = totals.get(POPULATION);
        const popDate = populationDate(people?.keys() ?? [], date);
        const population =
          popDate === null || popDate === date ? POPULATION : { counts: people!.get(popDate)! };
        p = protectDate(nodes, counts, population);
        dates.set(date, p);
        p.catch(() => dates.delete(date));
      }
      return p;
    },
  };
}

/**
 * Prepares the snapshot of the current data version and protects every Stichtag, so that the
 * first visitor after a start does not wait for it. Failures only show up again on that request.
 */
export async function prewarmPublicSnapshot(db: Db): Promise<void> {
  const snapshot = await publicSnapshot(db);
  for (const date of await listDates(db)) await snapshot.protectedDate(date);
}

/** The secret-cell lookup of a snapshot for the given Stichtage (unknown ones: all secret). */
export async function secretCellsOf(
  snapshot: PublicSnapshot,
  dates: readonly string[],
): Promise<SecretCells> {
  const resolved = new Map<string, ProtectedDate>();
  for (const date of dates) resolved.set(date, await snapshot.protectedDate(date));
  const everything = new Set([TOTAL, ...snapshot.tree.map((a) => String(a.id))]);
  const none = new Set<string>();
  // A Stichtag without data publishes nothing anyway (its values are missing); one with data that
  // was not protected here must not publish anything.
  const withData = (date: string) => snapshot.variables.some((v) => snapshot.totals.get(v)?.has(date));
  return (variable, date) => {
    const pattern = resolved.get(date);
    if (!pattern) return withData(date) ? everything : none;
    return pattern.secret.get(variable) ?? (snapshot.totals.get(variable)?.has(date) ? everything : none);
  };
}
