/**
 * The Sozialbericht's „Beteiligung“ (block `participation`) on the demo city: notes while nothing
 * happened; then the survey that ran with its number of answers, and the approved remarks on the
 * map by theme — pending ones not counted, no text of an answer or remark in the report.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Survey } from '../surveys/survey.schema.ts';
import { engines } from '../test/databases.ts';
import { demoApp } from '../test/demo-app.ts';
import { participationBlocks } from './participation-blocks.ts';

describe.each(engines)('participation in reports on $name', (engine) => {
  let ctx: Awaited<ReturnType<typeof demoApp>>;
  const send = (method: 'POST' | 'PUT', url: string, payload: unknown, cookie?: string) =>
    ctx.app.inject({ method, url, payload: payload as never, headers: cookie ? { cookie } : {} });

  beforeAll(async () => {
    ctx = await demoApp(engine);
  }, 300_000);
  afterAll(() => ctx?.close());

  it('says that nothing happened yet', async () => {
    expect(await participationBlocks(ctx.db, null, 'sozialraum')).toEqual([
      { kind: 'note', text: 'Bisher hat keine Befragung stattgefunden.' },
      { kind: 'note', text: 'Es liegen keine freigegebenen Hinweise auf der Karte vor.' },
    ]);
  });

  it('lists the survey that ran and counts the approved remarks by theme', async () => {
    const created = await send(
      'POST',
      '/api/surveys',
      {
        key: 'park',
        title: 'Der neue Park',
        periodFrom: '2024-05-01',
        periodTo: '2024-06-30',
        level: 'sozialraum',
      },
      ctx.planner,
    );
    expect(created.statusCode, created.body).toBe(200);
    const survey = (
      await send(
        'PUT',
        '/api/surveys/park/questions',
        { questions: [{ kind: 'single', text: 'Gefällt Ihnen der Park?', options: ['Ja', 'Nein'] }] },
        ctx.planner,
      )
    ).json<Survey>();
    await send('POST', '/api/surveys/park/status', { status: 'offen' }, ctx.planner);
    for (let i = 0; i < 3; i++) {
      const answered = await send('POST', `/api/surveys/public/${survey.token}/responses`, {
        answers: [{ question: survey.questions[0]!.id, value: i % 2 }],
      });
      expect(answered.statusCode, answered.body).toBeLessThan(300);
    }
    await send('POST', '/api/surveys/park/status', { status: 'geschlossen' }, ctx.planner);

    // two remarks in the middle of the city, one approved
    const [lon, lat] = await cityCentre();
    for (const text of ['Mehr Bänke', 'Zu dunkel'])
      expect(
        (await send('POST', '/api/remarks', { lon, lat, category: 'gruen', text })).statusCode,
      ).toBeLessThan(300);
    const queue = (
      await ctx.app.inject({ url: '/api/remarks/queue', headers: { cookie: ctx.planner } })
    ).json<{ id: number }[]>();
    await send('POST', `/api/remarks/${queue[0]!.id}/moderation`, { status: 'approved' }, ctx.planner);

    const blocks = await participationBlocks(ctx.db, null, 'sozialraum');
    expect(blocks).toMatchObject([
      {
        kind: 'table',
        title: 'Befragungen',
        rows: [['Der neue Park', '01.05.2024 – 30.06.2024', '3', 'abgeschlossen']],
      },
      { kind: 'table', rows: [['Grün und Umwelt', '1']] },
    ]);
    expect(JSON.stringify(blocks)).not.toMatch(/Bänke|dunkel/);
  }, 120_000);

  /** A point inside the city: the middle of the bounding box of a central area. */
  async function cityCentre(): Promise<[number, number]> {
    const geo = (await ctx.app.inject({ url: '/api/areas/geojson?level=sozialraum' })).json<{
      features: { geometry: { type: string; coordinates: number[][][] } }[];
    }>();
    for (const f of geo.features) {
      const ring = f.geometry.type === 'Polygon' ? f.geometry.coordinates[0]! : [];
      if (!ring.length) continue;
      const lon = ring.reduce((s, c) => s + c[0]!, 0) / ring.length;
      const lat = ring.reduce((s, c) => s + c[1]!, 0) / ring.length;
      if (
        (await ctx.app.inject({ url: `/api/areas/locate?level=sozialraum&lon=${lon}&lat=${lat}` }))
          .statusCode === 200
      )
        return [lon, lat];
    }
    throw new Error('no point inside the city');
  }
});
