/**
 * Variables (count series) and variables defined as sums of others. A sum is materialised: its
 * cells are stored as ordinary observations, written when it is defined and again in every
 * import that touches one of its terms, in the same transaction. So every reader — indicators,
 * disclosure control, level tables, exports — treats it like an imported count and needs no
 * knowledge of sums. Recomputed cells replace the previous ones without history: they follow
 * from the terms, whose history is kept.
 */
import { badRequest, LagebildError, notFound } from '../core/errors.ts';
import { lockVariableSums } from '../db/advisory.ts';
import type { Db } from '../db/db.ts';
import { EXPECTED_VARIABLES, expectedVariable } from './expected-variables.ts';
import {
  countTotalsByVariable,
  countValues,
  deleteObservationsOf,
  deleteSumDefinition,
  findVariables,
  insertVariable,
  loadSumDefinitions,
  recomputeSum,
  replaceSumDefinition,
  updateVariableName,
  type VariableRow,
} from './variable-sum.repository.ts';
import { dependentSums, findCycle, formatSum, parseSumTerms } from './sum-definition.ts';

export interface VariableInfo {
  key: string;
  name: string;
  unit: string;
  description: string;
  /** Term keys when the variable is a sum, else null. */
  sum: string[] | null;
  /** Values (totals, without `missing` cells) stored for it, over all areas and Stichtage. */
  values: number;
  /** Keys of the indicators that use it as numerator or denominator. */
  indicators: string[];
  /** Whether the default catalogue expects it (it may not exist in the database yet). */
  expected: boolean;
  /** Whether it exists in the database. */
  stored: boolean;
}

const KEY = /^[a-z][a-z0-9_]{0,62}$/;

/** Every stored variable and every variable the catalogue expects, expected ones first. */
export async function listVariables(db: Db): Promise<VariableInfo[]> {
  const [rows, defs, counts, uses] = await Promise.all([
    db.query<VariableRow & Record<string, unknown>>(
      'SELECT id, key, name, unit, description FROM variable ORDER BY key',
    ),
    loadSumDefinitions(db),
    countTotalsByVariable(db),
    indicatorUses(db),
  ]);
  const stored = new Map(rows.map((r) => [r.key, r]));
  const info = (key: string, row: VariableRow | undefined): VariableInfo => {
    const expected = expectedVariable(key);
    // the catalogue's meaning first: an imported variable is often named by its column header
    return {
      key,
      name: expected?.name ?? row?.name ?? key,
      unit: row?.unit ?? expected?.unit ?? 'Personen',
      description: expected?.description ?? row?.description ?? '',
      sum: defs.get(key) ?? null,
      values: counts.get(key) ?? 0,
      indicators: uses.get(key) ?? [],
      expected: expected !== undefined,
      stored: row !== undefined,
    };
  };
  // variables indicators need that the default catalogue does not describe count as expected too
  const wanted = [...EXPECTED_VARIABLES.map((v) => v.key), ...[...uses.keys()].sort()];
  const expectedKeys = [...new Set(wanted)];
  return [
    ...expectedKeys.map((k) => ({ ...info(k, stored.get(k)), expected: true })),
    ...rows.filter((r) => !expectedKeys.includes(r.key)).map((r) => info(r.key, r)),
  ];
}

/** Indicator keys by the variable keys they use. */
async function indicatorUses(db: Db): Promise<Map<string, string[]>> {
  const rows = await db.query<{ key: string; numerator: string; denominator: string | null }>(
    'SELECT key, numerator_key AS numerator, denominator_key AS denominator FROM indicator ORDER BY sort, key',
  );
  const uses = new Map<string, string[]>();
  for (const r of rows)
    for (const v of new Set([r.numerator, r.denominator]))
      if (v) uses.set(v, [...(uses.get(v) ?? []), r.key]);
  return uses;
}

