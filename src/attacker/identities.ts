/**
 * Identities between count series an outsider can find: from the public variable list (age
 * bands that join, `0–2` and `3–5` make `0–5`; `männlich` + `weiblich` = `insgesamt`), and from
 * the data (a series that equals the sum of two others in every area and Stichtag where all
 * three are known). An identity found is then assumed everywhere.
 */
import { arr, obj, str, type Visitor } from './visitor.ts';

/** `sum = a + b` for every area and Stichtag. */
export interface Identity {
  sum: string;
  a: string;
  b: string;
  why: string;
}

interface Band {
  key: string;
  from: number;
  to: number;
}

/** Age band of a population series from its German name and description, if it is one. */
export function ageBand(key: string, name: string, description: string): Band | null {
  if (!/^(Einwohner|Kinder|Minderjährige|Hochbetagte|Erwachsene)/.test(name)) return null;
  if (/weiblich|männlich|ausländ|deutsch|Haushalt/i.test(`${name} ${description}`)) return null;
  if (/insgesamt/.test(name)) return { key, from: 0, to: Infinity };
  const text = `${name} ${description}`;
  const range = /(\d+)\s*bis\s*(\d+)/.exec(text);
  if (range) return { key, from: Number(range[1]), to: Number(range[2]) };
  const from = /ab\s*(\d+)/.exec(text);
  if (from) return { key, from: Number(from[1]), to: Infinity };
  const under = /unter\s*(\d+)/.exec(text);
  if (under) return { key, from: 0, to: Number(under[1]) - 1 };
  return null;
}

/** Identities the public variable list (`/api/variables`) spells out. */
export async function catalogueIdentities(visitor: Visitor): Promise<Identity[]> {
  const res = await visitor.get('/api/variables');
  if (res.status !== 200) return [];
  const vars = arr(JSON.parse(res.body)).map(obj);
  const bands = vars
    .map((v) => ageBand(str(v.key), str(v.name), str(v.description)))
    .filter((b): b is Band => b !== null);
  const out: Identity[] = [];
  for (const s of bands)
    for (const a of bands)
      for (const b of bands)
        if (a.from === s.from && a.to + 1 === b.from && b.to === s.to && a.key !== s.key && b.key !== s.key)
          out.push({ sum: s.key, a: a.key, b: b.key, why: 'Altersgruppen laut Merkmalsliste' });
  // männlich + weiblich = insgesamt, for series named alike
  const named = (re: RegExp) => vars.filter((v) => re.test(str(v.name)));
  for (const m of named(/männlich/))
    for (const w of named(/weiblich/)) {
      const stem = str(m.name).replace(/\s*männlich.*/, '');
      if (str(w.name).replace(/\s*weiblich.*/, '') !== stem) continue;
      const total = vars.find((v) => str(v.name) === `${stem} insgesamt`);
      if (total)
        out.push({ sum: str(total.key), a: str(m.key), b: str(w.key), why: 'Geschlecht laut Merkmalsliste' });
    }
  return out;
}

/**
 * Identities `sum = a + b` that hold in every cell where all three series are known, with at
 * least `minSupport` such cells and both parts non-zero somewhere.
 * @param known variable → `node|date` → exact value
 */
export function dataIdentities(known: Map<string, Map<string, number>>, minSupport = 20): Identity[] {
  const vars = [...known.keys()].sort();
  const out: Identity[] = [];
  for (let i = 0; i < vars.length; i++)
    for (let j = i + 1; j < vars.length; j++) {
      const a = known.get(vars[i]!)!;
      const b = known.get(vars[j]!)!;
      const sums = new Map<string, number>();
      let aNonZero = false;
      let bNonZero = false;
      for (const [cell, va] of a) {
        const vb = b.get(cell);
        if (vb === undefined) continue;
        sums.set(cell, va + vb);
        if (va !== 0) aNonZero = true;
        if (vb !== 0) bNonZero = true;
      }
      if (sums.size < minSupport || !aNonZero || !bNonZero) continue;
      for (const s of vars) {
        if (s === vars[i] || s === vars[j]) continue;
        const c = known.get(s)!;
        let support = 0;
        let holds = true;
        for (const [cell, sum] of sums) {
          const vc = c.get(cell);
          if (vc === undefined) continue;
          if (Math.abs(vc - sum) > 1e-6 * Math.max(1, Math.abs(vc))) {
            holds = false;
            break;
          }
          support++;
        }
        if (holds && support >= minSupport)
          out.push({ sum: s, a: vars[i]!, b: vars[j]!, why: `in allen ${support} bekannten Zellen erfüllt` });
      }
    }
  return out;
}
