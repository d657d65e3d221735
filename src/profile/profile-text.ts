/**
 * The generated text of an area profile: 3–6 plain German sentences naming what stands out, with
 * the numbers. Deterministic templates on computed comparisons — no randomness, no free text.
 *
 * What is notable (rules, in this order of priority):
 * 1. Deviation from the city: indicators that are levels (shares, rates, ratios — not counts, not
 *    changes) whose value lies at least 1 population SD of the level's areas from the city value
 *    (the MSS threshold of a notable area, docs/methods.md §3); ≥ 2 SD reads „weit“.
 *    Indicators with a polarity (social situation) come before neutral ones (structure), each by
 *    the size of the deviation; the first leads, further ones are listed as unfavourable,
 *    favourable or (neutral) „außerdem abweichend“.
 * 2. Change over the trend window (n years): the area's change differs from the city's change by
 *    at least 1 SD of the areas' changes and by 5 % of the city value, and rounds to a visible
 *    change; polar indicators first. It is judged against the city's development.
 * Deviations, too, must reach 5 % of the city value (MIN_RELATIVE) to count.
 * 3. The composite index class (e.g. MSS status and dynamics) with the robustness of the rank.
 * 4. The early warnings of the area; 5. how many values are secret (shown as ·).
 * Secret and missing values are never candidates; a text without any deviation says so.
 */
import { capitalise, inArea, numberWord, subjectOf } from '../core/grammar.ts';
import type { ProfileIndex, ProfileIndicator } from './profile.schema.ts';

export type TextIndicator = Pick<
  ProfileIndicator,
  | 'key'
  | 'name'
  | 'unit'
  | 'changeUnit'
  | 'decimals'
  | 'polarity'
  | 'formula'
  | 'value'
  | 'city'
  | 'deviation'
> & { trend: Pick<ProfileIndicator['trend'], 'change' | 'cityChange' | 'deviation'> };

export interface ProfileTextInput {
  areaName: string;
  levelName: string;
  /** n years of the trend window. */
  years: number;
  indicators: readonly TextIndicator[];
  index: Pick<ProfileIndex, 'name' | 'parts' | 'current' | 'robustness'> | null;
  /** The area's warnings; null when early warning is not available. */
  warnings: readonly { severity: 'hoch' | 'mittel' }[] | null;
  /** Level name of the whole territory the area is compared with: „Stadt“ (default) or „Kreis“. */
  wholeLevelName?: string;
}

/** The whole territory in the phrases of the text. */
interface Whole {
  /** „(Stadt: 12,3 %)“ */
  name: string;
  /** „dem städtischen Wert“, „dem Wert des Kreises“ (dative) */
  value: string;
  /** „in der Stadt“, „im Kreis“ */
  in: string;
  /** „von der der Stadt“, „von der des Kreises“ */
  of: string;
}

/**
 * The phrases for a city and for a Kreis; a Gemeinde is compared with the Kreis, and „städtisch“
 * would be wrong there.
 */
export function wholePhrases(levelName = 'Stadt'): Whole {
  if (levelName === 'Kreis')
    return { name: 'Kreis', value: 'dem Wert des Kreises', in: 'im Kreis', of: 'des Kreises' };
  if (levelName === 'Stadt')
    return { name: 'Stadt', value: 'dem städtischen Wert', in: 'in der Stadt', of: 'der Stadt' };
  return {
    name: levelName,
    value: `dem Wert (${levelName})`,
    in: `im Gebiet (${levelName})`,
    of: `des Gebiets (${levelName})`,
  };
}

/** Standardised deviation from which a difference counts as notable („deutlich“). */
export const NOTABLE_SD = 1;
/** … and from which it reads „weit“. */
export const FAR_SD = 2;
/**
 * A notable difference must also matter: at least this share of the city value (a Frauenanteil of
 * 51,9 % against 51,4 % may be 1 SD off in a homogeneous city, but is no finding).
 */
export const MIN_RELATIVE = 0.05;
const MAX_SENTENCES = 6;
const LEVEL_FORMULAS = new Set(['share', 'per_mille', 'per_1000', 'ratio']);
const NBSP = '\u00a0';

