/**
 * The index_class rules on the database: the index result (as indexResult of the indices module
 * gives it) at the Stichtag and at the previous Stichtag where the index is computable (the MSS
 * dynamics need two years of history, so early Stichtage give no classes), compared by
 * index-class.ts. Results are computed once per index and Stichtag, however many rules use them.
 */
import type { User } from '../auth/auth.schema.ts';
import { LagebildError } from '../core/errors.ts';
import type { Db } from '../db/db.ts';
import type { IndexResult } from '../indices/index.schema.ts';
import { indexResult, requireIndex } from '../indices/index.service.ts';
import { computable, indexClassEntries, type IndexClassRule } from './index-class.ts';
import type { WarningEntry } from './warning.schema.ts';

/** A request error (unknown index, nothing computable) means "no result"; server errors propagate. */
const orNull = async <T>(p: Promise<T>): Promise<T | null> => {
  try {
    return await p;
  } catch (error) {
    if (error instanceof LagebildError && error.status < 500) return null;
    throw error;
  }
};

/**
 * Entries of every index_class rule at `dates[at]`, by rule key. Uses the contract of the indices
 * module (indexResult, values as the user may see them), once per index and Stichtag. A rule whose
 * index does not exist (deleted since) or whose indicators the user may not see gives no entries.
 */
export async function indexRuleEntries(
  db: Db,
  user: User | null,
  rules: IndexClassRule[],
  level: string,
  dates: readonly string[],
  at: number,
): Promise<Map<string, WarningEntry[]>> {
  const results = new Map<string, Promise<IndexResult | null>>();
  const result = (index: string, date: string) => {
    const key = `${index}\u0000${date}`;
    let hit = results.get(key);
    if (!hit) {
      hit = orNull(indexResult(db, user, index, level, date));
      results.set(key, hit);
    }
    return hit;
  };
  const out = new Map<string, WarningEntry[]>();
  for (const rule of rules) {
    out.set(rule.key, []);
    if (!(await orNull(requireIndex(db, rule.index)))) continue;
    const current = await result(rule.index, dates[at]!);
    if (!current || !computable(current, rule.part)) continue;
    for (let i = at - 1; i >= 0; i--) {
      const previous = await result(rule.index, dates[i]!);
      if (previous && computable(previous, rule.part)) {
        out.set(rule.key, indexClassEntries(rule, current, previous));
        break;
      }
    }
  }
  return out;
}
