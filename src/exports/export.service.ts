/** Exports of indicator values for the CLI and the API, protected unless the caller may see counts. */
import type { User } from '../auth/auth.schema.ts';
import { getTerritory } from '../areas/area.repository.ts';
import { notFound } from '../core/errors.ts';
import type { Db } from '../db/db.ts';
import { listDates } from '../indicators/indicator.repository.ts';
import { indicatorValues, requireIndicator, seesUnprotected } from '../indicators/indicator.service.ts';
import { valuesToCsv, valuesToXlsx, type ExportFormat } from './values-export.ts';

/** `2024` → the Stichtag with data in 2024 (the latest, if several); a full date must have data. */
export async function resolveStichtag(db: Db, spec: string): Promise<string> {
  const dates = await listDates(db);
  const hit = /^\d{4}$/.test(spec)
    ? dates.filter((d) => d.startsWith(spec)).at(-1)
    : dates.find((d) => d === spec);
  if (!hit)
    throw notFound(
      'data.unknown_date',
      `Für „${spec}“ gibt es keine Daten (Stichtage: ${dates.join(', ') || 'keine'}).`,
      {
        date: spec,
      },
    );
  return hit;
}

export async function exportValues(
  db: Db,
  user: User | null,
  opts: { indicator: string; level: string; date: string; format: ExportFormat },
): Promise<{ body: string | Uint8Array; contentType: string; fileName: string }> {
  const ind = await requireIndicator(db, opts.indicator, user);
  const date = await resolveStichtag(db, opts.date);
  const values = await indicatorValues(db, user, ind.key, opts.level, date);
  const cityName = (await getTerritory(db))?.name ?? 'Gesamt';
  const withCounts = seesUnprotected(user);
  const fileName = `${ind.key}_${opts.level}_${date}.${opts.format}`;
  if (opts.format === 'json')
    return {
      body: JSON.stringify({ ...values, definition: ind }, null, 2),
      contentType: 'application/json',
      fileName,
    };
  if (opts.format === 'csv')
    return {
      body: valuesToCsv(ind, values, { withCounts, cityName }),
      contentType: 'text/csv; charset=utf-8',
      fileName,
    };
  return {
    body: await valuesToXlsx(ind, values, { withCounts, cityName }),
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    fileName,
  };
}
