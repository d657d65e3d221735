/**
 * The minimum of answers per question, on every engine: an optional question that only a few
 * people of an area answered shows nothing about those few — not in the planners' results, not in
 * any public output of the indicators built from it, and not as a difference of shown figures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AreaSummary } from '../areas/area.schema.ts';
import type { IndicatorValues, Series } from '../indicators/indicator.schema.ts';
import { engines } from '../test/databases.ts';
import { demoApp } from '../test/demo-app.ts';
import type { PublishResult, Survey, SurveyResults } from './survey.schema.ts';
import { determined } from './test-helpers.ts';

const MIN = 5;
const QUESTIONS = [
  { kind: 'area', text: 'In welchem Sozialraum wohnen Sie?', required: true },
  { kind: 'single', text: 'Fühlen Sie sich abends sicher?', required: true, options: ['Ja', 'Nein'] },
  { kind: 'single', text: 'Nutzen Sie das Familienzentrum?', options: ['Ja', 'Nein'] },
];
const OPTIONAL = 'bfr_nachbarn_q3_1';

/** Every value in a JSON answer that belongs to the indicator `key` (profiles, Steckbriefe). */
function valuesOf(json: unknown, key: string): unknown[] {
  const found: unknown[] = [];
  const push = (v: unknown) => found.push(v && typeof v === 'object' && 'value' in v ? v.value : v);
  const walk = (x: unknown) => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') {
      const o = x as Record<string, unknown>;
      if (o.key === key || o.indicator === key) push(o.value);
      if (key in o) push(o[key]);
      Object.values(o).forEach(walk);
    }
  };
  walk(json);
  return found;
}

