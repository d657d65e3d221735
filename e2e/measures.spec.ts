/**
 * The page „Maßnahmen“ (Steuerung): a planner builds a programme with a measure in one area, sets a
 * goal on the SGB-II-Quote whose baseline the server reads from the data, is told by the server
 * when a goal makes no sense, moves the measure from idea to proposal to decided with the
 * decision, reads its progress and history and deletes an idea; a visitor then sees the decided
 * measure, and neither the programme nor the idea, read-only. Axe on both views.
 *
 * The spec file has a server of its own (useServer): the decided measure, which cannot be deleted
 * by design, stays in this file's database only.
 */
import { expect, test, type Page } from '@playwright/test';
import type { Measure } from '../src/measures/measure.schema.ts';
import type { AreaCollection, IndicatorValues } from '../src/web/api.ts';
import { progressText } from '../src/web/measures/measure-tree.ts';
import { expectNoSeriousViolations } from './axe.ts';
import { login, SLOW } from './helpers.ts';
import { useServer } from './server.ts';

useServer();

const LEVEL = 'sozialraum';
const PROGRAMME = 'E2E Sozialer Zusammenhalt Nord';
const MEASURE = 'E2E Familienzentrum am Markt';
const IDEA = 'E2E Offene Idee';
const DROPPED = 'E2E Verworfene Idee';

const measures = async (page: Page) => (await (await page.request.get('/api/measures')).json()) as Measure[];

