/**
 * The Prognose table of a Steckbrief report: its caption says that it is a projection (method,
 * base, rounded and uncertain, small areas only within their district), a hidden area reads „nur
 * im Bezirk ausgewiesen“, only the indicators of the table it follows are in it — and HTML and
 * Word lay it out.
 */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { ProfileIndicator, ProfileProjection, Steckbrief } from '../profile/profile.schema.ts';
import { projectionTable } from './projection-blocks.ts';
import { renderDocx } from './render-docx.ts';
import { renderHtml } from './render-html.ts';
import type { ReportModel } from './report-model.ts';

const est = (value: number) => ({ value, status: 'estimated' as const });
const SECRET = { value: null, status: 'secret' as const };

const projection: ProfileProjection = {
  id: 3,
  name: 'Prognose 2024–2032',
  level: 'sozialraum',
  base: '2024-12-31',
  method: 'hamilton-perry',
  variant: 'main',
  minPopulation: 1000,
  rounded: true,
  dates: ['2024-12-31', '2029-12-31', '2032-12-31'],
  indicators: [
    {
      key: 'einwohner',
      name: 'Einwohnerinnen und Einwohner',
      unit: '',
      decimals: 0,
      formula: 'count',
      values: [
        {
          date: '2024-12-31',
          projected: false,
          value: SECRET,
          district: { value: 40210, status: 'value' },
          city: { value: 250123, status: 'value' },
        },
        { date: '2029-12-31', projected: true, value: SECRET, district: est(40800), city: est(251000) },
        { date: '2032-12-31', projected: true, value: SECRET, district: est(41020), city: est(252340) },
      ],
    },
    {
      key: 'kinder_u3',
      name: 'Kinder unter 3 Jahren',
      unit: '',
      decimals: 0,
      formula: 'count',
      values: [],
    },
  ],
};

const profile = (p: ProfileProjection | null) =>
  ({
    area: {
      id: '101',
      name: 'Altstadt',
      level: 'sozialraum',
      levelName: 'Sozialraum',
      parent: '1',
      parentName: 'Mitte',
      parentLevelName: 'Stadtbezirk',
      areaKm2: 1,
    },
    date: '2024-12-31',
    projection: p,
  }) as Steckbrief;
const rows = (...keys: string[]) => keys.map((key) => ({ key }) as ProfileIndicator);

const model = (p: Steckbrief): ReportModel => ({
  title: 'Steckbrief Altstadt',
  subtitle: 'Sozialraum 101 · Stichtag 31.12.2024',
  date: '2024-12-31',
  internal: false,
  dataVersion: '1',
  toc: false,
  target: { template: 'steckbrief', level: 'sozialraum', area: '101', date: '2024-12-31' },
  sections: [
    {
      id: 'kapitel-1',
      title: 'Indikatoren',
      level: 1,
      pageBreak: false,
      blocks: projectionTable(p, rows('einwohner')),
    },
  ],
});

describe('projectionTable', () => {
  it('says in its caption that it is a projection, how it was made and which areas are hidden', () => {
    const [table] = projectionTable(profile(projection), rows('einwohner', 'sgb2_quote'));
    expect(table!.title).toBe(
      'Prognose für Altstadt – Hamilton-Perry-Verfahren, Hauptvariante, Basis 31.12.2024 – gerundet, ' +
        'unsicher. Gebiete unter 1.000 Einwohnern sind nur im Stadtbezirk ausgewiesen.',
    );
    expect(table!.columns).toEqual([
      'Indikator',
      'Gebiet',
      '31.12.2024 (Bestand)',
      '2029 (Prognose)',
      '2032 (Prognose)',
    ]);
    expect(table!.rows).toEqual([
      [
        'Einwohnerinnen und Einwohner',
        'Sozialraum Altstadt',
        // an observed value below the disclosure threshold is secret as everywhere, not „im Bezirk“
        '·',
        'nur im Bezirk ausgewiesen',
        'nur im Bezirk ausgewiesen',
      ],
      ['Einwohnerinnen und Einwohner', 'Stadtbezirk Mitte', '40.210', '40.800', '41.020'],
      ['Einwohnerinnen und Einwohner', 'Stadt', '250.123', '251.000', '252.340'],
    ]);
    expect(table!.numeric).toEqual([false, false, true, true, true]);
    expect(table!.source).toBe(
      'Quelle: Lagebild, Bevölkerungsvorausberechnung „Prognose 2024–2032“; Basis 31.12.2024',
    );
  });

  it('is left out without a Prognose or when the table before it has no projected indicator', () => {
    expect(projectionTable(profile(null), rows('einwohner'))).toEqual([]);
    expect(projectionTable(profile(projection), rows('sgb2_quote'))).toEqual([]);
  });

  it('tells planners the values are unrounded, without the rule for small areas', () => {
    const [table] = projectionTable(profile({ ...projection, rounded: false }), rows('einwohner'));
    expect(table!.title).toBe(
      'Prognose für Altstadt – Hamilton-Perry-Verfahren, Hauptvariante, Basis 31.12.2024 – ungerundet (intern), unsicher',
    );
  });

  it('is laid out in HTML with its caption, and in Word', async () => {
    const m = model(profile(projection));
    const html = renderHtml(m);
    expect(html).toContain('<figcaption>Prognose für Altstadt – Hamilton-Perry-Verfahren');
    expect(html).toContain('<th class="num">2032 (Prognose)</th>');
    expect(html).toContain('<td class="num">nur im Bezirk ausgewiesen</td>');
    const files = unzipSync(await renderDocx(m));
    const doc = strFromU8(files['word/document.xml']!);
    expect(doc).toContain('Prognose für Altstadt');
    expect(doc).toContain('nur im Bezirk ausgewiesen');
    expect(doc).toContain('2032 (Prognose)');
  });
});
