/**
 * The attacker's constraint system over count cells and ratios: published facts, the area
 * hierarchy (a parent's count is the sum of its children's), identities between variables, and
 * the links `num = ratio · den`. Each quantity carries an interval; `propagate` is the plain
 * arithmetic an outsider does by hand — rate × denominator, total minus siblings, identities,
 * differences between Stichtage — repeated until nothing changes.
 */
import { countKey, parseKey, ratioKey, type CityFrame, type Fact } from './model.ts';

export interface Row {
  idx: number[];
  coef: number[];
  lo: number;
  hi: number;
  source: string;
}

/** `num = ratio · den`, all three ≥ 0. */
export interface Link {
  num: number;
  den: number;
  ratio: number;
}

const tolerance = (x: number) => 1e-7 * Math.max(1, Math.abs(x)) + 1e-7;

export class ConstraintSystem {
  readonly keys: string[] = [];
  readonly index = new Map<string, number>();
  lo: number[] = [];
  hi: number[] = [];
  readonly integral: boolean[] = [];
  /** How a quantity became determined (null while it is not). */
  readonly how: (string | null)[] = [];
  /** The last reason a quantity narrowed, for one that became determined by rounding. */
  readonly lastWhy: ((() => string) | null)[] = [];
  readonly rows: Row[] = [];
  readonly links: Link[] = [];
  /** Contradictions met (a published number outside what the model allows). */
  readonly conflicts: string[] = [];
  private readonly summed = new Set<string>();

  constructor(readonly frame: CityFrame) {}

  id(key: string): number {
    let i = this.index.get(key);
    if (i === undefined) {
      i = this.keys.length;
      this.keys.push(key);
      this.index.set(key, i);
      this.lo.push(0);
      this.hi.push(Infinity);
      this.integral.push(key.startsWith('c|'));
      this.how.push(null);
      this.lastWhy.push(null);
      if (key.startsWith('r|')) {
        const p = parseKey(key);
        if (p.kind === 'ratio')
          this.links.push({
            num: this.id(countKey(p.num, p.node, p.date)),
            den: this.id(countKey(p.den, p.node, p.date)),
            ratio: i,
          });
      }
    }
    return i;
  }

  addRow(terms: [string, number][], lo: number, hi: number, source: string): void {
    const idx: number[] = [];
    const coef: number[] = [];
    for (const [k, c] of terms) {
      idx.push(this.id(k));
      coef.push(c);
    }
    this.rows.push({ idx, coef, lo, hi, source });
  }

  addFacts(facts: Fact[]): void {
    for (const f of facts) this.addRow([...f.form], f.lo, f.hi, f.source);
  }

  /** Parent = Σ children for every count series and Stichtag the system knows (once each). */
  addHierarchy(): void {
    const series = new Set<string>();
    for (const k of this.keys) {
      const p = parseKey(k);
      if (p.kind === 'count') series.add(`${p.variable}|${p.date}`);
    }
    for (const s of series) {
      if (this.summed.has(s)) continue;
      this.summed.add(s);
      const [variable, date] = s.split('|') as [string, string];
      for (const [parent, kids] of this.frame.children)
        this.addRow(
          [
            [countKey(variable, parent, date), 1],
            ...kids.map((k): [string, number] => [countKey(variable, k, date), -1]),
          ],
          0,
          0,
          `Summe der Teilgebiete von ${parent}`,
        );
    }
  }

  determined(i: number): boolean {
    const lo = this.lo[i]!;
    const hi = this.hi[i]!;
    return this.integral[i]
      ? Math.ceil(lo - tolerance(lo)) >= Math.floor(hi + tolerance(hi))
      : hi - lo <= tolerance(lo);
  }

  /**
   * Narrows `i` to `[lo, hi]`; returns whether the interval shrank noticeably. `why` is kept
   * as the explanation when this makes the quantity determined.
   */
  tighten(i: number, lo: number, hi: number, why: () => string): boolean {
    let l = lo;
    let h = hi;
    if (this.integral[i]) {
      l = Math.ceil(l - tolerance(l));
      h = Math.floor(h + tolerance(h));
    }
    let changed = false;
    const oldLo = this.lo[i]!;
    const oldHi = this.hi[i]!;
    const minStep = (x: number) => 1e-5 * Math.max(1, Math.abs(x));
    if (l > oldLo + minStep(l)) {
      this.lo[i] = l;
      changed = true;
    }
    if (h < oldHi - minStep(h)) {
      this.hi[i] = h;
      changed = true;
    }
    if (this.lo[i]! > this.hi[i]! + tolerance(this.hi[i]!)) {
      if (this.conflicts.length < 20)
        this.conflicts.push(`${this.keys[i]}: [${this.lo[i]}, ${this.hi[i]}] nach ${why()}`);
      this.lo[i] = oldLo;
      this.hi[i] = oldHi;
      return false;
    }
    if (changed && this.how[i] === null && this.determined(i)) this.how[i] = why();
    if (changed) this.lastWhy[i] = why;
    return changed;
  }