test('a planner builds a measure with a goal and decides it; the public sees it read-only', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await login(page, 'planer');
  const areas = (await (
    await page.request.get(`/api/areas/geojson?level=${LEVEL}`)
  ).json()) as AreaCollection;
  const area = areas.features[0]!.properties;
  const baseline = (await (
    await page.request.get(`/api/indicators/sgb2_quote/values?level=${LEVEL}&date=2020-12-31`)
  ).json()) as IndicatorValues;

  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
  await nav.getByRole('link', { name: 'Maßnahmen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Maßnahmen');
  await expect(nav.getByRole('link', { name: 'Maßnahmen' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId('measures-planner-note')).toContainText('nur beschlossene');
  await expect(page.getByText('Es gibt noch keine Maßnahmen.')).toBeVisible(SLOW);

  // the programme, then the measure under it in one Sozialraum
  const create = async (fill: (form: ReturnType<Page['getByTestId']>) => Promise<void>) => {
    await page.getByRole('button', { name: 'Neuer Eintrag' }).click();
    const form = page.getByRole('region', { name: 'Neuer Eintrag' }).getByTestId('measure-form');
    await fill(form);
    await form.getByRole('button', { name: 'Anlegen' }).click();
    await expect(page.getByRole('region', { name: 'Neuer Eintrag' })).toHaveCount(0);
  };
  await create(async (form) => {
    await form.getByLabel('Art', { exact: true }).selectOption('programm');
    await form.getByLabel('Titel', { exact: true }).fill(PROGRAMME);
  });
  const details = page.getByTestId('measure-details');
  await expect(details.getByRole('heading', { level: 2 })).toHaveText(PROGRAMME);
  await expect(details.getByRole('heading', { level: 2 })).toBeFocused();

  await create(async (form) => {
    await expect(form.getByLabel('Art', { exact: true })).toHaveValue('massnahme');
    await form.getByLabel('Titel', { exact: true }).fill(MEASURE);
    await form.getByLabel('Gehört zu', { exact: true }).selectOption({ label: `${PROGRAMME} (Programm)` });
    await form.getByLabel('Träger', { exact: true }).fill('Diakonie');
    await form.getByLabel('Budget geplant (Euro)').fill('250.000');
    await form.getByLabel('Beginn', { exact: true }).fill('2021-01-01');
    await form.getByLabel('Output', { exact: true }).fill('2 Beratungsstunden am Tag');
    await form.getByLabel('Ebene der Gebiete').selectOption(LEVEL);
    await form.getByLabel(/^Gebiete \(Mehrfachauswahl/).selectOption([area.id]);
    await expect(form.getByText('1 Gebiet gewählt')).toBeVisible();
  });
  await expect(details.getByRole('heading', { level: 2 })).toHaveText(MEASURE);
  const facts = details.getByTestId('measure-facts');
  await expect(facts).toContainText(area.name);
  await expect(facts).toContainText('250.000\u00a0€');
  await expect(facts).toContainText(PROGRAMME);
  await expect(details.getByTestId('impact-ladder')).toContainText('2 Beratungsstunden am Tag');
  await expect(details).toContainText('Für diesen Eintrag sind keine Ziele gesetzt.');

  const table = page.getByTestId('measure-table');
  await expect(table.locator('tbody tr')).toHaveCount(2);
  await expect(table.locator('tbody th')).toHaveText([new RegExp(PROGRAMME), new RegExp(MEASURE)]);
  const row = table.locator('tbody tr', { hasText: MEASURE });
  await expect(row).toContainText('Idee');
  await expect(row).toContainText('noch kein Ziel');
  await expect(row).toContainText('geplant 250.000\u00a0€ / ausgegeben –');

  // a goal whose target equals its baseline: the server refuses, its message is shown
  const goalForm = details.getByTestId('goal-form');
  await goalForm.getByLabel('Indikator', { exact: true }).selectOption('sgb2_quote');
  await goalForm.getByLabel('Ebene', { exact: true }).selectOption(LEVEL);
  await goalForm.getByLabel('Gebiet', { exact: true }).selectOption(area.id);
  await goalForm.getByLabel('Ausgangsstichtag', { exact: true }).selectOption('2020-12-31');
  await goalForm.getByLabel(/^Ausgangswert/).fill('5');
  await goalForm.getByLabel('Zielwert', { exact: true }).fill('5');
  await goalForm.getByLabel('Zieldatum', { exact: true }).fill('2030-12-31');
  await goalForm.getByRole('button', { name: 'Ziel hinzufügen' }).click();
  await expect(goalForm.getByRole('alert')).toContainText(
    'Der Zielwert muss sich vom Ausgangswert unterscheiden',
  );

  // the baseline from the data: 31.12.2020, target 1,0 by 31.12.2030
  await goalForm.getByLabel(/^Ausgangswert/).fill('');
  await goalForm.getByLabel('Zielwert', { exact: true }).fill('1,0');
  await goalForm.getByRole('button', { name: 'Ziel hinzufügen' }).click();
  const goals = details.getByTestId('goal-table');
  await expect(goals.locator('tbody tr')).toHaveCount(1, SLOW);
  const stored = (await measures(page)).find((m) => m.title === MEASURE)!;
  const goal = stored.goals[0]!;
  expect(goal.baselineValue).toBe(baseline.values.find((v) => v.id === area.id)!.value);
  const goalRow = goals.locator('tbody tr');
  await expect(goalRow.locator('th')).toHaveText(goal.indicatorName);
  await expect(goalRow).toContainText(area.name);
  await expect(goalRow.locator('[data-column=baseline]')).toContainText('am 31.12.2020');
  await expect(goalRow.locator('[data-column=target]')).toHaveText(`1,0\u00a0${goal.unit} bis 31.12.2030`);
  await expect(goalRow.locator('[data-column=progress]')).toHaveText(progressText(goal.progress, true));
  await expect(row).toContainText(progressText(stored.progress, true));

  // idee → Vorschlag → beschlossen, with the decision
  await details.getByRole('button', { name: 'Auf „Vorschlag“ setzen' }).click();
  await expect(details).toContainText('Aktueller Status: Vorschlag');
  await expect(row).toContainText('Vorschlag');
  await details.getByRole('button', { name: 'Auf „beschlossen“ setzen' }).click();
  const decision = details.getByTestId('decision-form');
  await decision.getByRole('button', { name: 'Beschluss speichern' }).click();
  await expect(decision.getByLabel('Gremium', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await decision.getByLabel('Gremium', { exact: true }).fill('Ausschuss für Soziales');
  await decision.getByLabel('Sitzung', { exact: true }).fill('Sitzung vom 12.03.2021, TOP 5');
  await decision.getByLabel('Datum', { exact: true }).fill('2021-03-12');
  await decision
    .getByLabel('Beschlusstext', { exact: true })
    .fill('Der Ausschuss beschließt das Familienzentrum.');
  await decision.getByRole('button', { name: 'Beschluss speichern' }).click();
  await expect(details).toContainText('Aktueller Status: beschlossen');
  await expect(details.getByTestId('measure-decision')).toContainText('Ausschuss für Soziales');
  await expect(details.getByTestId('measure-decision')).toContainText('12.03.2021');
  await expect(row.locator('td').nth(1)).toHaveText('beschlossen');
  await expect(details.getByRole('button', { name: 'Auf „in Umsetzung“ setzen' })).toBeVisible();
  // a decided measure stays on record
  await expect(details.getByRole('button', { name: 'Löschen' })).toHaveCount(0);

  // the money spent so far, changed in the form: only that field is sent
  await details.getByRole('button', { name: 'Bearbeiten' }).click();
  const edit = details.getByTestId('measure-form');
  await expect(edit.getByLabel('Titel', { exact: true })).toHaveValue(MEASURE);
  await edit.getByLabel('Budget ausgegeben (Euro)').fill('80.000');
  await edit.getByRole('button', { name: 'Änderungen speichern' }).click();
  await expect(edit).toHaveCount(0);
  await expect(row).toContainText('geplant 250.000\u00a0€ / ausgegeben 80.000\u00a0€');

  // the history: who did what, before → after in German
  const history = details.getByTestId('history-table');
  await expect(history.locator('tbody tr')).toHaveCount(5, SLOW);
  await expect(history.locator('tbody tr').nth(4)).toContainText('geändert');
  await expect(history.locator('tbody tr').nth(4)).toHaveText(/Budget ausgegeben: – → 80\.000\s€$/);
  await expect(history.locator('tbody tr').nth(0)).toContainText('angelegt');
  await expect(history.locator('tbody tr').nth(0)).toContainText(`Gebiete: – → ${area.name}`);
  await expect(history.locator('tbody tr').nth(1)).toContainText('Ziel hinzugefügt');
  await expect(history.locator('tbody tr').nth(3)).toContainText('Status: Vorschlag → beschlossen');
  await expect(history.locator('tbody tr').nth(3)).toContainText('Ausschuss für Soziales');

  // an idea that stays one, and one that is dropped after asking
  for (const title of [IDEA, DROPPED])
    expect((await page.request.post('/api/measures', { data: { title } })).ok()).toBe(true);
  await page.reload();
  await expect(table.locator('tbody tr')).toHaveCount(4, SLOW);
  await table.getByRole('button', { name: `Details zu „${DROPPED}“` }).click();
  await details.getByRole('button', { name: 'Löschen' }).click();
  const dialog = page.getByRole('alertdialog', { name: `„${DROPPED}“ löschen?` });
  await dialog.getByRole('button', { name: 'Endgültig löschen' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(table.locator('tbody tr')).toHaveCount(3);
  await expect(details).toHaveCount(0);

  await table.getByRole('button', { name: `Details zu „${MEASURE}“` }).click();
  await expect(history).toBeVisible(SLOW);
  await expect(details.getByRole('link', { name: 'Beschlussvorlage (PDF)' })).toHaveAttribute(
    'href',
    `/api/measures/${stored.id}/document?format=pdf`,
  );
  await expect(details.getByTestId('measure-effect').getByTestId('effect-sentences')).not.toBeEmpty(SLOW);
  await page.screenshot({ path: test.info().outputPath('measures-planner.png'), fullPage: true });
  await expectNoSeriousViolations(page, 'Maßnahmen (planer)');

  // the public: the decided measure only, read-only, protected values
  await page.getByRole('button', { name: 'Abmelden' }).click();
  await expect(page.getByTestId('measures-public')).toContainText('öffentliche Rechenschaft');
  await expect(table.locator('tbody tr')).toHaveCount(1, SLOW);
  await expect(table.locator('tbody th')).toHaveText(new RegExp(MEASURE));
  await expect(table).not.toContainText(PROGRAMME);
  await expect(table).not.toContainText(IDEA);
  const publicMeasure = (await measures(page)).find((m) => m.title === MEASURE)!;
  await expect(table.locator('tbody tr')).toContainText(progressText(publicMeasure.progress, true));
  await expect(page.getByRole('button', { name: 'Neuer Eintrag' })).toHaveCount(0);

  await table.getByRole('button', { name: `Details zu „${MEASURE}“` }).click();
  await expect(details.getByRole('heading', { level: 2 })).toHaveText(MEASURE);
  await expect(details.getByTestId('measure-decision')).toContainText('Sitzung vom 12.03.2021, TOP 5');
  await expect(details.getByTestId('goal-table').locator('tbody tr')).toHaveCount(1);
  await expect(details.getByTestId('goal-table').locator('[data-column=progress]')).toHaveText(
    progressText(publicMeasure.goals[0]!.progress, true),
  );
  await expect(details.getByTestId('goal-form')).toHaveCount(0);
  await expect(details.getByTestId('history-table')).toHaveCount(0);
  await expect(details.getByRole('button', { name: /setzen$/ })).toHaveCount(0);
  // the effect on the goal, as the public may see it; the Beschlussvorlage is for planners only
  const effect = details.getByTestId('measure-effect');
  await expect(effect.getByRole('heading', { level: 3 })).toHaveText(`Wirkung: ${goal.indicatorName}`);
  await expect(effect.getByTestId('effect-sentences')).toContainText('ähnlichen Gebieten', SLOW);
  await expect(effect.getByTestId('effect-facts')).toContainText('2015–2020 / 2021–2024');
  await expect(details.getByRole('link', { name: /^Beschlussvorlage/ })).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('measures-public.png'), fullPage: true });
  await expectNoSeriousViolations(page, 'Maßnahmen (öffentlich)');

  // the area profile lists the measure working there
  await page.goto(`/gebiete/${LEVEL}/${encodeURIComponent(area.id)}`);
  const inArea = page.getByTestId('profile-measures');
  await expect(inArea.locator('tbody tr')).toHaveCount(1, SLOW);
  await expect(inArea).toContainText(MEASURE);
  await expect(inArea).toContainText('beschlossen');
});
