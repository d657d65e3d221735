/** German texts of the typology and compare pages (one place, for a later translation). */
import { formatNumber } from '../../core/format.ts';

const areas = (n: number) => (n === 1 ? '1 Gebiet' : `${formatNumber(n, 0)} Gebiete`);

export const tt = {
  typology: {
    title: 'Sozialraumtypen',
    /** Names the footnotes of the areas whose input values were converted from an earlier Gebietsstand. */
    convertedNotes: 'Gebiete mit umgerechneten Eingangswerten',
    intro:
      'Gebiete mit ähnlicher Lage werden zu Typen zusammengefasst: Die gewählten Indikatoren werden standardisiert (z-Werte), dann gruppiert ein k-Means-Verfahren mit festem Startwert die Gebiete. Die Zahl der Typen wählt das Silhouetten-Kriterium, sofern Sie sie nicht selbst festlegen.',
    toCompare: 'Gebiete vergleichen',
    controls: 'Auswahl der Typisierung',
    k: 'Anzahl der Typen',
    kAuto: 'automatisch (Silhouette)',
    loading: 'Typen werden berechnet …',
    mapLabel: (level: string, date: string, k: number) =>
      `Karte: ${k} Sozialraumtypen der Ebene ${level}, ${date}`,
    legend: 'Typen',
    unassignedLegend: 'nicht zugeordnet',
    summary: (k: number, auto: boolean, silhouette: string, assigned: number, unassigned: number) =>
      `${k} Typen${auto ? ' (automatisch gewählt)' : ''}, mittlere Silhouette ${silhouette}; ${areas(assigned)} zugeordnet${
        unassigned ? `, ${areas(unassigned)} nicht zugeordnet` : ''
      }.`,
    criterionTitle: 'Wahl der Typenzahl',
    criterionIntro:
      'Die mittlere Silhouette misst, wie klar sich die Typen trennen (1 = sehr klar, 0 = keine Struktur). Die Fehlerquadratsumme (WCSS) sinkt mit jeder weiteren Gruppe; ein Knick („Ellenbogen“) spricht für diese Zahl.',
    silhouette: 'Mittlere Silhouette',
    wcss: 'Fehlerquadratsumme (WCSS)',
    chosen: 'gewählt',
    kAxis: 'Anzahl der Typen (k)',
    criterionLabel: (list: string, k: number) =>
      `Liniendiagramm: mittlere Silhouette und Fehlerquadratsumme je Typenzahl. ${list}. Gewählt: k = ${k}.`,
    criterionRow: (k: number, sil: string, wcss: string) => `k = ${k}: Silhouette ${sil}, WCSS ${wcss}`,
    profilesTitle: 'Typenprofile',
    profilesCaption: (date: string) =>
      `Mittelwerte der Gebiete je Typ (Typzentren) in den Einheiten der Indikatoren, Stichtag ${date}; in Klammern die Abweichung vom Mittel der Gebiete in Standardabweichungen`,
    type: 'Typ',
    count: 'Gebiete',
    city: 'Stadt',
    areasTitle: 'Gebiete je Typ',
    unassignedTitle: 'Nicht zugeordnet',
    unassignedIntro:
      'Diese Gebiete fehlen in der Typisierung, weil für sie ein Wert geheim gehalten wird oder fehlt.',
    compareLink: 'vergleichen',
    profileLink: 'Gebietsprofil',
    silhouetteOf: 'Silhouette',
    areasCount: areas,
    tooltip: (label: string) => label,
  },
  picker: {
    legend: 'Indikatoren',
    hint: (n: number, max: number) => `${n} ausgewählt (höchstens ${max})`,
    defaults: 'Standardauswahl',
    none: 'Keine',
  },
  compare: {
    title: 'Gebiete vergleichen',
    /** Names the footnotes of the values converted from an earlier Gebietsstand. */
    convertedNotes: 'Umgerechnete Werte',
    intro:
      'Zwei Gebiete nebeneinander oder ein Gebiet gegen die Stadt bzw. seinen Bezirk: Werte, Differenzen und Ränge unter allen Gebieten der Ebene. Darunter Gebiete, deren Werte dem gewählten Gebiet ähneln.',
    toTypology: 'Sozialraumtypen',
    controls: 'Auswahl des Vergleichs',
    a: 'Gebiet A',
    b: 'Vergleich mit (B)',
    city: 'Stadt',
    district: (levelName: string) => `${levelName} von A`,
    areas: 'Gebiete',
    chooseA: 'Bitte ein Gebiet A wählen.',
    loading: 'Vergleich wird geladen …',
    tableCaption: (a: string, b: string, date: string) => `${a} im Vergleich mit ${b}, Stichtag ${date}`,
    indicator: 'Indikator',
    difference: 'Differenz A − B',
    rank: (name: string) => `Rang ${name}`,
    rankOf: (rank: number, of: number) => `${rank} von ${of}`,
    rankHint: 'Rang 1 = höchster Wert unter den Gebieten der Ebene',
    chartTitle: 'Abweichung vom Mittel der Gebiete',
    chartIntro:
      'In Standardabweichungen (z-Werte), damit Indikatoren mit verschiedenen Einheiten vergleichbar sind; 0 = Mittel der Gebiete.',
    chartLabel: (a: string, b: string, list: string) =>
      `Balkendiagramm: z-Werte von ${a} und ${b} je Indikator. ${list}`,
    similarTitle: (name: string) => `Vergleichbare Gebiete zu ${name}`,
    /** Caption of the table of comparable areas; names its scrolling region, distinct from the section. */
    similarCaption: (name: string) => `Abstand und Werte der vergleichbaren Gebiete zu ${name}`,
    similarIntro:
      'Gebiete, deren Werte bei jedem gewählten Indikator im Toleranzband um die Werte des Gebiets liegen, das ähnlichste zuerst (Abstand in Standardabweichungen).',
    tolerance: 'Toleranz',
    band: 'Toleranzband',
    bandSd: '± Standardabweichungen',
    bandPercent: '± Prozent des Werts',
    bandRow: 'Band',
    unitSd: 'Standardabweichungen',
    unitPercent: 'Prozent',
    distance: 'Abstand',
    noSimilar:
      'Kein anderes Gebiet liegt bei allen Indikatoren im Toleranzband. Eine größere Toleranz oder weniger Indikatoren finden mehr.',
    similarCount: (n: number, incomplete: number) =>
      `${areas(n)} im Band${incomplete ? `; ${areas(incomplete)} ohne vollständige Werte nicht geprüft` : ''}.`,
    compareWith: 'als B wählen',
  },
};
