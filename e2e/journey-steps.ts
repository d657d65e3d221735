/**
 * The steps of a city's adoption in the browser (e2e/journey.spec.ts): a server of its own on an
 * empty database (e2e/server.ts), the CLI journey's commands (src/test/adoption-journey.ts) read as
 * what a person types and chooses on the pages, and the checks of what the atlas, the area profile
 * and the Steckbrief then show. API requests serve only the checks.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { ADMIN_PASSWORD, type Journey } from '../src/test/adoption-journey.ts';
import { MAP_READY } from './helpers.ts';
import type { FileServer } from './server.ts';

/** Heavy steps (29,000 rows, 542 geometries, a PDF) on a busy 2-core machine. */
export const HEAVY = { timeout: 180_000 };

export interface Server {
  origin: string;
  /** The Einrichtung link `serve` printed. */
  setupUrl: string;
}

/** A journey's server (`useServer({ database: 'empty' })`) with the Einrichtung link it printed. */
export function journeyServer(server: FileServer): Server {
  const output = server.output();
  const setupUrl = /Einrichtung: (http:\/\/\S+\/einrichtung\?token=[\w-]{20,})/.exec(output)?.[1];
  if (!setupUrl) throw new Error(`Der Testserver nennt keinen Einrichtungslink:\n${output}`);
  expect(output).not.toContain('Demo');
  return { origin: server.origin, setupUrl };
}

/** The value after `flag` in a command's arguments, undefined when the flag is absent. */
function option(args: readonly string[], flag: string): string | undefined {
  const at = args.indexOf(flag);
  return at < 0 ? undefined : args[at + 1];
}
function required(args: readonly string[], flag: string): string {
  const value = option(args, flag);
  if (value === undefined) throw new Error(`${flag} fehlt in: ${args.join(' ')}`);
  return value;
}

export type DeriveRule =
  { prefix: number } | { table: string; childField: string; parentField: string; parentNameField: string };

/**
 * What a person enters on the pages for the commands of a CLI journey. The shapefile set is the
 * .shp the command names with the files beside it (.shx, .dbf, .prj, .cpg), chosen together.
 * `--valid-from` has no field on the page: areas imported in the browser are valid from today.
 */
export function plan(journey: Journey) {
  const levels = required(journey.setup, '--levels')
    .split(',')
    .map((level) => {
      const [key = '', name = ''] = level.split(':');
      return { key, name };
    });
  const nameOf = (key: string) => levels.find((l) => l.key === key)?.name ?? key;
  const shp = journey.areas[2] ?? '';
  const areaLevel = required(journey.areas, '--level');
  return {
    city: {
      admin: required(journey.setup, '--admin'),
      name: required(journey.setup, '--city'),
      key: required(journey.setup, '--key'),
      levels,
    },
    areas: {
      files: ['shp', 'shx', 'dbf', 'prj', 'cpg']
        .map((ext) => shp.replace(/\.shp$/, `.${ext}`))
        .filter((file) => existsSync(file)),
      level: areaLevel,
      levelName: nameOf(areaLevel),
      idField: required(journey.areas, '--id-field'),
      nameField: required(journey.areas, '--name-field'),
    },
    derive: journey.derive.map((args) => {
      const prefix = option(args, '--key-prefix');
      const from = required(args, '--from');
      const rule: DeriveRule = prefix
        ? { prefix: Number(prefix) }
        : {
            table: required(args, '--key-table'),
            childField: required(args, '--child-field'),
            parentField: required(args, '--parent-field'),
            parentNameField: required(args, '--parent-name-field'),
          };
      return { level: required(args, '--level'), from, fromName: nameOf(from), rule };
    }),
    tables: journey.tables.map((args) => ({
      file: args[2] ?? '',
      level: required(args, '--level'),
      date: option(args, '--date'),
    })),
  };
}
export type City = ReturnType<typeof plan>['city'];

