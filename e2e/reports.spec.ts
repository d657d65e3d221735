/**
 * Berichte in the browser: preview of a Steckbrief, a stored PDF generated in the
 * background, the template editor (copy, change, save, export, import with errors), read-only
 * views for visitors, and the Steckbrief downloads of the area profile.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import type { AreaSummary } from '../src/areas/area.schema.ts';
import { login, pngColours, SLOW } from './helpers.ts';
import { useServer } from './server.ts';

useServer();

const LEVEL = 'sozialraum';
const AREA = '101';
const STECKBRIEF = `/berichte?vorlage=steckbrief&ebene=${LEVEL}&gebiet=${AREA}`;

async function areaName(page: Page): Promise<string> {
  const response = await page.request.get(`/api/areas?level=${LEVEL}`);
  expect(response.ok()).toBe(true);
  const area = ((await response.json()) as AreaSummary[]).find((a) => a.id === AREA);
  expect(area).toBeDefined();
  return area!.name;
}

test('a visitor previews a Steckbrief: the frame shows the area and German numbers; public values only', async ({
  page,
}) => {
  const name = await areaName(page);
  await page.goto(STECKBRIEF);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Berichte');
  await expect(page.getByLabel('Vorlage')).toHaveValue('steckbrief');
  await expect(page.getByLabel('Gebiet', { exact: true })).toHaveValue(AREA);
  // visitors get disclosure-protected values only, and cannot store reports
  const publicBox = page.getByLabel('nur geheimhaltungsgeprüfte Werte (zur Veröffentlichung)');
  await expect(publicBox).toBeChecked();
  await expect(publicBox).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Erzeugen und ablegen' })).toHaveCount(0);
  const download = page.getByTestId('report-download');
  await expect(download).toHaveAttribute(
    'href',
    /template=steckbrief&level=sozialraum&area=101&date=\d{4}-12-31&format=pdf&public=1$/,
  );

  const t0 = Date.now();
  await page.getByRole('button', { name: 'Vorschau' }).click();
  const frame = page.frameLocator('[data-testid=report-frame]');
  await expect(frame.locator('body')).toContainText(`Steckbrief ${name}`, SLOW);
  console.log(`[bench] Steckbrief preview: click → text in frame: ${Date.now() - t0} ms`);
  await expect(frame.locator('body')).toContainText(/\d+,\d+\s?%/);
  await expect(frame.locator('body')).not.toContainText('Intern – nicht zur Veröffentlichung');
  // the map and the charts are vector graphics inside the document
  expect(await frame.locator('svg').count()).toBeGreaterThan(1);
  await expect(page.getByTestId('report-preview').locator('.notice')).toHaveCount(0);
  // looked at, not only present: the choropleth map colours a good part of the visible frame
  const shot = await page.getByTestId('report-frame').screenshot();
  const { colours, total } = await pngColours(page, shot);
  const coloured = colours
    .filter(([[r, g, b]]) => Math.max(r, g, b) - Math.min(r, g, b) > 40)
    .reduce((sum, [, n]) => sum + n, 0);
  expect(coloured / total).toBeGreaterThan(0.05);

  // the choice lives in the address: Word is remembered
  await page.getByRole('radio', { name: 'Word' }).check();
  await expect(page).toHaveURL(/format=docx/);
  await expect(download).toHaveAttribute('href', /format=docx&public=1$/);
});

test('a planner generates and stores an internal PDF Steckbrief, downloads, verifies and regenerates it', async ({
  page,
}) => {
  const name = await areaName(page);
  await login(page, 'planer');
  await page.goto(STECKBRIEF);
  const publicBox = page.getByLabel('nur geheimhaltungsgeprüfte Werte (zur Veröffentlichung)');
  await expect(publicBox).toBeEnabled();
  await publicBox.uncheck();
  await expect(page).toHaveURL(/intern=1/);
  await page.getByRole('button', { name: 'Erzeugen und ablegen' }).click();

  const rows = page.getByTestId('stored-report');
  const row = rows.first();
  await expect(row.getByRole('rowheader')).toContainText(`Steckbrief ${name}`);
  await expect(row.getByTestId('report-status')).toHaveText('fertig', SLOW);
  await expect(row).toContainText('intern');
  await expect(row).toContainText('PDF');
  // the content hash: 12 hex digits shown, the whole SHA-256 in the title
  const hashCell = row.locator('td[title^="Prüfsumme"]');
  await expect(hashCell).toHaveText(/^[0-9a-f]{12}$/);
  await expect(hashCell).toHaveAttribute('title', /[0-9a-f]{64}/);
  const hash = await hashCell.textContent();

  const [file] = await Promise.all([
    page.waitForEvent('download'),
    row.getByRole('link', { name: /^Herunterladen/ }).click(),
  ]);
  const bytes = readFileSync(await file.path());
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(file.suggestedFilename()).toMatch(/\.pdf$/);

  await row.getByRole('button', { name: /^Prüfen/ }).click();
  await expect(row.getByTestId('verify-result')).toHaveText('Gleiche Zahlen wie bei der Erstellung.');

  // regenerated from the stored snapshot: a new stored report with the same content hash
  const before = await rows.count();
  await row.getByRole('button', { name: /^Erneut erzeugen/ }).click();
  await expect(rows).toHaveCount(before + 1);
  const again = rows.first();
  await expect(again.getByTestId('report-status')).toHaveText('fertig', SLOW);
  await expect(again.locator('td[title^="Prüfsumme"]')).toHaveText(hash ?? '');

  // delete the copy again (with a confirmation)
  await again.getByRole('button', { name: /^Löschen/ }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Bericht löschen?' });
  await dialog.getByRole('button', { name: 'Löschen' }).click();
  await expect(rows).toHaveCount(before);
});

test('the template editor: copy a Steckbrief, change chapter and text, save, reload, export, import errors', async ({
  page,
}) => {
  await login(page, 'planer');
  await page.goto(STECKBRIEF);
  await page.getByTestId('new-template').click();
  await expect(page).toHaveURL(/\/berichte\/vorlagen\/neu$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Neue Berichtsvorlage');
  await page.getByLabel('Vorlage übernehmen').selectOption('steckbrief');
  await expect(page.getByLabel('Schlüssel', { exact: true })).toHaveValue('steckbrief_kopie');
  await page.getByLabel('Schlüssel', { exact: true }).fill('steckbrief_e2e');
  await page.getByLabel('Name', { exact: true }).fill('Steckbrief E2E');

  const chapter = page.getByTestId('template-chapter-0');
  await chapter.getByLabel('Überschrift').fill('Das Gebiet in Kürze');
  const firstBlock = chapter.getByTestId('template-block').first();
  await expect(firstBlock).toHaveAttribute('data-type', 'text');
  await firstBlock.getByLabel('Text', { exact: true }).fill('Kurz gesagt: {area.name} am {date}.');
  // the placeholder hint is next to the text
  await expect(firstBlock).toContainText('{indicator:<Schlüssel>.<Feld>}');

  // chapters move down and back up; the focus stays on the moved chapter's button
  await chapter.getByRole('button', { name: 'Kapitel 1 nach unten' }).click();
  await expect(page.getByTestId('template-chapter-1').getByLabel('Überschrift')).toHaveValue(
    'Das Gebiet in Kürze',
  );
  await expect(page.getByRole('button', { name: 'Kapitel 2 nach unten' })).toBeFocused();
  await page.getByRole('button', { name: 'Kapitel 2 nach oben' }).click();
  await expect(chapter.getByLabel('Überschrift')).toHaveValue('Das Gebiet in Kürze');

  await page.getByRole('button', { name: 'Speichern' }).click();
  await expect(page).toHaveURL(/\/berichte\/vorlagen\/steckbrief_e2e$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vorlage „Steckbrief E2E“');

  await page.reload();
  await expect(chapter.getByLabel('Überschrift')).toHaveValue('Das Gebiet in Kürze');
  await expect(chapter.getByTestId('template-block').first().getByLabel('Text', { exact: true })).toHaveValue(
    'Kurz gesagt: {area.name} am {date}.',
  );
  await expect(page.getByLabel('Schlüssel', { exact: true })).toHaveAttribute('readonly', '');

  // export: the JSON of what the form shows
  const [exported] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Als JSON exportieren' }).click(),
  ]);
  expect(exported.suggestedFilename()).toBe('steckbrief_e2e.json');
  const json = JSON.parse(readFileSync(await exported.path(), 'utf8')) as {
    key: string;
    chapters: { title: string; blocks: unknown[] }[];
  };
  expect(json.key).toBe('steckbrief_e2e');
  expect(json.chapters[0]?.title).toBe('Das Gebiet in Kürze');

  // a broken template is refused with the field named in German and by its path in the file
  const broken = { ...json, chapters: [{ ...json.chapters[0], title: '' }, ...json.chapters.slice(1)] };
  await page.getByTestId('template-import').setInputFiles({
    name: 'kaputt.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(broken)),
  });
  const notice = page.getByTestId('template-notice');
  await expect(notice).toHaveText(
    'Import abgelehnt, keine Vorlage übernommen. Kapitel 1: Überschrift (Feld „chapters.0.title“): Bitte ausfüllen.',
  );
  await expect(notice).toHaveAttribute('role', 'alert');
  await page.getByTestId('template-import').setInputFiles({
    name: 'kein-json.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{ "key": '),
  });
  await expect(notice).toHaveText('Die Datei „kein-json.json“ ist kein gültiges JSON.');
  // nothing was changed by the refused imports
  await page.reload();
  await expect(chapter.getByLabel('Überschrift')).toHaveValue('Das Gebiet in Kürze');

  // a copy of the saved template starts from it under a free key
  await page.getByRole('link', { name: 'Als Kopie neu anlegen' }).click();
  await expect(page).toHaveURL(/\/berichte\/vorlagen\/neu\?von=steckbrief_e2e$/);
  await expect(page.getByLabel('Schlüssel', { exact: true })).toHaveValue('steckbrief_e2e_kopie');
  await expect(chapter.getByLabel('Überschrift')).toHaveValue('Das Gebiet in Kürze');
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vorlage „Steckbrief E2E“');

  // the saved template makes reports: its preview has the new chapter title and text
  await page.goto(`/berichte?vorlage=steckbrief_e2e&ebene=${LEVEL}&gebiet=${AREA}`);
  await page.getByRole('button', { name: 'Vorschau' }).click();
  const frame = page.frameLocator('[data-testid=report-frame]');
  await expect(frame.locator('body')).toContainText('Das Gebiet in Kürze', SLOW);
  await expect(frame.locator('body')).toContainText(`Kurz gesagt: ${await areaName(page)} am 31.12.`);

  // an own template can be deleted (built-ins only reset); afterwards it is gone from the list
  await page.getByTestId('edit-template').click();
  await page.getByRole('button', { name: 'Löschen' }).click();
  await page
    .getByRole('alertdialog', { name: 'Vorlage löschen?' })
    .getByRole('button', { name: 'Löschen' })
    .click();
  await expect(page).toHaveURL(/\/berichte$/);
  await expect(page.getByLabel('Vorlage').locator('option[value=steckbrief_e2e]')).toHaveCount(0);
});

test('visitors see the editor read-only and no way to store reports', async ({ page }) => {
  await page.goto('/berichte/vorlagen/steckbrief');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vorlage „Steckbrief“');
  await expect(page.getByTestId('template-read-only')).toContainText('nur zum Lesen');
  await expect(page.getByLabel('Name', { exact: true })).toBeDisabled();
  await expect(page.getByTestId('template-chapter-0').getByLabel('Überschrift')).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Speichern' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Kapitel hinzufügen' })).toHaveCount(0);
  await expect(page.getByText('JSON importieren')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Als JSON exportieren' })).toBeVisible();

  await page.goto('/berichte/vorlagen/neu');
  await expect(page.getByTestId('template-read-only')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Anmelden' }).first()).toBeVisible();

  await page.goto('/berichte');
  await expect(page.getByTestId('edit-template')).toHaveText('Vorlage ansehen');
  await expect(page.getByTestId('new-template')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Erzeugen und ablegen' })).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 2, name: 'Abgelegte Berichte' })).toBeVisible();
  // the main navigation leads here
  await expect(
    page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Berichte' }),
  ).toHaveAttribute('aria-current', 'page');
});

test('the area profile links to its Steckbrief as PDF and as Word', async ({ page }) => {
  await page.goto(`/gebiete/${LEVEL}/${AREA}`);
  const pdf = page.getByRole('link', { name: 'Steckbrief als PDF' });
  const word = page.getByRole('link', { name: 'Steckbrief als Word' });
  await expect(pdf).toHaveAttribute(
    'href',
    /^\/api\/reports\/render\?template=steckbrief&level=sozialraum&area=101&date=.*&format=pdf&public=1$/,
  );
  const pdfAnswer = await page.request.get((await pdf.getAttribute('href')) ?? '');
  expect(pdfAnswer.headers()['content-type']).toContain('application/pdf');
  expect((await pdfAnswer.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const wordAnswer = await page.request.get((await word.getAttribute('href')) ?? '');
  expect(wordAnswer.ok()).toBe(true);
  // a .docx is a ZIP archive
  expect((await wordAnswer.body()).subarray(0, 2).toString('latin1')).toBe('PK');
});
