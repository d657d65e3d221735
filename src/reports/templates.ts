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
            '{indicator:sgb2_quote.value} ({city.level}: {indicator:sgb2_quote.city}), die Kinderarmut bei ' +
            '{indicator:kinderarmut.value} ({city.level}: {indicator:kinderarmut.city}).',
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
    { type: 'indicator_table' as const, themes, title: `${title}: Kennzahlen {city.genitive}` },
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
    // only in a Kreis: in a city the block does not apply and the chapter is left out
    {
      title: 'Kreis im Vergleich',
      blocks: [
        {
          type: 'kreis_comparison',
          themes: ['Demografie', 'Soziale Lage', 'Arbeit', 'Kinder und Familie', 'Alter und Pflege'],
        },
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
      title: 'Beteiligung',
      blocks: [
        {
          type: 'text',
          text:
            'Befragungen und Hinweise von Bürgerinnen und Bürgern ergänzen die amtlichen Daten. Ergebnisse einer ' +
            'Befragung werden je Gebiet nur ausgewiesen, wenn genug Antworten vorliegen.',
        },
        { type: 'participation' },
      ],
    },
    {
      title: 'Maßnahmen und Wirkung',
      blocks: [
        {
          type: 'text',
          text:
            'Die beschlossenen Maßnahmen mit ihrem Stand, dem Fortschritt auf dem Weg zu ihren Zielen und den ' +
            'eingesetzten Mitteln; danach, wo Daten vorliegen, der Vergleich der Maßnahmegebiete mit ähnlichen Gebieten.',
        },
        { type: 'measures', view: 'overview' },
        { type: 'measures', view: 'effect' },
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
            'Die SGB-II-Quote {city.genitive} liegt bei {indicator:sgb2_quote.city} ' +
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

/**
 * The Beschlussvorlage for one measure (scope `measure`): the proposed decision generated from the
 * measure's data, the measure's Steckbrief with its impact ladder, goals with baseline and target,
 * financing and — once it works — the comparison with similar areas. Gaps for the office's own
 * justification are marked „[…]“.
 */
export const MASSNAHME = define({
  key: 'massnahme',
  name: 'Beschlussvorlage zu einer Maßnahme',
  description:
    'Vorlage für ein Gremium zu einer Maßnahme: Beschlussvorschlag, Sachverhalt mit Gebieten und Wirkungskette, ' +
    'Ziele mit Ausgangs- und Zielwert, Finanzierung und – sobald Daten vorliegen – die Wirkung.',
  scope: 'measure',
  title: 'Beschlussvorlage: {measure.title}',
  chapters: [
    { title: 'Beschlussvorschlag', blocks: [{ type: 'measures', view: 'proposal' }] },
    {
      title: 'Sachverhalt',
      blocks: [
        {
          type: 'text',
          text: 'Das Sozialmonitoring {city.name} zeigt in {measure.areas} Handlungsbedarf. [Begründung der Verwaltung …]',
        },
        { type: 'measures', view: 'overview' },
      ],
    },
    { title: 'Ziele und Zielindikatoren', blocks: [{ type: 'measures', view: 'goals' }] },
    { title: 'Finanzierung', blocks: [{ type: 'measures', view: 'budget' }] },
    { title: 'Wirkung', blocks: [{ type: 'measures', view: 'effect' }] },
    { title: 'Verlauf', blocks: [{ type: 'measures', view: 'history' }, { type: 'source' }] },
  ],
});

/**
 * The statement of the social planning office on a land-use plan (Stellungnahme zur
 * Bauleitplanung, § 4 BauGB): the plan, its expected residents, the additional need for social
 * infrastructure against the coverage of the affected areas, and every assumption with its source.
 * Gaps for the office's own assessment are marked „[…]“.
 */
export const STELLUNGNAHME = define({
  key: 'stellungnahme',
  name: 'Stellungnahme zur Bauleitplanung',
  description:
    'Stellungnahme der Sozialplanung zu einem Bebauungsplan: erwartete Einwohner, zusätzlicher Bedarf an ' +
    'Kita, Grundschule, Spielfläche und Pflege, Versorgung der betroffenen Gebiete, Annahmen und Quellen.',
  scope: 'statement',
  title: 'Stellungnahme der Sozialplanung zum Bebauungsplan {statement.plan}',
  chapters: [
    {
      title: 'Anlass und Gegenstand',
      blocks: [
        {
          type: 'text',
          text:
            'Die Sozialplanung {city.name} nimmt im Rahmen der Beteiligung der Behörden und sonstigen Träger ' +
            'öffentlicher Belange (§ 4 BauGB) zum Bebauungsplan {statement.plan} wie folgt Stellung. Der Plan ' +
            'sieht {statement.dwellings} Wohneinheiten vor; der Erstbezug wird ab {statement.firstYear} erwartet. ' +
            'Das Plangebiet liegt {statement.areas}.',
        },
        { type: 'statement', part: 'plan' },
        { type: 'statement', part: 'map' },
      ],
    },
    {
      title: 'Zu erwartende Einwohnerinnen und Einwohner',
      blocks: [
        {
          type: 'text',
          text:
            'Aus Zahl und Art der Wohnungen ergeben sich nach den Belegungsannahmen (Abschnitt „Annahmen und ' +
            'Quellen“) bis zu {statement.residents} Einwohnerinnen und Einwohner. Neubauquartiere werden zunächst ' +
            'überwiegend von jungen Familien bezogen; die Zahl der Kinder im Kita-Alter ist in den ersten Jahren ' +
            'am höchsten, die der Grundschulkinder einige Jahre später.',
        },
        { type: 'statement', part: 'residents' },
      ],
    },
    {
      title: 'Zusätzlicher Bedarf an sozialer Infrastruktur',
      blocks: [{ type: 'statement', part: 'need' }],
    },
    {
      title: 'Versorgung in den betroffenen Gebieten',
      blocks: [{ type: 'statement', part: 'coverage' }],
    },
    {
      title: 'Bewertung und Empfehlung',
      blocks: [
        { type: 'statement', part: 'assessment' },
        {
          type: 'text',
          text:
            'Die Sozialplanung empfiehlt, [die erforderlichen Kita-Plätze im Plangebiet oder in seiner Nähe ' +
            'vertraglich zu sichern (städtebaulicher Vertrag nach § 11 BauGB)]. [Weitere Bewertung des Fachamts.]',
        },
      ],
    },
    {
      title: 'Annahmen und Quellen',
      blocks: [{ type: 'statement', part: 'assumptions' }, { type: 'source' }],
    },
  ],
});

/**
 * Bedarfsplan Kindertagesbetreuung (SGB VIII § 80): the Kita coverage of the level, the areas
 * ranked by need (coverage gap, status class of the Sozialindex, distance to the nearest Kita),
 * the assumptions, and a marked gap for the office's recommendation.
 */
export const BEDARFSPLAN_KITA = define({
  key: 'bedarfsplan_kita',
  name: 'Bedarfsplan Kindertagesbetreuung',
  description:
    'Versorgung mit Kita-Plätzen nach Gebieten, Rangfolge der Gebiete nach Bedarf (Versorgungslücke, ' +
    'Sozialindex, Entfernung zur nächsten Kita) mit Karte und Begründung, Annahmen und Quellen.',
  scope: 'city',
  title: 'Bedarfsplan Kindertagesbetreuung {city.name}',
  chapters: [
    {
      title: 'Ausgangslage',
      blocks: [
        {
          type: 'text',
          text:
            'Der Bedarfsplan vergleicht zum Stichtag {date} für {areas.count} {level.name} die Plätze der ' +
            'Kindertageseinrichtungen mit dem Bedarf nach dem Richtwert der Stadt (Abschnitt „Annahmen und Quellen“).',
        },
        { type: 'needs_ranking', part: 'coverage', norm: 'kita_gesamt', index: 'berlin_mss' },
      ],
    },
    {
      title: 'Rangfolge der Gebiete nach Bedarf',
      blocks: [{ type: 'needs_ranking', norm: 'kita_gesamt', index: 'berlin_mss', top: 10 }],
    },
    {
      title: 'Annahmen und Quellen',
      blocks: [
        { type: 'needs_ranking', part: 'assumptions', norm: 'kita_gesamt', index: 'berlin_mss' },
        { type: 'source' },
      ],
    },
    {
      title: 'Handlungsempfehlung',
      blocks: [
        {
          type: 'text',
          text:
            'Die Verwaltung empfiehlt, [in den Gebieten mit dem größten Bedarf bis [Jahr] zusätzliche ' +
            'Kita-Plätze zu schaffen]. [Bewertung des Jugendamts: Ausbauvorhaben, Träger, Flächen, Kosten.]',
        },
      ],
    },
  ],
});

/**
 * Bedarfsplan Nachbarschaftszentren after Braunschweig's rule: areas of status class 3–4 without
 * a centre within 1,000 m first — the coverage gap does not count (weight 0). Needs a norm
 * `nachbarschaftszentrum` for the facility type of the same key; without one the chapters say so.
 */
export const BEDARFSPLAN_NBZ = define({
  key: 'bedarfsplan_nbz',
  name: 'Bedarfsplan Nachbarschaftszentren',
  description:
    'Gebiete mit niedrigem sozialem Status ohne Nachbarschaftszentrum in 1.000 m zuerst: Rangfolge mit ' +
    'Karte und Begründung, Annahmen und Quellen.',
  scope: 'city',
  title: 'Bedarfsplan Nachbarschaftszentren {city.name}',
  chapters: [
    {
      title: 'Ausgangslage',
      blocks: [
        {
          type: 'text',
          text:
            'Nachbarschaftszentren werden vorrangig dort gebraucht, wo der soziale Status niedrig ist und ' +
            'kein Zentrum in der Nähe liegt. Der Bedarfsplan ordnet dafür zum Stichtag {date} die ' +
            '{areas.count} {level.name} nach dem Sozialindex {index.name} und der Entfernung zum nächsten ' +
            'Nachbarschaftszentrum.',
        },
      ],
    },
    {
      title: 'Rangfolge der Gebiete nach Bedarf',
      blocks: [
        {
          type: 'needs_ranking',
          norm: 'nachbarschaftszentrum',
          index: 'berlin_mss',
          radius: 1000,
          weights: { gap: 0 },
          top: 10,
        },
      ],
    },
    {
      title: 'Annahmen und Quellen',
      blocks: [
        {
          type: 'needs_ranking',
          part: 'assumptions',
          norm: 'nachbarschaftszentrum',
          index: 'berlin_mss',
          radius: 1000,
          weights: { gap: 0 },
        },
        { type: 'source' },
      ],
    },
    {
      title: 'Handlungsempfehlung',
      blocks: [
        {
          type: 'text',
          text:
            'Die Verwaltung empfiehlt, [für die ersten Gebiete der Rangfolge Standorte für ein ' +
            'Nachbarschaftszentrum zu prüfen]. [Bewertung des Fachamts: vorhandene Räume, Träger, Kosten.]',
        },
      ],
    },
  ],
});

/**
 * The Altenhilfeplan chapter a planner adds to a Sozialbericht (template editor: block
 * „Pflegebedarfsplan“, part „Altenhilfeplan“): older residents, persons in need of care and places
 * to 2040. Not part of the built-in Sozialbericht, which is published: the plan's numbers come from
 * unprotected counts by age, so a public Sozialbericht would carry a chapter with a note only.
 */
export const ALTENHILFEPLAN_CHAPTER = {
  title: 'Altenhilfeplan',
  blocks: [
    {
      type: 'text' as const,
      text:
        'Der Altenhilfeplan zeigt, wie viele ältere und pflegebedürftige Menschen in {city.name} bis 2040 ' +
        'zu erwarten sind und wie viele Plätze in Pflegeheimen und Tagespflege dafür gebraucht werden. ' +
        'Der ausführliche Pflegebedarfsplan ist ein eigener Bericht.',
    },
    { type: 'care_plan' as const, view: 'summary' as const },
  ],
};

/**
 * Pflegebedarfsplan (SGB XI § 9, Landespflegegesetze): the older population, persons in need of care
 * by setting, places in Pflegeheimen and Tagespflege in operation and needed, the areas by missing
 * places, a scenario of rising care rates, and recommendations the office writes. Projected from the
 * report's Stichtag to 2040; an internal report (planners), since the projection reads unprotected
 * counts by age.
 */
export const PFLEGEBEDARFSPLAN = define({
  key: 'pflegebedarfsplan',
  name: 'Pflegebedarfsplan',
  description:
    'Ältere Bevölkerung und Pflegebedürftige bis 2040 nach Versorgungsart, Plätze in Pflegeheimen und ' +
    'Tagespflege in Betrieb und benötigt, Lücke nach Gebieten mit Karte, Szenario steigender Pflegequoten. ' +
    'Nur als interner Entwurf.',
  scope: 'city',
  title: 'Pflegebedarfsplan {city.name}',
  toc: true,
  chapters: [
    {
      title: 'Demografie der Älteren',
      blocks: [
        {
          type: 'text',
          text:
            'Der Pflegebedarfsplan schreibt die Einwohnerzahlen der {areas.count} {level.name} vom Stichtag ' +
            '{date} nach Alter fort und leitet daraus den Pflegebedarf bis 2040 ab.',
        },
        { type: 'care_plan', view: 'demography' },
      ],
    },
    {
      title: 'Pflegebedürftige heute und 2030/2035/2040',
      blocks: [{ type: 'care_plan', view: 'need' }],
    },
    { title: 'Bestand', blocks: [{ type: 'care_plan', view: 'capacity' }] },
    {
      title: 'Bedarf',
      blocks: [
        { type: 'care_plan', view: 'required' },
        { type: 'care_plan', view: 'assumptions' },
      ],
    },
    { title: 'Lücke nach Sozialraum', blocks: [{ type: 'care_plan', view: 'gap', top: 15 }] },
    { title: 'Szenarien', blocks: [{ type: 'care_plan', view: 'scenarios', trend: 1.01 }] },
    {
      title: 'Handlungsempfehlungen',
      blocks: [
        {
          type: 'text',
          text:
            'Die Verwaltung empfiehlt, [in den Gebieten mit der größten Lücke bis [Jahr] zusätzliche Plätze ' +
            'in Pflegeheimen und Tagespflege zu schaffen] und [Angebote, die Pflege zu Hause stützen – ' +
            'Beratung, Entlastung pflegender Angehöriger, ambulante Dienste –, auszubauen]. [Bewertung der ' +
            'Pflegeplanung: Vorhaben der Träger, Flächen, Fachkräfte, Kosten.]',
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
  stellungnahme: STELLUNGNAHME,
  massnahme: MASSNAHME,
  bedarfsplan_kita: BEDARFSPLAN_KITA,
  bedarfsplan_nbz: BEDARFSPLAN_NBZ,
  pflegebedarfsplan: PFLEGEBEDARFSPLAN,
} satisfies Record<BuiltinTemplateKey, ReportTemplate>;
