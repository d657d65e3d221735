/**
 * The built-in report templates. They use themes rather than fixed indicator keys where
 * they can, so the same Sozialbericht runs on the demo city and on a city with another catalogue
 * (the Berlin benchmark); chapters whose theme a city lacks say so instead of failing.
 */
import type { BuiltinTemplateKey } from './builtin-keys.ts';
import { ReportTemplate, type ReportTemplateInput } from './report.schema.ts';

const define = (t: ReportTemplateInput): ReportTemplate => ReportTemplate.parse(t);

/** The Steckbrief for one area: key figures, map, trends, ranking, index, warnings. */
export const STECKBRIEF = define({
  key: 'steckbrief',
  name: 'Steckbrief',
  description: 'Ein Gebiet auf einen Blick: Kennzahlen im Vergleich, Karte, Entwicklung, Sozialindex.',
  scope: 'area',
  title: 'Steckbrief {area.name}',
  chapters: [
    {
      title: 'Auf einen Blick',
      blocks: [
        {
          type: 'text',
          text:
            '{area.name} ({area.level}, {area.parent}) zum Stichtag {date}: Die SGB-II-Quote liegt bei ' +
            '{indicator:sgb2_quote.value} (Stadt: {indicator:sgb2_quote.city}), die Kinderarmut bei ' +
            '{indicator:kinderarmut.value} (Stadt: {indicator:kinderarmut.city}).',
        },
        { type: 'summary' },
        { type: 'map', indicator: 'sgb2_quote' },
      ],
    },
    {
      title: 'Indikatoren im Vergleich',
      blocks: [{ type: 'indicator_table' }],
    },
    {
      title: 'Entwicklung',
      blocks: [
        { type: 'chart', indicator: 'sgb2_quote' },
        { type: 'chart', indicator: 'kinderarmut' },
        { type: 'ranking', indicator: 'sgb2_quote', around: 3 },
      ],
    },
    {
      title: 'Sozialmonitoring',
      blocks: [{ type: 'matrix' }, { type: 'warnings' }, { type: 'source' }],
    },
  ],
});

/**
 * The two-page Steckbrief of the Sozialbericht appendix: page 1 text and every indicator against
 * district and city, page 2 map, trend, index classes and warnings. Theme-based, so it fits any
 * catalogue.
 */
export const STECKBRIEF_KURZ = define({
  key: 'steckbrief_kurz',
  name: 'Steckbrief (zwei Seiten)',
  description: 'Zweiseitiger Steckbrief je Gebiet, für den Anhang des Sozialberichts.',
  scope: 'area',
  title: 'Steckbrief {area.name}',
  pages: 2,
  chapters: [
    {
      title: '{area.name}',
      blocks: [
        { type: 'summary' },
        { type: 'indicator_table', title: 'Kennzahlen im Vergleich' },
        { type: 'pagebreak' },
        { type: 'map', theme: 'Soziale Lage' },
        { type: 'chart', theme: 'Soziale Lage' },
        { type: 'matrix' },
        { type: 'warnings' },
      ],
    },
  ],
});

const themeChapter = (title: string, themes: string[], intro: string) => ({
  title,
  blocks: [
    { type: 'text' as const, text: intro },
    { type: 'indicator_table' as const, themes, title: `${title}: Kennzahlen der Stadt` },
    ...themes.slice(0, 1).flatMap((theme) => [
      { type: 'map' as const, theme },
      { type: 'chart' as const, theme },
      { type: 'ranking' as const, theme, limit: 5 },
    ]),
  ],
});

/**
 * The Sozialbericht: the city's situation by theme, the Sozialmonitoring, then one two-page
 * Steckbrief per area of the finest level.
 */
