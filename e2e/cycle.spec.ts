/**
 * The whole cycle of social planning, as a planner: the Frühwarnung names an area; a
 * Sozialraumkonferenz meets on it with the area's Steckbrief and decides; the decision becomes a
 * measure in that area with a goal on the SGB-II-Quote; a new Stichtag is imported in which the
 * area's quote has fallen; the measure then shows the new value, changed progress and its effect
 * against similar areas (sentences, chart, how the comparison areas were chosen), and the warned
 * area links to it, in the Frühwarnung and in the index classes. Axe on the measure with its effect.
 *
 * The file has a server of its own even against a shared one (`own`): it imports a new Stichtag,
 * which would move every other file's Datenstand.
 */
import { statSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import type { Body, Meeting, MeetingSummary } from '../src/bodies/body.schema.ts';
import { formatNumber } from '../src/core/format.ts';
import type { Measure } from '../src/measures/measure.schema.ts';
import type { IndicatorValues } from '../src/web/api.ts';
import { progressText } from '../src/web/measures/measure-tree.ts';
import { expectNoSeriousViolations } from './axe.ts';
import { login, SLOW } from './helpers.ts';
import { useServer } from './server.ts';

useServer({ own: true });

const LEVEL = 'sozialraum';
const MEETING_DATE = '2021-11-18';
const DECISION = 'Die Konferenz empfiehlt ein Familienzentrum mit Beratung zu SGB-II-Leistungen ab 2022.';
const MEASURE = 'E2E Familienzentrum im Quartier';
const NEW_DATE = '2025-12-31';
const NBSP = '\u00a0';

const getJson = async <T>(page: Page, url: string): Promise<T> => {
  const res = await page.request.get(url);
  expect(res.ok(), `${url}: ${res.status()}`).toBe(true);
  return (await res.json()) as T;
};

test('a warning, a body decides, a measure with a goal, new data and the measure’s effect', async ({
  page,
}) => {
  test.setTimeout(600_000);
  await login(page, 'planer');
  const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });

  // (a) the Frühwarnung: an area warned for its SGB-II-Quote, no measure there yet
  await page.goto('/fruehwarnung');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Frühwarnung');
  const warned = page
    .getByTestId('warnings-table')
    .locator('tbody tr')
    .filter({ has: page.getByRole('link', { name: 'SGB-II-Quote', exact: true }) })
    .first();
  await expect(warned).toBeVisible(SLOW);
  const key = (await warned.getAttribute('data-area')) ?? '';
  const name = (await warned.getByTestId('warning-area-link').textContent()) ?? '';
  expect(key && name).toBeTruthy();
  const rowsOfArea = page.locator(`[data-testid=warnings-table] tbody tr[data-area="${key}"]`);
  await expect(rowsOfArea.getByTestId('warning-measures-link')).toHaveCount(0);
  const body = `Sozialraumkonferenz ${name}`;

  // (b) the body, its meeting and an agenda item with the area's Steckbrief (Gremien page)
  await nav.getByRole('link', { name: 'Gremien' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gremien');
  const bodyForm = page.getByTestId('body-form');
  await bodyForm.getByLabel('Name des Gremiums').fill(body);
  await bodyForm.getByLabel('Art des Gremiums').selectOption('sozialraumkonferenz');
  await bodyForm.getByLabel('Thema').fill('Armut und Teilhabe im Sozialraum');
  await bodyForm.getByRole('button', { name: 'Anlegen' }).click();
  const bodyDetails = page.getByTestId('body-details');
  await expect(bodyDetails.getByRole('heading', { level: 2 })).toContainText(body, SLOW);
  const meetingForm = bodyDetails.getByTestId('meeting-form');
  await meetingForm.getByLabel('Datum der Sitzung').fill(MEETING_DATE);
  await meetingForm.getByLabel('Ort der Sitzung').fill('Bürgerhaus');
  await meetingForm.getByRole('button', { name: 'Anlegen' }).click();
  const meetingView = page.getByTestId('meeting-details');
  await expect(meetingView.getByRole('heading', { level: 2 })).toHaveText(
    `${body}: Sitzung vom 18.11.2021`,
    SLOW,
  );
  const agendaForm = meetingView.getByTestId('agenda-form');
  await agendaForm.getByLabel('Titel des Tagesordnungspunkts').fill(`SGB-II-Quote in ${name}`);
  await agendaForm.getByLabel('Anlage').selectOption('steckbrief');
  await agendaForm.getByLabel('Ebene', { exact: true }).selectOption(LEVEL);
  await agendaForm.getByLabel('Gebiet', { exact: true }).selectOption(key);
  await agendaForm.getByLabel('Protokoll').fill('Die Frühwarnung zeigt eine hohe SGB-II-Quote.');
  await agendaForm.getByRole('button', { name: 'Anlegen' }).click();
  const item = meetingView.getByTestId('agenda-item');
  await expect(item.getByRole('link', { name: `Steckbrief ${name}` })).toHaveAttribute(
    'href',
    `/gebiete/${LEVEL}/${encodeURIComponent(key)}`,
  );

  // (c) the decision, recorded on the item afterwards (the page has no form to change an item)
  const bodyId = (await getJson<Body[]>(page, '/api/bodies')).find((b) => b.name === body)!.id;
  const meetingId = (await getJson<MeetingSummary[]>(page, `/api/bodies/${bodyId}/meetings`))[0]!.id;
  const itemId = (await getJson<Meeting>(page, `/api/meetings/${meetingId}`)).agenda[0]!.id;
  const patched = await page.request.patch(`/api/meetings/${meetingId}/agenda/${itemId}`, {
    data: { decision: DECISION },
  });
  expect(patched.ok()).toBe(true);
  await page.reload();
  await page.getByTestId('bodies-table').getByRole('button', { name: body }).click();
  await bodyDetails.getByRole('button', { name: 'Sitzung vom 18.11.2021, Bürgerhaus' }).click();
  await expect(meetingView.getByTestId('agenda-item')).toContainText(DECISION, SLOW);

  // (d) the measure in the area from 01.01.2022, a goal on the SGB-II-Quote from 31.12.2021
  await nav.getByRole('link', { name: 'Maßnahmen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Maßnahmen');
  await page.getByRole('button', { name: 'Neuer Eintrag' }).click();
  const form = page.getByRole('region', { name: 'Neuer Eintrag' }).getByTestId('measure-form');
  await form.getByLabel('Titel', { exact: true }).fill(MEASURE);
  await form.getByLabel('Träger', { exact: true }).fill('Caritas');
  await form.getByLabel('Beginn', { exact: true }).fill('2022-01-01');
  await form.getByLabel('Ebene der Gebiete').selectOption(LEVEL);
  await form.getByLabel(/^Gebiete \(Mehrfachauswahl/).selectOption([key]);
  await form.getByRole('button', { name: 'Anlegen' }).click();
  const details = page.getByTestId('measure-details');
  await expect(details.getByRole('heading', { level: 2 })).toHaveText(MEASURE, SLOW);

  const quote2021 = await getJson<IndicatorValues>(
    page,
    `/api/indicators/sgb2_quote/values?level=${LEVEL}&date=2021-12-31`,
  );
  const baseline = quote2021.values.find((v) => v.id === key)!.value!;
  const goalForm = details.getByTestId('goal-form');
  await goalForm.getByLabel('Indikator', { exact: true }).selectOption('sgb2_quote');
  await goalForm.getByLabel('Ebene', { exact: true }).selectOption(LEVEL);
  await goalForm.getByLabel('Gebiet', { exact: true }).selectOption(key);
  await goalForm.getByLabel('Ausgangsstichtag', { exact: true }).selectOption('2021-12-31');
  await goalForm.getByLabel('Zielwert', { exact: true }).fill(formatNumber(Math.max(baseline - 2, 0.5), 1));
  await goalForm.getByLabel('Zieldatum', { exact: true }).fill('2027-12-31');
  await goalForm.getByRole('button', { name: 'Ziel hinzufügen' }).click();
  const goalRow = details.getByTestId('goal-table').locator('tbody tr');
  await expect(goalRow).toHaveCount(1, SLOW);
  await expect(goalRow.locator('[data-column=baseline]')).toContainText('am 31.12.2021');
  await expect(goalRow.locator('[data-column=current]')).toContainText('am 31.12.2024');
  const before = (await getJson<Measure[]>(page, '/api/measures')).find((m) => m.title === MEASURE)!;
  const measureId = before.id;
  const goalBefore = before.goals[0]!;
  expect(goalBefore.baselineValue).toBe(baseline);

  // with a start, the effect is computed already (on the years up to 2024)
  const effect = details.getByTestId('measure-effect');
  await expect(effect.getByRole('heading', { level: 3 })).toHaveText('Wirkung: SGB-II-Quote');
  await expect(effect.getByTestId('effect-sentences')).toContainText('ähnlichen Gebieten', SLOW);
  await expect(effect.getByTestId('effect-facts')).toContainText('2015–2021 / 2022–2024');

  // idee → Vorschlag → beschlossen, the decision of the body
  await details.getByRole('button', { name: 'Auf „Vorschlag“ setzen' }).click();
  await expect(details).toContainText('Aktueller Status: Vorschlag');
  await details.getByRole('button', { name: 'Auf „beschlossen“ setzen' }).click();
  const decision = details.getByTestId('decision-form');
  await decision.getByLabel('Gremium', { exact: true }).fill(body);
  await decision.getByLabel('Sitzung', { exact: true }).fill('Sitzung vom 18.11.2021, TOP 1');
  await decision.getByLabel('Datum', { exact: true }).fill(MEETING_DATE);
  await decision.getByLabel('Beschlusstext', { exact: true }).fill(DECISION);
  await decision.getByRole('button', { name: 'Beschluss speichern' }).click();
  await expect(details).toContainText('Aktueller Status: beschlossen', SLOW);
  await expect(details.getByTestId('measure-decision')).toContainText(body);
  await expect(details.getByTestId('measure-decision')).toContainText('18.11.2021');

  // the agenda item names the measure it decided
  expect(
    (
      await page.request.patch(`/api/meetings/${meetingId}/agenda/${itemId}`, {
        data: { measureId },
      })
    ).ok(),
  ).toBe(true);
  const meeting = await getJson<Meeting>(page, `/api/meetings/${meetingId}`);
  expect(meeting.agenda[0]!.measure).toEqual({ id: measureId, title: MEASURE });

  // the Beschlussvorlage for the planner
  await expect(details.getByRole('link', { name: 'Beschlussvorlage (Word)' })).toHaveAttribute(
    'href',
    `/api/measures/${measureId}/document?format=docx`,
  );
  const [download] = await Promise.all([
    page.waitForEvent('download', SLOW),
    details.getByRole('link', { name: 'Beschlussvorlage (PDF)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  expect(statSync(await download.path()).size).toBeGreaterThan(1000);

  // (e) a new Stichtag: every area as in 2024, the warned area's SGB II count clearly lower; with
  // the inhabitants, so that 2025 becomes the Datenstand (the latest Stichtag with `ew`)
  const quote2024 = await getJson<IndicatorValues>(
    page,
    `/api/indicators/sgb2_quote/values?level=${LEVEL}&date=2024-12-31`,
  );
  const inhabitants = await getJson<IndicatorValues>(
    page,
    `/api/indicators/einwohner/values?level=${LEVEL}&date=2024-12-31`,
  );
  const ew = new Map(inhabitants.values.map((v) => [v.id, v.value]));
  const lines = ['Sozialraum;sgb2;ew_u65;ew'];
  let expected2025 = 0;
  for (const v of quote2024.values) {
    expect(v.numerator !== null && v.denominator !== null && ew.get(v.id) != null, v.id).toBe(true);
    const sgb2 = v.id === key ? Math.round(v.numerator! * 0.5) : v.numerator!;
    if (v.id === key) expected2025 = (100 * sgb2) / v.denominator!;
    lines.push([v.id, sgb2, v.denominator, ew.get(v.id)].join(';'));
  }
  const imported = await page.request.post('/api/imports/table', {
    multipart: {
      level: LEVEL,
      date: NEW_DATE,
      dryRun: '0',
      file: { name: 'sgb2-2025.csv', mimeType: 'text/csv', buffer: Buffer.from(`${lines.join('\n')}\n`) },
    },
  });
  expect(imported.ok(), await imported.text()).toBe(true);
  const result = (await imported.json()) as { committed: boolean; stored: number };
  expect(result).toMatchObject({ committed: true, stored: 3 * quote2024.values.length });

  // (f) the measure again: the 2025 value, changed progress, the effect with 2025
  await page.goto(`/steuerung/massnahmen?massnahme=${measureId}`);
  await expect(details.getByRole('heading', { level: 2 })).toHaveText(MEASURE, SLOW);
  const after = (await getJson<Measure[]>(page, '/api/measures')).find((m) => m.id === measureId)!;
  const goalAfter = after.goals[0]!;
  expect(goalAfter.current.date).toBe(NEW_DATE);
  expect(goalAfter.current.value).toBeCloseTo(expected2025, 6);
  expect(goalAfter.progress).not.toBe(goalBefore.progress);
  expect(goalAfter.progress!).toBeGreaterThan(goalBefore.progress!);
  await expect(goalRow.locator('[data-column=current]')).toHaveText(
    `${formatNumber(expected2025, 1)}${NBSP}% am 31.12.2025`,
  );
  await expect(goalRow.locator('[data-column=progress]')).toHaveText(progressText(goalAfter.progress, true));
  expect(progressText(goalAfter.progress, true)).not.toBe(progressText(goalBefore.progress, true));

  await expect(effect.getByTestId('effect-facts')).toContainText('2015–2021 / 2022–2025', SLOW);
  const sentences = effect.getByTestId('effect-sentences').locator('p');
  expect(await sentences.count()).toBeGreaterThan(0);
  await expect(sentences.first()).toContainText(/ähnlichen Gebieten/);
  await expect(effect.getByTestId('effect-notes')).toContainText('ähnlichen Gebieten');
  await expect(effect.getByTestId('effect-chart')).toHaveAttribute('aria-label', /Beginn der Maßnahme 2022/);
  await expect(effect.getByTestId('effect-chart').locator('svg')).toBeVisible(SLOW);
  await effect.getByText('Jahreswerte als Tabelle').click();
  const series = effect.getByTestId('effect-series');
  await expect(series.locator('tbody tr')).toHaveCount(11);
  await expect(series.locator('tbody tr').last()).toContainText(
    `2025ab Beginn${formatNumber(expected2025, 1)}${NBSP}%`,
  );
  const matching = effect.getByTestId('effect-matching');
  await matching.getByText('So wurden die Vergleichsgebiete gewählt').click();
  await expect(matching.locator('tbody tr[data-role=treated]')).toHaveCount(1);
  await expect(matching.locator('tbody tr[data-role=treated] th')).toHaveText(name);
  await expect(matching.locator('tbody tr[data-role=comparison]')).toHaveCount(3);
  await expect(matching.locator('tbody tr[data-role=comparison]').first()).toContainText(
    `Vergleichsgebiet für ${name}`,
  );
  await expect(matching.locator('tbody tr[data-role=comparison]').first()).toContainText(/je Jahr.*etwa \d/);
  await page.screenshot({ path: test.info().outputPath('cycle-measure-effect.png'), fullPage: true });
  await expectNoSeriousViolations(page, 'Maßnahme mit Wirkung');

  // the warned area (at its Stichtag 2024) links to the measure working there
  await page.goto('/fruehwarnung?stichtag=2024-12-31');
  const link = rowsOfArea.first().getByTestId('warning-measures-link');
  await expect(link).toHaveText('Maßnahmen im Gebiet (1)', SLOW);
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/steuerung/massnahmen\\?massnahme=${measureId}$`));
  await expect(details.getByRole('heading', { level: 2 })).toHaveText(MEASURE, SLOW);
  await expect(details.getByTestId('measure-effect')).toBeVisible();

  // so does the area's row in the index classes of the Sozialmonitoring
  await page.goto(`/monitoring?ebene=${LEVEL}&stichtag=2024-12-31`);
  const indexRow = page.locator(`[data-testid=index-table] tbody tr[data-area-id="${key}"]`);
  const indexLink = indexRow.getByTestId('index-measures-link');
  await expect(indexLink).toHaveText('Maßnahmen im Gebiet (1)', SLOW);
  await expect(page.locator('[data-testid=index-measures-link]')).toHaveCount(1);
  await indexLink.click();
  await expect(page).toHaveURL(new RegExp(`/steuerung/massnahmen\\?massnahme=${measureId}$`));
});
