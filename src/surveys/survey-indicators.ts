/**
 * Survey results as indicators: for the options a planner chooses (single choice or scale), the
 * counts `bfr_<survey>_q<n>_<option>` and the responses `bfr_<survey>_n` are stored as
 * observations at the end of the field time, for the survey level and every level above, and one
 * share indicator per option (theme „Befragung“) reads them. Areas and parents whose figure would
 * show fewer than the minimum of answers — alone, or as a parent minus the areas shown — are stored
 * as secret (small-areas.ts), so neither the atlas nor any difference of its values shows them;
 * parents hold the sums including their small areas wherever that is safe. An option's count
 * follows the merging of its own question's answers, not of the respondents: an optional question
 * answered by 2 of an area's 12 respondents keeps that area secret for its options.
 * Responses without an area are in no value, the city's included: every value is a sum of areas,
 * so no difference of values reaches them (survey-results.ts merges them for the planners).
 */
import { lockImportSlices } from '../db/advisory.ts';
import type { Db } from '../db/db.ts';
import { recordSource } from '../db/provenance.ts';
import type { Indicator } from '../indicators/indicator.schema.ts';
import { upsertIndicators } from '../indicators/indicator.repository.ts';
import { storeCounts, type CountRecord } from '../observations/store-counts.ts';
import { populationDate } from '../indicators/calculator.ts';
import { labelsOf, surveyData } from './survey-results.ts';
import { populationDates } from './survey.repository.ts';
import type { Protection } from './small-areas.ts';
import { surveyErrors } from './survey.errors.ts';
import type { PublishRequest, PublishResult, Question } from './survey.schema.ts';

const germanDate = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/**
 * Which population the minimum-population rule of the public values uses, in German: the survey's
 * end date rarely is a population Stichtag, so the nearest one counts (populationDate).
 */
export function populationNote(date: string, used: string | null): string {
  if (used === null)
    return (
      'Es gibt keine Einwohnerzahlen (Variable „ew“). Ohne sie lässt sich die Mindesteinwohnerzahl ' +
      'nicht prüfen, deshalb bleiben alle öffentlichen Werte dieser Befragung geheim; Planende sehen ' +
      'sie. Sobald Einwohnerzahlen importiert sind, werden sie ohne erneute Veröffentlichung gezeigt.'
    );
  if (used === date)
    return `Die Mindesteinwohnerzahl der öffentlichen Werte wird mit dem Bevölkerungsstand vom ${germanDate(used)} geprüft, dem Ende der Befragung.`;
  return (
    `Zum Ende der Befragung (${germanDate(date)}) gibt es keinen Bevölkerungsstand; die Mindesteinwohnerzahl ` +
    `der öffentlichen Werte wird mit dem ${used < date ? 'letzten davor' : 'ersten danach'} geprüft, ` +
    `dem vom ${germanDate(used)}.`
  );
}

/** Key of the option's count: option number (1-based) of a choice, the value of a scale. */
const optionKey = (survey: string, q: Question, option: number) =>
  `bfr_${survey}_q${q.position + 1}_${q.kind === 'scale' ? option : option + 1}`;