describe.each(engines)('an optional question answered by few on $name', (engine) => {
  let ctx: Awaited<ReturnType<typeof demoApp>>;
  let survey: Survey;
  let areas: AreaSummary[];
  let districts: AreaSummary[];
  /** Per Sozialraum: respondents, answers to the optional question, and its „Ja“ among them. */
  const plan = new Map<string, { n: number; answered: number; yes: number }>();
  const get = (url: string, cookie?: string) => ctx.app.inject({ url, headers: cookie ? { cookie } : {} });
  const send = (url: string, payload: unknown) =>
    ctx.app.inject({ method: 'POST', url, payload: payload as never, headers: { cookie: ctx.planner } });
  const q = (i: number) => survey.questions[i]!.id;
  let few: AreaSummary;
  let partner: AreaSummary;

  beforeAll(async () => {
    ctx = await demoApp(engine);
    areas = (await get('/api/areas?level=sozialraum')).json<AreaSummary[]>();
    districts = (await get('/api/areas?level=stadtbezirk')).json<AreaSummary[]>();
    const created = await ctx.app.inject({
      method: 'POST',
      url: '/api/surveys',
      headers: { cookie: ctx.planner },
      payload: {
        key: 'nachbarn',
        title: 'Nachbarschaft',
        periodFrom: '2024-10-01',
        periodTo: '2024-12-31',
        minAnswers: MIN,
        level: 'sozialraum',
      },
    });
    expect(created.statusCode, created.body).toBe(200);
    const built = await ctx.app.inject({
      method: 'PUT',
      url: '/api/surveys/nachbarn/questions',
      headers: { cookie: ctx.planner },
      payload: { questions: QUESTIONS },
    });
    survey = built.json<Survey>();
    await send('/api/surveys/nachbarn/status', { status: 'offen' });

    // district A: 8, 7 and 6 respondents, but only 2 of the 7 answer the optional question;
    // district B: 9 and 6, all answering it
    const [a, b] = districts;
    const inA = areas.filter((x) => x.parent === a!.id);
    const inB = areas.filter((x) => x.parent === b!.id);
    [few, partner] = [inA[1]!, inA[2]!];
    const wanted: [AreaSummary, number, number][] = [
      [inA[0]!, 8, 8],
      [few, 7, 2],
      [partner, 6, 6],
      [inB[0]!, 9, 9],
      [inB[1]!, 6, 6],
    ];
    for (const [area, n, answered] of wanted) {
      const p = { n: 0, answered: 0, yes: 0 };
      for (let i = 0; i < n; i++) {
        // the few answer „Ja“ both: their share alone would be 100 %
        const yes = area === few || i % 3 !== 0;
        const res = await ctx.app.inject({
          method: 'POST',
          url: `/api/surveys/public/${survey.token}/responses`,
          payload: {
            answers: [
              { question: q(0), value: area.id },
              { question: q(1), value: i % 2 },
              ...(i < answered ? [{ question: q(2), value: yes ? 0 : 1 }] : []),
            ],
          },
        });
        expect(res.statusCode, res.body).toBe(200);
        p.n++;
        if (i < answered) {
          p.answered++;
          if (yes) p.yes++;
        }
      }
      plan.set(area.id, p);
    }
    await send('/api/surveys/nachbarn/status', { status: 'geschlossen' });
  }, 300_000);
  afterAll(() => ctx?.close());

  const n = (key: string) => plan.get(key)?.n ?? 0;
  const answered = (key: string) => plan.get(key)?.answered ?? 0;

  it('shows the optional question per area only where enough answered it', async () => {
    const results = (await get('/api/surveys/nachbarn/results', ctx.planner)).json<SurveyResults>();
    expect(results).toMatchObject({ n: 36, shown: true });
    // every Sozialraum has at least 5 respondents: each is a row of its own
    const row = (key: string) => results.areas.find((r) => !r.merged && r.key === key)!;
    expect(row(few.id)).toMatchObject({ n: 7 });
    const optional = (key: string) => row(key).questions.find((x) => x.question === q(2))!;
    const required = (key: string) => row(key).questions.find((x) => x.question === q(1))!;
    expect(required(few.id)).toMatchObject({ answered: 7, withheld: false });
    expect(optional(few.id)).toEqual({ question: q(2), answered: null, counts: null, withheld: true });
    // the partner goes too, else the total minus the rows shown would be the 2
    expect(optional(partner.id)).toMatchObject({ withheld: true, counts: null });
    const shownRows = results.areas.filter((r) => !r.questions.find((x) => x.question === q(2))!.withheld);
    expect(shownRows.length).toBeGreaterThan(0);
    for (const r of shownRows)
      expect(r.questions.find((x) => x.question === q(2))!.answered).toBeGreaterThanOrEqual(MIN);
    const total = results.questions[2]!.total!;
    expect(total.answered).toBe(31);
    const hidden =
      total.answered -
      shownRows.reduce((s, r) => s + r.questions.find((x) => x.question === q(2))!.answered!, 0);
    expect(hidden).toBeGreaterThanOrEqual(MIN);
  });

  it('keeps those few answers out of every public output, and out of every difference', async () => {
    const res = await send('/api/surveys/nachbarn/publish-indicators', {
      items: [
        { question: q(1), option: 0 },
        { question: q(2), option: 0 },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const published = res.json<PublishResult>();
    const [byRespondents, byOptional] = published.indicatorAreas;
    expect(byRespondents).toMatchObject({
      indicator: 'bfr_nachbarn_q2_1',
      withheld: published.areas.withheld,
    });
    expect(byOptional!.indicator).toBe(OPTIONAL);
    expect(byOptional!.withheld).toBeGreaterThan(published.areas.withheld);

    const date = '2024-12-31';
    const values = async (level: string, key = OPTIONAL, cookie?: string) => {
      const r = await get(`/api/indicators/${key}/values?level=${level}&date=${date}`, cookie);
      expect(r.statusCode, r.body).toBe(200);
      return r.json<IndicatorValues>();
    };
    const [sr, sb, city] = [await values('sozialraum'), await values('stadtbezirk'), await values('stadt')];
    const shown = (v: IndicatorValues) => v.values.filter((x) => x.status === 'value' && x.value !== null);
    const secret = (v: IndicatorValues, key: string) => {
      const x = v.values.find((y) => y.id === key)!;
      expect(x.value, key).toBeNull();
      expect(x.status, key).not.toBe('value');
    };
    // the respondents' own question still shows the area: the minimum of respondents is met there
    expect(
      (await values('sozialraum', 'bfr_nachbarn_q2_1')).values.find((x) => x.id === few.id),
    ).toMatchObject({ status: 'value' });
    secret(sr, few.id);
    secret(sr, partner.id);
    // planners see no value either: it is stored as secret
    expect(
      (await values('sozialraum', OPTIONAL, ctx.planner)).values.find((x) => x.id === few.id),
    ).toMatchObject({ status: 'secret', value: null });
    // the district and the city still count the few: shown, as sums the few cannot be taken out of
    const [a] = districts;
    expect(sb.values.find((x) => x.id === a!.id)!.status).toBe('value');
    expect(city.city.status).toBe('value');
    expect(shown(sr).length).toBeGreaterThan(0);

    // the other public routes read the same protected values
    for (const area of [few, partner]) {
      const series = (
        await get(`/api/indicators/${OPTIONAL}/series?level=sozialraum&id=${area.id}`)
      ).json<Series>();
      const point = series.points.find((p) => p.date === date)!;
      expect(point.value, `series ${area.id}`).toBeNull();
      expect(point.cityValue).not.toBeNull();
      for (const url of [
        `/api/areas/sozialraum/${area.id}/profile?date=${date}`,
        `/api/profiles/sozialraum/${area.id}?date=${date}`,
      ]) {
        const r = await get(url);
        expect(r.statusCode, url).toBe(200);
        const found = valuesOf(r.json(), OPTIONAL);
        expect(found.length, url).toBeGreaterThan(0);
        for (const v of found) expect(v, url).toBeNull();
      }
    }
    const json = (
      await get(`/api/exports/values?indicator=${OPTIONAL}&level=sozialraum&date=${date}&format=json`)
    ).json<IndicatorValues>();
    for (const key of [few.id, partner.id]) expect(json.values.find((x) => x.id === key)!.value).toBeNull();
    const csv = (
      await get(`/api/exports/values?indicator=${OPTIONAL}&level=sozialraum&date=${date}&format=csv`)
    ).body;
    // columns: Gebietsschlüssel; Gebiet; the value; Status; …
    const lines = csv.split(/\r?\n/).map((l) => l.split(';').map((c) => c.replace(/"/g, '')));
    expect(lines[0]![3]).toBe('Status');
    for (const key of [few.id, partner.id]) {
      const line = lines.find((l) => l[0] === key)!;
      expect(line, key).toBeDefined();
      expect(line[2], `csv ${key}`).not.toMatch(/\d/);
      expect(line[3], `csv ${key}`).not.toBe('Wert');
    }
    const ogc = (await get('/ogc/collections/sozialraum/items?limit=10000')).json<{
      features: { id: string | number; properties: Record<string, unknown> }[];
    }>();
    for (const key of [few.id, partner.id]) {
      const feature = ogc.features.find((f) => String(f.id) === key || f.properties.key === key)!;
      expect(feature, `ogc ${key}`).toBeDefined();
      expect(feature.properties[OPTIONAL] ?? null, `ogc ${key}`).toBeNull();
    }

    // every shown value is an equation over the Sozialräume's answers to the optional question;
    // an outsider who also knows which areas had no such answer must not solve for the few —
    // neither alone nor as the city (or district) minus the areas shown
    const column = new Map(areas.map((x, i) => [x.id, i]));
    const row = (keys: string[]) => areas.map((x) => (keys.includes(x.id) ? 1 : 0));
    const under = (d: string) => areas.filter((x) => x.parent === d).map((x) => x.id);
    const equations = [
      ...shown(sr).map((x) => row([x.id])),
      ...shown(sb).map((d) => row(under(d.id))),
      ...(city.city.status === 'value' ? [row(areas.map((x) => x.id))] : []),
      ...areas.filter((x) => answered(x.id) === 0).map((x) => row([x.id])),
    ];
    expect(determined(equations, column.get(few.id)!, areas.length), 'the few recoverable').toBe(false);
    // the smallest thing the outsider can isolate around them holds at least the minimum
    const cityMinusShown = areas.filter((x) => !shown(sr).some((s) => s.id === x.id));
    expect(cityMinusShown.reduce((s, x) => s + answered(x.id), 0)).toBeGreaterThanOrEqual(MIN);
    expect(n(few.id)).toBeGreaterThanOrEqual(MIN);
  });
});
