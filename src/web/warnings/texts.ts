/**
 * German texts of the Frühwarnung page, in one place so a later translation is possible.
 */
import type { RuleKind, Severity } from '../../warnings/warning.schema.ts';

const de = (n: number) => n.toLocaleString('de-DE');
const plural = (n: number, one: string, many: string) => `${de(n)} ${n === 1 ? one : many}`;

export const wt = {
  title: 'Frühwarnung',
  documentTitle: 'Frühwarnung – Lagebild',
  intro:
    'Gebiete, in denen sich die Lage auffällig entwickelt: Schwellenwerte, mehrjährige Anstiege, ' +
    'starke Abweichungen vom Stadtwert und verschlechterte Indexklassen. Jeder Hinweis nennt seinen Grund mit den Zahlen.',
  publicNote: 'Öffentliche Ansicht: Werte unter Geheimhaltung (·) lösen keine Hinweise aus.',
  loading: 'Hinweise werden berechnet …',

  controls: {
    region: 'Auswahl',
    level: 'Ebene',
    date: 'Stichtag',
    theme: 'Thema',
    allThemes: 'Alle Themen',
    indexTheme: 'Sozialindizes',
    parent: (levelName: string | null) => levelName ?? 'Übergeordnetes Gebiet',
    allParents: 'Alle',
    search: 'Gebiet suchen',
    searchHint: 'Teil des Gebietsnamens oder -schlüssels',
    severity: 'Dringlichkeit',
    allSeverities: 'Alle',
    reset: 'Filter zurücksetzen',
  },

  summary: (shown: number, total: number, areas: number, high: number, medium: number) =>
    total === 0
      ? 'Keine Hinweise zu diesem Stichtag.'
      : `${plural(shown, 'Hinweis', 'Hinweise')}${shown === total ? '' : ` von ${de(total)}`} in ` +
        `${plural(areas, 'Gebiet', 'Gebieten')}: ${de(high)} hoch, ${de(medium)} mittel.`,
  noMatch: 'Kein Hinweis passt zu den Filtern.',

  table: {
    caption: (date: string) => `Frühwarnhinweise zum ${date}`,
    severity: 'Dringlichkeit',
    area: 'Gebiet',
    rule: 'Regel',
    indicator: 'Indikator',
    reason: 'Begründung',
    profileOf: (name: string) => `Gebietsprofil ${name}`,
    index: 'Sozialindex',
  },

  severity: { hoch: 'hoch', mittel: 'mittel' } satisfies Record<Severity, string>,

  rules: {
    title: 'Warnregeln',
    intro: 'Nach diesen Regeln entstehen die Hinweise. Inaktive Regeln werden nicht ausgewertet.',
    name: 'Regel',
    kind: 'Art',
    condition: 'Bedingung',
    severity: 'Dringlichkeit',
    active: 'Aktiv',
    actions: 'Aktionen',
    activeLabel: (name: string) => `Regel „${name}“ aktiv`,
    yes: 'ja',
    no: 'nein',
    edit: 'Bearbeiten',
    editLabel: (name: string) => `Regel „${name}“ bearbeiten`,
    remove: 'Löschen',
    removeLabel: (name: string) => `Regel „${name}“ löschen`,
    removeTitle: 'Warnregel löschen?',
    removeText: (name: string) => `Die Regel „${name}“ wird gelöscht. Ihre Hinweise erscheinen nicht mehr.`,
    add: 'Neue Regel',
    exportJson: 'Export (JSON)',
    importJson: 'Import (JSON)',
    imported: (n: number) => `${plural(n, 'Regel', 'Regeln')} importiert.`,
    importUnreadable: 'Die Datei enthält kein gültiges JSON.',
    saved: (name: string) => `Regel „${name}“ gespeichert.`,
    removed: (name: string) => `Regel „${name}“ gelöscht.`,
    activated: (name: string, on: boolean) => `Regel „${name}“ ${on ? 'aktiviert' : 'deaktiviert'}.`,
    empty: 'Es gibt noch keine Warnregeln.',
  },

  kinds: {
    threshold: 'Schwellenwert',
    rising: 'Entwicklung in Folge',
    deviation: 'Abweichung vom Stadtwert',
    index_class: 'Indexklasse verschlechtert',
  } satisfies Record<RuleKind, string>,

  condition: {
    above: 'über',
    below: 'unter',
    crossing: 'beim Überschreiten seit dem letzten Stichtag',
    crossingBelow: 'beim Unterschreiten seit dem letzten Stichtag',
    allIndicators: 'alle Indikatoren mit Bewertungsrichtung',
    rising: (n: number) => `${de(n)}-mal in Folge ungünstig (steigend; bei „hoch ist gut“ fallend)`,
    deviation: (k: string) => `mehr als ${k} Standardabweichungen vom Stadtwert (ungünstige Richtung)`,
    indexClass: (part: string | null) => (part ? `Klasse „${part}“ schlechter` : 'eine Klasse schlechter'),
    minPopulation: (n: number) => `nur Gebiete ab ${de(n)} Einwohnern`,
  },

  form: {
    newTitle: 'Neue Warnregel',
    editTitle: (name: string) => `Warnregel „${name}“ bearbeiten`,
    kind: 'Art der Regel',
    name: 'Name',
    key: 'Schlüssel',
    keyHint: 'Kleinbuchstaben, Ziffern und _; kann später nicht geändert werden.',
    description: 'Beschreibung',
    severity: 'Dringlichkeit',
    active: 'Regel ist aktiv',
    minPopulation: 'Mindesteinwohnerzahl',
    minPopulationHint: 'Kleinere Gebiete werden übergangen (leer: alle Gebiete).',
    indicator: 'Indikator',
    anyIndicator: 'Alle Indikatoren mit Bewertungsrichtung',
    direction: 'Richtung',
    above: 'über dem Wert',
    below: 'unter dem Wert',
    value: 'Schwellenwert',
    trigger: 'Auslösen',
    always: 'immer, wenn der Wert jenseits liegt',
    crossing: 'nur beim Überschreiten seit dem letzten Stichtag',
    periods: 'Anzahl in Folge',
    periodsHint: 'Wie oft hintereinander sich der Wert ungünstig entwickelt haben muss (2 bis 20).',
    k: 'Vielfaches der Standardabweichung',
    kHint: 'z. B. 2: der Wert liegt mehr als zwei Standardabweichungen vom Stadtwert entfernt.',
    index: 'Index',
    part: 'Teilindex',
    anyPart: 'Alle Teile',
    save: 'Speichern',
    cancel: 'Abbrechen',
    required: 'Bitte ausfüllen.',
    keyFormat: 'Nur Kleinbuchstaben, Ziffern und _ (2 bis 63 Zeichen, beginnt mit einem Buchstaben).',
    number: 'Bitte eine Zahl eingeben (Dezimalkomma erlaubt).',
    integerRange: (min: number, max: number) =>
      `Bitte eine ganze Zahl von ${de(min)} bis ${de(max)} eingeben.`,
    positive: 'Bitte eine Zahl größer als 0 eingeben.',
    problems: (n: number) => `Bitte ${plural(n, 'Angabe', 'Angaben')} prüfen.`,
  },
};
