/**
 * Plural forms of level names for report sentences and captions: „62 Sozialräume“, „SGB-II-Quote
 * nach Sozialräumen“. Level names are configurable, so unknown names fall back to „Gebiete (…)“.
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
};

/** @example levelPlural('Sozialraum') // 'Sozialräume' */
export const levelPlural = (name: string) => FORMS[name]?.[0] ?? `Gebiete (${name})`;

/** @example levelDative('Planungsraum') // 'Planungsräumen' */
export const levelDative = (name: string) => FORMS[name]?.[1] ?? `Gebieten (${name})`;