const formatters = new Map<string, Intl.NumberFormat>();
function fmt(value: number, decimals: number, sign = false): string {
  const id = `${decimals}|${sign}`;
  let f = formatters.get(id);
  if (!f) {
    f = new Intl.NumberFormat('de-DE', {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
      signDisplay: sign ? 'exceptZero' : 'auto',
    });
    formatters.set(id, f);
  }
  return f.format(value).replace(/^[-+](0(,0+)?)$/, '$1');
}

/**
 * A number with its unit the German way (decimal comma, non-breaking space before the unit).
 * @example withUnit(24.06, 1, '%') // '24,1 %'
 */
export const withUnit = (value: number, decimals: number, unit: string, sign = false) =>
  unit ? `${fmt(value, decimals, sign)}${NBSP}${unit}` : fmt(value, decimals, sign);

/** Change units in words: „Pp.“ reads „Prozentpunkte“. */
const changeWords = (unit: string) => (unit === 'Pp.' ? 'Prozentpunkte' : unit);

const isLevel = (i: TextIndicator) => LEVEL_FORMULAS.has(i.formula);
const known = (c: { value: number | null; status: string }): c is { value: number; status: string } =>
  c.value !== null && (c.status === 'value' || c.status === 'estimated');

/** +1 unfavourable, −1 favourable, 0 neutral — for a difference of sign `sign`. */
const judgement = (polarity: TextIndicator['polarity'], sign: number) =>
  polarity === 'neutral' || sign === 0 ? 0 : (polarity === 'high_bad') === sign > 0 ? 1 : -1;

/**
 * Indicators with a polarity (the social situation) before neutral ones (structure), then by |x|
 * descending; ties keep catalogue order (Array.prototype.sort is stable).
 */
const byWeight = <T>(items: T[], polar: (t: T) => boolean, x: (t: T) => number) =>
  items.sort((a, b) => Number(polar(b)) - Number(polar(a)) || Math.abs(x(b)) - Math.abs(x(a)));
const isPolar = (i: TextIndicator) => i.polarity !== 'neutral';

interface Deviation {
  ind: TextIndicator & { value: { value: number }; city: { value: number } };
  d: number;
  judged: number;
}

function deviations(indicators: readonly TextIndicator[]): Deviation[] {
  const found: Deviation[] = [];
  for (const ind of indicators) {
    if (!isLevel(ind) || !known(ind.value) || !known(ind.city) || ind.deviation === null) continue;
    if (Math.abs(ind.deviation) < NOTABLE_SD) continue;
    if (Math.abs(ind.value.value - ind.city.value) < MIN_RELATIVE * Math.abs(ind.city.value)) continue;
    found.push({
      ind: ind as Deviation['ind'],
      d: ind.deviation,
      judged: judgement(ind.polarity, ind.deviation),
    });
  }
  return byWeight(
    found,
    (f) => isPolar(f.ind),
    (f) => f.d,
  );
}

function leadSentence(place: string, lead: Deviation | undefined, anySecret: boolean, whole: Whole): string {
  if (!lead)
    return `${place} weicht kein${anySecret ? ' ausgewiesener' : ''} Indikator deutlich von ${whole.value} ab.`.replace(
      ' von dem ',
      ' vom ',
    );
  const { ind, d, judged } = lead;
  const v = withUnit(ind.value.value, ind.decimals, ind.unit);
  const c = withUnit(ind.city.value, ind.decimals, ind.unit);
  const how = Math.abs(d) >= FAR_SD ? 'weit' : 'deutlich';
  const side = d > 0 ? 'über' : 'unter';
  const verdict = judged > 0 ? ' (ungünstig)' : judged < 0 ? ' (günstig)' : '';
  const subject = subjectOf(ind.name);
  const verb = subject.plural ? 'liegen' : 'liegt';
  return `${place} ${verb} ${subject.text} mit ${v} ${how} ${side} ${whole.value} von ${c}${verdict}.`;
}

function listSentence(intro: string, items: Deviation[], whole: Whole): string | null {
  if (!items.length) return null;
  const parts = items.map(
    ({ ind }) =>
      `${ind.name} mit ${withUnit(ind.value.value, ind.decimals, ind.unit)} (${whole.name}: ${withUnit(ind.city.value, ind.decimals, ind.unit)})`,
  );
  return `${intro}: ${parts.join(' und ')}.`;
}

