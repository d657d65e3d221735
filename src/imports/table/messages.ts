/**
 * German messages of the table readers, in one place for a later translation.
 * Every message names the file and, where there is one, the 1-based line (Zeile) and the column.
 */

const q = (text: string): string => `„${text}“`;
const clip = (text: string, max = 60): string => (text.length > max ? `${text.slice(0, max)} …` : text);

/** `„daten.csv“, Zeile 12, Spalte „wert“` — the location every message starts with. */
export function where(file: string, row?: number | null, column?: string | null): string {
  let s = q(file);
  if (row !== undefined && row !== null) s += `, Zeile ${row}`;
  if (column !== undefined && column !== null) s += `, Spalte ${q(column)}`;
  return s;
}

const DELIMITER_NAMES: Record<string, string> = {
  ';': 'Semikolon (;)',
  ',': 'Komma (,)',
  '\t': 'Tabulator',
  '|': 'senkrechter Strich (|)',
};
export const delimiterName = (d: string): string => DELIMITER_NAMES[d] ?? q(d);

const list = (items: readonly string[], max = 12): string =>
  items.length === 0
    ? '(keine)'
    : items
        .slice(0, max)
        .map((i) => q(i))
        .join(', ') + (items.length > max ? ` und ${items.length - max} weitere` : '');

const rowList = (rows: readonly number[], count: number): string =>
  rows.join(', ') + (count > rows.length ? ` und ${count - rows.length} weiteren` : '');

const NUMBER_HINT =
  'Erwartet wird eine Zahl (z. B. 1234, 1.234,5 oder 12,5) oder ein amtliches Zeichen ' +
  '(„-“ nichts vorhanden, „.“ geheim, „x“ nicht sinnvoll, „/“ zu unsicher, „…“ fällt später an).';

