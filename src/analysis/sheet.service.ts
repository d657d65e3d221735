/**
 * The Kennblatt of an indicator as a PDF: the facts from the catalogue, the city value at every
 * Stichtag (as the user may see it) and the chosen or latest Stichtag, rendered by Chromium.
 */
import { getTerritory, listLevels } from '../areas/area.repository.ts';
import type { User } from '../auth/auth.schema.ts';
import type { Db } from '../db/db.ts';
import { resolveStichtag } from '../exports/export.service.ts';
import { requireIndicator } from '../indicators/indicator.service.ts';
import { loadLevelTable } from '../indicators/level-table.ts';
import { listDates } from '../observations/observation.repository.ts';
import { htmlToPdf } from '../reports/pdf.ts';
import { renderSheetHtml, sheetTitle, type SheetInput } from './sheet-html.ts';

/**
 * Everything the Kennblatt shows.
 * @param date Stichtag (YYYY-MM-DD or a year); default the latest with data
 * @throws indicators.not_found, data.unknown_date
 */
export async function sheetInput(
  db: Db,
  user: User | null,
  key: string,
  date: string | undefined,
  today: Date = new Date(),
): Promise<SheetInput> {
  const indicator = await requireIndicator(db, key, user);
  const dates = await listDates(db);
  const stichtag = date ? await resolveStichtag(db, date) : (dates.at(-1) ?? null);
  // The city value is the same on every level (recomputed from the city's counts): take the finest.
  const level = (await listLevels(db)).filter((l) => l.rank >= 1 && l.areaCount > 0).at(-1);
  let citySeries: SheetInput['citySeries'] = [];
  if (level && dates.length) {
    const table = await loadLevelTable(db, user, level.key, [indicator.key]);
    const grid = table.grids.get(indicator.key)!;
    citySeries = table.dates
      .map((d, i) => ({
        date: d,
        value: grid.city[i]?.value ?? null,
        status: grid.city[i]?.status ?? 'missing',
      }))
      .filter((p) => stichtag === null || p.date <= stichtag);
  }
  return {
    indicator,
    date: stichtag,
    cityName: (await getTerritory(db))?.name ?? null,
    citySeries,
    generatedOn: today.toISOString().slice(0, 10),
  };
}

/** The Kennblatt as an A4 PDF with „Seite n von m“ in the footer. */
export async function sheetPdf(
  db: Db,
  user: User | null,
  key: string,
  date?: string,
): Promise<{ body: Uint8Array; fileName: string }> {
  const input = await sheetInput(db, user, key, date);
  const body = await htmlToPdf(renderSheetHtml(input), {
    footer: `${sheetTitle(input.indicator)} · Lagebild`,
  });
  return { body, fileName: `kennblatt_${input.indicator.key}${input.date ? `_${input.date}` : ''}.pdf` };
}
