/**
 * German messages of deriving a parent level, in one place for a later translation.
 */
const list = (items: readonly string[], max = 8): string =>
  items
    .slice(0, max)
    .map((i) => `„${i}“`)
    .join(', ') + (items.length > max ? ` und ${items.length - max} weitere` : '');

export const deriveMessages = {
  sameLevel: (level: string) =>
    `Die neue Ebene „${level}“ kann nicht aus sich selbst gebildet werden. Bitte eine andere Ebene als Grundlage wählen.`,
  notAbove: (level: string, from: string) =>
    `Die Ebene „${level}“ gibt es schon, sie liegt aber nicht über der Ebene „${from}“. ` +
    'Bitte einen neuen Ebenenschlüssel wählen.',
  noChildren: (from: string) =>
    `Die Ebene „${from}“ hat keine aktuellen Gebiete, aus denen sich etwas bilden ließe.`,
  invalidPrefix: (n: number) =>
    `Die Länge des Schlüsselanfangs muss eine ganze Zahl ab 1 sein (angegeben: ${n}).`,
  prefixTooLong: (n: number, keys: readonly string[]) =>
    `Der Schlüsselanfang mit ${n} Zeichen ist nicht kürzer als die Schlüssel ${list(keys)}; ` +
    'so würde jedes Gebiet sein eigenes übergeordnetes Gebiet. Bitte eine kleinere Zahl angeben.',
  singleParent: (from: string, children: number, parent: string) =>
    `Alle ${children} Gebiete der Ebene „${from}“ bekämen dasselbe übergeordnete Gebiet „${parent}“; ` +
    'eine Ebene mit nur einem Gebiet wäre die ganze Stadt. Bitte einen längeren Schlüsselanfang ' +
    'oder eine andere Spalte der Schlüsseltabelle angeben.',
  tableEmpty: (file: string) => `„${file}“: Die Schlüsseltabelle enthält keine Zeilen.`,
  tableField: (file: string, field: string, fields: readonly string[]) =>
    `„${file}“: Die Spalte „${field}“ gibt es nicht. Vorhandene Spalten: ${list(fields, 20)}.`,
  tableEmptyCell: (file: string, row: number, field: string) =>
    `„${file}“, Zeile ${row}: Die Spalte „${field}“ ist leer.`,
  tableConflict: (file: string, row: number, child: string, first: string, second: string) =>
    `„${file}“, Zeile ${row}: Das Gebiet „${child}“ steht schon mit dem übergeordneten Gebiet „${first}“ ` +
    `in der Tabelle, hier mit „${second}“. Jedes Gebiet darf nur einem übergeordneten Gebiet angehören.`,
  childNotInTable: (file: string, from: string, keys: readonly string[]) =>
    `„${file}“: ${keys.length === 1 ? 'Das Gebiet' : `${keys.length} Gebiete`} der Ebene „${from}“ ` +
    `${keys.length === 1 ? 'steht' : 'stehen'} nicht in der Schlüsseltabelle: ${list(keys)}. ` +
    'Jedes Gebiet braucht ein übergeordnetes Gebiet.',
  unreadableCsv: (file: string, detail: string) => `„${file}“: Die CSV-Datei ist nicht lesbar (${detail}).`,
  invalidDate: (date: string) => `„${date}“ ist kein gültiges Datum (erwartet JJJJ-MM-TT).`,
  dissolveFailed: (key: string, detail: string) =>
    `Die Gebiete von „${key}“ ließen sich nicht zu einer Fläche vereinigen (${detail}).`,
} as const;
