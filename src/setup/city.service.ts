/**
 * City settings (Stadt/Kreis): name and key live in the territory and the city area, the default
 * Stichtag, publisher and licence in app_setting `city`. Source lines of the catalogue name the
 * publisher: the catalogue is written for the demo city („… (Demo-Stadt)“), and a real
 * installation's label replaces that suffix in the stored indicators.
 */
import { ensureCityLevel } from '../areas/city-level.ts';
import { ensureTerritory, getTerritory } from '../areas/area.repository.ts';
import { badRequest } from '../core/errors.ts';
import type { Db } from '../db/db.ts';
import type { CitySettings, CitySettingsBody } from './setup.schema.ts';

const SETTING_KEY = 'city';
/** The suffix of the catalogue's source strings as shipped (see indicators/catalogue-builders.ts). */
export const DEMO_SOURCE_LABEL = 'Demo-Stadt';

interface StoredCity {
  defaultDate?: string | null;
  publisher?: string;
  licence?: string;
  /** The label currently inside the indicators' source strings, „Register (<label>)“. */
  sourceLabel?: string;
}

async function readStored(db: Db): Promise<StoredCity> {
  const [row] = await db.query<{ value: StoredCity }>('SELECT value FROM app_setting WHERE key = $1', [
    SETTING_KEY,
  ]);
  return row?.value ?? {};
}

async function writeStored(db: Db, value: StoredCity): Promise<void> {
  await db.query(
    `INSERT INTO app_setting (key, value) VALUES ($1, $2::jsonb)
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
    [SETTING_KEY, JSON.stringify(value)],
  );
}

/** The city settings, or null before the setup (no territory). */
export async function readCity(db: Db): Promise<CitySettings | null> {
  const [territory, stored] = await Promise.all([getTerritory(db), readStored(db)]);
  if (!territory) return null;
  return {
    name: territory.name,
    key: territory.key,
    kind: territory.kind === 'kreis' ? 'kreis' : 'stadt',
    defaultDate: stored.defaultDate ?? null,
    publisher: stored.publisher ?? '',
    licence: stored.licence ?? '',
  };
}

/** Replaces the label in the catalogue's source strings: „Register (old)“ → „Register (new)“. */
async function relabelSources(db: Db, from: string, to: string): Promise<void> {
  if (from === to) return;
  await db.query(`UPDATE indicator SET source = replace(source, $1, $2) WHERE position($1 IN source) > 0`, [
    `(${from})`,
    `(${to})`,
  ]);
}

/**
 * Stores city settings in the caller's transaction: territory (created when missing), the city
 * level and its area, the settings row, and the publisher (else the city name) in source lines.
 */
export async function saveCity(
  tx: Db,
  input: CitySettingsBody & { kind?: 'stadt' | 'kreis' },
): Promise<CitySettings> {
  const existing = await getTerritory(tx);
  const name = input.name ?? existing?.name;
  const key = input.key ?? existing?.key;
  if (!name || !key)
    throw badRequest('city.incomplete', 'Bitte Name und Gemeindeschlüssel (AGS) der Stadt angeben.');
  const kind = input.kind ?? (existing?.kind === 'kreis' ? 'kreis' : 'stadt');
  const territory = existing
    ? (
        await tx.query<{ id: number }>(
          'UPDATE territory SET key = $2, name = $3, kind = $4 WHERE id = $1 RETURNING id',
          [existing.id, key, name, kind],
        )
      )[0]!
    : await ensureTerritory(tx, { key, name, kind });
  await ensureCityLevel(tx, { territoryId: territory.id, key, name, kind });
  const stored = await readStored(tx);
  const next: StoredCity = {
    defaultDate: input.defaultDate === undefined ? (stored.defaultDate ?? null) : input.defaultDate,
    publisher: input.publisher ?? stored.publisher ?? '',
    licence: input.licence ?? stored.licence ?? '',
  };
  const label = next.publisher || name;
  await relabelSources(tx, stored.sourceLabel ?? DEMO_SOURCE_LABEL, label);
  await writeStored(tx, { ...next, sourceLabel: label });
  return (await readCity(tx))!;
}

/** `city set`/`PUT /api/city`: only after the setup (the demo city has its own settings). */
export async function updateCity(db: Db, input: CitySettingsBody): Promise<CitySettings> {
  return db.transaction(async (tx) => {
    if (!(await getTerritory(tx)))
      throw badRequest(
        'city.not_set_up',
        'Es ist noch keine Stadt eingerichtet: zuerst die Einrichtung ausführen.',
      );
    return saveCity(tx, input);
  });
}
