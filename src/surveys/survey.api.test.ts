/**
 * Surveys over HTTP on the demo city, on every engine: planners build and open a survey, anyone
 * with the link answers it without a session, results keep the minimum of answers per area, free
 * texts are moderated, and the results become indicators that an outsider cannot take apart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AreaSummary } from '../areas/area.schema.ts';
import type { Indicator, IndicatorValues } from '../indicators/indicator.schema.ts';
import { engines } from '../test/databases.ts';
import { demoApp, expectGuarded } from '../test/demo-app.ts';
import type { PublicSurvey, PublishResult, Survey, SurveyResults, SurveyText } from './survey.schema.ts';
import { determined } from './test-helpers.ts';

const MIN = 5;
const QUESTIONS = [
  { kind: 'area', text: 'In welchem Sozialraum wohnen Sie?', required: true },
  {
    kind: 'single',
    text: 'Wie wohl fühlen Sie sich in Ihrem Viertel?',
    required: true,
    options: ['Sehr wohl', 'Eher wohl', 'Eher nicht wohl', 'Gar nicht wohl'],
  },
  { kind: 'scale', text: 'Wie zufrieden sind Sie mit den Spielplätzen?', scaleMin: 1, scaleMax: 5 },
  { kind: 'multiple', text: 'Was fehlt?', options: ['Treffpunkte', 'Grün', 'Beratung'] },
  { kind: 'text', text: 'Was möchten Sie uns noch sagen?' },
];

describe.each(engines)('surveys on $name', (engine) => {
  let ctx: Awaited<ReturnType<typeof demoApp>>;
  let survey: Survey;
  let areas: AreaSummary[];
  let districts: AreaSummary[];
  /** Responses per Sozialraum key: two small areas (2 and 3 answers) among larger ones. */
  const plan = new Map<string, number>();
  const optionZero = new Map<string, number>();
  const send = (
    method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: unknown,
    cookie?: string,
  ) => ctx.app.inject({ method, url, payload: payload as never, headers: { cookie: cookie ?? ctx.planner } });
  const anonymous = (method: 'GET' | 'POST', url: string, payload?: unknown) =>
    ctx.app.inject({ method, url, payload: payload as never });
  const get = (url: string, cookie?: string) => ctx.app.inject({ url, headers: cookie ? { cookie } : {} });
  const respond = (answers: { question: number; value: unknown }[]) =>
    anonymous('POST', `/api/surveys/public/${survey.token}/responses`, { answers });
  const q = (i: number) => survey.questions[i]!.id;

  beforeAll(async () => {
    ctx = await demoApp(engine);
    areas = (await get('/api/areas?level=sozialraum')).json<AreaSummary[]>();
    districts = (await get('/api/areas?level=stadtbezirk')).json<AreaSummary[]>();
  }, 300_000);
  afterAll(() => ctx?.close());

  it('lets planners build a survey in a draft and open it', async () => {
    const body = {
      key: 'quartier',
      title: 'Leben im Quartier',
      periodFrom: '2024-10-01',
      periodTo: '2024-12-31',
      minAnswers: MIN,
      level: 'sozialraum',
    };
    await expectGuarded(ctx.app, { method: 'POST', url: '/api/surveys', payload: body }, ctx.viewer);
    const created = await send('POST', '/api/surveys', body);
    expect(created.statusCode, created.body).toBe(200);
    survey = created.json<Survey>();
    expect(survey).toMatchObject({ status: 'entwurf', minAnswers: MIN, questions: [] });
    expect(survey.token).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(survey.publicPath).toBe(`/befragung/${survey.token}`);
    expect((await send('POST', '/api/surveys', body)).json()).toMatchObject({ code: 'surveys.duplicate' });
    expect((await get('/api/surveys/quartier', ctx.viewer)).statusCode).toBe(403);
    expect((await get('/api/surveys/quartier')).statusCode).toBe(401);

    const bad = await send('PUT', '/api/surveys/quartier/questions', {
      questions: [QUESTIONS[0], { kind: 'single', text: 'Nur eine Wahl?', options: ['Ja'] }],
    });
    expect(bad.json()).toMatchObject({ code: 'surveys.bad_question' });
    expect(bad.json<{ message: string }>().message).toMatch(/^Frage 2:/);
    expect((await send('POST', '/api/surveys/quartier/status', { status: 'offen' })).json()).toMatchObject({
      code: 'surveys.no_questions',
    });
    // not public before it opens: the link says nothing
    expect((await anonymous('GET', `/api/surveys/public/${survey.token}`)).statusCode).toBe(404);

    const built = await send('PUT', '/api/surveys/quartier/questions', { questions: QUESTIONS });
    expect(built.statusCode, built.body).toBe(200);
    survey = built.json<Survey>();
    expect(survey.questions.map((x) => [x.position, x.kind])).toEqual([
      [0, 'area'],
      [1, 'single'],
      [2, 'scale'],
      [3, 'multiple'],
      [4, 'text'],
    ]);
    const opened = await send('POST', '/api/surveys/quartier/status', { status: 'offen' });
    expect(opened.json<Survey>().status).toBe('offen');
    expect(
      (await send('PUT', '/api/surveys/quartier/questions', { questions: QUESTIONS })).json(),
    ).toMatchObject({
      code: 'surveys.not_draft',
    });
  });

  it('takes answers through the link without a session, and keeps nothing about the sender', async () => {
    const form = await anonymous('GET', `/api/surveys/public/${survey.token}`);
    expect(form.statusCode, form.body).toBe(200);
    const questionnaire = form.json<PublicSurvey>();
    expect(questionnaire.questions[0]!.areas).toHaveLength(areas.length);
    expect(questionnaire.questions[2]).toMatchObject({ scaleMin: 1, scaleMax: 5 });
    expect(JSON.stringify(questionnaire)).not.toContain(survey.token);
    expect((await anonymous('GET', '/api/surveys/public/geraten')).statusCode).toBe(404);

    const ok = await respond([
      { question: q(0), value: areas[0]!.id },
      { question: q(1), value: 0 },
      { question: q(4), value: 'Mehr Bänke am Platz, bitte.' },
    ]);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.headers['set-cookie']).toBeUndefined();
    plan.set(areas[0]!.id, 1);
    optionZero.set(areas[0]!.id, 1);
    const columns = await ctx.db.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'survey_response' ORDER BY 1`,
    );
    expect(columns.map((c) => c.column_name)).toEqual(['area_id', 'id', 'submitted_at', 'survey_id']);

    const invalid = await respond([
      { question: q(0), value: 'kein-gebiet' },
      { question: q(2), value: 9 },
      { question: q(3), value: [0, 0] },
    ]);
    expect(invalid.statusCode).toBe(400);
    const problems = invalid.json<{ details: { problems: { number: number; message: string }[] } }>().details
      .problems;
    expect(problems.map((p) => p.number)).toEqual([1, 2, 3, 4]);
    expect(problems.map((p) => p.message)).toEqual([
      'Frage 1: Bitte eines der angebotenen Gebiete wählen.',
      'Frage 2: Bitte beantworten Sie diese Frage.',
      'Frage 3: Bitte einen Wert von 1 bis 5 wählen.',
      'Frage 4: Bitte nur angebotene Antworten ankreuzen, jede höchstens einmal.',
    ]);
    const foreign = await ctx.app.inject({
      method: 'POST',
      url: `/api/surveys/public/${survey.token}/responses`,
      headers: { 'sec-fetch-site': 'cross-site' },
      payload: { answers: [] },
    });
    expect(foreign.json()).toMatchObject({ code: 'request.cross_origin' });
  });

  it('shows results per area only from the minimum, merging smaller areas within their parent', async () => {
    // district A: 7, 6 and 2 answers; district B: 8 and 3 — the 2 and the 3 are too few alone
    const [a, b] = districts;
    const inA = areas.filter((x) => x.parent === a!.id);
    const inB = areas.filter((x) => x.parent === b!.id);
    const wanted: [string, number][] = [
      [inA[0]!.id, 7 - (plan.get(inA[0]!.id) ?? 0)],
      [inA[1]!.id, 6],
      [inA[2]!.id, 2],
      [inB[0]!.id, 8],
      [inB[1]!.id, 3],
    ];
    for (const [key, count] of wanted)
      for (let i = 0; i < count; i++) {
        const zero = i % 4 !== 3; // three of four feel „sehr wohl“
        const res = await respond([
          { question: q(0), value: key },
          { question: q(1), value: zero ? 0 : 1 },
          { question: q(2), value: 5 - (i % 2) },
          { question: q(3), value: [i % 3] },
          ...(i === 0 ? [{ question: q(4), value: `Text ${key}` }] : []),
        ]);
        expect(res.statusCode, res.body).toBe(200);
        plan.set(key, (plan.get(key) ?? 0) + 1);
        optionZero.set(key, (optionZero.get(key) ?? 0) + (zero ? 1 : 0));
      }
    expect(areas[0]!.id).toBe(inA[0]!.id);

    expect((await get('/api/surveys/quartier/results', ctx.viewer)).statusCode).toBe(403);
    const res = await get('/api/surveys/quartier/results', ctx.planner);
    expect(res.statusCode, res.body).toBe(200);
    const results = res.json<SurveyResults>();
    expect(results).toMatchObject({ n: 26, shown: true, minAnswers: MIN, periodTo: '2024-12-31' });
    expect(results.questions[1]!.total).toMatchObject({ answered: 26 });
    expect(results.questions[1]!.total!.counts.reduce((s, v) => s + v, 0)).toBe(26);
    expect(results.questions[0]!.total).toBeNull(); // the area question: the rows are its counts
    for (const row of results.areas) expect(row.n).toBeGreaterThanOrEqual(MIN);
    expect(results.areas.reduce((s, r) => s + r.n, 0)).toBe(26);
    const alone = results.areas.filter((r) => !r.merged).map((r) => r.key);
    expect(alone).toEqual([inA[0]!.id]);
    // the 2 of district A cannot be district A minus the areas shown: the 6 joins it
    const mergedA = results.areas.find((r) => r.merged && r.key === a!.id)!;
    expect(mergedA).toMatchObject({ n: 8, name: `${a!.name} (zusammengefasst)` });
    expect(mergedA.members.map((m) => m.key)).toEqual(expect.arrayContaining([inA[1]!.id, inA[2]!.id]));
    expect(results.areas.find((r) => r.key === b!.id)).toMatchObject({ merged: true, n: 11 });
  });

  it('shows free texts only once approved', async () => {
    expect((await get('/api/surveys/quartier/texts', ctx.viewer)).statusCode).toBe(403);
    const texts = (await get('/api/surveys/quartier/texts?status=pending', ctx.planner)).json<SurveyText[]>();
    expect(texts).toHaveLength(6);
    expect(
      (await get('/api/surveys/quartier/results', ctx.planner)).json<SurveyResults>().questions[4]!.texts,
    ).toEqual([]);
    await expectGuarded(
      ctx.app,
      { method: 'POST', url: `/api/surveys/quartier/texts/${texts[0]!.id}`, payload: { status: 'approved' } },
      ctx.viewer,
    );
    const approved = await send('POST', `/api/surveys/quartier/texts/${texts[0]!.id}`, {
      status: 'approved',
    });
    expect(approved.json<SurveyText>()).toMatchObject({
      status: 'approved',
      text: 'Mehr Bänke am Platz, bitte.',
    });
    await send('POST', `/api/surveys/quartier/texts/${texts[1]!.id}`, { status: 'rejected' });
    expect((await send('POST', '/api/surveys/quartier/texts/99999', { status: 'approved' })).statusCode).toBe(
      404,
    );
    const results = (await get('/api/surveys/quartier/results', ctx.planner)).json<SurveyResults>();
    expect(results.questions[4]!.texts).toEqual(['Mehr Bänke am Platz, bitte.']);
    expect((await get('/api/surveys/quartier/texts?status=pending', ctx.planner)).json()).toHaveLength(4);
  });

  it('refuses answers once closed, in German', async () => {
    expect(
      (
        await send('POST', '/api/surveys/quartier/publish-indicators', {
          items: [{ question: q(1), option: 0 }],
        })
      ).json(),
    ).toMatchObject({ code: 'surveys.not_closed' });
    expect((await send('POST', '/api/surveys/quartier/status', { status: 'geschlossen' })).statusCode).toBe(
      200,
    );
    const late = await respond([
      { question: q(0), value: areas[0]!.id },
      { question: q(1), value: 0 },
    ]);
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'surveys.closed' });
    expect(late.json<{ message: string }>().message).toMatch(/Befragung ist beendet/);
    expect((await anonymous('GET', `/api/surveys/public/${survey.token}`)).json()).toMatchObject({
      code: 'surveys.closed',
    });
  });

  it('publishes results as indicators that keep every small area out of reach, even by differences', async () => {
    const url = '/api/surveys/quartier/publish-indicators';
    const items = [
      { question: q(1), option: 0 },
      { question: q(2), option: 5 },
    ];
    await expectGuarded(ctx.app, { method: 'POST', url, payload: { items } }, ctx.viewer);
    expect((await send('POST', url, { items: [{ question: q(4), option: 0 }] })).json()).toMatchObject({
      code: 'surveys.bad_publish_item',
    });
    const res = await send('POST', url, { items });
    expect(res.statusCode, res.body).toBe(200);
    const published = res.json<PublishResult>();
    expect(published).toMatchObject({
      date: '2024-12-31',
      n: 26,
      variables: ['bfr_quartier_n', 'bfr_quartier_q2_1', 'bfr_quartier_q3_5'],
      indicators: ['bfr_quartier_q2_1', 'bfr_quartier_q3_5'],
    });
    const indicator = (await get('/api/indicators/bfr_quartier_q2_1')).json<Indicator>();
    expect(indicator).toMatchObject({ theme: 'Befragung', formula: 'share', denominator: 'bfr_quartier_n' });
    expect(indicator.source).toBe('Befragung Leben im Quartier, 01.10.2024–31.12.2024, n = 26');

    // as an outsider: the public atlas values at every level
    const values = async (level: string, cookie?: string) =>
      (
        await get(`/api/indicators/bfr_quartier_q2_1/values?level=${level}&date=2024-12-31`, cookie)
      ).json<IndicatorValues>();
    const [sr, sb, city] = [await values('sozialraum'), await values('stadtbezirk'), await values('stadt')];
    const n = (key: string) => plan.get(key) ?? 0;
    const shown = (v: IndicatorValues) => v.values.filter((x) => x.status === 'value' && x.value !== null);
    // a Sozialraum with enough answers has its share, and the district counts its small areas too
    const [a] = districts;
    const big = areas.find((x) => x.parent === a!.id)!;
    expect(sr.values.find((x) => x.id === big.id)).toMatchObject({
      status: 'value',
      value: Math.round((100 * optionZero.get(big.id)!) / n(big.id)),
    });
    const inA = areas.filter((x) => x.parent === a!.id);
    const sum = (f: (k: string) => number) => inA.reduce((s, x) => s + f(x.id), 0);
    expect(sb.values.find((x) => x.id === a!.id)).toMatchObject({
      status: 'value',
      value: Math.round((100 * sum((k) => optionZero.get(k) ?? 0)) / sum(n)),
    });
    expect(city.city.status).toBe('value');
    for (const x of sr.values) if (n(x.id) > 0 && n(x.id) < MIN) expect(x.value, x.id).toBeNull();
    // planners see no small area either: it is stored as secret
    const planner = await values('sozialraum', ctx.planner);
    for (const x of planner.values) if (n(x.id) > 0 && n(x.id) < MIN) expect(x.status, x.id).toBe('secret');

    // every shown value is an equation over the Sozialräume's answers; an outsider who also knows
    // which areas had no answers at all must not be able to solve for any one small area
    const column = new Map(areas.map((x, i) => [x.id, i]));
    const row = (keys: string[]) => areas.map((x) => (keys.includes(x.id) ? 1 : 0));
    const equations = [
      ...shown(sr).map((x) => row([x.id])),
      ...shown(sb).map((d) => row(areas.filter((x) => x.parent === d.id).map((x) => x.id))),
      ...(city.city.status === 'value' ? [row(areas.map((x) => x.id))] : []),
      ...areas.filter((x) => n(x.id) === 0).map((x) => row([x.id])),
    ];
    expect(shown(sr).length).toBeGreaterThan(0);
    for (const x of areas)
      if (n(x.id) > 0 && n(x.id) < MIN)
        expect(determined(equations, column.get(x.id)!, areas.length), `${x.id} recoverable`).toBe(false);
  });
});