function changeCandidates(indicators: readonly TextIndicator[]): TextIndicator[] {
  const found = indicators.filter(
    (i) =>
      isLevel(i) &&
      i.trend.change !== null &&
      i.trend.cityChange !== null &&
      i.trend.deviation !== null &&
      Math.abs(i.trend.deviation) >= NOTABLE_SD &&
      known(i.city) &&
      Math.abs(i.trend.change - i.trend.cityChange) >= MIN_RELATIVE * Math.abs(i.city.value) &&
      fmt(Math.abs(i.trend.change), i.decimals) !== fmt(0, i.decimals),
  );
  return byWeight(found, isPolar, (i) => i.trend.deviation!).slice(0, 2);
}

function changeSentence(i: TextIndicator, years: number, whole: Whole): string {
  const change = i.trend.change!;
  const words = changeWords(i.changeUnit);
  const subject = subjectOf(i.name);
  // judged against the city's development: rising less than the city is the better development
  const verdict = judgement(i.polarity, change - i.trend.cityChange!);
  const tail =
    verdict > 0
      ? ` – ungünstiger als ${whole.in} insgesamt`
      : verdict < 0
        ? ` – günstiger als ${whole.in} insgesamt`
        : '';
  return (
    `${capitalise(subject.text)} ${subject.plural ? 'sind' : 'ist'} in den letzten ${numberWord(years)} Jahren um ` +
    `${withUnit(Math.abs(change), i.decimals, words)} ${change > 0 ? 'gestiegen' : 'gesunken'} ` +
    `(${whole.name}: ${withUnit(i.trend.cityChange!, i.decimals, words, true)})${tail}.`
  );
}

const DYNAMICS: Record<string, string> = { positiv: 'positiver', stabil: 'stabiler', negativ: 'negativer' };

function indexSentence(index: NonNullable<ProfileTextInput['index']>): string {
  const named = `Im Index „${index.name}“`;
  const cur = index.current;
  if (!cur) return `${named} ist das Gebiet zu diesem Stichtag nicht eingestuft.`;
  if (!cur.valid) {
    const reason = cur.invalidReason?.replace(/\.\s*$/, '');
    return `${named} wird das Gebiet nicht eingestuft${reason ? ` (${reason})` : ''}.`;
  }
  const label = (partKey: string) => {
    const part = index.parts.find((p) => p.key === partKey);
    const code = cur.parts[partKey]?.class ?? null;
    return part?.classes.find((c) => c.code === code)?.label ?? null;
  };
  const code = cur.code ? ` (${cur.code})` : '';
  const keys = index.parts.map((p) => p.key);
  let body: string;
  const status = label('status');
  const dynamics = label('dynamics');
  if (keys.length === 2 && status && dynamics) {
    const dyn = DYNAMICS[dynamics] ? `${DYNAMICS[dynamics]} Dynamik` : `der Dynamik „${dynamics}“`;
    body = `${named} hat das Gebiet den Status „${status}“ mit ${dyn}${code}`;
  } else {
    const classes = index.parts
      .map((p) => ({ p, l: label(p.key) }))
      .filter((x) => x.l !== null)
      .map(({ p, l }) => `${p.label} „${l}“`);
    body = classes.length
      ? `${named} ist das Gebiet so eingestuft: ${classes.join(', ')}${code}`
      : `${named} ist das Gebiet nicht eingestuft`;
  }
  const r = index.robustness;
  if (!r) return `${body}.`;
  const [low, high] = [Math.round(r.rankLow), Math.round(r.rankHigh)];
  const interval = `Rang ${r.rank} von ${r.rankOf}, 5–95${NBSP}%: ${low === high ? low : `${low}–${high}`}`;
  return `${body}; die Einstufung ist ${r.robust ? 'robust' : 'unsicher'} (${interval}).`;
}

