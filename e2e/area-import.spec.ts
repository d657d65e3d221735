/**
 * Gebiete importieren in the browser: Köln's Stadtteile (a shapefile set whose .prj is UTM 32 with a
 * false easting of 2,500,000) into a new level, the Stadtbezirke derived from the first digit of
 * their keys, a file without .prj read with a CRS given on the page, and files that are no area file.
 */
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousViolations } from './axe.ts';
import { login, MAP_READY, near, pngColours, type Rgb, SLOW } from './helpers.ts';
import { useServer } from './server.ts';

const KOELN = resolve('../shared/data/koeln-stadtteile');
const shapefile = (...exts: string[]) => exts.map((ext) => join(KOELN, `Stadtteil.${ext}`));
/** AREA_FILL of src/web/areas/preview-map.ts. */
const AREA_FILL: Rgb = [0x9e, 0xca, 0xe1];
const PROBLEM_FILL: Rgb = [0xf4, 0xa5, 0x82];
/** Köln's Stadtbezirke 1–9: the first digit of a Stadtteil's number. */
const BEZIRKE = [
  'Innenstadt',
  'Rodenkirchen',
  'Lindenthal',
  'Ehrenfeld',
  'Nippes',
  'Chorweiler',
  'Porz',
  'Kalk',
  'Mülheim',
];

// new levels cannot be deleted: never on a server other files use (LAGEBILD_E2E_BASE_URL)
useServer({ own: true });

interface Level {
  key: string;
  name: string;
  areaCount: number;
}
const levels = async (page: Page) => (await (await page.request.get('/api/areas/levels')).json()) as Level[];

/**
 * axe-core on the page in its current state (preview, errors, results), and with Playwright's own
 * accessibility tree what goes beyond axe's serious rules: every visible control has a name, the
 * headings do not skip a level, every id a control points to (description) exists.
 */
async function expectAccessible(page: Page) {
  await expectNoSeriousViolations(page, `${new URL(page.url()).pathname} (area upload)`);
  const controls = page.locator('main').locator('input, select, textarea, button');
  for (const control of await controls.all())
    if (await control.isVisible()) await expect(control).toHaveAccessibleName(/\S/);
  const structure = await page.evaluate(() => ({
    headings: [...document.querySelectorAll('main :is(h1, h2, h3, h4, h5, h6)')].map((h) =>
      Number(h.tagName.slice(1)),
    ),
    dangling: [...document.querySelectorAll('[aria-describedby], [aria-labelledby]')].flatMap((el) =>
      `${el.getAttribute('aria-describedby') ?? ''} ${el.getAttribute('aria-labelledby') ?? ''}`
        .split(/\s+/)
        .filter((ref) => ref && !document.getElementById(ref)),
    ),
  }));
  expect(structure.headings[0]).toBe(1);
  structure.headings.forEach((level, i) =>
    expect(level).toBeLessThanOrEqual((structure.headings[i - 1] ?? 0) + 1),
  );
  expect(structure.dangling).toEqual([]);
}

