/**
 * Grading of an attack against the truth. The secret cells are the ones the app's protection keeps
 * secret (or, for a city protected elsewhere, the ones a public output shows as secret and no
 * output states as an exact count). A secret count is recovered when its feasible interval holds
 * exactly one whole number (or, for a fractional series, is narrower than 1), and insufficiently
 * protected when the interval is narrower than the protection promises: max(3, 40 % of the value)
 * for a primary cell (a small count, or any count of a small area), 3 for any other. A secret rate
 * is recovered when its range is within the indicator's printed precision, and insufficiently
 * protected, when a count behind it is primary, if the range is narrower than ±20 % of the rate.
 */
import type { AttackResult } from './attack.ts';
import { countKey, factorOf, parseKey, ratioKey } from './model.ts';
import type { Truth } from './truth.ts';

export interface Finding {
  kind: 'count' | 'rate';
  /** Count series or indicator key. */
  what: string;
  node: string;
  areaName: string;
  date: string;
  truth: number;
  lo: number;
  hi: number;
  how: string;
  /** Why the cell is secret: a primary rule or only to protect others (graded cells of the app). */
  secret?: 'primary' | 'secondary';
}

export interface Findings {
  city: string;
  requests: number;
  ms: AttackResult['ms'];
  facts: number;
  numbersRead: number;
  nonlinear: number;
  routes: { route: string; requests: number; ok: number; refused: Record<string, number> }[];
  unread: { route: string; reason: string }[];
  identities: string[];
  secretCounts: number;
  secretRates: number;
  recovered: Finding[];
  insufficient: Finding[];
  /** True values outside the attacker's interval: the attacker's model is wrong somewhere. */
  unsound: string[];
  conflicts: string[];
  lp: AttackResult['lp'];
}

const RATE_FORMULAS = new Set(['share', 'per_mille', 'per_1000', 'ratio']);
const COUNT_MARGIN = 3;
const RELATIVE_MARGIN = 0.2;

/** Compares the attacker's intervals with the true counts and the secret cells. */
export function grade(result: AttackResult, known: Truth, city: string): Findings {
  const truth = known.counts;
  const { system: sys, harvest: h } = result;
  const frame = h.frame;
  const areaName = (node: string) => frame.nodes.get(node)?.name ?? node;
  const published = new Set<string>();
  for (const f of h.sink.facts)
    if (f.form.size === 1) {
      const [[k, c]] = [...f.form] as [[string, number]];
      if (k.startsWith('c|') && (f.hi - f.lo) * Math.abs(c) < 1) published.add(k);
    }
  const how = (key: string) => {
    const i = sys.index.get(key);
    return (i !== undefined && (sys.how[i] ?? sys.lastWhy[i]?.())) || 'nichts eingegrenzt';
  };

  // What the app keeps secret, else what the public saw as secret and was not stated elsewhere.
  const secret =
    known.secret ??
    new Map(
      [...h.sink.secretSeen.keys()].filter((k) => !published.has(k)).map((k) => [k, 'primary' as const]),
    );
  const recovered: Finding[] = [];
  const insufficient: Finding[] = [];
  let secretCounts = 0;
  for (const [key, why] of secret) {
    const p = parseKey(key);
    const t = truth.get(key);
    if (p.kind !== 'count' || t === undefined) continue;
    secretCounts++;
    const [lo, hi] = sys.interval(key) ?? [0, Infinity];
    const i = sys.index.get(key);
    const f: Finding = {
      kind: 'count',
      what: p.variable,
      node: p.node,
      areaName: areaName(p.node),
      date: p.date,
      truth: t,
      lo,
      hi,
      how: how(key),
      ...(known.secret && { secret: why }),
    };
    const integral = i === undefined || sys.integral[i];
    const single = integral ? Math.ceil(lo - 1e-6) === Math.floor(hi + 1e-6) : hi - lo < 1;
    const margin = why === 'primary' ? Math.max(COUNT_MARGIN, 2 * RELATIVE_MARGIN * t) : COUNT_MARGIN;
    if (single) recovered.push(f);
    else if (hi - lo < margin - 1e-9) insufficient.push(f);
  }

  let secretRates = 0;
  for (const s of h.sink.secretValues) {
    const [indKey = '', node = '', date = ''] = s.split('|');
    const ind = frame.indicators.get(indKey);
    if (!ind?.denominator || !RATE_FORMULAS.has(ind.formula)) continue;
    const numKey = countKey(ind.numerator, node, date);
    const denKey = countKey(ind.denominator, node, date);
    const num = truth.get(numKey);
    const den = truth.get(denKey);
    if (num === undefined || den === undefined || den <= 0) continue;
    secretRates++;
    const factor = factorOf(ind.formula);
    const t = (num / den) * factor;
    const [rl, rh] = sys.interval(ratioKey(ind.numerator, ind.denominator, node, date)) ?? [0, Infinity];
    const [nl, nh] = sys.interval(countKey(ind.numerator, node, date)) ?? [0, Infinity];
    const [dl, dh] = sys.interval(countKey(ind.denominator, node, date)) ?? [0, Infinity];
    const lo = Math.max(rl, dh > 0 ? nl / dh : 0) * factor;
    const hi = Math.min(rh, dl > 0 ? nh / dl : Infinity) * factor;
    const f: Finding = {
      kind: 'rate',
      what: indKey,
      node,
      areaName: areaName(node),
      date,
      truth: t,
      lo,
      hi,
      how: how(ratioKey(ind.numerator, ind.denominator, node, date)),
    };
    // Without the app's protection every hidden rate counts as sensitive.
    const sensitive = !known.secret || secret.get(numKey) === 'primary' || secret.get(denKey) === 'primary';
    if (hi - lo <= 10 ** -ind.decimals) recovered.push(f);
    else if (sensitive && hi - lo < 2 * RELATIVE_MARGIN * t) insufficient.push(f);
  }

  const unsound: string[] = [];
  sys.keys.forEach((key, i) => {
    const p = parseKey(key);
    let t: number | undefined;
    if (p.kind === 'count') t = truth.get(key);
    else {
      const n = truth.get(countKey(p.num, p.node, p.date));
      const d = truth.get(countKey(p.den, p.node, p.date));
      t = n !== undefined && d ? n / d : undefined;
    }
    const tol = 1e-6 * Math.max(1, Math.abs(t ?? 0));
    if (t !== undefined && (t < sys.lo[i]! - tol || t > sys.hi[i]! + tol) && unsound.length < 20)
      unsound.push(`${key}: wahr ${t}, Angreifer [${sys.lo[i]}, ${sys.hi[i]}] (${sys.how[i] ?? 'offen'})`);
  });

  return {
    city,
    requests: h.requests,
    ms: result.ms,
    facts: h.sink.facts.length,
    numbersRead: h.sink.read,
    nonlinear: h.sink.nonlinear,
    routes: h.routes,
    unread: h.unread,
    identities: result.identities.map((d) => `${d.sum} = ${d.a} + ${d.b} (${d.why})`),
    secretCounts,
    secretRates,
    recovered: recovered.sort(byTruth),
    insufficient: insufficient.sort(byTruth),
    unsound,
    conflicts: sys.conflicts,
    lp: result.lp,
  };
}

