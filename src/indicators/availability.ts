/**
 * Whether an indicator can have values at all: it needs values of its numerator and, if it has
 * one, its denominator. A city that delivers age bands instead of the catalogue's variables
 * (`ew_65plus`) has many indicators without inputs; they are listed as „nicht verfügbar“ in the
 * catalogue and left out of menus, profiles, rankings and reports instead of filling them with „–“.
 */
import type { Db } from '../db/db.ts';
import { expectedVariable } from '../observations/expected-variables.ts';
import type { Indicator } from './indicator.schema.ts';

export interface MissingVariable {
  key: string;
  /** German name: the stored one, else the catalogue's meaning, else the key. */
  name: string;
}

export interface Availability {
  available: boolean;
  /** Inputs without any value, numerator first. */
  missing: MissingVariable[];
}

const inputsOf = (i: Pick<Indicator, 'numerator' | 'denominator'>) =>
  [...new Set([i.numerator, i.denominator])].filter((k): k is string => k !== null);

/**
 * The variables among `keys` that have at least one total value (a `secret` cell counts: the
 * value exists, it is only not published), with their names.
 */
async function variablesWithValues(db: Db, keys: string[]) {
  const rows = await db.query<{ key: string; name: string; has: boolean }>(
    `SELECT v.key, v.name,
            EXISTS (SELECT 1 FROM observation o
                     WHERE o.variable_id = v.id AND o.breakdown = '' AND o.status <> 'missing') AS has
       FROM variable v WHERE v.key = ANY($1::text[])`,
    [keys],
  );
  return {
    has: new Set(rows.filter((r) => r.has).map((r) => r.key)),
    names: new Map(rows.map((r) => [r.key, r.name])),
  };
}

/** Availability of each of `indicators`, by indicator key. */
export async function indicatorAvailability(
  db: Db,
  indicators: readonly Pick<Indicator, 'key' | 'numerator' | 'denominator'>[],
): Promise<Map<string, Availability>> {
  const keys = [...new Set(indicators.flatMap(inputsOf))];
  const { has, names } = await variablesWithValues(db, keys);
  const nameOf = (k: string) => names.get(k) ?? expectedVariable(k)?.name ?? k;
  return new Map(
    indicators.map((i) => {
      const missing = inputsOf(i)
        .filter((k) => !has.has(k))
        .map((k) => ({ key: k, name: nameOf(k) }));
      return [i.key, { available: missing.length === 0, missing }];
    }),
  );
}

/** The indicators among `indicators` whose inputs all have values, in the given order. */
export async function availableIndicators<T extends Pick<Indicator, 'key' | 'numerator' | 'denominator'>>(
  db: Db,
  indicators: readonly T[],
): Promise<T[]> {
  const availability = await indicatorAvailability(db, indicators);
  return indicators.filter((i) => availability.get(i.key)?.available === true);
}

/** „nicht verfügbar – es fehlt: Einwohner 65 Jahre und älter“ */
export const unavailableText = (missing: readonly MissingVariable[]) =>
  `nicht verfügbar – es fehlt: ${missing.map((m) => m.name).join(', ')}`;