export async function publishIndicators(
  db: Db,
  key: string,
  body: PublishRequest,
  userId: number | null,
): Promise<PublishResult> {
  const data = await surveyData(db, key);
  const { row, questions, protection } = data;
  if (row.status !== 'geschlossen') throw surveyErrors.notClosed();
  if (!row.level_key || !questions.some((q) => q.kind === 'area')) throw surveyErrors.noAreaQuestion();

  const items = body.items.map((item) => {
    const q = questions.find((x) => x.id === item.question);
    if (!q || (q.kind !== 'single' && q.kind !== 'scale'))
      throw surveyErrors.badPublishItem(
        `Als Indikator taugen Fragen mit einer Antwort oder einer Skala; Frage Nr. ${item.question} ist keine davon.`,
      );
    const labels = labelsOf(q);
    const index = q.kind === 'scale' ? item.option - (q.scaleMin ?? 1) : item.option;
    if (labels[index] === undefined)
      throw surveyErrors.badPublishItem(`Frage ${q.position + 1} hat die Antwort Nr. ${item.option} nicht.`);
    return { q, index, label: labels[index], variable: optionKey(row.key, q, item.option) };
  });
  const nKey = `bfr_${row.key}_n`;
  const date = row.period_to;
  const period = `${germanDate(row.period_from)}–${germanDate(row.period_to)}`;
  const source =
    `Befragung ${row.title}, ${period}, n = ${data.n}` +
    (data.unlocated ? `, davon ${data.unlocated} ohne Gebietsangabe (in keinem Wert enthalten)` : '');

  // each area's figures are the sums over the survey-level areas below it
  const levels = [...new Set([...data.areas.values()].map((a) => a.level))];
  const records = new Map<string, CountRecord[]>(levels.map((l) => [l, []]));
  for (const area of data.areas.values()) {
    const counts = data.countsUnder(data.leavesUnder(area.id));
    const cell = (variable: string, value: number, shown: boolean): CountRecord => ({
      areaKey: area.key,
      date,
      variable,
      breakdown: '',
      value: shown ? value : null,
      status: shown ? 'value' : 'secret',
    });
    const list = records.get(area.level)!;
    list.push(cell(nKey, counts.n, protection.shown.has(area.id)));
    for (const item of items)
      list.push(
        cell(
          item.variable,
          counts.byQuestion.get(item.q.id)!.counts[item.index] ?? 0,
          data.questionProtection(item.q.id).shown.has(area.id),
        ),
      );
  }

  const variableNames: Record<string, string> = {
    [nKey]: `Befragung ${row.title}: Antworten`,
    ...Object.fromEntries(items.map((i) => [i.variable, `Befragung ${row.title}: ${i.q.text} – ${i.label}`])),
  };
  const indicators: Indicator[] = items.map((i) => ({
    key: i.variable,
    name: `${i.q.text} – „${i.label}“`.slice(0, 200),
    theme: 'Befragung',
    numerator: i.variable,
    denominator: nKey,
    formula: 'share',
    periodYears: null,
    unit: '%',
    polarity: 'neutral',
    decimals: 0,
    description:
      `Anteil der Befragten, die bei „${i.q.text}“ „${i.label}“ gewählt haben (Befragung ${row.title}, ${period}). ` +
      `Gebiete, in denen weniger als ${row.min_answers} Befragte diese Frage beantwortet haben, werden nicht ` +
      'einzeln ausgewiesen; sie sind in ihrem übergeordneten Gebiet enthalten.',
    source,
    updateCycle: 'einmalig',
    published: true,
    classification: null,
    target: null,
  }));

  await db.transaction(async (tx) => {
    for (const level of [...levels].sort()) await lockImportSlices(tx, level, [date]);
    const sourceId = await recordSource(tx, {
      kind: 'table',
      name: `Befragung ${row.title}`,
      stichtag: date,
      importedBy: userId,
      details: { survey: row.key, n: data.n, minAnswers: row.min_answers },
    });
    for (const level of levels)
      await storeCounts(
        tx,
        { levelKey: level, sourceId, fileName: `Befragung ${row.title}`, variableNames },
        records.get(level)!,
      );
    await upsertIndicators(tx, indicators);
  });
  const used = populationDate(await populationDates(db), date);
  const leaves = data.leaves.map((l) => l.id);
  const areasOf = (p: Protection) => {
    const published = leaves.filter((id) => p.shown.has(id)).length;
    return { published, withheld: leaves.length - published };
  };
  return {
    date,
    n: data.n,
    variables: [nKey, ...items.map((i) => i.variable)],
    indicators: indicators.map((i) => i.key),
    areas: areasOf(protection),
    indicatorAreas: items.map((i) => ({
      indicator: i.variable,
      ...areasOf(data.questionProtection(i.q.id)),
    })),
    population: { date: used, note: populationNote(date, used) },
  };
}