const byTruth = (a: Finding, b: Finding) =>
  a.kind === b.kind ? a.truth - b.truth : a.kind === 'count' ? -1 : 1;

const fmt = (x: number) => (Number.isInteger(x) ? String(x) : Number.isFinite(x) ? x.toFixed(3) : String(x));

/** The findings as readable text (German labels, as the app's messages). */
export function formatFindings(f: Findings, examples = 25): string {
  const line = (x: Finding) =>
    `  ${x.kind === 'count' ? 'Zahl' : 'Quote'} ${x.what} · ${x.areaName} (${x.node}) · ${x.date}: wahr ${fmt(x.truth)}, ` +
    `Angreifer [${fmt(x.lo)}, ${fmt(x.hi)}] — ${x.how}`;
  const count = (xs: Finding[], kind: Finding['kind']) => xs.filter((x) => x.kind === kind).length;
  const out = [
    `Angriff auf ${f.city}: ${f.requests} Abrufe (${(f.ms.harvest / 1000).toFixed(1)} s), ` +
      `${f.numbersRead} Zahlen gelesen, ${f.facts} Bedingungen, Rechnung ${(f.ms.arithmetic / 1000).toFixed(1)} s, ` +
      `LP ${(f.ms.lp / 1000).toFixed(1)} s (${f.lp.map((r) => `${r.columns} Spalten/${r.rows} Zeilen/${r.solves} Lösungen`).join('; ') || 'keine'})`,
    `Geheime Zellen: ${f.secretCounts} Zahlen, ${f.secretRates} Quoten`,
    `Aufgedeckt: ${count(f.recovered, 'count')} Zahlen, ${count(f.recovered, 'rate')} Quoten; ` +
      `unzureichend geschützt: ${count(f.insufficient, 'count')} Zahlen, ${count(f.insufficient, 'rate')} Quoten`,
  ];
  if (f.recovered.length) out.push('Aufgedeckt (Beispiele):', ...f.recovered.slice(0, examples).map(line));
  if (f.insufficient.length)
    out.push('Unzureichend geschützt (Beispiele):', ...f.insufficient.slice(0, examples).map(line));
  if (f.identities.length) out.push(`Identitäten: ${f.identities.join('; ')}`);
  if (f.unsound.length) out.push('Modellfehler des Angreifers:', ...f.unsound.map((u) => `  ${u}`));
  if (f.conflicts.length) out.push('Widersprüche:', ...f.conflicts.map((u) => `  ${u}`));
  return out.join('\n');
}
