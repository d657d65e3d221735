/**
 * Beteiligung: a planner builds a survey of three questions (area, one answer, scale), moves a
 * question and back, opens it and copies the public link; a visitor without a login opens the
 * link, is told in German which questions need an answer, answers and is thanked; the planner then
 * sees the answer counted. Axe on the public form.
 */
import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations } from './axe.ts';
import { login, SLOW } from './helpers.ts';
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
});
