/**
 * German texts of the Bedarfsplan's ranking, in one place: each area's reason in plain words
 * („Statusklasse 4 (sehr niedrig), kein Nachbarschaftszentrum innerhalb von 1.000 m (nächstes in
 * 1.430 m), 38 fehlende Plätze“), the rule as a sentence for reports, and the errors.
 */
import { formatNumber } from '../core/format.ts';
import type { AreaNeed, RankingParams, SocialClass } from './ranking-score.ts';

type Gender = 'f' | 'm' | 'n';

/** How a facility type is named in a sentence: the noun and its grammatical gender. */
export interface FacilityNoun {
  noun: string;
  gender: Gender;
}

const NOUNS: Record<string, FacilityNoun> = {
  kita: { noun: 'Kita', gender: 'f' },
  kindertagespflege: { noun: 'Kindertagespflegestelle', gender: 'f' },
  grundschule: { noun: 'Grundschule', gender: 'f' },
  ogs: { noun: 'Offene Ganztagsschule', gender: 'f' },
  jugendeinrichtung: { noun: 'Jugendeinrichtung', gender: 'f' },
  spielplatz: { noun: 'Spielplatz', gender: 'm' },
  pflegeheim: { noun: 'Pflegeheim', gender: 'n' },
  tagespflege: { noun: 'Tagespflege', gender: 'f' },
  ambulanter_dienst: { noun: 'ambulanter Pflegedienst', gender: 'm' },
  begegnungsstaette: { noun: 'Begegnungsstätte', gender: 'f' },
  nachbarschaftszentrum: { noun: 'Nachbarschaftszentrum', gender: 'n' },
  beratungsstelle: { noun: 'Beratungsstelle', gender: 'f' },
};

/**
 * The noun of a facility type: the built-in types by name, any other as „Einrichtung der Art …“.
 * @example facilityNoun('spielplatz', 'Spielplatz') // { noun: 'Spielplatz', gender: 'm' }
 */
export function facilityNoun(type: string, typeName: string): FacilityNoun {
  return NOUNS[type] ?? { noun: `Einrichtung der Art „${typeName}“`, gender: 'f' };
}

/** „a, b und c“ */
const joinAnd = (items: readonly string[]) =>
  items.length > 1 ? `${items.slice(0, -1).join(', ')} und ${items.at(-1)}` : (items[0] ?? '');

const NONE: Record<Gender, string> = { f: 'keine', m: 'kein', n: 'kein' };
const NEAREST: Record<Gender, string> = { f: 'nächste', m: 'nächster', n: 'nächstes' };

/** Metres as people read them: rounded to 10 m, with a thousands dot. */
export const metres = (m: number) => `${formatNumber(Math.round(m / 10) * 10, 0)} m`;
const percent = (x: number) => `${formatNumber(x, 0)} %`;

/** What the reason needs to know beyond the area. */
export interface ReasonContext {
  facility: FacilityNoun;
  /** Unit of the supply, e.g. „Plätze“, „m² Spielfläche“. */
  unit: string;
  /** Walking distance of a `walking` norm (its gap is people without a facility in reach). */
  walking: number | null;
  /** Key of the index part the class comes from (`status`: „Statusklasse …“); null: no index. */
  part: { key: string; label: string } | null;
  params: RankingParams;
}

/** „Statusklasse 4 (sehr niedrig)“, or for another part „Dynamik-Index: Klasse - (negativ)“. */
export function classText(c: SocialClass, part: { key: string; label: string }): string {
  return part.key === 'status'
    ? `Statusklasse ${c.code} (${c.label})`
    : `${part.label}: Klasse ${c.code} (${c.label})`;
}

function distanceText(a: AreaNeed, ctx: ReasonContext): string {
  const { noun, gender } = ctx.facility;
  if (a.distance === null) return `${NONE[gender]} ${noun} in Betrieb`;
  if (a.distance > ctx.params.radius)
    return `${NONE[gender]} ${noun} innerhalb von ${metres(ctx.params.radius)} (${NEAREST[gender]} in ${metres(a.distance)})`;
  return `${NEAREST[gender]} ${noun} in ${metres(a.distance)}`;
}

function gapText(a: AreaNeed, ctx: ReasonContext): string {
  if (a.status === 'secret') return 'Versorgungsquote geheim (Geheimhaltung kleiner Zahlen)';
  if (a.demand === 0) return 'kein Bedarf';
  if (a.demand === null || a.rate === null || a.missing === null) return 'Versorgung unbekannt';
  const missing = Math.round(a.missing);
  if (ctx.walking !== null) {
    const share = `${percent(a.rate)} mit Angebot in ${metres(ctx.walking)}`;
    return missing >= 1
      ? `${formatNumber(missing, 0)} Personen ohne Angebot in Fußweglänge (${share})`
      : share;
  }
  const quote = `Versorgungsquote ${percent(a.rate)}`;
  if (missing < 1) return quote;
  if (ctx.unit === 'Plätze')
    return `${missing === 1 ? '1 fehlender Platz' : `${formatNumber(missing, 0)} fehlende Plätze`} (${quote})`;
  return `es fehlen ${formatNumber(missing, 0)} ${ctx.unit} (${quote})`;
}