export const get = async <T>(page: Page, url: string): Promise<T> => {
  const response = await page.request.get(url);
  expect(response.ok(), `${url}: ${response.status()}`).toBe(true);
  return (await response.json()) as T;
};

/** Step 1: the Einrichtung through the printed link; ends logged in as administrator. */
export async function einrichtung(page: Page, server: Server, city: City) {
  await page.goto(server.setupUrl);
  await expect(page.getByRole('heading', { name: 'Lagebild einrichten' })).toBeVisible();
  await page.getByLabel('Benutzername').fill(city.admin);
  await page.getByLabel('Passwort', { exact: true }).fill(ADMIN_PASSWORD);
  await page.getByLabel('Passwort wiederholen').fill(ADMIN_PASSWORD);
  await page.getByLabel('Name', { exact: true }).fill(city.name);
  await page.getByLabel('Amtlicher Gemeindeschlüssel (AGS)').fill(city.key);
  // the form starts with two levels (Stadtbezirk, Stadtteil)
  for (let i = 2; i < city.levels.length; i++)
    await page.getByRole('button', { name: 'Ebene hinzufügen' }).click();
  for (const [i, level] of city.levels.entries()) {
    await page.getByLabel(`Name der Ebene ${i + 1}`).fill(level.name);
    await expect(page.getByLabel(`Schlüssel der Ebene ${i + 1}`)).toHaveValue(level.key);
  }
  await page.getByRole('button', { name: 'Einrichten' }).click();
  await expect(page).toHaveURL(`${server.origin}/`);
  await expect(page.locator('.app-header')).toContainText(city.name);
  const config = await get<{ levels: { key: string }[]; territory: unknown }>(
    page,
    `${server.origin}/api/config`,
  );
  expect(config.territory).toMatchObject({ key: city.key, name: city.name });
  expect(config.levels.map((l) => l.key)).toEqual(['stadt', ...city.levels.map((l) => l.key)]);
}