/** Resolves a written term: a variable key, else the unique variable of that name (a column header). */
async function resolveTerms(db: Db, terms: string[]): Promise<VariableRow[]> {
  const byKey = await findVariables(db, terms);
  const out: VariableRow[] = [];
  const unknown: string[] = [];
  for (const t of terms) {
    let row = byKey.get(t);
    if (!row) {
      const named = await db.query<VariableRow & Record<string, unknown>>(
        'SELECT id, key, name, unit, description FROM variable WHERE name = $1 ORDER BY key',
        [t],
      );
      if (named.length === 1) row = named[0];
      if (named.length > 1)
        throw badRequest(
          'variables.ambiguous_term',
          `„${t}“ ist der Name mehrerer Variablen (${named.map((n) => n.key).join(', ')}); bitte den Schlüssel angeben.`,
          { term: t, keys: named.map((n) => n.key) },
        );
    }
    if (row) out.push(row);
    else unknown.push(t);
  }
  if (unknown.length)
    throw badRequest(
      'variables.unknown_term',
      `Die Variable${unknown.length > 1 ? 'n' : ''} „${unknown.join('“, „')}“ gibt es nicht. ` +
        'Summen lassen sich nur aus vorhandenen Variablen bilden (lagebild variables list).',
      { terms: unknown },
    );
  const seen = new Set<string>();
  for (const r of out) {
    if (seen.has(r.key))
      throw badRequest('variables.invalid_sum', `Die Variable „${r.key}“ steht zweimal in der Summe.`);
    seen.add(r.key);
  }
  return out;
}

export interface DefineSumResult {
  key: string;
  name: string;
  sum: string[];
  /** The definition as people read it: `ew_65plus = a + b`. */
  definition: string;
  /** Cells computed (areas × Stichtage × breakdowns where every term has a cell). */
  values: number;
}

/**
 * Defines several variables as sums in one transaction: all of them, or none when one is refused
 * (a city maps its delivered breakdown to the catalogue in one step). Later ones may use earlier.
 */
export async function defineSums(
  db: Db,
  inputs: readonly { key: string; terms: string | readonly string[]; name?: string }[],
): Promise<DefineSumResult[]> {
  return db.transaction(async (tx) => {
    const results: DefineSumResult[] = [];
    for (const input of inputs) results.push(await defineSum(tx, input));
    return results;
  });
}

/**
 * Defines variable `key` as the sum of `terms` (one term: an alias), creating it when it does
 * not exist, and computes its values for every area and Stichtag where all terms have values —
 * plus those of sums built on it — in one transaction.
 * @throws variables.invalid_key, variables.invalid_sum, variables.unknown_term,
 *   variables.cycle, variables.unit_mismatch (400), variables.has_values (409)
 */
export async function defineSum(
  db: Db,
  input: { key: string; terms: string | readonly string[]; name?: string },
): Promise<DefineSumResult> {
  const key = input.key.trim();
  const parsed = parseSumTerms(input.terms);
  if ('error' in parsed) throw badRequest('variables.invalid_sum', parsed.error);
  return db.transaction(async (tx) => {
    await lockVariableSums(tx);
    let target = (await findVariables(tx, [key])).get(key);
    if (!target && !KEY.test(key))
      throw badRequest(
        'variables.invalid_key',
        `„${key}“ ist kein gültiger Variablenschlüssel (Kleinbuchstaben, Ziffern und _, beginnend mit einem Buchstaben).`,
      );
    const terms = await resolveTerms(tx, parsed.terms);
    const units = [...new Set(terms.map((t) => t.unit))];
    if (units.length > 1)
      throw badRequest(
        'variables.unit_mismatch',
        `Die Summanden haben verschiedene Einheiten (${units.join(', ')}); nur gleiche Einheiten lassen sich addieren.`,
      );
    const defs = await loadSumDefinitions(tx);
    const termKeys = terms.map((t) => t.key);
    const cycle = findCycle(defs, key, termKeys);
    if (cycle)
      throw badRequest(
        'variables.cycle',
        `„${key}“ kann nicht so definiert werden: Die Summe enthielte sich selbst (${cycle.join(' → ')}).`,
        { cycle },
      );
    if (target && !defs.has(key)) {
      const own = await countValues(tx, target.id);
      if (own > 0)
        throw new LagebildError(
          'variables.has_values',
          `„${key}“ hat bereits ${own.toLocaleString('de-DE')} importierte Werte; eine Summe lässt sich nur für ` +
            'eine Variable ohne eigene Werte festlegen.',
          409,
          { key, values: own },
        );
    }
    const expected = expectedVariable(key);
    const name = input.name?.trim() || target?.name || expected?.name || key;
    // the definition is shown from variable_sum; a description naming it would outlive a removal
    const description = expected?.description ?? '';
    if (!target)
      target = await insertVariable(tx, {
        key,
        name,
        unit: expected?.unit ?? terms[0]!.unit,
        description,
      });
    else if (input.name?.trim()) await updateVariableName(tx, target.id, name, target.description);
    await replaceSumDefinition(
      tx,
      target.id,
      terms.map((t) => t.id),
    );
    defs.set(key, termKeys);
    const values = await recomputeSum(
      tx,
      target.id,
      terms.map((t) => t.id),
      null,
    );
    await recompute(tx, defs, dependentSums(defs, [key]), null);
    return { key, name, sum: termKeys, definition: formatSum(key, termKeys), values };
  });
}