export const tableMessages = {
  fileNotFound: (file: string) => `Die Datei ${q(file)} wurde nicht gefunden.`,
  unreadable: (file: string, detail: string) =>
    `${q(file)}: Die Datei kann nicht gelesen werden; sie ist beschädigt oder keine gültige ` +
    `Excel-Arbeitsmappe (${clip(detail, 200)}).`,
  unsupportedFormat: (file: string, what: string) =>
    `${q(file)}: ${what} Erwartet wird eine CSV-Datei (.csv, .txt) oder eine Excel-Arbeitsmappe (.xlsx).`,
  emptyFile: (file: string) => `${q(file)}: Die Datei ist leer.`,
  noTable: (file: string) =>
    `${q(file)}: Die Datei enthält keine Tabelle (keine Zeile mit mindestens zwei ausgefüllten Spalten).`,
  headerOnly: (file: string, headerRow: number) =>
    `${where(file, headerRow)}: Die Datei enthält nur die Kopfzeile, aber keine Datenzeilen.`,
  oneColumn: (file: string, line: number, sample: string) =>
    `${where(file, line)}: Alle Zeilen bestehen aus einer einzigen Spalte („${clip(sample)}“). ` +
    'Das Trennzeichen wurde nicht erkannt; erwartet wird Semikolon, Komma, Tabulator oder ' +
    'senkrechter Strich. Bitte die Datei als CSV mit Semikolon speichern.',
  wrongDelimiter: (file: string, declared: string, detected: string, line: number) =>
    `${where(file, line)}: Als Trennzeichen ist ${delimiterName(declared)} angegeben, damit ergibt ` +
    `sich aber nur eine Spalte. Die Datei ist mit ${delimiterName(detected)} getrennt.`,
  mixedEncoding: (file: string, line: number, main: string, other: string) =>
    `${where(file, line)}: Die Datei ist überwiegend als ${main} gespeichert, enthält ab hier aber ` +
    `Zeichen in einer anderen Kodierung (vermutlich ${other}); Umlaute würden falsch gelesen. ` +
    'Bitte die Datei einheitlich als UTF-8 speichern.',
  sheetNotFound: (file: string, sheet: string, sheets: readonly string[]) =>
    `${q(file)}: Das Tabellenblatt ${q(sheet)} gibt es nicht. Vorhandene Blätter: ${list(sheets)}.`,
  noSheetWithData: (file: string) => `${q(file)}: Kein Tabellenblatt der Arbeitsmappe enthält Daten.`,
  columnNotFound: (file: string, option: string, column: string, columns: readonly string[]) =>
    `${q(file)}: Die Spalte ${q(column)} (${option}) gibt es nicht. Vorhandene Spalten: ${list(columns, 40)}.`,
  noAreaColumn: (file: string, columns: readonly string[]) =>
    `${q(file)}: Keine Spalte enthält Gebietsschlüssel der Ebene. Bitte die Schlüsselspalte angeben. ` +
    `Vorhandene Spalten: ${list(columns, 40)}.`,
  noDate: (file: string) =>
    `${q(file)}: Die Datei enthält keine Spalte mit dem Stichtag (z. B. „Stichtag“, „Jahr“, „Datum“). ` +
    'Bitte den Stichtag angeben (JJJJ-MM-TT).',
  badFixedDate: (file: string, date: string) =>
    `${q(file)}: Der angegebene Stichtag ${q(date)} ist kein gültiges Datum (erwartet JJJJ-MM-TT).`,
  noVariable: (file: string) =>
    `${q(file)}: Die Spaltenköpfe sind Stichtage oder Jahre; welches Merkmal die Tabelle enthält, ` +
    'steht nicht in der Datei. Bitte den Namen des Merkmals angeben.',
  noValueColumns: (file: string, columns: readonly string[]) =>
    `${q(file)}: Keine Spalte enthält Zahlenwerte. Vorhandene Spalten: ${list(columns, 40)}.`,
  badDate: (file: string, row: number, column: string, text: string) =>
    `${where(file, row, column)}: ${q(clip(text))} ist kein Stichtag. Erwartet wird ein Jahr (2023), ` +
    'ein Datum (31.12.2023 oder 2023-12-31) oder ein Monat (2023-06).',
  emptyKey: (file: string, row: number, column: string) =>
    `${where(file, row, column)}: Der Gebietsschlüssel fehlt.`,
  emptyVariable: (file: string, row: number, column: string) =>
    `${where(file, row, column)}: Das Merkmal fehlt.`,
  notANumber: (file: string, row: number, column: string, text: string) =>
    `${where(file, row, column)}: ${q(clip(text))} ist keine Zahl. ${NUMBER_HINT}`,
  formula: (file: string, row: number, column: string, text: string) =>
    `${where(file, row, column)}: Die Zelle ${q(clip(text))} ist eine Tabellenformel und wird aus ` +
    'Sicherheitsgründen nicht ausgewertet. Bitte die Tabelle mit Werten statt Formeln speichern.',
  negativeCount: (file: string, row: number, column: string, value: number, variable: string) =>
    `${where(file, row, column)}: Der Wert ${String(value).replace('.', ',')} für ${q(variable)} ist ` +
    'negativ; eine Anzahl kann nicht negativ sein.',
  duplicate: (
    file: string,
    row: number,
    column: string,
    first: number,
    key: string,
    date: string,
    variable: string,
    breakdown: string,
  ) =>
    `${where(file, row, column)}: Der Wert für Gebiet ${q(key)}, Stichtag ${germanDate(date)}, ` +
    `Merkmal ${q(variable)}${breakdown ? ` (${breakdown})` : ''} kommt doppelt vor; ` +
    `er stand schon in Zeile ${first}.`,
  unknownKey: (file: string, column: string, key: string, rows: readonly number[], count: number) =>
    `${where(file, rows[0] ?? null, column)}: Der Gebietsschlüssel ${q(key)} passt zu keinem Gebiet der ` +
    `Ebene (${count === 1 ? 'Zeile' : 'Zeilen'} ${rowList(rows, count)}). ` +
    'Die Datei wird deshalb nicht importiert; bitte Schlüssel und Gebietsebene prüfen.',
  unknownKeySkipped: (file: string, column: string, key: string, rows: readonly number[], count: number) =>
    `${where(file, rows[0] ?? null, column)}: Der Gebietsschlüssel ${q(key)} passt zu keinem Gebiet der ` +
    `Ebene; ${count === 1 ? 'die Zeile wird' : `die ${count} Zeilen werden`} übersprungen ` +
    `(${rowList(rows, count)}).`,
  otherGebietsstand: (
    file: string,
    column: string,
    d: {
      levelName: string | null;
      gebietsstand: string | null;
      keys: readonly string[];
      count: number;
      skipped: boolean;
    },
  ) =>
    `${where(file, null, column)}: Die Schlüssel passen zu keinem Gebiet der Ebene` +
    `${d.levelName ? ` ${q(d.levelName)}` : ''} (${d.count} Schlüssel, z. B. ${list(d.keys, 5)}); ` +
    `sie sehen aus wie ${d.levelName ? plural(d.levelName) : 'Gebiete dieser Ebene'} eines anderen ` +
    `Gebietsstands${d.gebietsstand ? ` (vor ${d.gebietsstand.slice(0, 4)}?)` : ''}. ` +
    (d.skipped
      ? 'Die Zeilen werden übersprungen.'
      : 'Die Datei wird deshalb nicht importiert; bitte die Daten auf dem aktuellen Gebietsstand ' +
        'anfordern oder die Gebiete des älteren Gebietsstands als eigene Ebene importieren.'),
  noLevelRows: (file: string, column: string, rows: number, levelName: string | null) =>
    `${where(file, null, column)}: Keine der ${rows.toLocaleString('de-DE')} Datenzeilen gehört zur ` +
    `Ebene${levelName ? ` ${q(levelName)}` : ''}; alle Schlüssel der Spalte sehen aus wie die ` +
    'Gesamtstadt oder Gebiete anderer Ebenen. Die Datei wird deshalb nicht importiert; bitte prüfen, ' +
    'ob das die Spalte mit den Gebietsschlüsseln ist und ob die Datei zu dieser Ebene gehört.',
  unknownKeysLeftOff: (file: string, count: number) =>
    `${q(file)}: ${count} weitere unbekannte Gebietsschlüssel sind nicht einzeln aufgeführt.`,
  ambiguousNumber: (file: string, row: number, column: string, text: string, read: number) =>
    `${where(file, row, column)}: ${q(text)} ist mehrdeutig (Tausenderpunkt oder Dezimalpunkt?) und ` +
    `wird als ${String(read).replace('.', ',')} gelesen, weil die Spalte keine anderen Hinweise enthält.`,
  extraCells: (file: string, row: number, count: number) =>
    `${where(file, row)}: Die Zeile hat ${count} ausgefüllte Zellen mehr als die Kopfzeile Spalten; ` +
    'sie werden nicht gelesen.',
  duplicateCheckStopped: (file: string, row: number) =>
    `${where(file, row)}: Die Prüfung auf doppelte Werte wurde ab hier abgebrochen (zu viele ` +
    'verschiedene Merkmalskombinationen).',
  problemsLeftOff: (file: string, count: number) =>
    `${q(file)}: ${count} weitere Probleme sind nicht einzeln aufgeführt.`,
  numeratorAboveDenominator: (
    row: number,
    key: string,
    date: string,
    numerator: string,
    nValue: number,
    denominator: string,
    dValue: number,
  ) =>
    `Zeile ${row}: Für Gebiet ${q(key)}, Stichtag ${germanDate(date)} ist ${q(numerator)} ` +
    `(${String(nValue).replace('.', ',')}) größer als ${q(denominator)} ` +
    `(${String(dValue).replace('.', ',')}); der Zähler kann nicht größer als der Nenner sein.`,
};

