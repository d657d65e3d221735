/** German texts of the Variablen page. */
export const vt = {
  title: 'Variablen',
  docTitle: 'Variablen – Lagebild',
  intro:
    'Die Indikatoren werden aus Zählgrößen (Variablen) berechnet. Liefert die Statistikstelle andere ' +
    'Gliederungen – etwa Altersgruppen 65–74, 75–79 und 80+ statt „65 Jahre und älter“ –, legen Sie ' +
    'die erwartete Variable hier als Summe der importierten fest. Ihre Werte werden für jedes Gebiet ' +
    'und jeden Stichtag berechnet, an dem alle Summanden Werte haben, und nach jedem Import neu.',
  needsRole: 'Die Variablen sehen und festlegen können Planerinnen, Planer und Administratoren.',
  loginFirst: 'Bitte melden Sie sich an.',
  login: 'Anmelden',
  expected: 'Vom Indikatorenkatalog erwartete Variablen',
  missingCaption: 'Erwartete Variablen ohne Werte',
  others: 'Weitere Variablen',
  othersHint: 'Importierte Zählgrößen, die kein Indikator direkt nutzt – sie eignen sich als Summanden.',
  key: 'Schlüssel',
  name: 'Bedeutung',
  unit: 'Einheit',
  definition: 'Herkunft',
  values: 'Werte',
  indicators: 'Gebraucht von',
  imported: 'importiert',
  missing: 'fehlt',
  none: '–',
  sum: (terms: string[]) => `Summe: ${terms.join(' + ')}`,
  alias: (term: string) => `gleich ${term}`,
  define: 'Als Summe festlegen',
  redefine: 'Summe ändern',
  remove: 'Summe entfernen',
  formTitle: (key: string) => `„${key}“ als Summe festlegen`,
  termsLabel: 'Summanden',
  termsHint:
    'Schlüssel oder Spaltennamen vorhandener Variablen, mit „+“ verbunden, z. B. m_65_74 + m_75_79 + m_80plus. Ein einzelner Summand übernimmt eine Variable unter dem erwarteten Namen.',
  nameLabel: 'Name (optional)',
  save: 'Speichern',
  saving: 'Wird berechnet …',
  cancel: 'Abbrechen',
  defined: (definition: string, values: number) =>
    `${definition}: ${values.toLocaleString('de-DE')} Werte berechnet.`,
  removed: (key: string) => `Die Summendefinition von „${key}“ ist entfernt.`,
  available: (n: number) => (n === 1 ? '1 Variable hat Werte' : `${n} Variablen haben Werte`),
  summary: (withValues: number, total: number) =>
    `${withValues} von ${total} erwarteten Variablen haben Werte.`,
  suggestions: 'Vorhandene Variablen',
  afterImport: 'Variablen des Katalogs',
  afterImportHint:
    'Liefert die Datei eine andere Gliederung als der Katalog erwartet, legen Sie die fehlenden ' +
    'Variablen hier als Summe der importierten fest – die Indikatoren, die sie brauchen, erhalten damit Werte.',
};
