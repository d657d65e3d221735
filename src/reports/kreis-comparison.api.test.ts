/**
 * „Kreis im Vergleich“ on a small Kreis built through the imports (src/test/kreis-fixture.ts), on every
 * engine: the public section shows exactly the Gemeinde and Kreis values the values route gives
 * anonymously, ranked, with the Kreis row among them and the sentence on highest and lowest; the
 * planner's draft is internal; a Wohnplatz under the minimum population stays hidden from the
 * public; the atlas values and the Bedarfsplan ranking work on the Gemeinde level; the HTML of
 * the section matches its golden file; in a city the chapter is left out.
 */
import { describe, expect, it } from 'vitest';
import type { User } from '../auth/auth.schema.ts';
import { formatNumber } from '../core/format.ts';
import type { IndicatorValues } from '../indicators/indicator.schema.ts';
import type { Ranking } from '../planning/ranking.schema.ts';
import { engines } from '../test/databases.ts';
import { useKreisFixtureApp } from '../test/kreis-fixture-app.ts';
import { expectGolden, goldenFile } from '../test/golden.ts';
import { assembleAreaReport } from './assemble-area.ts';
import { assembleCityReport } from './assemble-city.ts';
import { GEMEINDEN, KREIS, KREIS_DATES, SMALL_WOHNPLATZ } from '../test/kreis-fixture.ts';
import { ONLY_KREIS } from './kreis-comparison.ts';
import { renderHtml } from './render-html.ts';
import type { ReportBlock, ReportModel, ReportTable } from './report-model.ts';
import { ReportTemplate } from './report.schema.ts';
import { SOZIALBERICHT, STECKBRIEF } from './templates.ts';

const PLANNER: User = { id: 0, username: 'p', displayName: 'P', role: 'planner' };
const DATE = KREIS_DATES.at(-1)!;

/** A city template of the one section, for the golden file and the renderers. */
const KREIS_ONLY = ReportTemplate.parse({
  key: 'kreis_vergleich',
  name: 'Kreis im Vergleich',
  scope: 'city',
  title: 'Kreis im Vergleich: {city.name}',
  chapters: [
    {
      title: 'Kreis im Vergleich',
      blocks: [{ type: 'kreis_comparison', indicators: ['sgb2_quote', 'anteil_65plus', 'einwohner'] }],
    },
  ],
});

const tables = (blocks: readonly ReportBlock[]) => blocks.filter((b): b is ReportTable => b.kind === 'table');
const section = (m: ReportModel) => m.sections.find((s) => s.title === 'Kreis im Vergleich');

