/**
 * Just enough German grammar for generated texts (area profiles, warning reasons): the article of
 * an indicator name and the preposition of a level name, from the suffix of the head noun. Where
 * the rules do not know a word, the text falls back to a construction that is always correct
 * („der Indikator „…““, „im Gebiet …“) instead of guessing.
 */

/** A nominative subject with its article and whether the verb takes the plural. */
export interface Subject {
  /** e.g. `die SGB-II-Quote`, `der Indikator „Haushalte mit Kindern“` (lower-case article). */
  text: string;
  plural: boolean;
}

const FEMININE = [
  'quote',
  'rate',
  'armut',
  'ung',
  'größe',
  'heit',
  'keit',
  'schaft',
  'dichte',
  'zahl',
  'hilfe',
  'dauer',
  'lage',
  'tion',
  'tät',
];
const MASCULINE = [
  'anteil',
  'quotient',
  'trend',
  'wert',
  'index',
  'saldo',
  'durchschnitt',
  'bestand',
  'bedarf',
  'bezug',
];
const NEUTER = ['alter', 'einkommen', 'niveau', 'verhältnis', 'volumen', 'gewicht'];

const article = (head: string): 'der' | 'die' | 'das' | null => {
  const w = head.toLowerCase();
  if (FEMININE.some((s) => w.endsWith(s))) return 'die';
  if (MASCULINE.some((s) => w.endsWith(s))) return 'der';
  if (NEUTER.some((s) => w.endsWith(s))) return 'das';
  return null;
};

const isUpper = (w: string | undefined) => !!w && /^\p{Lu}/u.test(w);

/**
 * The subject phrase of an indicator name. The head noun is the first word, or the second when
 * the first is an attributive adjective (capitalised, ending in -e, before another noun:
 * „Durchschnittliche Haushaltsgröße“ → „die durchschnittliche Haushaltsgröße“).
 * @example subjectOf('SGB-II-Quote') // { text: 'die SGB-II-Quote', plural: false }
 * @example subjectOf('Haushalte mit Kindern') // { text: 'der Indikator „Haushalte mit Kindern“', plural: false }
 */
export function subjectOf(name: string): Subject {
  const words = name.trim().split(/\s+/);
  const [first, second] = words;
  const adjective = !!first && /e$/.test(first) && isUpper(second) && article(first) === null;
  const head = adjective ? second : first;
  const art = head ? article(head) : null;
  if (!art) return { text: `der Indikator „${name}“`, plural: false };
  const shown =
    adjective && first ? [first.charAt(0).toLowerCase() + first.slice(1), ...words.slice(1)] : words;
  return { text: `${art} ${shown.join(' ')}`, plural: false };
}

const LEVEL_MASCULINE_NEUTER = [
  'raum',
  'bezirk',
  'viertel',
  'quartier',
  'teil',
  'gebiet',
  'block',
  'ort',
  'kreis',
  'bereich',
  'sprengel',
  'platz',
];
const LEVEL_FEMININE = ['zone', 'region', 'gemeinde', 'einheit', 'zelle', 'siedlung', 'ung', 'schaft'];

/**
 * „Im Sozialraum Nordviertel“, „In der Gemeinde Au“; „Im Gebiet …“ for level names the rules do
 * not know (several words, unknown suffix).
 * @example inArea('Sozialraum', 'Nordviertel') // 'Im Sozialraum Nordviertel'
 */
export function inArea(levelName: string, areaName: string): string {
  const level = levelName.trim();
  if (/^\p{Lu}\p{Ll}+$/u.test(level)) {
    const w = level.toLowerCase();
    if (LEVEL_FEMININE.some((s) => w.endsWith(s))) return `In der ${level} ${areaName}`;
    if (LEVEL_MASCULINE_NEUTER.some((s) => w.endsWith(s))) return `Im ${level} ${areaName}`;
  }
  return `Im Gebiet ${areaName}`;
}

const WORDS = [
  'null',
  'ein',
  'zwei',
  'drei',
  'vier',
  'fünf',
  'sechs',
  'sieben',
  'acht',
  'neun',
  'zehn',
  'elf',
  'zwölf',
];

/**
 * Small numbers as words, as German prose writes them (up to twelve), else digits.
 * @example numberWord(5) // 'fünf'
 */
export const numberWord = (n: number): string => WORDS[n] ?? String(n);

/** Capitalises the first letter (sentence start). */
export const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
