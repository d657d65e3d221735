/**
 * Plural forms of level names for sentences and captions of reports and the web app: „62
 * Sozialräume“, „SGB-II-Quote nach Sozialräumen“, „12 von 62 Sozialräumen …“. Level names are
 * configurable, so unknown names fall back to „Gebiete (…)“.
 */
const FORMS: Record<string, [nominative: string, dative: string]> = {
  Sozialraum: ['Sozialräume', 'Sozialräumen'],
  Planungsraum: ['Planungsräume', 'Planungsräumen'],
  Prognoseraum: ['Prognoseräume', 'Prognoseräumen'],
  Bezirksregion: ['Bezirksregionen', 'Bezirksregionen'],
  Stadtbezirk: ['Stadtbezirke', 'Stadtbezirken'],
  Bezirk: ['Bezirke', 'Bezirken'],
  Stadtteil: ['Stadtteile', 'Stadtteilen'],
  Ortsteil: ['Ortsteile', 'Ortsteilen'],
  Wohnplatz: ['Wohnplätze', 'Wohnplätzen'],
  Gemeinde: ['Gemeinden', 'Gemeinden'],
  Quartier: ['Quartiere', 'Quartieren'],
  Viertel: ['Viertel', 'Vierteln'],
  Stadtviertel: ['Stadtviertel', 'Stadtvierteln'],
  'Statistischer Bezirk': ['Statistische Bezirke', 'Statistischen Bezirken'],
};

/** @example levelPlural('Sozialraum') // 'Sozialräume' */
export const levelPlural = (name: string) => FORMS[name]?.[0] ?? `Gebiete (${name})`;

/** @example levelDative('Planungsraum') // 'Planungsräumen' */
export const levelDative = (name: string) => FORMS[name]?.[1] ?? `Gebieten (${name})`;

/**
 * An area named with its level, for column heads where an area and its district may share a name
 * („Ehrenfeld“ the Stadtteil and „Ehrenfeld“ the Stadtbezirk); a name that already starts with the
 * level's name is left as it is.
 * @example areaWithLevel('Stadtbezirk', 'Ehrenfeld') // 'Stadtbezirk Ehrenfeld'
 * @example areaWithLevel('Stadtbezirk', 'Stadtbezirk 4') // 'Stadtbezirk 4'
 */
export const areaWithLevel = (levelName: string, name: string) =>
  name.toLowerCase().startsWith(levelName.toLowerCase()) ? name : `${levelName} ${name}`;