export const SOZIALBERICHT = define({
  key: 'sozialbericht',
  name: 'Sozialbericht',
  description:
    'Bericht zur sozialen Lage der Stadt mit Kapiteln je Thema, Sozialmonitoring und Steckbriefen aller Gebiete.',
  scope: 'city',
  title: 'Sozialbericht {city.name}',
  toc: true,
  chapterBreaks: true,
  chapters: [
    {
      title: 'Einleitung',
      blocks: [
        {
          type: 'text',
          text:
            'Der Sozialbericht beschreibt die soziale Lage in {city.name} zum Stichtag {date} für ' +
            '{areas.count} {level.name}. Alle Werte werden aus den Bestandszahlen der amtlichen ' +
            'Statistik berechnet; Werte unter der Geheimhaltungsgrenze sind mit · gekennzeichnet.',
        },
        { type: 'summary' },
      ],
    },
    themeChapter(
      'Demografie',
      ['Demografie'],
      'Wie viele Menschen leben wo, und wie alt sind sie? Die Altersstruktur bestimmt den Bedarf an ' +
        'Kitas, Schulen und Angeboten für ältere Menschen.',
    ),
    themeChapter(
      'Soziale Lage und Transferleistungen',
      ['Soziale Lage'],
      'Der Bezug von Leistungen nach dem SGB II ist der wichtigste kleinräumig verfügbare Hinweis auf ' +
        'Armut. Hohe Quoten konzentrieren sich in wenigen Gebieten.',
    ),
    themeChapter(
      'Arbeit',
      ['Arbeit'],
      'Arbeitslosigkeit wird auf die Bevölkerung im erwerbsfähigen Alter bezogen; Langzeitarbeitslosigkeit ' +
        'zeigt sich im Anteil der Arbeitslosen im Rechtskreis SGB II.',
    ),
    themeChapter(
      'Kinder und Jugend',
      ['Kinder und Familie'],
      'Kinder und Jugendliche wachsen in den Gebieten unter sehr unterschiedlichen Bedingungen auf; ' +
        'Kinderarmut und Alleinerziehende sind Schwerpunkte der Planung.',
    ),
    themeChapter(
      'Alter und Pflege',
      ['Alter und Pflege'],
      'Altersarmut und allein lebende ältere Menschen zeigen, wo Angebote der Altenhilfe und Pflege ' +
        'gebraucht werden.',
    ),
    themeChapter(
      'Integration',
      ['Integration'],
      'Der Anteil der Menschen ohne deutsche Staatsangehörigkeit beschreibt, wo Integrationsangebote ' +
        'besonders gefragt sind.',
    ),
    {
      title: 'Sozialmonitoring',
      blocks: [
        {
          type: 'text',
          text:
            'Der Sozialindex ({index.name}) fasst Status und Dynamik der {level.name} in Klassen zusammen. ' +
            'Die Robustheit der Einordnung wurde mit Simulationen über Gewichte, Standardisierung und ' +
            'Aggregation geprüft.',
        },
        { type: 'matrix' },
        { type: 'findings', limit: 5 },
        { type: 'warnings', limit: 30 },
      ],
    },
    {
      title: 'Steckbriefe der Gebiete',
      blocks: [
        {
          type: 'text',
          text: 'Auf den folgenden Seiten ist jedes Gebiet auf zwei Seiten dargestellt.',
        },
        { type: 'area_profiles', template: 'steckbrief_kurz' },
      ],
    },
  ],
});

/**
 * The Beschlussvorlage for a committee: a Word document the office edits further. The Sachverhalt
 * is drawn from the monitoring; amounts and dates are left as marked gaps „[…]“.
 */
export const BESCHLUSSVORLAGE = define({
  key: 'beschlussvorlage',
  name: 'Beschlussvorlage',
  description: 'Vorlage für den Ausschuss: Betreff, Beschlussvorschlag, Sachverhalt aus dem Monitoring.',
  scope: 'city',
  title: 'Beschlussvorlage: Handlungsbedarf nach dem Sozialmonitoring {date}',
  chapters: [
    {
      title: 'Betreff',
      blocks: [
        {
          type: 'text',
          text: 'Sozialmonitoring {city.name} – Ergebnisse zum Stichtag {date} und Gebiete mit besonderem Handlungsbedarf',
        },
      ],
    },
    {
      title: 'Beschlussvorschlag',
      blocks: [
        {
          type: 'list',
          items: [
            'Der Ausschuss nimmt die Ergebnisse des Sozialmonitorings zum Stichtag {date} zur Kenntnis.',
            'Die Verwaltung wird beauftragt, für die Gebiete mit besonderem Handlungsbedarf bis [Datum] ' +
              'Maßnahmen mit Zielen und Zielindikatoren vorzuschlagen.',
            'Über die Wirkung der Maßnahmen wird im nächsten Sozialbericht berichtet.',
          ],
        },
      ],
    },
    {
      title: 'Sachverhalt',
      blocks: [
        {
          type: 'text',
          text:
            'Das Sozialmonitoring beobachtet {areas.count} {level.name} mit dem Sozialindex {index.name}. ' +
            'Die SGB-II-Quote der Stadt liegt bei {indicator:sgb2_quote.city} ' +
            '(Veränderung: {indicator:sgb2_quote.change}).',
        },
        { type: 'findings', limit: 5 },
        { type: 'matrix' },
        { type: 'warnings', limit: 10 },
      ],
    },
    {
      title: 'Finanzielle Auswirkungen',
      blocks: [
        {
          type: 'text',
          text:
            'Der Beschluss selbst hat keine finanziellen Auswirkungen. Kosten einzelner Maßnahmen ' +
            '([Betrag] € im Haushaltsjahr [Jahr], Produkt [Produktnummer]) werden mit den ' +
            'Maßnahmenvorschlägen gesondert vorgelegt.',
        },
      ],
    },
    {
      title: 'Anlagen',
      blocks: [
        {
          type: 'list',
          items: [
            'Anlage 1: Sozialbericht {city.name}, Stichtag {date}',
            'Anlage 2: Steckbriefe der Gebiete mit besonderem Handlungsbedarf',
          ],
        },
        { type: 'source' },
      ],
    },
  ],
});

export const BUILTIN_TEMPLATES: Readonly<Record<string, ReportTemplate>> = {
  sozialbericht: SOZIALBERICHT,
  steckbrief: STECKBRIEF,
  steckbrief_kurz: STECKBRIEF_KURZ,
  beschlussvorlage: BESCHLUSSVORLAGE,
} satisfies Record<BuiltinTemplateKey, ReportTemplate>;