  /**
   * Iterated interval arithmetic over rows and links until nothing changes: a row or link is
   * looked at again only when one of its quantities narrowed. Returns the number of visits.
   */
  propagate(maxVisitsPerItem = 60, label = 'Rechnung'): number {
    const nRows = this.rows.length;
    const items = nRows + this.links.length;
    const adjacent: number[][] = this.keys.map(() => []);
    this.rows.forEach((r, k) => r.idx.forEach((i) => adjacent[i]!.push(k)));
    this.links.forEach((l, k) => [l.num, l.den, l.ratio].forEach((i) => adjacent[i]!.push(nRows + k)));
    const queued = new Uint8Array(items).fill(1);
    let queue = Array.from({ length: items }, (_, k) => k);
    const onChange = (i: number) => {
      for (const k of adjacent[i]!)
        if (!queued[k]) {
          queued[k] = 1;
          queue.push(k);
        }
    };
    let visits = 0;
    const maxVisits = maxVisitsPerItem * Math.max(1, items);
    while (queue.length && visits < maxVisits) {
      const batch = queue;
      queue = [];
      for (const k of batch) {
        queued[k] = 0;
        visits++;
        if (k < nRows) this.propagateRow(this.rows[k]!, label, onChange);
        else this.propagateLink(this.links[k - nRows]!, label, onChange);
      }
    }
    return visits;
  }

  private propagateRow(row: Row, label: string, onChange: (i: number) => void): void {
    const n = row.idx.length;
    let minAct = 0;
    let maxAct = 0;
    let minInf = 0;
    let maxInf = 0;
    for (let t = 0; t < n; t++) {
      const i = row.idx[t]!;
      const c = row.coef[t]!;
      const a = c > 0 ? c * this.lo[i]! : c * this.hi[i]!;
      const b = c > 0 ? c * this.hi[i]! : c * this.lo[i]!;
      if (Number.isFinite(a)) minAct += a;
      else minInf++;
      if (Number.isFinite(b)) maxAct += b;
      else maxInf++;
    }
    for (let t = 0; t < n; t++) {
      const i = row.idx[t]!;
      const c = row.coef[t]!;
      const a = c > 0 ? c * this.lo[i]! : c * this.hi[i]!;
      const b = c > 0 ? c * this.hi[i]! : c * this.lo[i]!;
      // activity of the other terms
      const othersMin =
        minInf - (Number.isFinite(a) ? 0 : 1) > 0 ? -Infinity : minAct - (Number.isFinite(a) ? a : 0);
      const othersMax =
        maxInf - (Number.isFinite(b) ? 0 : 1) > 0 ? Infinity : maxAct - (Number.isFinite(b) ? b : 0);
      // c·x ∈ [row.lo − othersMax, row.hi − othersMin]
      const cxLo = row.lo - othersMax;
      const cxHi = row.hi - othersMin;
      const [lo, hi] = c > 0 ? [cxLo / c, cxHi / c] : [cxHi / c, cxLo / c];
      if (lo > this.lo[i]! || hi < this.hi[i]!)
        if (
          this.tighten(
            i,
            Math.max(lo, this.lo[i]!),
            Math.min(hi, this.hi[i]!),
            () => `${label}: ${row.source}`,
          )
        )
          onChange(i);
    }
  }

  private propagateLink(link: Link, label: string, onChange: (i: number) => void): void {
    const { num, den, ratio } = link;
    const [nl, nh] = [this.lo[num]!, this.hi[num]!];
    const [dl, dh] = [this.lo[den]!, this.hi[den]!];
    const [rl, rh] = [this.lo[ratio]!, this.hi[ratio]!];
    const why = () => `${label}: Zähler = Quote × Nenner (${this.keys[ratio]})`;
    if (this.tighten(num, rl * dl, rh * dh, why)) onChange(num);
    if (dl > 0 && this.tighten(ratio, nl / dh, nh / dl, why)) onChange(ratio);
    if (rl > 0 && this.tighten(den, nl / rh, Number.isFinite(nh) ? nh / rl : Infinity, why)) onChange(den);
  }

  /** Exactly known count cells: `variable` → `node|date` → value. */
  knownCounts(): Map<string, Map<string, number>> {
    const out = new Map<string, Map<string, number>>();
    this.keys.forEach((k, i) => {
      if (!k.startsWith('c|') || !this.determined(i)) return;
      const p = parseKey(k);
      if (p.kind !== 'count') return;
      const m = out.get(p.variable) ?? new Map<string, number>();
      m.set(`${p.node}|${p.date}`, Math.round(this.lo[i]!));
      out.set(p.variable, m);
    });
    return out;
  }

  /** The interval of a quantity, or null when the system never met it. */
  interval(key: string): [number, number] | null {
    const i = this.index.get(key);
    return i === undefined ? null : [this.lo[i]!, this.hi[i]!];
  }

  ratioOf(num: string, den: string, node: string, date: string): [number, number] | null {
    return this.interval(ratioKey(num, den, node, date));
  }
}
