/**
 * Variables as sums of others, the pure part: reading a definition (`020.120 + 020.130`),
 * refusing cycles, and the order in which sums depending on changed variables are recomputed.
 * Messages are German; the service turns them into errors with stable codes.
 */

/** Sum definitions by variable key: the keys of the terms, in the order written. */
export type SumDefinitions = ReadonlyMap<string, readonly string[]>;

/**
 * The terms of a definition written as `a + b + c` (or given as a list). A single term is an
 * alias. Blank terms and a term named twice are refused.
 * @returns the trimmed terms, or a German message saying what is wrong
 * @example parseSumTerms('020.120 + 020.130') // { terms: ['020.120', '020.130'] }
 */
export function parseSumTerms(input: string | readonly string[]): { terms: string[] } | { error: string } {
  const parts = (typeof input === 'string' ? [input] : input)
    .flatMap((p) => p.split('+'))
    .map((p) => p.trim());
  if (parts.length === 0 || parts.every((p) => p === ''))
    return { error: 'Die Summe braucht mindestens eine Variable.' };
  if (parts.some((p) => p === ''))
    return { error: 'Zwischen zwei „+“ fehlt eine Variable (leerer Summand).' };
  const seen = new Set<string>();
  for (const p of parts) {
    if (seen.has(p)) return { error: `Die Variable „${p}“ steht zweimal in der Summe.` };
    seen.add(p);
  }
  return { terms: parts };
}

/**
 * The cycle that defining `key` as the sum of `terms` would close, as a path of keys from `key`
 * back to `key`, or null. `a = b + c` with `c = a` gives `['a', 'c', 'a']`.
 */
export function findCycle(defs: SumDefinitions, key: string, terms: readonly string[]): string[] | null {
  const termsOf = (k: string) => (k === key ? terms : (defs.get(k) ?? []));
  const visiting: string[] = [];
  const done = new Set<string>();
  const visit = (k: string): string[] | null => {
    if (k === key && visiting.length > 0) return [...visiting, k];
    if (done.has(k)) return null;
    visiting.push(k);
    for (const t of termsOf(k)) {
      const found = visit(t);
      if (found) return found;
    }
    visiting.pop();
    done.add(k);
    return null;
  };
  return visit(key);
}

/**
 * The sums to recompute when the variables `changed` got new values, each after the sums it is
 * built from (`ew_u18 = ew_u6 + ew_6_17` after `ew_u6 = 0_2 + 3_5`). Definitions must be acyclic.
 * @example dependentSums(new Map([['s', ['a', 'b']], ['t', ['s']]]), ['a']) // ['s', 't']
 */
export function dependentSums(defs: SumDefinitions, changed: Iterable<string>): string[] {
  const usedBy = new Map<string, string[]>();
  for (const [sum, terms] of defs) for (const t of terms) usedBy.set(t, [...(usedBy.get(t) ?? []), sum]);
  const affected = new Set<string>();
  const stack = [...changed];
  for (let k = stack.pop(); k !== undefined; k = stack.pop())
    for (const s of usedBy.get(k) ?? [])
      if (!affected.has(s)) {
        affected.add(s);
        stack.push(s);
      }
  // depth-first post-order over the terms gives every sum after the sums it is built from
  const order: string[] = [];
  const placed = new Set<string>();
  const place = (k: string) => {
    if (placed.has(k)) return;
    placed.add(k);
    for (const t of defs.get(k) ?? []) if (affected.has(t)) place(t);
    order.push(k);
  };
  for (const k of [...affected].sort()) place(k);
  return order;
}

/** A definition as people read it: `ew_65plus = 020.120 + 020.130`. */
export const formatSum = (key: string, terms: readonly string[]) => `${key} = ${terms.join(' + ')}`;
