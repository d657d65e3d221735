/**
 * The whole attack on one city: harvest every public output, model it, do the plain arithmetic
 * (with identities the catalogue spells out and those the data reveals), then the exact LP.
 */
import { harvest, type Harvest } from './harvest.ts';
import { catalogueIdentities, dataIdentities, type Identity } from './identities.ts';
import { lpAttack, type LpRound } from './lp-attack.ts';
import { countKey, parseKey } from './model.ts';
import { ConstraintSystem } from './system.ts';
import { Visitor, type Transport } from './visitor.ts';

export interface AttackResult {
  harvest: Harvest;
  system: ConstraintSystem;
  identities: Identity[];
  /** Quantities determined by plain arithmetic, before any LP. */
  byArithmetic: Set<string>;
  lp: LpRound[];
  /** Series the attacker takes as whole numbers (persons, households). */
  nonIntegral: string[];
  ms: { harvest: number; arithmetic: number; lp: number };
}

export interface AttackOptions {
  /** Per-area routes at every Stichtag for at most this many areas around secrets (default 40). */
  maxFocusAreas?: number;
  /** Per-area routes for every area at the latest Stichtag too (default true). */
  allAreasAtLatest?: boolean;
  /** LP rounds (default 3; 0 = arithmetic only). */
  lpRounds?: number;
  /** Told how far a long run has got (German, one line each). */
  progress?: (message: string) => void;
}

/** Runs the outsider's attack over the transport (anonymous GET requests only). */
export async function attack(transport: Transport, opts: AttackOptions = {}): Promise<AttackResult> {
  const visitor = new Visitor(transport);
  const t0 = performance.now();
  const h = await harvest(visitor, opts);
  const t1 = performance.now();
  opts.progress?.(`${h.requests} Abrufe in ${((t1 - t0) / 1000).toFixed(0)} s`);
  const sys = new ConstraintSystem(h.frame);
  sys.addFacts(h.sink.facts);
  for (const k of h.sink.secretSeen.keys()) sys.id(k);
  const identities = await catalogueIdentities(visitor);
  addIdentities(sys, identities);
  sys.addHierarchy();

  // Whole numbers only where the data does not contradict it: derived series may be fractional.
  const counts = sys.keys.map((k, i) => (k.startsWith('c|') ? i : -1)).filter((i) => i >= 0);
  for (const i of counts) sys.integral[i] = false;
  sys.propagate(60, 'Rechnung');
  const fractional = new Set<string>();
  for (const i of counts) {
    const v = sys.lo[i]!;
    if (sys.determined(i) && Math.abs(v - Math.round(v)) > 1e-4) {
      const p = parseKey(sys.keys[i]!);
      if (p.kind === 'count') fractional.add(p.variable);
    }
  }
  for (const i of counts) {
    const p = parseKey(sys.keys[i]!);
    sys.integral[i] = p.kind === 'count' && !fractional.has(p.variable);
    const before = sys.lastWhy[i];
    if (sys.integral[i])
      sys.tighten(
        i,
        sys.lo[i]!,
        sys.hi[i]!,
        () => `${before?.() ?? 'Rechnung'}, gerundet auf eine ganze Zahl`,
      );
  }
  sys.propagate(60, 'Rechnung');

  const found = dataIdentities(sys.knownCounts()).filter(
    (d) => !identities.some((c) => c.sum === d.sum && new Set([c.a, c.b, d.a, d.b]).size === 2),
  );
  addIdentities(sys, found);
  sys.addHierarchy();
  sys.propagate(60, 'Rechnung');
  const byArithmetic = new Set(sys.keys.filter((_, i) => sys.determined(i)));
  const t2 = performance.now();

  const targets = [...h.sink.secretSeen.keys()];
  opts.progress?.(`Rechnung fertig, ${byArithmetic.size} Größen bestimmt; LP für ${targets.length} Ziele`);
  const lp = (opts.lpRounds ?? 3) > 0 ? await lpAttack(sys, targets, opts.lpRounds ?? 3, opts.progress) : [];
  const t3 = performance.now();
  return {
    harvest: h,
    system: sys,
    identities: [...identities, ...found],
    byArithmetic,
    lp,
    nonIntegral: [...fractional].sort(),
    ms: { harvest: Math.round(t1 - t0), arithmetic: Math.round(t2 - t1), lp: Math.round(t3 - t2) },
  };
}

function addIdentities(sys: ConstraintSystem, identities: Identity[]) {
  for (const id of identities)
    for (const node of sys.frame.nodes.keys())
      for (const date of sys.frame.dates)
        sys.addRow(
          [
            [countKey(id.sum, node, date), 1],
            [countKey(id.a, node, date), -1],
            [countKey(id.b, node, date), -1],
          ],
          0,
          0,
          `${id.sum} = ${id.a} + ${id.b} (${id.why})`,
        );
}
