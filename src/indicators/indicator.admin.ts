/** Editing the catalogue: create, replace, delete, and JSON exchange of definitions. */
import { LagebildError, notFound } from '../core/errors.ts';
import type { Db } from '../db/db.ts';
import type { Indicator } from './indicator.schema.ts';
import * as repo from './indicator.repository.ts';
import { existingVariables } from '../observations/observation.repository.ts';

/** Every count series a definition refers to must exist, so values can be computed. */
async function checkVariables(db: Db, defs: Indicator[]) {
  const wanted = [...new Set(defs.flatMap((d) => [d.numerator, d.denominator ?? d.numerator]))];
  const known = await existingVariables(db, wanted);
  const unknown = wanted.filter((v) => !known.has(v));
  if (unknown.length) {
    throw new LagebildError(
      'indicators.unknown_variable',
      `Unbekannte Zählgröße(n): ${unknown.join(', ')}. Bitte zuerst die Daten importieren.`,
      422,
      { variables: unknown },
    );
  }
}

export async function createIndicator(db: Db, def: Indicator): Promise<Indicator> {
  if (await repo.findIndicator(db, def.key))
    throw new LagebildError('indicators.duplicate', `Den Indikator „${def.key}“ gibt es schon.`, 409);
  await checkVariables(db, [def]);
  await repo.upsertIndicators(db, [def]);
  return def;
}

export async function replaceIndicator(db: Db, key: string, def: Indicator): Promise<Indicator> {
  if (def.key !== key)
    throw new LagebildError(
      'indicators.key_mismatch',
      'Der Schlüssel eines Indikators kann nicht geändert werden.',
      400,
    );
  if (!(await repo.findIndicator(db, key)))
    throw notFound('indicators.not_found', `Den Indikator „${key}“ gibt es nicht.`);
  await checkVariables(db, [def]);
  await repo.upsertIndicators(db, [def]);
  return def;
}

export async function removeIndicator(db: Db, key: string): Promise<void> {
  if (!(await repo.deleteIndicator(db, key)))
    throw notFound('indicators.not_found', `Den Indikator „${key}“ gibt es nicht.`);
}

/** Imports definitions (JSON export of another installation): all or nothing. */
export async function importIndicators(db: Db, defs: Indicator[]): Promise<{ imported: number }> {
  const keys = defs.map((d) => d.key);
  const dup = keys.find((k, i) => keys.indexOf(k) !== i);
  if (dup)
    throw new LagebildError(
      'indicators.duplicate',
      `Der Indikator „${dup}“ steht zweimal in der Datei.`,
      422,
    );
  return db.transaction(async (tx) => {
    await checkVariables(tx, defs);
    await repo.upsertIndicators(tx, defs);
    return { imported: defs.length };
  });
}