/** German plural of a level name (`Planungsraum` → `Planungsräume`), else `Gebiete der Ebene „…“`. */
function plural(level: string): string {
  const rules: [RegExp, string][] = [
    [/raum$/, 'räume'],
    [/(bezirk|teil|gebiet|quartier|block)$/, '$1e'],
    [/region$/, 'regionen'],
    [/viertel$/, 'viertel'],
    [/gemeinde$/, 'gemeinden'],
  ];
  for (const [re, to] of rules) if (re.test(level)) return level.replace(re, to);
  return `Gebiete der Ebene ${q(level)}`;
}

const num = (v: number): string => v.toLocaleString('de-DE', { maximumFractionDigits: 6 });

/** Messages about rows of other levels (city, Stadtbezirke) and their totals. */
export const higherMessages = {
  totalMismatch: (
    file: string,
    row: number,
    column: string,
    d: {
      area: string;
      children: number;
      date: string;
      variable: string;
      breakdown: string;
      expected: number;
      found: number;
    },
  ) =>
    `${where(file, row, column)}: Die Summe der ${d.children} Gebiete von ${q(d.area)} ergibt für ` +
    `Stichtag ${d.date}, Merkmal ${q(d.variable)}${d.breakdown ? ` (${d.breakdown})` : ''} ` +
    `${num(d.found)}; geliefert ist ${num(d.expected)} (Differenz ${num(d.found - d.expected)}). ` +
    'Gespeichert werden die Werte der Gebiete; der Wert des übergeordneten Gebiets wird aus ihnen berechnet.',
  higherLevelRows: (
    file: string,
    d: {
      rows: number;
      areas: readonly string[];
      level: string | null;
      checked: number;
      mismatches: number;
      stopped: boolean;
    },
  ) =>
    `${q(file)}: ${d.rows === 1 ? 'Eine Zeile gehört' : `${d.rows} Zeilen gehören`} nicht zur Ebene` +
    `${d.level ? ` ${q(d.level)}` : ''}, sondern zur Gesamtstadt oder zu Gebieten anderer Ebenen ` +
    `(${list(d.areas, 8)}); sie ${d.rows === 1 ? 'wird' : 'werden'} nicht als Gebiete importiert. ` +
    'Werte übergeordneter Gebiete berechnet Lagebild aus den Gebieten der Ebene. ' +
    (d.stopped
      ? 'Die Summen wurden nicht geprüft (zu viele Merkmalskombinationen).'
      : d.checked === 0
        ? 'Summen waren nicht prüfbar (nicht alle enthaltenen Gebiete mit Werten in der Datei).'
        : `${num(d.checked)} gelieferte Summen geprüft, ${d.mismatches === 0 ? 'alle stimmen' : d.mismatches === 1 ? 'eine weicht ab' : `${num(d.mismatches)} weichen ab`}.`),
};

/** `2023-12-31` → `31.12.2023`. */
export function germanDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}