/**
 * Removes the sum definition of `key` and its computed values; the variable itself stays.
 * Sums built on it keep their definition and lose the values that needed it.
 * @throws variables.not_a_sum (404)
 */
export async function removeSum(db: Db, key: string): Promise<void> {
  await db.transaction(async (tx) => {
    await lockVariableSums(tx);
    const row = (await findVariables(tx, [key])).get(key);
    if (!row || !(await deleteSumDefinition(tx, row.id)))
      throw notFound('variables.not_a_sum', `„${key}“ ist keine als Summe definierte Variable.`, { key });
    await deleteObservationsOf(tx, row.id);
    const defs = await loadSumDefinitions(tx);
    await recompute(tx, defs, dependentSums(defs, [key]), null);
  });
}

async function recompute(
  tx: Db,
  defs: Map<string, string[]>,
  order: string[],
  dates: readonly string[] | null,
) {
  if (!order.length) return;
  const ids = await findVariables(tx, [...new Set([...order, ...order.flatMap((k) => defs.get(k) ?? [])])]);
  for (const k of order)
    await recomputeSum(
      tx,
      ids.get(k)!.id,
      (defs.get(k) ?? []).map((t) => ids.get(t)!.id),
      dates,
    );
}

/**
 * Recomputes, in the caller's import transaction, every sum built (directly or through other
 * sums) on the variables `changed`, at the Stichtage `dates`.
 */
export async function refreshSums(
  tx: Db,
  changed: readonly string[],
  dates: readonly string[],
): Promise<void> {
  const [any] = await tx.query('SELECT 1 FROM variable_sum LIMIT 1');
  if (!any) return;
  await lockVariableSums(tx);
  const defs = await loadSumDefinitions(tx);
  await recompute(tx, defs, dependentSums(defs, changed), dates);
}

/**
 * Refuses an import that brings values for variables defined as sums: their values are computed
 * from the terms, and imported ones would be overwritten by the next recomputation.
 * @throws import.sum_variable (422)
 */
export async function assertNotSums(tx: Db, keys: readonly string[], fileName: string): Promise<void> {
  const defs = await loadSumDefinitions(tx);
  const sums = keys.filter((k) => defs.has(k));
  if (sums.length)
    throw new LagebildError(
      'import.sum_variable',
      `${fileName}: ${sums.map((k) => `„${formatSum(k, defs.get(k)!)}“`).join(', ')} ` +
        `${sums.length > 1 ? 'sind als Summen definiert und werden' : 'ist als Summe definiert und wird'} ` +
        'berechnet. Entfernen Sie die Definition (lagebild variables remove-sum) oder die Spalte.',
      422,
      { variables: sums },
    );
}
