/** The edit form's state (text as typed) and the definition sent to the server. */
import type { ClassificationSpec } from '../../classification/classification.schema.ts';
import type { Formula, Indicator } from '../../indicators/indicator.schema.ts';
import { TEMPORAL_FORMULAS } from './catalogue.ts';
import { t } from '../texts.ts';

export interface Draft {
  key: string;
  name: string;
  theme: string;
  numerator: string;
  denominator: string;
  formula: Formula;
  periodYears: string;
  unit: string;
  polarity: Indicator['polarity'];
  decimals: string;
  description: string;
  source: string;
  updateCycle: string;
  published: boolean;
  /** Zielwert as typed; empty = none. */
  target: string;
  /** Default map classification; kept as loaded (changed in the atlas, not in this form). */
  classification: ClassificationSpec | null;
}

export const EMPTY_DRAFT: Draft = {
  key: '',
  name: '',
  theme: '',
  numerator: '',
  denominator: '',
  formula: 'share',
  periodYears: '',
  unit: t.editor.units.share,
  polarity: 'neutral',
  decimals: '1',
  description: '',
  source: '',
  updateCycle: 'jährlich zum 31.12.',
  published: false,
  target: '',
  classification: null,
};

export function toDraft(indicator: Indicator): Draft {
  return {
    ...indicator,
    denominator: indicator.denominator ?? '',
    periodYears: indicator.periodYears === null ? '' : String(indicator.periodYears),
    decimals: String(indicator.decimals),
    target: indicator.target === null ? '' : String(indicator.target).replace('.', ','),
  };
}

/** An empty number field is sent as NaN (JSON null), so the server names the field. */
const toNumber = (text: string) => (text.trim() === '' ? Number.NaN : Number(text.trim().replace(',', '.')));

/** Does the formula use a denominator? (`count` never does.) */
export const usesDenominator = (formula: Formula) => formula !== 'count';
/** May the denominator be left empty? (changes and trends of a plain count) */
export const denominatorOptional = (formula: Formula) =>
  formula === 'relative_change' || formula === 'trend_slope';

/**
 * The definition as the API expects it; fields the formula does not use are sent empty (null).
 * @example toDefinition({ ...EMPTY_DRAFT, formula: 'count', denominator: 'ew' }).denominator // null
 */
export function toDefinition(draft: Draft): Indicator {
  const denominator = draft.denominator.trim();
  const period = toNumber(draft.periodYears);
  return {
    key: draft.key.trim(),
    name: draft.name.trim(),
    theme: draft.theme.trim(),
    numerator: draft.numerator.trim(),
    denominator: usesDenominator(draft.formula) && denominator ? denominator : null,
    formula: draft.formula,
    periodYears: TEMPORAL_FORMULAS.has(draft.formula) && !Number.isNaN(period) ? period : null,
    unit: draft.unit.trim(),
    polarity: draft.polarity,
    decimals: toNumber(draft.decimals),
    description: draft.description.trim(),
    source: draft.source.trim(),
    updateCycle: draft.updateCycle.trim(),
    published: draft.published,
    classification: draft.classification,
    target: draft.target.trim() === '' ? null : toNumber(draft.target),
  };
}

/**
 * A new formula; the unit follows unless someone typed their own.
 * @example withFormula({ ...EMPTY_DRAFT, unit: '%' }, 'change_pp').unit // 'Pp.'
 */
export function withFormula(draft: Draft, formula: Formula): Draft {
  const defaultUnit = draft.unit.trim() === '' || draft.unit === t.editor.units[draft.formula];
  return { ...draft, formula, unit: defaultUnit ? t.editor.units[formula] : draft.unit };
}
