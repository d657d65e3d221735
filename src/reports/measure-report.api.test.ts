/**
 * Measures in documents, on the demo city and every engine: the Beschlussvorlage of one measure
 * (scope `measure`) as HTML and Word from its data — proposal, goals, money, effect, history — for
 * planners only; the Sozialbericht's chapter „Maßnahmen und Wirkung“ with the decided measure and
 * its comparison with similar areas; a measure template is refused as a city report.
 */
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Measure } from '../measures/measure.schema.ts';
import { engines } from '../test/databases.ts';
import { demoApp } from '../test/demo-app.ts';
import type { IndicatorValues } from '../indicators/indicator.schema.ts';
import type { User } from '../auth/auth.schema.ts';
import { assembleReport } from './assemble-report.ts';
import { ReportTemplate } from './report.schema.ts';
import { MASSNAHME } from './templates.ts';

const PLANNER: User = { id: 2, username: 'planer', displayName: 'Planerin', role: 'planner' };

describe.each(engines)('measure documents on $name', (engine) => {
  let ctx: Awaited<ReturnType<typeof demoApp>>;
  let measure: Measure;
  const call = (url: string, cookie?: string) => ctx.app.inject({ url, headers: cookie ? { cookie } : {} });
  const send = (url: string, payload: unknown) =>
    ctx.app.inject({ method: 'POST', url, payload: payload as never, headers: { cookie: ctx.planner } });

  beforeAll(async () => {
    ctx = await demoApp(engine);
    const values = (
      await call('/api/indicators/sgb2_quote/values?level=sozialraum&date=2024-12-31', ctx.planner)
    ).json<IndicatorValues>();
    const area = values.values[0]!.id;
    const m = (
      await send('/api/measures', {
        title: 'Quartiersbüro am Markt',
        organisation: 'Caritas',
        funding: 'Sozialer Zusammenhalt',
        budgetPlanned: 120_000,
        startDate: '2021-01-01',
        output: 'Sprechstunden an vier Tagen',
        areas: [{ level: 'sozialraum', key: area }],
      })
    ).json<Measure>();
    await send(`/api/measures/${m.id}/goals`, {
      indicator: 'sgb2_quote',
      level: 'sozialraum',
      area,
      baselineDate: '2020-12-31',
      targetValue: 1,
      targetDate: '2030-12-31',
    });
    await send(`/api/measures/${m.id}/status`, { status: 'vorschlag' });
    measure = (
      await send(`/api/measures/${m.id}/status`, {
        status: 'beschlossen',
        decision: { body: 'Sozialausschuss', meeting: 'TOP 3', date: '2021-02-01' },
      })
    ).json<Measure>();
  }, 300_000);
  afterAll(() => ctx?.close());

  it('writes the Beschlussvorlage of a measure from its data, for planners only', async () => {
    for (const cookie of [undefined, ctx.viewer])
      expect(
        (await call(`/api/measures/${measure.id}/document?format=html`, cookie)).statusCode,
      ).toBeGreaterThanOrEqual(401);
    const res = await call(`/api/measures/${measure.id}/document?format=html`, ctx.planner);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const html = res.body;
    expect(html).toContain('Beschlussvorlage: Quartiersbüro am Markt');
    expect(html).toContain('Der Ausschuss beschließt die Maßnahme „Quartiersbüro am Markt“.');
    expect(html).toContain('120.000 €');
    expect(html).toContain('Sozialausschuss');
    expect(html).toContain('Ziele von „Quartiersbüro am Markt“');
    expect(html).toMatch(/ähnlichen Gebieten/);
    expect(html).toContain('Verlauf');

    const docx = await call(`/api/measures/${measure.id}/document?format=docx`, ctx.planner);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-disposition']).toContain('.docx');
    const files = unzipSync(new Uint8Array(docx.rawPayload));
    expect(strFromU8(files['word/document.xml']!)).toContain('Quartiersbüro am Markt');
  }, 300_000);

  it('puts the decided measure and its effect into a city report, and refuses a measure template there', async () => {
    const template = ReportTemplate.parse({
      key: 'massnahmen_test',
      name: 'Maßnahmen',
      scope: 'city',
      title: 'Maßnahmen und Wirkung',
      chapters: [
        {
          title: 'Maßnahmen und Wirkung',
          blocks: [
            { type: 'measures', view: 'overview' },
            { type: 'measures', view: 'effect' },
          ],
        },
      ],
    });
    // the public sees the decided measure too: it is the accountability view
    for (const user of [PLANNER, null]) {
      const model = await assembleReport(ctx.db, user, template, { level: 'stadtbezirk' });
      const blocks = model.sections[0]!.blocks;
      const table = blocks.find((b) => b.kind === 'table');
      expect(table && table.kind === 'table' && table.rows.map((r) => [r[0], r[2], r[5]])).toEqual([
        ['Quartiersbüro am Markt', 'beschlossen', '120.000 €'],
      ]);
      const effect = blocks
        .filter((b) => b.kind === 'paragraph')
        .map((b) => (b.kind === 'paragraph' ? b.text : ''));
      expect(
        effect.some(
          (t) => t.startsWith('Quartiersbüro am Markt – SGB-II-Quote') && /ähnlichen Gebieten/.test(t),
        ),
      ).toBe(true);
    }
    await expect(assembleReport(ctx.db, PLANNER, MASSNAHME, { level: 'stadtbezirk' })).rejects.toMatchObject({
      code: 'reports.measure_template',
    });
  }, 300_000);
});
