/**
 * A survey whose field time ends between two population Stichtage, on every engine: its public
 * values are checked against the minimum population of the latest Stichtag before its end, the
 * publication says which one, and without any population nothing is public, with the reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AreaSummary } from '../areas/area.schema.ts';
import { populationDate } from '../indicators/calculator.ts';
import type { IndicatorValues } from '../indicators/indicator.schema.ts';
import { engines } from '../test/databases.ts';
import { demoApp } from '../test/demo-app.ts';
import type { PublishResult, Survey } from './survey.schema.ts';

const MIN = 5;
const KEY = 'bfr_sommer_q2_1';
const DATE = '2024-06-30';

describe('populationDate', () => {
  const dates = ['2023-12-31', '2021-12-31', '2022-12-31'];
  it('takes the date itself, else the latest before, else the earliest after', () => {
    expect(populationDate(dates, '2022-12-31')).toBe('2022-12-31');
    expect(populationDate(dates, '2024-06-30')).toBe('2023-12-31');
    expect(populationDate(dates, '2022-06-30')).toBe('2021-12-31');
    expect(populationDate(dates, '2020-06-30')).toBe('2021-12-31');
    expect(populationDate([], '2024-06-30')).toBeNull();
  });
});

describe.each(engines)('a survey ending between population Stichtage on $name', (engine) => {
  let ctx: Awaited<ReturnType<typeof demoApp>>;
  let big: AreaSummary;
  const get = (url: string, cookie?: string) => ctx.app.inject({ url, headers: cookie ? { cookie } : {} });
  const send = (method: 'POST' | 'PUT', url: string, payload: unknown) =>
    ctx.app.inject({ method, url, payload: payload as never, headers: { cookie: ctx.planner } });
  const publish = async () => {
    const survey = (await get('/api/surveys/sommer', ctx.planner)).json<Survey>();
    const res = await send('POST', '/api/surveys/sommer/publish-indicators', {
      items: [{ question: survey.questions[1]!.id, option: 0 }],
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<PublishResult>();
  };
  const values = async (level: string, cookie?: string) => {
    const res = await get(`/api/indicators/${KEY}/values?level=${level}&date=${DATE}`, cookie);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<IndicatorValues>();
  };

  beforeAll(async () => {
    ctx = await demoApp(engine);
    const areas = (await get('/api/areas?level=sozialraum')).json<AreaSummary[]>();
    const created = await send('POST', '/api/surveys', {
      key: 'sommer',
      title: 'Sommer im Quartier',
      periodFrom: '2024-04-01',
      periodTo: DATE,
      minAnswers: MIN,
      level: 'sozialraum',
    });
    expect(created.statusCode, created.body).toBe(200);
    const survey = (
      await send('PUT', '/api/surveys/sommer/questions', {
        questions: [
          { kind: 'area', text: 'In welchem Sozialraum wohnen Sie?', required: true },
          { kind: 'single', text: 'Gehen Sie in den Park?', required: true, options: ['Ja', 'Nein'] },
        ],
      })
    ).json<Survey>();
    await send('POST', '/api/surveys/sommer/status', { status: 'offen' });
    // three large Sozialräume with 8 answers each, 6 of them „Ja“
    big = areas[0]!;
    for (const area of areas.slice(0, 3))
      for (let i = 0; i < 8; i++) {
        const res = await ctx.app.inject({
          method: 'POST',
          url: `/api/surveys/public/${survey.token}/responses`,
          payload: {
            answers: [
              { question: survey.questions[0]!.id, value: area.id },
              { question: survey.questions[1]!.id, value: i < 6 ? 0 : 1 },
            ],
          },
        });
        expect(res.statusCode, res.body).toBe(200);
      }
    await send('POST', '/api/surveys/sommer/status', { status: 'geschlossen' });
  }, 300_000);
  afterAll(() => ctx?.close());

  it('publishes its values with the population of the latest Stichtag before its end, and says so', async () => {
    const published = await publish();
    expect(published.date).toBe(DATE);
    expect(published.population).toEqual({
      date: '2023-12-31',
      note: expect.stringContaining('mit dem letzten davor geprüft, dem vom 31.12.2023') as string,
    });
    const sr = await values('sozialraum');
    expect(sr.values.find((x) => x.id === big.id)).toMatchObject({ status: 'value', value: 75 });
    expect((await values('stadt')).city).toMatchObject({ status: 'value', value: 75 });
  });

  it('withholds every public value without any population, with the reason in German', async () => {
    await ctx.db.query(
      `DELETE FROM observation WHERE variable_id = (SELECT id FROM variable WHERE key = 'ew')`,
    );
    const published = await publish();
    expect(published.population.date).toBeNull();
    expect(published.population.note).toMatch(
      /^Es gibt keine Einwohnerzahlen .*Mindesteinwohnerzahl nicht prüfen, deshalb bleiben alle öffentlichen Werte/,
    );
    for (const level of ['sozialraum', 'stadtbezirk']) {
      const v = await values(level);
      for (const x of v.values) expect(x.value, `${level} ${x.id}`).toBeNull();
    }
    expect((await values('stadt')).city.value).toBeNull();
    // planners still see them
    expect((await values('sozialraum', ctx.planner)).values.find((x) => x.id === big.id)).toMatchObject({
      status: 'value',
      value: 75,
    });
  });
});
