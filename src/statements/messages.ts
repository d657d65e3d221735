/** German messages of statements on land-use plans and occupancy profiles, in one place. */
import { formatNumber } from '../core/format.ts';

const list = (names: readonly string[], max = 12): string =>
  names.length === 0
    ? '(keine)'
    : names
        .slice(0, max)
        .map((n) => `„${n}“`)
        .join(', ') + (names.length > max ? ` … (${names.length} insgesamt)` : '');

export const statementMessages = {
  notFound: (id: number) => `Die Stellungnahme Nr. ${id} gibt es nicht.`,
  unknownProfile: (key: string, known: readonly string[]) =>
    `Das Belegungsprofil „${key}“ gibt es nicht. Vorhanden sind: ${list(known)}.`,
  profileStartTaken: (key: string, validFrom: string) =>
    `Für das Belegungsprofil „${key}“ ist schon eine Fassung ab dem ${validFrom} oder später gespeichert. ` +
    'Bitte ein späteres Datum wählen.',
  unknownDwellingType: (type: string, profile: string, known: readonly string[]) =>
    `Die Wohnform „${type}“ kennt das Belegungsprofil „${profile}“ nicht. Möglich sind: ${list(known)}.`,
  emptyPlanArea: (file: string) =>
    `${file}: Das Plangebiet enthält keine Fläche. Erwartet wird ein Polygon oder MultiPolygon (GeoJSON, ` +
    'Shapefile) mit dem Geltungsbereich des Bebauungsplans.',
  planOutside: (level: string) =>
    `Das Plangebiet liegt in keinem Gebiet der Ebene „${level}“. Bitte das Koordinatensystem prüfen ` +
    '(z. B. --crs EPSG:25832) oder eine andere Ebene wählen.',
  planPartlyOutside: (share: number) =>
    `${formatNumber(share * 100, 1)} % des Plangebiets liegen außerhalb aller Gebiete der Ebene; ` +
    'gerechnet wird mit dem Teil innerhalb.',
  planLarge: (km2: number) =>
    `Das Plangebiet ist ${formatNumber(km2, 1)} km² groß – ungewöhnlich für einen Bebauungsplan. ` +
    'Bitte Geltungsbereich und Koordinatensystem prüfen.',
  noLevel: () => 'Es gibt noch keine Gebiete. Bitte zuerst Gebiete importieren (lagebild import areas).',
  notDerivable: (variable: string) =>
    `Der Bedarf nennt die Variable „${variable}“, die sich nicht aus dem Alter der neuen Einwohner ergibt.`,
  walking: () =>
    'Erreichbarkeitsrichtwert (Anteil in Fußwegentfernung): für ein Plangebiet ohne Lage der künftigen ' +
    'Einrichtungen nicht sinnvoll zu berechnen.',
  coverageUnavailable: (message: string) => `Versorgung im Bestand nicht verfügbar: ${message}`,
  reachApproximation: () =>
    'Einzugsbereich über Erreichbarkeit: die zusätzliche Nachfrage wird dem Gebiet zugerechnet, in dem ' +
    'das Plangebiet liegt (Näherung ohne Verteilung auf Nachbargebiete).',
  districtShared: (levelName: string) =>
    `Versorgung gemeinsam auf der Ebene ${levelName}: jedes Gebiet zeigt die Werte des übergeordneten ` +
    'Gebiets, dem der zusätzliche Bedarf aller betroffenen Gebiete darin zugerechnet wird.',
  interpolated: () =>
    'Die Altersgrenzen des Richtwerts fallen nicht auf die Altersgruppen des Profils; der Anteil wurde ' +
    'gleichmäßig über die Altersjahre einer Gruppe verteilt.',
  schoolDefault: () =>
    'Für Grundschulplätze ist kein Richtwert hinterlegt: gerechnet wird mit der Schulpflicht (jedes Kind von ' +
    '6 bis 9 Jahren braucht einen Platz); ein Abgleich mit dem Bestand ist ohne Richtwert nicht möglich.',
  schoolSource: () =>
    'Schulpflicht nach den Schulgesetzen der Länder; Grundschule Klassen 1 bis 4 (6 bis 9 Jahre)',
  careNotComputed: () =>
    'Der Bedarf an Pflege wird nicht berechnet: Es ist kein Richtwert für Pflegeeinrichtungen hinterlegt. ' +
    'Pflegequoten hängen von Land, Alter und Geschlecht ab und werden mit der Pflegeplanung als Richtwerte ' +
    'eingeführt. Zur Einordnung sind die erwarteten Einwohnerinnen und Einwohner ab 65 und ab 80 Jahren ausgewiesen.',
  careComputed: (names: readonly string[]) => `Pflegebedarf berechnet: ${list(names)}.`,
  careDefault: (assumptions: string) =>
    `Für Pflegeeinrichtungen ist kein Richtwert hinterlegt: gerechnet wird mit den Pflegeannahmen „${assumptions}“ ` +
    '(Pflegequoten nach Alter × Anteil vollstationär ÷ Auslastung); ein Abgleich mit dem Bestand ist ohne Richtwert nicht möglich.',
};
