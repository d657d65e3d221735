/**
 * The effect of a measure in plain German (docs/methods.md §9), worded so that it never claims
 * more than the estimate carries: a difference whose interval includes 0 is „kein belastbarer
 * Unterschied“, a favourable one „spricht für eine Wirkung, beweist sie aber nicht“, and an
 * estimate on too few comparison areas or pre-period years is shown only as a hint. All German
 * texts of the effect estimate live here.
 */
import { formatNumber } from '../core/format.ts';

/** Is a high value of the indicator bad (SGB-II-Quote), good (Betreuungsquote) or neither? */
export type Polarity = 'high_bad' | 'high_good' | 'neutral';

/** Whether the estimate may be shown as reliable, and why not. */
export interface Reliability {
  /** False when any of the flags below is set. */
  reliable: boolean;
  /** Untreated areas with values before and after the start (the comparison pool). */
  comparisonPool: number;
  /** Years of the pre-period. */
  preYears: number;
  /** comparisonPool below the minimum. */
  fewComparisons: boolean;
  /** preYears below the minimum. */
  fewPreYears: boolean;
  /** No placebo runs were possible, so there is no interval. */
  noInterval: boolean;
  /** The minimums applied. */
  minComparisons: number;
  minPreYears: number;
}

/** Everything the sentences are made of. */
export interface EffectWordingInput {
  /** The indicator with its article in the nominative, e.g. „die SGB-II-Quote“. */
  subject: string;
  /** The indicator's unit; `%` is worded as „Prozentpunkte“ (a difference of rates). */
  unit: string;
  /** Decimals shown (default 1). */
  decimals?: number;
  polarity: Polarity;
  /** δ̂; null when nothing could be estimated. */
  estimate: number | null;
  interval: { lower: number; upper: number } | null;
  /** Mean change of the treated areas (post − pre). */
  treatedChange: number | null;
  /** Mean change of their matched comparisons. */
  comparisonChange: number | null;
  reliability: Reliability;
  /** Comparisons per treated area (for the note on the method). */
  k: number;
  /** Treated areas left out for lack of values. */
  droppedTreated?: readonly string[];
}

/** What the sentences conclude, for styling in the UI. */
export type Verdict =
  'no_estimate' | 'not_reliable' | 'no_reliable_difference' | 'favourable' | 'unfavourable' | 'difference';