describe.each(engines)('Kreis im Vergleich on $name', (engine) => {
  const kreis = useKreisFixtureApp(engine);
  const values = async (key: string, level: string) => {
    const res = await kreis.app.inject({ url: `/api/indicators/${key}/values?level=${level}&date=${DATE}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<IndicatorValues>();
  };

  it('public Sozialbericht: the Gemeinden and the Kreis as the values route gives them anonymously', async () => {
    const model = await assembleCityReport(kreis.db, null, SOZIALBERICHT, { level: 'gemeinde' });
    expect(model.internal).toBe(false);
    const s = section(model)!;
    expect(s.id).toBe('kapitel-2');
    const sgb2 = tables(s.blocks).find((t) => t.title.startsWith('SGB-II-Quote'))!;
    expect(sgb2.columns).toEqual(['Rang', 'Gemeinde', 'Wert (%)', 'Abstand zum Kreis (Pp.)']);
    const published = await values('sgb2_quote', 'gemeinde');
    expect(published.values).toHaveLength(GEMEINDEN.length);
    const byName = new Map(sgb2.rows.map((r) => [r[1], r]));
    for (const v of published.values) {
      expect(v.status).toBe('value');
      expect(byName.get(v.name)?.[2]).toBe(formatNumber(v.value!, 1));
    }
    const kreisRow = sgb2.rows[sgb2.highlight!]!;
    expect(kreisRow[1]).toBe(KREIS.name);
    expect(kreisRow[2]).toBe(formatNumber(published.city.value!, 1));
    // sorted by value, the Kreis at its place, ranks 1…3 and differences in percentage points
    const numbers = sgb2.rows.map((r) => Number(r[2]!.replace(',', '.')));
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
    expect(sgb2.rows.filter((r) => r !== kreisRow).map((r) => r[0])).toEqual(['1', '2', '3']);
    const top = sgb2.rows[0]!;
    const diff = Number(top[2]!.replace(',', '.')) - Number(kreisRow[2]!.replace(',', '.'));
    expect(top[3]).toBe(`+${formatNumber(diff, 1)}`);
    const sentence = s.blocks[s.blocks.indexOf(sgb2) - 1];
    expect(sentence).toEqual({
      kind: 'paragraph',
      text: expect.stringMatching(
        /^Am höchsten ist die SGB-II-Quote in der Gemeinde Cestadt mit \d+,\d\s%, am niedrigsten in der Gemeinde Adorf mit \d+,\d\s% \(Landkreis Musterland: \d+,\d\s%\)\.$/,
      ) as unknown,
    });
  }, 120_000);

  it('planner draft: internal, from unprotected values', async () => {
    const model = await assembleCityReport(kreis.db, PLANNER, KREIS_ONLY, {});
    expect(model.internal).toBe(true);
    expect(section(model)!.blocks[0]).toMatchObject({
      text: expect.stringContaining('Interner Entwurf') as unknown,
    });
    // counts are compared without a difference to the Kreis total
    const count = tables(section(model)!.blocks).find((t) => t.title.startsWith('Einwohner'))!;
    expect(count.columns).toEqual(['Rang', 'Gemeinde', 'Wert (Personen)']);
  }, 60_000);

  it('a Wohnplatz under the minimum population stays hidden from the public, in values and report', async () => {
    const pub = await values('sgb2_quote', 'wohnplatz');
    expect(pub.values.find((v) => v.id === SMALL_WOHNPLATZ)).toMatchObject({ value: null, status: 'secret' });
    const model = await assembleCityReport(kreis.db, null, SOZIALBERICHT, { level: 'wohnplatz' });
    const steckbrief = model.sections.find((s) => s.id === `gebiet-${SMALL_WOHNPLATZ}`)!;
    const row = tables(steckbrief.blocks)
      .flatMap((t) => t.rows)
      .find((r) => r[0]!.startsWith('SGB-II-Quote'))!;
    expect(row[1]).toBe('·');
    // the comparison of the Gemeinden is the same whatever level the report maps
    const gemeinden = await assembleCityReport(kreis.db, null, SOZIALBERICHT, { level: 'gemeinde' });
    expect(section(model)!.blocks).toEqual(section(gemeinden)!.blocks);
  }, 120_000);

  it('the atlas values and the Bedarfsplan ranking work on the Gemeinde level', async () => {
    const atlas = await values('anteil_65plus', 'gemeinde');
    expect(atlas.values.map((v) => v.name).sort()).toEqual(GEMEINDEN.map((g) => g.name).sort());
    const res = await kreis.app.inject({
      url: `/api/planning/ranking?norm=kita_gesamt&level=gemeinde&date=${DATE}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    const ranking = res.json<Ranking>();
    expect(ranking.level).toBe('gemeinde');
    expect(ranking.rows.map((r) => r.area).sort()).toEqual(GEMEINDEN.map((g) => g.key).sort());
  });

  it('Steckbriefe say Gemeinde and Kreis: a Gemeinde beside the Kreis with its rank, a Wohnplatz beside both', async () => {
    const gemeinde = await assembleAreaReport(kreis.db, null, STECKBRIEF, {
      level: 'gemeinde',
      area: '09190122',
    });
    const gTable = tables(gemeinde.sections.flatMap((s) => s.blocks)).find(
      (t) => t.columns[0] === 'Indikator',
    )!;
    expect(gTable.columns.slice(0, 4)).toEqual(['Indikator', 'Gemeinde Bedorf', 'Kreis', 'Rang']);
    expect(gTable.rows.find((r) => r[0]!.startsWith('SGB-II-Quote'))![3]).toBe('2/3');
    const wohnplatz = await assembleAreaReport(kreis.db, null, STECKBRIEF, {
      level: 'wohnplatz',
      area: '09190122001',
    });
    const blocks = wohnplatz.sections.flatMap((s) => s.blocks);
    const wTable = tables(blocks).find((t) => t.columns[0] === 'Indikator')!;
    expect(wTable.columns.slice(0, 4)).toEqual(['Indikator', 'Wohnplatz Bedorf', 'Gemeinde Bedorf', 'Kreis']);
    // the profile's sentences compare with the Kreis, never with a city
    const said = blocks.flatMap((x) => (x.kind === 'paragraph' ? [x.text] : [])).join(' ');
    expect(said).toContain('des Kreises');
    expect(said).not.toMatch(/\bStadt\b|städtisch/);
    const bericht = await assembleCityReport(kreis.db, null, SOZIALBERICHT, { level: 'gemeinde' });
    expect(tables(bericht.sections.flatMap((s) => s.blocks)).map((t) => t.title)).toContain(
      'Demografie: Kennzahlen des Kreises',
    );
  }, 60_000);

  it('HTML of the public section matches its golden file', async () => {
    const html = renderHtml(await assembleCityReport(kreis.db, null, KREIS_ONLY, {}));
    expectGolden(goldenFile(import.meta.url, 'kreis-im-vergleich-public.golden.html'), html);
  });

  it('in a city the chapter is left out; beside other blocks the block says it needs a Kreis', async () => {
    await kreis.db.query(`UPDATE territory SET kind = 'stadt'`);
    try {
      const model = await assembleCityReport(kreis.db, null, SOZIALBERICHT, { level: 'gemeinde' });
      expect(section(model)).toBeUndefined();
      expect(model.sections.filter((s) => s.level === 1).map((s) => s.id)).toEqual(
        model.sections.filter((s) => s.level === 1).map((_, k) => `kapitel-${k + 1}`),
      );
      const mixed = ReportTemplate.parse({
        ...KREIS_ONLY,
        chapters: [
          { title: 'Vergleich', blocks: [{ type: 'text', text: 'Vorwort' }, { type: 'kreis_comparison' }] },
        ],
      });
      const note = (await assembleCityReport(kreis.db, null, mixed, {})).sections[0]!.blocks[1];
      expect(note).toEqual({ kind: 'note', text: ONLY_KREIS });
    } finally {
      await kreis.db.query(`UPDATE territory SET kind = 'kreis'`);
    }
  });
});