test('an administrator imports Köln’s Stadtteile into a new level and derives the Stadtbezirke', async ({
  page,
}) => {
  await login(page, 'admin');
  await page.goto('/indikatoren');
  const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
  await nav.getByRole('link', { name: 'Gebiete' }).click();
  await expect(page).toHaveURL(/\/gebiete\/import$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gebiete importieren');
  await expect(nav.getByRole('link', { name: 'Gebiete' })).toHaveAttribute('aria-current', 'page');
  await expectAccessible(page);

  // step 1: the four files of the shapefile set chosen together, a new level
  await page.getByLabel('Gebietsdateien').setInputFiles(shapefile('shp', 'shx', 'dbf', 'prj'));
  await expect(page.getByTestId('area-files').getByRole('listitem')).toHaveText([
    /^Stadtteil\.shp \(\d+ kB\)$/,
    /^Stadtteil\.shx/,
    /^Stadtteil\.dbf/,
    /^Stadtteil\.prj/,
  ]);
  const levelSelect = page.getByLabel('Zielebene');
  await expect(levelSelect.locator('option:checked')).toHaveText('Neue Ebene anlegen …');
  await expect(levelSelect.locator('option', { hasText: 'Sozialraum (sozialraum)' })).toHaveText(
    /Gebiete, werden ersetzt$/,
  );
  await page.getByLabel('Name der neuen Ebene').fill('Stadtteile (Köln)');
  const key = page.getByLabel('Schlüssel der neuen Ebene');
  await key.fill('Stadtteil Köln');
  await page.getByRole('button', { name: 'Vorschau anzeigen' }).click();
  const summary = page.getByRole('alert');
  await expect(summary).toContainText('Bitte die markierten Angaben prüfen.');
  await expect(summary.getByRole('link')).toHaveText(
    'Schlüssel der neuen Ebene: Der Ebenenschlüssel besteht aus Kleinbuchstaben, Ziffern, _ und -.',
  );
  await expect(key).toHaveAttribute('aria-invalid', 'true');
  await key.fill('stadtteil_koeln');
  await page.getByRole('button', { name: 'Vorschau anzeigen' }).click();

  // step 2: CRS from the .prj (false easting 2,500,000), fields with samples, suggested fields
  const preview = page.getByTestId('area-preview');
  await expect(page.getByTestId('area-preview-count')).toHaveText('86');
  await expect(page.getByRole('heading', { name: '2. Vorschau prüfen' })).toBeFocused();
  await expect(page.getByTestId('area-preview-crs')).toContainText('+x_0=2500000');
  // the true area of Köln (405 km²): only right when the false easting was honoured
  await expect(page.getByTestId('area-preview-facts')).toContainText(/Gesamtfläche40[45],\d km²/);
  const fields = page.getByTestId('area-preview-fields');
  await expect(fields.locator('tbody th')).toHaveText(['STT_NR', 'STT_NAME', 'SHAPE_AREA', 'SHAPE_LEN']);
  await expect(fields.locator('tr[data-field=STT_NR] td').first()).toHaveText(/^\d{3} · \d{3} · \d{3}$/);
  await expect(fields.locator('tr[data-field=STT_NR] td').last()).toHaveText('Schlüssel');
  await expect(fields.locator('tr[data-field=STT_NAME] td').last()).toHaveText('Name');
  await expect(preview.getByLabel('Schlüsselfeld')).toHaveValue('STT_NR');
  await expect(preview.getByLabel('Namensfeld')).toHaveValue('STT_NAME');
  await expect(preview.getByLabel('Feld des übergeordneten Gebiets')).toHaveValue('');
  await expect(page.getByTestId('area-preview-no-problems')).toHaveText('Keine Probleme gefunden.');

  // the areas drawn: no basemap, the preview's blue over most of the map, nothing in problem red
  const map = page.locator(MAP_READY);
  await expect(map).toBeVisible(SLOW);
  await expect(map.locator('canvas')).toHaveAttribute(
    'aria-label',
    /^Karte der Vorschau: 86 Gebiete aus Stadtteil\.shp\./,
  );
  const { colours, total } = await pngColours(page, await map.screenshot());
  const share = (rgb: Rgb) => colours.filter(([c]) => near(c, rgb, 6)).reduce((n, [, k]) => n + k, 0) / total;
  // Köln is taller than wide: about an eighth of the wide map frame
  expect(share(AREA_FILL)).toBeGreaterThan(0.08);
  expect(share(PROBLEM_FILL)).toBe(0);

  // another name field reads the file again; the table says what each field is used as
  await preview.getByLabel('Namensfeld').selectOption('STT_NR');
  await expect(fields.locator('tr[data-field=STT_NR] td').last()).toHaveText('Schlüssel, Name');
  await expect(fields.locator('tr[data-field=STT_NAME] td').last()).toHaveText('');
  await preview.getByLabel('Namensfeld').selectOption('STT_NAME');
  await expect(fields.locator('tr[data-field=STT_NAME] td').last()).toHaveText('Name');
  await expect(page.locator(MAP_READY)).toBeVisible();
  await expectAccessible(page);

  // step 3: commit
  expect((await levels(page)).map((l) => l.key)).not.toContain('stadtteil_koeln');
  await page.getByRole('button', { name: 'Übernehmen' }).click();
  const result = page.getByTestId('area-import-result');
  await expect(result).toContainText('86 Gebiete in die Ebene „Stadtteile (Köln)“ übernommen.');
  await expect(result).toBeFocused();
  await expect(result.getByRole('link', { name: '„Stadtteile (Köln)“ im Atlas ansehen' })).toHaveAttribute(
    'href',
    '/?ebene=stadtteil_koeln',
  );
  await expect(page.getByRole('button', { name: 'Übernehmen' })).toBeDisabled();
  expect(await levels(page)).toContainEqual(
    expect.objectContaining({ key: 'stadtteil_koeln', name: 'Stadtteile (Köln)', areaCount: 86 }),
  );

  // a parent level: first into a level that is not above the Stadtteile (the server's German error)
  const derive = page.getByTestId('area-derive');
  await expect(derive.getByLabel('Aus der Ebene')).toHaveValue('stadtteil_koeln');
  await derive.getByLabel('Name der übergeordneten Ebene').fill('Stadtbezirke (Köln)');
  const parentKey = derive.getByLabel('Schlüssel der übergeordneten Ebene');
  await parentKey.fill('stadtbezirk');
  await expect(derive.getByLabel('Anfang des Schlüssels')).toBeChecked();
  await derive.getByLabel('Länge des Schlüsselanfangs (Zeichen)').fill('1');
  await derive.getByRole('button', { name: 'Ebene bilden' }).click();
  const deriveError = derive.getByRole('alert');
  await expect(deriveError).toContainText('(Fehlercode: areas.derive_not_above)');
  await expect(deriveError.getByRole('link')).toContainText('Schlüssel der übergeordneten Ebene: ');
  await expect(parentKey).toHaveAttribute('aria-invalid', 'true');
  await deriveError.getByRole('link').click();
  await expect(parentKey).toBeFocused();

  await parentKey.fill('stadtbezirk_koeln');
  await derive.getByRole('button', { name: 'Ebene bilden' }).click();
  const derived = page.getByTestId('area-derive-result');
  await expect(derived).toContainText(
    '9 übergeordnete Gebiete gebildet, 86 Gebiete der Ebene „Stadtteile (Köln)“ zugeordnet.',
  );
  await expect(derived.getByRole('link', { name: '„Stadtbezirke (Köln)“ im Atlas ansehen' })).toHaveAttribute(
    'href',
    '/?ebene=stadtbezirk_koeln',
  );
  const bezirke = (await (await page.request.get('/api/areas?level=stadtbezirk_koeln')).json()) as {
    id: string;
  }[];
  expect(bezirke.map((b) => b.id)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
  // the new level is offered to derive from, and as a target level
  await expect(
    derive.getByLabel('Aus der Ebene').locator('option', { hasText: 'Stadtbezirke (Köln)' }),
  ).toHaveText('Stadtbezirke (Köln) (stadtbezirk_koeln) – 9 Gebiete');
  await expectAccessible(page);

  // derived again from a key table read in the browser, this time with the districts' names
  const teile = (await (await page.request.get('/api/areas?level=stadtteil_koeln')).json()) as {
    id: string;
  }[];
  const csv = [
    'Stadtteil;Bezirk;Bezirksname',
    ...teile.map((t) => `${t.id};${t.id[0]};${BEZIRKE[Number(t.id[0]) - 1]}`),
  ].join('\r\n');
  await derive.getByLabel('Schlüsseltabelle (CSV)', { exact: true }).check();
  await derive.getByLabel('Schlüsseltabelle (CSV-Datei)').setInputFiles({
    name: 'bezirke.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`\uFEFF${csv}`),
  });
  await expect(derive.getByTestId('area-key-table-columns')).toHaveText('3 Spalten in bezirke.csv');
  await expect(derive.getByLabel('Spalte mit dem Schlüssel des Teilgebiets')).toHaveValue('Stadtteil');
  await expect(derive.getByLabel('Spalte mit dem Schlüssel des übergeordneten Gebiets')).toHaveValue(
    'Bezirk',
  );
  await derive
    .getByLabel('Spalte mit dem Namen des übergeordneten Gebiets (optional)')
    .selectOption('Bezirksname');
  await derive.getByRole('button', { name: 'Ebene bilden' }).click();
  await expect(derived).toContainText('9 übergeordnete Gebiete gebildet');
  const named = (await (await page.request.get('/api/areas?level=stadtbezirk_koeln')).json()) as {
    name: string;
  }[];
  expect(named.map((b) => b.name)).toEqual(BEZIRKE);
});

test('a file without .prj is read with the coordinate system given on the page, saving nothing', async ({
  page,
}) => {
  await login(page, 'planer');
  const before = await levels(page);
  await page.goto('/gebiete/import');
  await page.getByLabel('Gebietsdateien').setInputFiles(shapefile('shp', 'shx', 'dbf'));
  await page.getByLabel('Name der neuen Ebene').fill('Ohne Projektion');
  await page.getByLabel('Schlüssel der neuen Ebene').fill('ohne_prj');
  await page.getByRole('button', { name: 'Vorschau anzeigen' }).click();

  await expect(page.getByTestId('area-preview-crs')).toHaveText('unbekannt');
  const problems = page.getByTestId('area-preview-problems');
  await expect(problems.getByRole('listitem')).toHaveCount(1);
  await expect(problems).toContainText('Ganze Datei');
  await expect(problems).toContainText('Das Koordinatensystem ist nicht angegeben (keine .prj-Datei)');
  await expect(page.getByText('Keine Geometrie lesbar – nichts zu zeigen.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Übernehmen' })).toBeDisabled();
  await expect(page.getByTestId('area-commit-hint')).toHaveText(
    'Solange die Vorschau Probleme meldet, kann nichts übernommen werden.',
  );

  // the system of the Köln .prj, written as proj4
  await page
    .getByLabel('Koordinatensystem angeben (EPSG-Code oder proj4)')
    .fill('+proj=tmerc +lat_0=0 +lon_0=9 +k=0.9996 +x_0=2500000 +y_0=0 +datum=WGS84 +units=m');
  await page.getByRole('button', { name: 'Mit diesem Koordinatensystem lesen' }).click();
  await expect(page.getByTestId('area-preview-count')).toHaveText('86');
  await expect(page.getByTestId('area-preview-crs')).toContainText('+x_0=2500000');
  await expect(page.getByTestId('area-preview-no-problems')).toBeVisible();
  await expect(page.locator(MAP_READY)).toBeVisible(SLOW);
  await expect(page.getByRole('button', { name: 'Übernehmen' })).toBeEnabled();
  expect(await levels(page)).toEqual(before);
});

test('a .dbf alone or a text file shows a German problem and saves nothing; viewers may not import', async ({
  page,
}) => {
  await login(page, 'gast');
  await page.goto('/gebiete/import');
  await expect(page.getByTestId('area-import-needs-role')).toHaveText(
    'Gebiete importieren können Planerinnen, Planer und Administratoren.',
  );
  await expect(
    page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Gebiete' }),
  ).toHaveCount(0);

  await login(page, 'planer');
  const before = await levels(page);
  await page.goto('/gebiete/import');
  await page.getByLabel('Gebietsdateien').setInputFiles(shapefile('dbf'));
  await page.getByLabel('Name der neuen Ebene').fill('Kaputt');
  await page.getByLabel('Schlüssel der neuen Ebene').fill('kaputt');
  await page.getByRole('button', { name: 'Vorschau anzeigen' }).click();
  const problems = page.getByTestId('area-preview-problems');
  await expect(problems.getByRole('listitem')).toHaveCount(1);
  await expect(problems).toContainText('Ganze Datei');
  await expect(problems).toContainText(
    '„Stadtteil.dbf“: Die zugehörige .shp-Datei mit den Geometrien fehlt.',
  );
  await expect(problems).toContainText('Code import.shp_missing');
  await expect(page.getByTestId('area-preview-count')).toHaveText('0');
  await expect(page.getByRole('button', { name: 'Übernehmen' })).toBeDisabled();

  await page.getByLabel('Gebietsdateien').setInputFiles({
    name: 'gebiete.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('Schlüssel;Name\n101;Altstadt-Süd\n'),
  });
  await expect(page.getByText('Noch keine Vorschau.')).toBeVisible();
  await page.getByRole('button', { name: 'Vorschau anzeigen' }).click();
  await expect(problems).toContainText('Keine lesbare Gebietsdatei unter „gebiete.txt“.');
  await expect(problems).toContainText('Code import.unsupported_file');
  await expect(page.getByRole('button', { name: 'Übernehmen' })).toBeDisabled();
  await expectAccessible(page);
  expect(await levels(page)).toEqual(before);
});