/**
 * The reason of one area in plain German: its class, the nearest facility and its coverage,
 * each where its criterion counts (weight above 0).
 * @example needReason(area, ctx) // 'Statusklasse 4 (sehr niedrig), kein Nachbarschaftszentrum innerhalb von 1.000 m (nächstes in 1.430 m), 38 fehlende Plätze (Versorgungsquote 64 %)'
 */
export function needReason(a: AreaNeed, ctx: ReasonContext, classNote: string | null): string {
  const w = ctx.params.weights;
  const parts: string[] = [];
  if (w.class > 0 && ctx.part)
    parts.push(
      a.socialClass
        ? classText(a.socialClass, ctx.part)
        : `${ctx.part.key === 'status' ? 'Statusklasse' : `${ctx.part.label}: Klasse`} nicht ermittelt` +
            (classNote ? ` (${classNote})` : ''),
    );
  if (w.distance > 0) parts.push(distanceText(a, ctx));
  if (w.gap > 0) parts.push(gapText(a, ctx));
  return parts.join(', ');
}

/**
 * The rule as one paragraph, for the Bedarfsplan and the API: the needs, the score, the weights.
 * @param classNeed the classes that are a need, e.g. „Statusklasse 3 (niedrig) oder 4 (sehr niedrig)“
 */
export function ruleText(ctx: ReasonContext, classNeed: string | null): string {
  const { weights: w, radius } = ctx.params;
  const { noun, gender } = ctx.facility;
  const needs: string[] = [];
  const points: string[] = [];
  const shown: number[] = [];
  if (w.gap > 0) {
    needs.push(
      ctx.walking !== null ? 'Personen ohne Angebot in Fußweglänge' : 'mindestens ein fehlender Platz',
    );
    points.push('dem ungedeckten Anteil des Bedarfs');
    shown.push(w.gap);
  }
  if (w.class > 0 && ctx.part) {
    needs.push(classNeed ?? 'eine Klasse des Index ab der gewählten Schwere');
    points.push('der Schwere der Klasse (0 bis 1)');
    shown.push(w.class);
  }
  if (w.distance > 0) {
    needs.push(`${NONE[gender]} ${noun} innerhalb von ${metres(radius)} Luftlinie`);
    points.push(`der Entfernung zur nächsten Einrichtung im Verhältnis zu ${metres(radius)} (höchstens 1)`);
    shown.push(w.distance);
  }
  const weights = shown.map((x) => formatNumber(x, x % 1 === 0 ? 0 : 2)).join(' : ');
  return (
    `Zuerst stehen die Gebiete, auf die mehr Bedarfsmerkmale zutreffen (${needs.join('; ')}). ` +
    `Bei gleich vielen Merkmalen entscheidet die Punktzahl von 0 bis 100${shown.length > 1 ? ': das gewichtete Mittel' : ''} aus ${joinAnd(points)}` +
    (shown.length > 1 ? `, gewichtet ${weights}` : '') +
    '. Unbekannte Werte zählen 0 Punkte; Gebiete ohne Bedarf werden nicht gereiht.'
  );
}

export const rankingMessages = {
  noWeights: () =>
    'Mindestens ein Kriterium (Versorgungslücke, Sozialindex oder Entfernung) braucht ein Gewicht über 0.',
  unknownPart: (index: string, part: string, known: readonly string[]) =>
    `Der Index „${index}“ hat keinen Teilindex „${part}“ (vorhanden: ${known.join(', ')}).`,
  noFacilities: (noun: FacilityNoun, date: string) =>
    `Am ${date} ist ${NONE[noun.gender]} ${noun.noun} in Betrieb; jede Entfernung zählt als Bedarf.`,
  noVersion: (norm: string, date: string) =>
    `Der Richtwert „${norm}“ gilt am ${date} nicht; die Versorgungslücke ist unbekannt und zählt 0 Punkte.`,
  referencePoint: (cellSize: number) =>
    `Entfernung in Luftlinie vom Mittelpunkt des Gebiets: die ${cellSize}-m-Rasterzelle im Gebiet, die dem ` +
    'Schwerpunkt seiner Rasterzellen am nächsten liegt.',
} as const;
