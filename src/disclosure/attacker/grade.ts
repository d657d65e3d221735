/**
 * Grading of an attack against the truth. A cell is secret for the public when a public output
 * shows it (or a rate built on it) as secret and no output states it as an exact count. A secret
 * count is recovered when its feasible interval holds exactly one whole number (or, for a
 * fractional series, is narrower than 1), and insufficiently protected when the interval is
 * narrower than 3. A secret rate is recovered when its range is within the indicator's printed
 * precision, and insufficiently protected when the range is narrower than ±20 % of the true rate.
 */
import type { AttackResult } from './attack.ts';
import { countKey, factorOf, parseKey, ratioKey } from './model.ts';

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
const RATE_MARGIN = 0.2;

/** Compares the attacker's intervals with the true counts (`c|variable|node|date` → value). */
export function grade(result: AttackResult, truth: Map<string, number>, city: string): Findings {
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

  const recovered: Finding[] = [];
  const insufficient: Finding[] = [];
  let secretCounts = 0;
  for (const key of h.sink.secretSeen.keys()) {
    const p = parseKey(key);
    const t = truth.get(key);
    if (p.kind !== 'count' || t === undefined || published.has(key)) continue;
    secretCounts++;
    const [lo, hi] = sys.interval(key) ?? [0, Infinity];
    const i = sys.index.get(key)!;
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
    };
    const single = sys.integral[i] ? Math.ceil(lo - 1e-6) === Math.floor(hi + 1e-6) : hi - lo < 1;
    if (single) recovered.push(f);
    else if (hi - lo < COUNT_MARGIN) insufficient.push(f);
  }

  let secretRates = 0;
  for (const s of h.sink.secretValues) {
    const [indKey = '', node = '', date = ''] = s.split('|');
    const ind = frame.indicators.get(indKey);
    if (!ind?.denominator || !RATE_FORMULAS.has(ind.formula)) continue;
    const num = truth.get(countKey(ind.numerator, node, date));
    const den = truth.get(countKey(ind.denominator, node, date));
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
    if (hi - lo <= 10 ** -ind.decimals) recovered.push(f);
    else if (hi - lo < 2 * RATE_MARGIN * t) insufficient.push(f);
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