/** Step 2a: a shapefile set into a level of the Einrichtung, still empty; `count` areas committed. */
export async function importAreas(
  page: Page,
  server: Server,
  area: ReturnType<typeof plan>['areas'] & { count: number },
) {
  await page.goto(`${server.origin}/gebiete/import`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gebiete importieren');
  await page.getByLabel('Gebietsdateien').setInputFiles(area.files);
  await expect(page.getByTestId('area-files').getByRole('listitem')).toHaveCount(area.files.length);
  const target = page.getByLabel('Zielebene');
  await expect(target.locator(`option[value="${area.level}"]`)).toHaveText(/– noch leer$/);
  await target.selectOption(area.level);
  await page.getByRole('button', { name: 'Vorschau anzeigen' }).click();
  await expect(page.getByTestId('area-preview-count')).toHaveText(area.count.toLocaleString('de-DE'), HEAVY);
  const preview = page.getByTestId('area-preview');
  await expect(preview.getByLabel('Schlüsselfeld')).toHaveValue(area.idField);
  await expect(preview.getByLabel('Namensfeld')).toHaveValue(area.nameField);
  // the parents are derived below; none are imported yet
  await expect(preview.getByLabel('Feld des übergeordneten Gebiets')).toHaveValue('');
  await expect(page.getByTestId('area-preview-no-problems')).toHaveText('Keine Probleme gefunden.');
  await page.getByRole('button', { name: 'Übernehmen' }).click();
  await expect(page.getByTestId('area-import-result')).toContainText(
    `${area.count.toLocaleString('de-DE')} Gebiete in die Ebene „${area.levelName}“ übernommen.`,
    HEAVY,
  );
}

/** Step 2b: a parent level from the keys of its children, on the page's derive form. */
export async function derive(
  page: Page,
  parent: ReturnType<typeof plan>['derive'][number] & { count: number; children: number },
) {
  const form = page.getByTestId('area-derive');
  await form.getByLabel('Schlüssel der übergeordneten Ebene').fill(parent.level);
  await form.getByLabel('Aus der Ebene').selectOption(parent.from);
  if ('prefix' in parent.rule) {
    await form.getByLabel('Anfang des Schlüssels').check();
    await form.getByLabel('Länge des Schlüsselanfangs (Zeichen)').fill(String(parent.rule.prefix));
  } else {
    await form.getByLabel('Schlüsseltabelle (CSV)', { exact: true }).check();
    const file = form.getByLabel('Schlüsseltabelle (CSV-Datei)');
    // the input keeps the file chosen for an earlier parent level
    if ((await file.evaluate((input: HTMLInputElement) => input.files?.length ?? 0)) === 0)
      await file.setInputFiles(parent.rule.table);
    await expect(form.getByTestId('area-key-table-columns')).toContainText('Spalten in');
    await form.getByLabel('Spalte mit dem Schlüssel des Teilgebiets').selectOption(parent.rule.childField);
    await form
      .getByLabel('Spalte mit dem Schlüssel des übergeordneten Gebiets')
      .selectOption(parent.rule.parentField);
    await form
      .getByLabel('Spalte mit dem Namen des übergeordneten Gebiets (optional)')
      .selectOption(parent.rule.parentNameField);
  }
  await form.getByRole('button', { name: 'Ebene bilden' }).click();
  await expect(form.getByTestId('area-derive-result')).toContainText(
    `${parent.count.toLocaleString('de-DE')} übergeordnete Gebiete gebildet, ` +
      `${parent.children.toLocaleString('de-DE')} Gebiete der Ebene „${parent.fromName}“ zugeordnet.`,
    HEAVY,
  );
}

/** Step 3: a population table as delivered, checked, then imported (`stored` values, none replaced). */
export async function importTable(
  page: Page,
  server: Server,
  table: ReturnType<typeof plan>['tables'][number] & { stored: number },
) {
  await page.goto(`${server.origin}/import`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Daten importieren');
  await page.getByLabel('Datei (CSV oder Excel)').setInputFiles(table.file);
  await page.getByLabel('Gebietsebene').selectOption(table.level);
  if (table.date) await page.getByLabel('Stichtag (optional)').fill(table.date);
  await page.getByRole('button', { name: 'Prüfen', exact: true }).click();
  await expect(page.getByTestId('import-verdict')).toContainText('fehlerfrei', HEAVY);
  const importButton = page.getByRole('button', { name: 'Importieren', exact: true });
  await expect(importButton).toBeEnabled();
  await importButton.click();
  await expect(page.getByTestId('import-result')).toContainText(
    `${table.stored.toLocaleString('de-DE')} Werte gespeichert, 0 frühere Werte in die Historie verschoben.`,
    HEAVY,
  );
}

/**
 * Step 4: catalogue variables as sums, in a list of the catalogue's variables (the import page's
 * „Variablen des Katalogs“ or the Variablen page).
 */
export async function defineSums(section: Locator, sums: Journey['sums']) {
  for (const [key, terms] of sums) {
    const row = section.locator(`tr[data-key="${key}"]`);
    await row.getByRole('button', { name: /^(Als Summe festlegen|Summe ändern): / }).click();
    const form = section.getByTestId('sum-form');
    await form.getByLabel('Summanden').fill(terms.split('+').join(' + '));
    await form.getByRole('button', { name: 'Speichern' }).click();
    await expect(section.getByTestId('variables-notice')).toContainText(
      new RegExp(`^${key} = .*: [\\d.]+ Werte berechnet\\.$`),
      HEAVY,
    );
    await expect(form).toHaveCount(0);
  }
}

/** Every sum is stored with its terms and has a value for each area and Stichtag (`values`). */
export async function expectSums(page: Page, server: Server, sums: Journey['sums'], values: number) {
  const overview = await get<{ key: string; values: number; sum: string[] | null }[]>(
    page,
    `${server.origin}/api/variables/overview`,
  );
  const stored = sums.map(([key]) => overview.find((v) => v.key === key));
  expect(stored.map((v) => [v?.key, v?.sum?.join('+'), v?.values])).toEqual(
    sums.map(([key, terms]) => [key, terms, values]),
  );
}

interface IndicatorValues {
  city: { value: number | null; status: string };
  values: { id: string; value: number | null; status: string; denominator: number | null }[];
}

/**
 * Step 5: the atlas opened by its address shows anteil_65plus for every area of the finest level
 * and the city (`cityValue`, computed from the delivered file); only areas without inhabitants
 * (`uninhabited`, keys) have no share.
 * @returns the Stichtag shown and the city's value as the atlas formats it
 */
export async function atlas(
  page: Page,
  server: Server,
  finest: { level: string; name: string; areas: number; uninhabited: string[]; cityValue: number },
) {
  const config = await get<{ currentDate: string }>(page, `${server.origin}/api/config`);
  const values = await get<IndicatorValues>(
    page,
    `${server.origin}/api/indicators/anteil_65plus/values?level=${finest.level}&date=${config.currentDate}`,
  );
  expect(values.values).toHaveLength(finest.areas);
  const empty = values.values.filter((v) => v.value === null);
  expect(empty.map((v) => [v.id, v.status, v.denominator])).toEqual(
    finest.uninhabited.map((id) => [id, 'missing', 0]),
  );
  expect(values.city.status).toBe('value');
  expect(values.city.value).toBeCloseTo(finest.cityValue, 9);

  await page.goto(`${server.origin}/?indikator=anteil_65plus&ebene=${finest.level}`);
  await expect(page.locator(MAP_READY)).toBeVisible({ timeout: 90_000 });
  await expect(page).toHaveURL(new RegExp(`stichtag=${config.currentDate}`));
  const legend = page.getByTestId('legend');
  await expect(legend.getByRole('heading')).toContainText('Anteil 65 Jahre und älter');
  const city = new Intl.NumberFormat('de-DE', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
    finest.cityValue,
  );
  await expect(legend).toContainText(`Stadt gesamt: ${city}`);
  const counts = await legend.getByTestId('legend-class').locator('.legend__count').allTextContents();
  expect(counts.length).toBeGreaterThanOrEqual(3);
  expect(counts.reduce((n, c) => n + Number(c.replace(/\D/g, '')), 0)).toBe(
    finest.areas - finest.uninhabited.length,
  );
  await expect(legend.getByTestId('legend-missing')).toContainText(`${finest.uninhabited.length} Gebiete`);
  await expect(legend.getByTestId('legend-secret')).toContainText('0 Gebiete');
  const table = page.getByTestId('area-table');
  await expect(table.locator('caption')).toContainText(finest.name);
  await expect(table.locator('tbody tr')).toHaveCount(finest.areas);
  const cells = await table.locator('tbody td.num').allTextContents();
  expect(cells.filter((c) => /^\d{1,2},\d$/.test(c))).toHaveLength(finest.areas - finest.uninhabited.length);
  expect(cells.filter((c) => c === '–')).toHaveLength(finest.uninhabited.length);
  return { date: config.currentDate, city };
}

/** The text of a PDF, laid out as on the page (`pdftotext -layout`, poppler-utils). */
function pdfText(bytes: Buffer): Promise<string> {
  return new Promise((done, fail) => {
    const child = execFile('pdftotext', ['-layout', '-', '-'], { maxBuffer: 16 << 20 }, (err, stdout) =>
      err ? fail(new Error(`pdftotext: ${err.message}`)) : done(stdout),
    );
    child.stdin?.end(bytes);
  });
}

/** A table of a rendered report: its caption and the text of its body rows' cells. */
interface RenderedTable {
  caption: string;
  rows: string[][];
}

/**
 * Step 6: as a visitor (a fresh browser context, no session), an area's profile against the city
 * (its value as the atlas showed it); step 7: the Steckbrief the page links to, downloaded as PDF
 * and read as text, and the same document as HTML for the structure of its tables.
 */
export async function visitorProfile(
  browser: Browser,
  server: Server,
  profile: { city: string; level: string; area: string; name: string; cityValue: string },
) {
  const context = await browser.newContext({ baseURL: server.origin });
  try {
    const page = await context.newPage();
    const config = await get<{ user: unknown }>(page, `${server.origin}/api/config`);
    expect(config.user ?? null).toBeNull();
    await page.goto(`${server.origin}/gebiete/${profile.level}/${profile.area}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Gebietsprofil ${profile.name}`, HEAVY);
    await expect(page.locator('.app-header')).toContainText(profile.city);
    const table = page.getByTestId('profile-indicators');
    await expect(table.getByRole('columnheader', { name: 'Stadt', exact: true })).toBeVisible();
    const row = table.locator('tr[data-key=anteil_65plus]');
    await expect(row.locator('td[data-col=area]')).toHaveText(/^\d{1,2},\d$/);
    await expect(row.locator('td[data-col=city]')).toHaveText(profile.cityValue);
    await expect(row.locator('td[data-col=difference]')).toHaveText(/^[+−-]?\d{1,2},\d$|^±?0,0$/);
    // no row of dashes only: indicators without a value at the Stichtag are named below the table
    for (const tr of await table.locator('tbody tr[data-key]').all())
      await expect(
        tr
          .locator('td.num')
          .filter({ hasNotText: /^[–·]?$/ })
          .first(),
      ).toBeAttached();

    const link = page.getByRole('link', { name: 'Steckbrief als PDF' });
    await expect(link).toHaveAttribute('href', /format=pdf&public=1$/);
    const [download] = await Promise.all([page.waitForEvent('download', HEAVY), link.click()]);
    const bytes = await readFile(await download.path());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = await pdfText(bytes);
    await test.info().attach(`steckbrief-${profile.area}.txt`, { body: text, contentType: 'text/plain' });

    const href = (await link.getAttribute('href')) ?? '';
    const html = await page.request.get(href.replace('format=pdf', 'format=html'), HEAVY);
    expect(html.ok()).toBe(true);
    await page.setContent(await html.text());
    const tables: RenderedTable[] = await page.locator('table').evaluateAll((list) =>
      list.map((t) => ({
        caption: t.closest('figure')?.querySelector('figcaption')?.textContent ?? '',
        rows: [...(t as HTMLTableElement).tBodies].flatMap((body) =>
          [...body.rows].map((r) => [...r.cells].map((c) => (c.textContent ?? '').trim())),
        ),
      })),
    );
    return { text, tables };
  } finally {
    await context.close();
  }
}

/**
 * What the Steckbrief must say and must not: it names the city, the area and its parent, no other
 * city (the demo's names), and it has no table row without any value and no table without rows.
 *
 * In the PDF text (`pdftotext -layout`: one line per table row) a row without values is a line of
 * a name followed only by two or more cells of dashes (– or -) separated by spaces. In the HTML of
 * the same document: a body row whose cells after the first are all „–“, or a table whose body
 * has no row.
 */
export function checkSteckbrief(
  { text, tables }: { text: string; tables: RenderedTable[] },
  names: { city: string; area: string; parent: string },
) {
  expect(text).toContain(names.city);
  expect(text).toContain(`Steckbrief ${names.area}`);
  expect(text).toContain(names.parent);
  expect(text).not.toContain('Demo-Stadt');
  expect(text).not.toContain('Musterstadt');
  const dashRows = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /^\S.*?\S\s{2,}[–-](\s+[–-])+$/.test(line));
  expect(dashRows).toEqual([]);
  // the share of the 65+ is in the document with a value
  expect(text).toMatch(/65 Jahre und älter[^\n]*\d,\d/);

  expect(tables.length).toBeGreaterThan(0);
  expect(tables.filter((t) => t.rows.length === 0).map((t) => t.caption)).toEqual([]);
  const empty = tables.flatMap((t) => t.rows.filter((r) => r.slice(1).every((c) => c === '–')));
  expect(empty).toEqual([]);
}
