/** Editing stored index definitions: create, replace, delete, and JSON exchange (all or nothing). */
import type { User } from '../auth/auth.schema.ts';
import { LagebildError, notFound } from '../core/errors.ts';
import type { Db } from '../db/db.ts';
import { listIndicators } from '../indicators/indicator.repository.ts';
import * as repo from './index.repository.ts';
import type { IndexDefinition } from './index.schema.ts';
import { indexIndicatorKeys } from './index.service.ts';

/** Every indicator a definition uses must exist in the catalogue, so the index can be computed. */
async function checkIndicators(db: Db, defs: IndexDefinition[]) {
  const known = new Set((await listIndicators(db, false)).map((i) => i.key));
  const unknown = [...new Set(defs.flatMap(indexIndicatorKeys))].filter((k) => !known.has(k));
  if (unknown.length)
    throw new LagebildError(
      'indices.unknown_indicator',
      `Unbekannte(r) Indikator(en): ${unknown.join(', ')}. Bitte zuerst im Indikatorenkatalog anlegen.`,
      422,
      { indicators: unknown },
    );
}

export async function createIndex(db: Db, def: IndexDefinition, user: User): Promise<IndexDefinition> {
  if (await repo.findIndexDefinition(db, def.key))
    throw new LagebildError('indices.duplicate', `Den Index „${def.key}“ gibt es schon.`, 409, {
      index: def.key,
    });
  await checkIndicators(db, [def]);
  await repo.upsertIndexDefinitions(db, [def], user.id);
  return def;
}

export async function replaceIndex(
  db: Db,
  key: string,
  def: IndexDefinition,
  user: User,
): Promise<IndexDefinition> {
  if (def.key !== key)
    throw new LagebildError(
      'indices.key_mismatch',
      'Der Schlüssel eines Index kann nicht geändert werden.',
      400,
    );
  if (!(await repo.findIndexDefinition(db, key)))
    throw notFound('indices.not_found', `Den Index „${key}“ gibt es nicht.`, { index: key });
  await checkIndicators(db, [def]);
  await repo.upsertIndexDefinitions(db, [def], user.id);
  return def;
}

/** Built-in indices can be changed but not deleted (they would be installed again on the next start). */
export async function removeIndex(db: Db, key: string): Promise<void> {
  if (await repo.isBuiltin(db, key))
    throw new LagebildError(
      'indices.builtin',
      `Der Index „${key}“ ist eingebaut und kann nicht gelöscht, nur geändert werden.`,
      409,
      { index: key },
    );
  if (!(await repo.deleteIndexDefinition(db, key)))
    throw notFound('indices.not_found', `Den Index „${key}“ gibt es nicht.`, { index: key });
}

/** Imports definitions (the JSON export of another installation): all or nothing. */
export async function importIndices(
  db: Db,
  defs: IndexDefinition[],
  user: User,
): Promise<{ imported: number }> {
  const keys = defs.map((d) => d.key);
  const dup = keys.find((k, i) => keys.indexOf(k) !== i);
  if (dup)
    throw new LagebildError('indices.duplicate', `Der Index „${dup}“ steht zweimal in der Datei.`, 422, {
      index: dup,
    });
  return db.transaction(async (tx) => {
    await checkIndicators(tx, defs);
    await repo.upsertIndexDefinitions(tx, defs, user.id);
    return { imported: defs.length };
  });
}