function warningSentence(warnings: NonNullable<ProfileTextInput['warnings']>): string {
  const n = warnings.length;
  if (n === 0) return 'Die Frühwarnung meldet für das Gebiet keine Hinweise.';
  const high = warnings.filter((w) => w.severity === 'hoch').length;
  const count = n === 1 ? 'einen Hinweis' : `${numberWord(n)} Hinweise`;
  const urgent =
    high === 0
      ? ''
      : n === 1
        ? ' mit hoher Dringlichkeit'
        : `, davon ${high === 1 ? 'einen' : numberWord(high)} mit hoher Dringlichkeit`;
  return `Die Frühwarnung meldet für das Gebiet ${count}${urgent}.`;
}

function secretSentence(indicators: readonly TextIndicator[]): string | null {
  const n = indicators.filter((i) => i.value.status === 'secret').length;
  if (n === 0) return null;
  return n === 1
    ? 'Ein Wert ist zum Schutz von Einzelangaben geheim gehalten (·).'
    : `${capitalise(numberWord(n))} Werte sind zum Schutz von Einzelangaben geheim gehalten (·).`;
}

export interface ProfileText {
  sentences: string[];
  /** Keys of the indicators the sentences name, most notable first (for charts beside the text). */
  indicators: string[];
}

/**
 * The profile text as sentences in reading order: deviations, changes, index, warnings, secrecy.
 * When more than six sentences qualify, the lower-priority ones are dropped (priority: lead
 * deviation, first change, index, warnings, unfavourable, favourable, neutral, second change,
 * secrecy).
 * @example profileText({ areaName: 'Nordviertel', levelName: 'Sozialraum', years: 2, indicators, index: null, warnings: [] })
 *   // { sentences: ['Im Sozialraum Nordviertel liegt die SGB-II-Quote mit 24,1 % deutlich über dem städtischen Wert von 12,3 % (ungünstig).', …], indicators: ['sgb2_quote', …] }
 */
export function profileText(input: ProfileTextInput): ProfileText {
  const place = inArea(input.levelName, input.areaName);
  const whole = wholePhrases(input.wholeLevelName);
  const all = deviations(input.indicators);
  const [lead, ...rest] = all;
  const bad = rest.filter((x) => x.judged > 0).slice(0, 2);
  const good = rest.filter((x) => x.judged < 0).slice(0, 2);
  const neutral = rest.filter((x) => x.judged === 0).slice(0, 2);
  const also = (judged: number) => (lead?.judged === judged ? 'Ebenfalls deutlich' : 'Deutlich');
  // with secret values, only what is shown can be said to be unremarkable
  const anySecret = input.indicators.some((i) => i.value.status === 'secret');
  const shown = anySecret ? ' ausgewiesenen' : '';
  const changed = changeCandidates(input.indicators);
  const changes = changed.length
    ? changed.map((i) => changeSentence(i, input.years, whole))
    : [
        `Die Entwicklung in den letzten ${numberWord(input.years)} Jahren weicht bei keinem${shown} Indikator deutlich von der ${whole.of} ab.`,
      ];
  // [priority, reading order, sentence]
  const candidates: [number, number, string | null][] = [
    [0, 0, leadSentence(place, lead, anySecret, whole)],
    [4, 1, listSentence(`${also(1)} ungünstiger als ${whole.in}`, bad, whole)],
    [5, 2, listSentence(`${also(-1)} günstiger als ${whole.in}`, good, whole)],
    [6, 3, listSentence(`Außerdem ${neutral.length > 1 ? 'weichen' : 'weicht'} deutlich ab`, neutral, whole)],
    [1, 4, changes[0] ?? null],
    [7, 5, changes[1] ?? null],
    [2, 6, input.index ? indexSentence(input.index) : null],
    [3, 7, input.warnings ? warningSentence(input.warnings) : null],
    [8, 8, secretSentence(input.indicators)],
  ];
  const sentences = candidates
    .filter((c): c is [number, number, string] => c[2] !== null)
    .sort((a, b) => a[0] - b[0])
    .slice(0, MAX_SENTENCES)
    .sort((a, b) => a[1] - b[1])
    .map((c) => c[2]);
  const named = [lead, ...bad, ...good, ...neutral].flatMap((x) => (x ? [x.ind.key] : []));
  return { sentences, indicators: [...new Set([...named, ...changed.map((i) => i.key)])] };
}
