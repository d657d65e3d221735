/**
 * Beteiligung: a planner builds a survey of three questions (area, one answer, scale), moves a
 * question and back, opens it and copies the public link; a visitor without a login opens the
 * link, is told in German which questions need an answer, answers and is thanked; the planner then
 * sees the answer counted, closes the survey and publishes two of its options as indicators, which
 * the atlas then shows. An anonymous visitor places a remark on the map („Hinweis geben“), the
 * planner approves it, and the public table counts it. Axe on the public form and on „Hinweis geben“.
 */
import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations } from './axe.ts';
import { login, MAP_READY, pointInsideArea, SLOW } from './helpers.ts';
import { useServer } from './server.ts';

useServer();

// several runs against one server (LAGEBILD_E2E_BASE_URL) each build their own survey
const KEY = `e2e${Date.now().toString(36).slice(-6)}`;
const TITLE = `E2E Leben im Quartier ${KEY}`;
const AREA_QUESTION = 'In welchem Sozialraum wohnen Sie?';
const FEEL_QUESTION = 'Wie wohl fühlen Sie sich in Ihrem Viertel?';
const SCALE_QUESTION = 'Wie zufrieden sind Sie mit den Spielplätzen?';

test('a planner builds and opens a survey, a visitor answers it by the link, the planner sees the answer', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await login(page, 'planer');
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
  await nav.getByRole('link', { name: 'Beteiligung' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Beteiligung');
  await expect(nav.getByRole('link', { name: 'Beteiligung' })).toHaveAttribute('aria-current', 'page');

  const create = page.getByTestId('new-survey');
  await create.getByLabel('Titel', { exact: true }).fill(TITLE);
  await create.getByLabel('Schlüssel', { exact: true }).fill(KEY);
  await create.getByLabel('Beginn', { exact: true }).fill('2024-10-01');
  await create.getByLabel('Ende', { exact: true }).fill('2024-12-31');
  await create.getByLabel('Mindestfallzahl je Gebiet').fill('5');
  await create.getByLabel('Gebietsebene der Gebietsfrage').selectOption({ label: 'Sozialraum' });
  await create.getByRole('button', { name: 'Anlegen' }).click();
  const details = page.getByTestId('survey-details');
  await expect(details.getByRole('heading', { level: 2 })).toHaveText(TITLE, SLOW);

  // three questions of three kinds
  const builder = details.getByTestId('survey-builder');
  const question = (i: number) => builder.getByTestId('builder-question').nth(i);
  const add = async (kind: string) => {
    await builder.getByLabel('Art der Frage').selectOption({ label: kind });
    await builder.getByRole('button', { name: 'Frage hinzufügen' }).click();
  };
  await add('Gebiet');
  await question(0).getByLabel('Fragetext').fill(AREA_QUESTION);
  await add('Eine Antwort');
  await question(1).getByLabel('Fragetext').fill(FEEL_QUESTION);
  await question(1)
    .getByLabel(/^Antwortmöglichkeiten/)
    .fill('Sehr wohl\nEher wohl\nEher nicht wohl');
  await question(1).getByLabel('Pflichtfrage').check();
  await add('Skala');
  await question(2).getByLabel('Fragetext').fill(SCALE_QUESTION);
  await question(2).getByLabel('Beschriftung des niedrigsten Werts').fill('gar nicht');
  await question(2).getByLabel('Beschriftung des höchsten Werts').fill('sehr');
  // moved up and back down: the order is the list's
  await builder.getByRole('button', { name: 'Nach oben: Frage 3' }).click();
  await expect(question(1).getByRole('group')).toHaveCount(0);
  await expect(question(1).locator('legend')).toHaveText('Frage 2: Skala');
  await builder.getByRole('button', { name: 'Nach unten: Frage 2' }).click();
  await expect(question(2).locator('legend')).toHaveText('Frage 3: Skala');
  await builder.getByRole('button', { name: 'Fragebogen speichern' }).click();
  await expect(page.getByText('Fragebogen gespeichert.')).toBeAttached(SLOW);

  await details.getByRole('button', { name: 'Öffnen' }).click();
  await expect(details.getByRole('button', { name: 'Schließen' })).toBeVisible(SLOW);
  await expect(details).toContainText('offen · 0 Antworten');
  const link = await details.getByLabel('Öffentlicher Link').inputValue();
  expect(link).toMatch(/\/befragung\/[A-Za-z0-9_-]{24}$/);

  // a visitor without a login
  const visitor = await browser.newContext();
  try {
    const form = await visitor.newPage();
    await form.goto(link);
    await expect(form.getByRole('heading', { level: 1 })).toHaveText(TITLE, SLOW);
    await expect(form.getByRole('group', { name: /^Frage 1:/ })).toBeVisible();
    await expectNoSeriousViolations(form, 'Befragung (öffentlich)');

    await form.getByRole('button', { name: 'Antworten absenden' }).click();
    const summary = form.getByRole('alert');
    await expect(summary).toContainText('Bitte prüfen Sie Ihre Antworten:');
    await expect(summary).toContainText('Frage 1: Bitte beantworten Sie diese Frage.');
    await expect(summary).toContainText('Frage 2: Bitte beantworten Sie diese Frage.');
    await expect(summary).toBeFocused();
    await expect(form.getByLabel(AREA_QUESTION)).toHaveAttribute('aria-invalid', 'true');

    const areas = await form.getByLabel(AREA_QUESTION).locator('option').allTextContents();
    await form.getByLabel(AREA_QUESTION).selectOption({ label: areas[1]! });
    await form
      .getByRole('group', { name: /^Frage 2:/ })
      .getByLabel('Sehr wohl')
      .check();
    await form
      .getByRole('group', { name: /^Frage 3:/ })
      .getByLabel('5 – sehr')
      .check();
    await form.getByRole('button', { name: 'Antworten absenden' }).click();
    await expect(form.getByRole('heading', { name: 'Vielen Dank für Ihre Teilnahme!' })).toBeVisible(SLOW);
    await expect(form.getByTestId('survey-thanks')).toBeFocused();
    await expectNoSeriousViolations(form, 'Befragung (Dank)');
  } finally {
    await visitor.close();
  }

  // the planner sees it counted
  await page.reload();
  const row = page.getByTestId('survey-table').getByRole('row', { name: new RegExp(TITLE) });
  await expect(row).toContainText('offen', SLOW);
  await expect(row.getByRole('cell').nth(3)).toHaveText('1');
  await row.getByRole('button', { name: /^Auswählen/ }).click();
  await expect(details).toContainText('offen · 1 Antwort');
  await expect(page.getByTestId('survey-results').getByRole('heading', { level: 3 })).toHaveText(
    'Ergebnisse (1 Antwort)',
  );

  // closed, its results become indicators: an option of the single choice and a scale value
  await details.getByRole('button', { name: 'Schließen' }).click();
  const publish = page.getByTestId('survey-publish');
  await expect(publish).toBeVisible(SLOW);
  await publish.getByRole('button', { name: 'Als Indikatoren veröffentlichen' }).click();
  await expect(publish.getByRole('alert')).toHaveText('Bitte wählen Sie mindestens eine Antwort.');
  await publish
    .getByRole('group', { name: /^Frage 2:/ })
    .getByLabel('Sehr wohl')
    .check();
  await publish
    .getByRole('group', { name: /^Frage 3:/ })
    .getByLabel('5 – sehr')
    .check();
  await publish.getByRole('button', { name: 'Als Indikatoren veröffentlichen' }).click();
  const published = page.getByTestId('published-indicators');
  await expect(published.getByRole('heading')).toHaveText('2 Indikatoren veröffentlicht', SLOW);
  await expect(published).toBeFocused();
  await expect(published).toContainText('Stichtag 31.12.2024, 1 Antwort;');
  await expect(published).toContainText(`bfr_${KEY}_q2_1`);
  await expect(published).toContainText(`bfr_${KEY}_q3_5`);
  // which population decided the public values, and how many areas one answer leaves withheld
  await expect(published.getByTestId('publish-population')).toContainText('Mindesteinwohnerzahl');
  await expect(published).toContainText(new RegExp(`bfr_${KEY}_q2_1\\), \\d+ Gebiete zurückgehalten`));
  const atlasLink = published.getByRole('link', { name: /^Im Atlas zeigen: Frage 2: .*„Sehr wohl“$/ });
  await expect(atlasLink).toHaveAttribute('href', `/?indikator=bfr_${KEY}_q2_1&stichtag=2024-12-31`);
  await atlasLink.click();
  await expect(page.locator(MAP_READY)).toBeVisible(SLOW);
  await expect(page.getByLabel('Indikator', { exact: true })).toHaveValue(`bfr_${KEY}_q2_1`);
  await expect(page).toHaveURL(new RegExp(`indikator=bfr_${KEY}_q2_1`));
});

test('a visitor places a remark on the map, the planner approves it, and the public table counts it', async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  const TEXT = `Am Spielplatz fehlt Schatten (${KEY}).`;
  const visitor = await browser.newContext();
  try {
    const form = await visitor.newPage();
    await form.goto('/');
    const nav = form.getByRole('navigation', { name: 'Hauptnavigation' });
    await nav.getByRole('link', { name: 'Hinweis geben' }).click();
    await expect(form.getByRole('heading', { level: 1 })).toHaveText('Hinweis geben');
    await expect(nav.getByRole('link', { name: 'Hinweis geben' })).toHaveAttribute('aria-current', 'page');
    const map = form.locator(MAP_READY);
    await expect(map).toBeVisible(SLOW);
    // the canvas is named, and described by the help text and the chosen place
    const canvas = map.locator('canvas');
    await expect(canvas).toHaveAttribute('aria-label', /^Karte der Gebiete: Klicken Sie/);
    await expect(canvas).toHaveAttribute('aria-describedby', /\S+ \S+/);
    await expectNoSeriousViolations(form, 'Hinweis geben');

    // nothing chosen: three German problems in a summary that takes the focus
    await form.getByRole('button', { name: 'Hinweis senden' }).click();
    const summary = form.getByRole('alert');
    await expect(summary).toBeFocused();
    await expect(summary).toContainText(
      'Bitte setzen Sie einen Punkt auf der Karte oder wählen Sie ein Gebiet.',
    );
    await expect(summary).toContainText('Bitte wählen Sie ein Thema.');
    await expect(summary).toContainText('Bitte schreiben Sie Ihren Hinweis.');
    await expect(form.getByLabel('Thema')).toHaveAttribute('aria-invalid', 'true');

    // without a mouse: an area from the list puts the point in its middle
    const place = form.getByTestId('remark-point');
    await expect(place).toHaveText('Noch kein Ort gewählt.');
    const names = await form.getByLabel('Gebiet', { exact: true }).locator('option').allTextContents();
    await form.getByLabel('Gebiet', { exact: true }).selectOption({ label: names[1]! });
    await expect(place).toHaveText(`Ort gesetzt im Gebiet ${names[1]}.`);
    await expect(map).toHaveAttribute('data-point', 'true');

    await form.getByLabel('Thema').selectOption({ label: 'Spielen und Freizeit' });
    const text = form.getByLabel('Ihr Hinweis');
    await text.fill(TEXT);
    await expect(form.getByText(`${TEXT.length} von 1000 Zeichen`)).toBeVisible();
    await expect(text).toHaveAttribute('maxlength', '1000');

    // a click beside the city: the server's German message
    await map.scrollIntoViewIfNeeded();
    const box = (await map.boundingBox())!;
    await form.mouse.click(box.x + 6, box.y + box.height - 6);
    await expect(place).toHaveText('Ort gesetzt – er liegt außerhalb der Gebiete der Stadt.');
    await expect(form.getByLabel('Gebiet', { exact: true })).toHaveValue('');
    await form.getByRole('button', { name: 'Hinweis senden' }).click();
    await expect(summary).toContainText('Der Punkt liegt außerhalb der Stadt.', SLOW);
    await expect(summary).toBeFocused();

    // a click inside an area: the marker is there, the list names the area (the summary took the
    // focus and scrolled the page: the map is somewhere else now)
    await map.scrollIntoViewIfNeeded();
    const inside = await pointInsideArea(form);
    const now = (await map.boundingBox())!;
    await form.mouse.click(now.x + inside.x, now.y + inside.y);
    await expect(place).toHaveText(`Ort gesetzt im Gebiet ${inside.name}.`);
    await expect(form.getByLabel('Gebiet', { exact: true })).toHaveValue(inside.id);
    await form.getByRole('button', { name: 'Hinweis senden' }).click();
    const thanks = form.getByTestId('remark-thanks');
    await expect(thanks.getByRole('heading')).toHaveText('Hinweis gesendet', SLOW);
    await expect(thanks).toBeFocused();
    await expect(thanks).toContainText('Er erscheint, sobald ihn jemand aus der Verwaltung gelesen hat.');
    await expect(thanks).toContainText(`Ort: ${inside.name}.`);
    await expectNoSeriousViolations(form, 'Hinweis geben (Dank)');
    // not counted before moderation
    await expect(form.getByTestId('remark-counts')).not.toContainText(inside.name);

    // the planner approves it in the moderation queue
    await login(page, 'planer');
    await page.goto('/steuerung/beteiligung');
    const queue = page.getByTestId('pending-remarks');
    const item = queue.getByRole('listitem').filter({ hasText: TEXT });
    await expect(item).toContainText(`Spielen und Freizeit, ${inside.name}`, SLOW);
    await item.getByRole('button', { name: 'Freigeben' }).click();
    await expect(queue.getByRole('listitem').filter({ hasText: TEXT })).toHaveCount(0, SLOW);

    // counted for everyone
    await form.reload();
    const counts = form.getByTestId('remark-counts');
    const row = counts.getByRole('row', { name: new RegExp(`^${inside.name}`) });
    await expect(row.getByRole('cell').first()).toHaveText('1', SLOW);
    await expect(row).toContainText('Spielen und Freizeit: 1');
    await expect(
      counts
        .getByRole('row', { name: /^Alle Gebiete/ })
        .getByRole('cell')
        .first(),
    ).toHaveText('1');
    // its text only for the planning office (and the body of the area), never for the public
    await expect(counts.getByTestId('remark-texts')).toHaveCount(0);
    await page.goto('/hinweise');
    const texts = page.getByTestId('remark-texts');
    await expect(texts.getByRole('region', { name: `Hinweise aus ${inside.name}` })).toContainText(
      TEXT,
      SLOW,
    );
    await expectNoSeriousViolations(page, 'Hinweise mit Texten');
  } finally {
    await visitor.close();
  }
});