/** The text: sentences to show as the result, notes to show beside it. */
export interface EffectText {
  verdict: Verdict;
  sentences: string[];
  notes: string[];
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The unit of a difference: a difference of percentages is in percentage points. */
function differenceUnit(unit: string): string {
  const u = unit.trim();
  return u === '%' ? 'Prozentpunkte' : u;
}

/**
 * The sentence describing the difference: which way the treated areas moved relative to the
 * comparisons, by how much, and the interval in the same direction (so „um 1,2 stärker gesunken
 * (Unsicherheitsbereich 0,4 bis 2,0)“, never a sign the reader must flip).
 */
function differenceSentence(input: EffectWordingInput, estimate: number): string {
  const { subject, interval } = input;
  const decimals = input.decimals ?? 1;
  const unit = differenceUnit(input.unit);
  const withUnit = (v: number) => (unit ? `${formatNumber(v, decimals)} ${unit}` : formatNumber(v, decimals));
  const sign = estimate < 0 ? -1 : 1;
  const range = interval
    ? `Unsicherheitsbereich ${formatNumber(sign < 0 ? -interval.upper : interval.lower, decimals)} bis ${withUnit(
        sign < 0 ? -interval.lower : interval.upper,
      )}`
    : 'ohne Unsicherheitsbereich';
  const amount = withUnit(Math.abs(estimate));
  if (formatNumber(Math.abs(estimate), decimals) === formatNumber(0, decimals))
    return `${capitalise(subject)} hat sich in den Maßnahmegebieten praktisch genauso entwickelt wie in ähnlichen Gebieten (Unterschied ${amount}; ${range}).`;
  const dT = input.treatedChange ?? 0;
  const dC = input.comparisonChange ?? 0;
  let verb: string | null;
  if (estimate < 0) verb = dC <= 0 ? 'stärker gesunken' : dT > 0 ? 'schwächer gestiegen' : null;
  else verb = dC >= 0 ? 'stärker gestiegen' : dT < 0 ? 'schwächer gesunken' : null;
  if (verb)
    return `Im Vergleich zu ähnlichen Gebieten ist ${subject} in den Maßnahmegebieten um ${amount} ${verb} (${range}).`;
  // treated and comparisons moved in opposite directions: say so instead of "stronger"
  const own =
    estimate < 0 ? (dT < 0 ? 'gesunken' : 'gleich geblieben') : dT > 0 ? 'gestiegen' : 'gleich geblieben';
  const other = estimate < 0 ? 'gestiegen' : 'gesunken';
  return `${capitalise(subject)} ist in den Maßnahmegebieten ${own}, in ähnlichen Gebieten dagegen ${other}; der Unterschied beträgt ${amount} (${range}).`;
}

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

/** Notes on the method and on everything that limits the estimate. */
function notes(input: EffectWordingInput): string[] {
  const r = input.reliability;
  const out = [
    `Verglichen wird mit je ${input.k} ähnlichen Gebieten ohne die Maßnahme – ähnlich nach Niveau, Entwicklung und Größe vor Beginn.`,
  ];
  if (r.fewComparisons)
    out.push(
      `Nur ${r.comparisonPool} ${plural(r.comparisonPool, 'Gebiet', 'Gebiete')} ohne die Maßnahme ${plural(r.comparisonPool, 'steht', 'stehen')} zum Vergleich bereit (mindestens ${r.minComparisons}); die Schätzung gilt deshalb nicht als belastbar.`,
    );
  if (r.fewPreYears)
    out.push(
      `Vor Beginn der Maßnahme ${r.preYears === 1 ? 'liegt nur ein Jahr' : `liegen nur ${r.preYears} Jahre`} vor (mindestens ${r.minPreYears}); ohne den Verlauf davor lassen sich die Gebiete nicht verlässlich vergleichen, die Schätzung gilt deshalb nicht als belastbar.`,
    );
  if (r.noInterval && !r.fewComparisons)
    out.push(
      'Für Vergleichsrechnungen mit zufällig gewählten Gebieten gibt es zu wenige Gebiete ohne die Maßnahme; ohne Unsicherheitsbereich gilt die Schätzung nicht als belastbar.',
    );
  const dropped = input.droppedTreated ?? [];
  if (dropped.length > 0)
    out.push(
      `${dropped.length} ${plural(dropped.length, 'Maßnahmegebiet', 'Maßnahmegebiete')} ohne Werte vor oder nach Beginn ${plural(dropped.length, 'bleibt', 'bleiben')} unberücksichtigt (${dropped.join(', ')}).`,
    );
  return out;
}

/**
 * Sentences and notes for an effect estimate. Conclusions, in order: no estimate; not reliable
 * (only a hint, no conclusion); interval includes 0 („Kein belastbarer Unterschied …“); else by
 * polarity — favourable („spricht für eine Wirkung, beweist sie aber nicht“), unfavourable, or for a
 * neutral indicator only that the difference is larger than chance would explain.
 * @example effectText({ subject: 'die SGB-II-Quote', unit: '%', polarity: 'high_bad', estimate: -1.2,
 *   interval: { lower: -2, upper: -0.4 }, treatedChange: -1.5, comparisonChange: -0.3, k: 3, reliability })
 *   .sentences // ['Im Vergleich zu ähnlichen Gebieten ist die SGB-II-Quote in den Maßnahmegebieten um
 *   // 1,2 Prozentpunkte stärker gesunken (Unsicherheitsbereich 0,4 bis 2,0 Prozentpunkte).',
 *   // 'Das spricht für eine Wirkung, beweist sie aber nicht.']
 */
export function effectText(input: EffectWordingInput): EffectText {
  const { estimate, interval, polarity, reliability } = input;
  const noteList = notes(input);
  if (estimate === null)
    return {
      verdict: 'no_estimate',
      sentences: [
        'Eine Wirkung lässt sich nicht schätzen: Es bleibt kein Maßnahmegebiet mit Werten vor und nach Beginn und mit Vergleichsgebieten.',
      ],
      notes: noteList,
    };
  const difference = differenceSentence(input, estimate);
  if (!reliability.reliable || !interval)
    return {
      verdict: 'not_reliable',
      sentences: [`Nur als Hinweis, nicht belastbar: ${difference}`],
      notes: noteList,
    };
  if (interval.lower <= 0 && interval.upper >= 0)
    return {
      verdict: 'no_reliable_difference',
      sentences: [
        `Kein belastbarer Unterschied zu ähnlichen Gebieten: ${difference}`,
        'Eine Wirkung der Maßnahme lässt sich damit weder zeigen noch ausschließen.',
      ],
      notes: noteList,
    };
  const favourable = polarity === 'neutral' ? null : estimate < 0 === (polarity === 'high_bad');
  if (favourable === null)
    return {
      verdict: 'difference',
      sentences: [
        difference,
        'Der Unterschied ist größer, als er zwischen ähnlichen Gebieten zufällig zu erwarten wäre; ob er auf die Maßnahme zurückgeht, zeigt diese Rechnung allein nicht.',
      ],
      notes: noteList,
    };
  return favourable
    ? {
        verdict: 'favourable',
        sentences: [difference, 'Das spricht für eine Wirkung, beweist sie aber nicht.'],
        notes: noteList,
      }
    : {
        verdict: 'unfavourable',
        sentences: [
          difference,
          'Die Entwicklung verlief damit ungünstiger als in ähnlichen Gebieten; eine Wirkung in die angestrebte Richtung zeigt sich nicht. Das muss nicht an der Maßnahme liegen.',
        ],
        notes: noteList,
      };
}
