/**
 * Header names of statistics tables: normalisation, the words that mark area, date, variable and
 * value columns, and which variables are counts.
 */
import type { Column } from './layout.ts';
import type { CountOption } from './types.ts';

/** Lower case, umlauts spelled out, other characters `_`. */
export function normHeader(h: string): string {
  return h
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

export const DATE_HEADER =
  /^(stichtag|datum|date|jahr|year|zeit|time|berichtsjahr|berichtszeitraum|periode|period|zeitpunkt|referenzdatum|stand|monat|quartal|time_period|zeitraum|reference_date)(_|$)/;
export const VALUE_HEADER = /^(wert|werte|anzahl|value|zahl|count|n|betrag|obs_value|messwert|ergebnis)$/;
export const VARIABLE_HEADER =
  /^(merkmal|merkmale|variable|indikator|indicator|kennzahl|kennziffer|zeile|item|measure|kategorie|thema)(_(code|id|name|key|bezeichnung|label))?$/;
export const LABEL_HEADER = /(name|bezeichnung|label|titel|title|text|beschreibung)/;
export const ID_HEADER = /(^|_)(id|nr|nummer|schluessel|key|code|kennziffer|kz|kennung)$|^(ags|ars|rs|gkz)$/;
export const META_HEADER =
  /^(einheit|unit|quelle|source|bemerkung|bemerkungen|fussnote|hinweis|anmerkung|kommentar|comment|note|notes)$/;
export const QUALITY_HEADER = /^(q|qualitaet|qualitaetskennzeichen|kennzeichen|flag|value_q)$/;
export const COUNT_VALUE_HEADER = /^(anzahl|zahl|count|n)$/;
export const COUNT_WORDS =
  /(anzahl|einwohner|bevoelkerung|personen|faelle|haushalte|empfaenger|bestand|insgesamt|gesamt|maennlich|weiblich|kinder|jugendliche|arbeitslose|beschaeftigte|geburten|gestorbene|sterbefaelle|zuzuege|fortzuege|wohnungen|gebaeude|schueler|plaetze|auslaender|deutsche|inhabitants|population|persons|households|unemployed|recipients|^ew(_|$)|unter_?\d|\d+_\d+)/;
export const NOT_COUNT_WORDS =
  /(saldo|veraenderung|differenz|aenderung|dynamik|entwicklung|zuwachs|abnahme|bilanz|index|rate|quote|anteil|prozent|dichte|z_?wert|durchschnitt|mittel|median|je_|pro_|_je|_pro|percentage|share|ratio|change|score)/;
export function areaHeaderScore(n: string): number {
  if (
    /^(ags|ars|rs|gkz|gemeindeschluessel|regionalschluessel|amtlicher_gemeindeschluessel|amtlicher_regionalschluessel|gebietsschluessel|raumschluessel|schluessel|key|area_id|area_key|gebiet_id|raum_id|gebietsnummer)$/.test(
      n,
    )
  ) {
    return 4;
  }
  if (
    ID_HEADER.test(n) &&
    /(gebiet|raum|area|plr|bezirk|bzr|kreis|gemeinde|stadtteil|stt|ortsteil|sozialraum|lor|region|viertel|quartier|stadt|land|prr|block|bereich)/.test(
      n,
    )
  ) {
    return 3;
  }
  if (/^(id|nr|code|kennung)$/.test(n)) return 2;
  if (/^(gebiet|raum|area|plr|bezirk|stadtteil|sozialraum|kreis|gemeinde|region|ortsteil)$/.test(n)) return 1;
  return 0;
}

/**
 * Whether a variable is a count (negative values refused): GENESIS unit "Anzahl", a value column
 * named anzahl/zahl, or a name with count words (Einwohner, Anzahl, Arbeitslose, unter 6 …)
 * and without words of changes and rates (Saldo, Veränderung, Anteil, Quote, Index …).
 */
export function isCountVariable(name: string, unit: string | null, option: CountOption): boolean {
  if (option === 'all') return true;
  if (option === 'none') return false;
  if (Array.isArray(option)) return option.includes(name);
  if (unit !== null && unit.trim().toLowerCase() === 'anzahl') return true;
  const n = normHeader(name);
  return COUNT_WORDS.test(n) && !NOT_COUNT_WORDS.test(n);
}

/** Finds a column by header (case-insensitive) or letter. */
export function resolveColumn(columns: readonly Column[], ref: string): Column | null {
  const r = ref.trim().toLowerCase();
  const byName = columns.find((c) => c.name.toLowerCase() === r);
  if (byName) return byName;
  const byNorm = columns.find((c) => normHeader(c.name) === normHeader(ref) && normHeader(ref) !== '');
  if (byNorm) return byNorm;
  return columns.find((c) => c.letter.toLowerCase() === r) ?? null;
}
