/**
 * Responses without an area, on every engine: they count in the survey's totals but in no area, so
 * the total minus all area rows would be exactly them. Two such respondents among 36 located ones
 * must stay hidden — in the planners' results and in every public output of the indicators.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AreaSummary } from '../areas/area.schema.ts';
import type { IndicatorValues, Series } from '../indicators/indicator.schema.ts';
import { engines } from '../test/databases.ts';
import { demoApp } from '../test/demo-app.ts';
import type { PublishResult, Survey, SurveyResults } from './survey.schema.ts';
import { determined } from './test-helpers.ts';

const MIN = 5;
const DATE = '2024-12-31';
const REQUIRED = 'bfr_ohne_q2_1';
const OPTIONAL = 'bfr_ohne_q3_1';

describe.each(engines)('responses without an area on $name', (engine) => {
  let ctx: Awaited<ReturnType<typeof demoApp>>;
  let survey: Survey;
  let areas: AreaSummary[];
  let districts: AreaSummary[];
  /** Per Sozialraum: respondents and their „Ja“ to the required question (all answer both). */
  const plan = new Map<string, { n: number; yes: number }>();
  const get = (url: string, cookie?: string) => ctx.app.inject({ url, headers: cookie ? { cookie } : {} });
  const send = (url: string, payload: unknown) =>
    ctx.app.inject({ method: 'POST', url, payload: payload as never, headers: { cookie: ctx.planner } });
  const q = (i: number) => survey.questions[i]!.id;

  beforeAll(async () => {
    ctx = await demoApp(engine);
    areas = (await get('/api/areas?level=sozialraum')).json<AreaSummary[]>();
    districts = (await get('/api/areas?level=stadtbezirk')).json<AreaSummary[]>();
    const created = await send('/api/surveys', {
      key: 'ohne',
      title: 'Ohne Gebiet',
      periodFrom: '2024-10-01',
      periodTo: DATE,
      minAnswers: MIN,
      level: 'sozialraum',
    });
    expect(created.statusCode, created.body).toBe(200);
    survey = (
      await ctx.app.inject({
        method: 'PUT',
        url: '/api/surveys/ohne/questions',
        headers: { cookie: ctx.planner },
        payload: {
          questions: [
            { kind: 'area', text: 'In welchem Sozialraum wohnen Sie?', required: true },
            { kind: 'single', text: 'Fühlen Sie sich sicher?', required: true, options: ['Ja', 'Nein'] },
            { kind: 'single', text: 'Kennen Sie das Stadtteilbüro?', options: ['Ja', 'Nein'] },
          ],
        },
      })
    ).json<Survey>();
    await send('/api/surveys/ohne/status', { status: 'offen' });

    const [a, b] = districts;
    const inA = areas.filter((x) => x.parent === a!.id);
    const inB = areas.filter((x) => x.parent === b!.id);
    // every area large enough to be a row of its own: without protection, city minus rows = the 2
    const wanted: [AreaSummary, number][] = [
      [inA[0]!, 8],
      [inA[1]!, 7],
      [inA[2]!, 6],
      [inB[0]!, 9],
      [inB[1]!, 6],
    ];
    const respond = async (area: AreaSummary, yes: boolean, optional = true) => {
      const res = await ctx.app.inject({
        method: 'POST',
        url: `/api/surveys/public/${survey.token}/responses`,
        payload: {
          answers: [
            { question: q(0), value: area.id },
            { question: q(1), value: yes ? 0 : 1 },
            ...(optional ? [{ question: q(2), value: yes ? 0 : 1 }] : []),
          ],
        },
      });
      expect(res.statusCode, res.body).toBe(200);
    };
    for (const [area, n] of wanted) {
      for (let i = 0; i < n; i++) await respond(area, i % 2 === 0);
      plan.set(area.id, { n, yes: Math.ceil(n / 2) });
    }
    // two respondents without an area (as after their area was removed), both „Ja“, one of them
    // also answering the optional question
    const spare = inB[2] ?? inA[3]!;
    await respond(spare, true);
    await respond(spare, true, false);
    await ctx.db.query(
      `UPDATE survey_response SET area_id = NULL
        WHERE area_id = (SELECT id FROM area WHERE key = $1 AND valid_to IS NULL)
          AND survey_id = (SELECT id FROM survey WHERE key = 'ohne')`,
      [spare.id],
    );
    await send('/api/surveys/ohne/status', { status: 'geschlossen' });
  }, 300_000);
  afterAll(() => ctx?.close());

  /** Unknowns: every Sozialraum, and last the responses without an area. */
  const columns = () => [...areas.map((x) => x.id), ''];
  const row = (keys: string[]) => columns().map((k) => (keys.includes(k) ? 1 : 0));
  const knownEmpty = () => areas.filter((x) => !plan.has(x.id)).map((x) => row([x.id]));

  it('merges them like a small area, so no total minus the rows shown isolates them', async () => {
    const results = (await get('/api/surveys/ohne/results', ctx.planner)).json<SurveyResults>();
    expect(results).toMatchObject({ n: 38, shown: true });
    expect(results.questions[1]!.total).toMatchObject({ answered: 38 });
    expect(results.questions[2]!.total).toMatchObject({ answered: 37 });
    const holding = results.areas.filter((r) => r.members.some((m) => m.key === ''));
    expect(holding).toHaveLength(1);
    expect(holding[0]!.merged).toBe(true);
    expect(holding[0]!.members.map((m) => m.name)).toContain('Ohne Gebietsangabe');
    expect(holding[0]!.n).toBeGreaterThanOrEqual(MIN);
    expect(results.areas.reduce((s, r) => s + r.n, 0)).toBe(38);

    // every figure shown — row and total, respondents and each question's answers and options —
    // is an equation over the unknowns; the two must not be solvable, nor any area they join
    for (const [i, question] of results.questions.entries()) {
      if (!question.total) continue;
      const equations = [row(columns()), ...knownEmpty()];
      for (const r of results.areas) {
        const counts = r.questions.find((x) => x.question === question.id)!;
        if (i === 0 || !counts.withheld) equations.push(row(r.members.map((m) => m.key)));
        if (counts.withheld) continue;
        expect(counts.answered).toBeGreaterThanOrEqual(MIN);
      }
      const width = columns().length;
      expect(determined(equations, width - 1, width), `question ${i + 1}`).toBe(false);
      for (const m of holding[0]!.members)
        expect(determined(equations, columns().indexOf(m.key), width), m.key).toBe(false);
    }
  });

  it('keeps them out of every public value; the city counts the located answers only', async () => {
    const res = await send('/api/surveys/ohne/publish-indicators', {
      items: [
        { question: q(1), option: 0 },
        { question: q(2), option: 0 },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const published = res.json<PublishResult>();
    expect(published.n).toBe(38);
    const located = [...plan.values()].reduce((s, p) => s + p.n, 0);
    const yes = [...plan.values()].reduce((s, p) => s + p.yes, 0);
    expect(located).toBe(36);

    const values = async (level: string, key: string) => {
      const r = await get(`/api/indicators/${key}/values?level=${level}&date=${DATE}`);
      expect(r.statusCode, r.body).toBe(200);
      return r.json<IndicatorValues>();
    };
    for (const key of [REQUIRED, OPTIONAL]) {
      const [sr, sb, city] = [
        await values('sozialraum', key),
        await values('stadtbezirk', key),
        await values('stadt', key),
      ];
      // 19 of 36 located (52.8 %), not 21 of 38 (55.3 %) with the two
      expect(city.city.status).toBe('value');
      expect(Math.abs(city.city.value! - (100 * yes) / located), key).toBeLessThan(0.5);
      const series = (
        await get(`/api/indicators/${key}/series?level=sozialraum&id=${areas[0]!.id}`)
      ).json<Series>();
      expect(
        Math.abs(series.points.find((p) => p.date === DATE)!.cityValue! - city.city.value!),
      ).toBeLessThan(1e-9);
      // the shown values are equations over the Sozialräume only: the column of the two is empty
      const shown = (v: IndicatorValues) => v.values.filter((x) => x.status === 'value' && x.value !== null);
      const under = (d: string) => areas.filter((x) => x.parent === d).map((x) => x.id);
      const equations = [
        ...shown(sr).map((x) => row([x.id])),
        ...shown(sb).map((d) => row(under(d.id))),
        row(areas.map((x) => x.id)),
        ...knownEmpty(),
      ];
      const width = columns().length;
      expect(determined(equations, width - 1, width), key).toBe(false);
    }
    const csv = (await get(`/api/exports/values?indicator=${REQUIRED}&level=stadt&date=${DATE}&format=csv`))
      .body;
    expect(csv).not.toMatch(/55[,.]3/);
  });
});
