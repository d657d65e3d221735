/**
 * The Kennblatt document against its golden file. Regenerate on purpose only:
 * `REGEN=1 npx vitest run src/analysis/sheet-html.test.ts`.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE } from '../indicators/catalogue.ts';
import { renderSheetHtml, sheetTitle, type SheetInput } from './sheet-html.ts';
import { expectGolden, goldenFile } from '../test/golden.ts';

const GOLDEN = goldenFile(import.meta.url, 'kennblatt-sgb2_quote.golden.html');
const sgb2 = DEFAULT_CATALOGUE.find((i) => i.key === 'sgb2_quote')!;

const input: SheetInput = {
  indicator: { ...sgb2, target: 9.5 },
  date: '2024-12-31',
  cityName: 'Musterstadt',
  citySeries: [
    { date: '2022-12-31', value: 11.46, status: 'value' },
    { date: '2023-12-31', value: null, status: 'secret' },
    { date: '2024-12-31', value: 11.94, status: 'value' },
  ],
  generatedOn: '2025-01-15',
};

describe('Kennblatt HTML', () => {
  it('matches the golden file', () => {
    expectGolden(GOLDEN, renderSheetHtml(input));
  });

  it('states every fact of the sheet in German', () => {
    const html = renderSheetHtml(input);
    expect(html).toContain('<html lang="de">');
    expect(html).toContain(`<title>${sheetTitle(sgb2)}</title>`);
    expect(html).toContain(
      '<dd data-fact="formula">Anteil (Zähler/Nenner·100)<code class="formula">sgb2 / ew_u65 · 100</code>',
    );
    expect(html).toContain('<dd data-fact="target">9,5\u00a0%</dd>');
    expect(html).toContain('<dd data-fact="date">31.12.2024</dd>');
    expect(html).toContain(
      '<dd data-fact="interpretation">Hohe Werte zeigen einen höheren Handlungsbedarf.</dd>',
    );
    expect(html).toContain('<td class="num">·</td>');
    expect(html).toContain('Erstellt am 15.01.2025');
    // nothing is loaded from elsewhere
    expect(html).not.toMatch(/(src|href)=|@import|url\(/);
  });

  it('escapes text from the catalogue and says what is not stated', () => {
    const html = renderSheetHtml({
      ...input,
      indicator: {
        ...sgb2,
        name: '<script>alert(1)</script>',
        description: 'Erste Zeile\nzweite\n\nZweiter Absatz & mehr',
        source: '  ',
        published: false,
      },
      date: null,
      citySeries: [],
    });
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<p>Erste Zeile<br>zweite</p><p>Zweiter Absatz &amp; mehr</p>');
    expect(html).toContain('<dd data-fact="source"><span class="muted">nicht angegeben</span></dd>');
    expect(html).toContain('<dd data-fact="date">noch keine Daten</dd>');
    expect(html).toContain('nur für den Dienstgebrauch');
    expect(html).not.toContain('Stadtwert je Stichtag');
  });
});
