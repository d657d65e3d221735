/**
 * German messages of the microdata import, kept in one place so that a later translation touches
 * one file. Row messages name file, row and column; they never repeat a birth date, a coordinate
 * or a pseudonym, only short category values (sex, flag, age) that identify nobody.
 */

const q = (text: string) => `„${text}“`;
const int = (n: number) => n.toLocaleString('de-DE');
const pct = (share: number) => `${(share * 100).toLocaleString('de-DE', { maximumFractionDigits: 2 })} %`;
const clip = (text: string, max = 20) => (text.length > max ? `${text.slice(0, max)}…` : text);

/** Why a valid person could not be assigned to an area (bucket „nicht zuordenbar“). */
export type UnplacedReason =
  'outside' | 'invalid_coordinates' | 'missing_coordinates' | 'unknown_key' | 'missing_key';

export const UNPLACED_LABELS: Record<UnplacedReason, string> = {
  outside: 'Koordinaten außerhalb aller Gebiete',
  invalid_coordinates: 'Koordinaten nicht lesbar',
  missing_coordinates: 'Koordinaten fehlen',
  unknown_key: 'Gebietsschlüssel unbekannt',
  missing_key: 'Gebietsschlüssel fehlt',
};

export const microdataMessages = {
  where: (file: string, row: number, column: string | null) =>
    `Datei ${q(file)}, Zeile ${int(row)}` + (column ? `, Spalte ${q(column)}` : ''),

  empty: (file: string) =>
    `Die Datei ${q(file)} enthält keine Kopfzeile. Bitte eine CSV-Datei mit Spaltennamen wählen.`,
  noRows: (file: string) => `Die Datei ${q(file)} enthält keine Personenzeilen, nur die Kopfzeile.`,
  lineTooLong: (file: string) =>
    `Die Datei ${q(file)} enthält eine Zeile von über 64 MB. Ist es wirklich eine CSV-Datei mit einer Person je Zeile?`,

  missingColumn: (file: string, what: string, candidates: readonly string[], present: readonly string[]) =>
    `Datei ${q(file)}: Es fehlt eine Spalte für ${what} (gesucht: ${candidates.join(', ')}; ` +
    `vorhanden: ${present.join(', ') || 'keine'}). Bitte die Spalte in der Datei umbenennen oder den Spaltennamen angeben.`,
  unknownColumn: (file: string, name: string, present: readonly string[]) =>
    `Datei ${q(file)}: Die angegebene Spalte ${q(name)} gibt es nicht (vorhanden: ${present.join(', ')}).`,
  noLocation: (file: string) =>
    `Datei ${q(file)}: Weder Koordinaten (x/y bzw. lon/lat) noch ein Gebietsschlüssel sind vorhanden. ` +
    'Ohne eine davon lassen sich die Personen keinem Gebiet zuordnen.',
  noGeometry: (file: string, key: string) =>
    `Datei ${q(file)}: Die Personen sollen über Koordinaten zugeordnet werden, aber das Gebiet ${q(key)} hat keine Geometrie.`,
  badStichtag: (date: string) => `Der Stichtag ${q(date)} ist kein gültiges Datum (erwartet JJJJ-MM-TT).`,
  badAgeGroups: (text: string, why: string) => `Die Altersgruppen ${q(text)} sind nicht verwendbar: ${why}.`,
  badFlag: (name: string) =>
    `Der Variablenname ${q(name)} für eine Kennzeichenspalte ist nicht zulässig (nur a–z, 0–9 und _).`,

  badFlagAge: (name: string, age: number) =>
    `Die Altersgrenze ${age} für das Kennzeichen ${q(name)} ist keine ganze Zahl von 1 bis 120.`,

  tooManyInvalid: (file: string, invalid: number, rows: number, max: number, first: string) =>
    `Die Datei ${q(file)} wird nicht übernommen: ${int(invalid)} von ${int(rows)} Zeilen (${pct(invalid / rows)}) ` +
    `sind fehlerhaft, erlaubt sind höchstens ${pct(max)}. Erster Fehler: ${first}`,
  tooManyUnplaced: (
    file: string,
    unplaced: number,
    rows: number,
    max: number,
    reasons: string,
    crs: string | null,
  ) =>
    `Die Datei ${q(file)} wird nicht übernommen: ${int(unplaced)} von ${int(rows)} Personen (${pct(unplaced / rows)}) ` +
    `lassen sich keinem Gebiet zuordnen (${reasons}), erlaubt sind höchstens ${pct(max)}.` +
    (crs
      ? ` Stimmt das Koordinatensystem (angenommen: ${crs})? Passen die Gebiete (Ebene, Gebietsstand) zur Datei?`
      : ' Passen die Gebietsschlüssel zur gewählten Ebene und zum Gebietsstand?'),

  fieldCount: (got: number, expected: number) =>
    `Die Zeile hat ${int(got)} statt ${int(expected)} Spalten. Steht ein Trennzeichen im Text ohne Anführungszeichen?`,
  malformed: () =>
    'Ein Anführungszeichen ist nicht geschlossen oder nach dem schließenden folgt weiterer Text.',
  birthInvalid: () =>
    'Das Geburtsdatum ist kein gültiges Datum (erwartet JJJJ-MM-TT, TT.MM.JJJJ oder JJJJMMTT).',
  birthAfter: (date: string) => `Das Geburtsdatum liegt nach dem Stichtag ${date}.`,
  ageInvalid: (value: string) => `Das Alter ${q(clip(value))} ist keine ganze Zahl von 0 bis 120.`,
  ageTooHigh: (age: number) => `Das Alter von ${age} Jahren ist unplausibel (höchstens 120).`,
  sexUnknown: (value: string) =>
    value === ''
      ? 'Das Geschlecht fehlt.'
      : `Das Geschlecht ${q(clip(value))} ist unbekannt (erwartet m/w/d, männlich/weiblich/divers oder 1/2).`,
  nationalityMissing: () => 'Die Staatsangehörigkeit fehlt.',
  flagInvalid: (value: string) =>
    `Der Wert ${q(clip(value))} ist kein Kennzeichen (erwartet 0 oder 1, ja oder nein).`,
  householdMissing: () =>
    'Die Haushaltsnummer fehlt; die Person wird gezählt, aber keinem Haushalt zugerechnet.',
  householdSplit: (count: number) =>
    count === 1
      ? '1 Haushalt hat Mitglieder in verschiedenen Gebieten und zählt im Gebiet seines ersten Mitglieds.'
      : `${int(count)} Haushalte haben Mitglieder in verschiedenen Gebieten und zählen im Gebiet ihres ersten Mitglieds.`,
} as const;
