/**
 * The rule form's state (text as typed), its check, the rule sent to the server, and the rule's
 * condition in words for the rule list. Pure.
 */
import type { Indicator } from '../../indicators/indicator.schema.ts';
import type { RuleKind, Severity, WarningRule } from '../../warnings/warning.schema.ts';
import { withUnit } from '../../core/format.ts';
import { wt } from './texts.ts';

export interface RuleDraft {
  kind: RuleKind;
  key: string;
  name: string;
  description: string;
  severity: Severity;
  active: boolean;
  /** Mindesteinwohnerzahl as typed; empty = every area. */
  minPopulation: string;
  /** Indicator key; '' = every indicator with a polarity (rising, deviation). */
  indicator: string;
  direction: 'above' | 'below';
  value: string;
  crossing: boolean;
  periods: string;
  k: string;
  index: string;
  /** Part key; '' = every part. */
  part: string;
}

export const EMPTY_RULE_DRAFT: RuleDraft = {
  kind: 'threshold',
  key: '',
  name: '',
  description: '',
  severity: 'mittel',
  active: true,
  minPopulation: '300',
  indicator: '',
  direction: 'above',
  value: '',
  crossing: false,
  periods: '3',
  k: '2',
  index: '',
  part: '',
};

const decimal = (n: number) => String(n).replace('.', ',');

/** The form state of a stored rule. */
export function toDraft(rule: WarningRule): RuleDraft {
  const d: RuleDraft = {
    ...EMPTY_RULE_DRAFT,
    kind: rule.kind,
    key: rule.key,
    name: rule.name,
    description: rule.description,
    severity: rule.severity,
    active: rule.active,
    minPopulation: rule.minPopulation === null ? '' : String(rule.minPopulation),
  };
  switch (rule.kind) {
    case 'threshold':
      return {
        ...d,
        indicator: rule.indicator,
        direction: rule.direction,
        value: decimal(rule.value),
        crossing: rule.crossing,
      };
    case 'rising':
      return { ...d, indicator: rule.indicator ?? '', periods: String(rule.periods) };
    case 'deviation':
      return { ...d, indicator: rule.indicator ?? '', k: decimal(rule.k) };
    case 'index_class':
      return { ...d, index: rule.index, part: rule.part ?? '' };
  }
}

/**
 * A key from a German name: lower case, umlauts spelled out, other characters as `_`.
 * @example keyFromName('Kinderarmut über 30 %') // 'kinderarmut_ueber_30'
 */
export function keyFromName(name: string): string {
  const spelled = name
    .toLocaleLowerCase('de-DE')
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  const key = /^[a-z]/.test(spelled) ? spelled : `regel_${spelled}`;
  return key.slice(0, 63).replace(/_+$/, '');
}

export type DraftField = keyof RuleDraft;
export type DraftCheck =
  { rule: WarningRule; issues: null } | { rule: null; issues: Partial<Record<DraftField, string>> };

const number = (text: string) => (text.trim() === '' ? Number.NaN : Number(text.trim().replace(',', '.')));
const integer = (text: string) => {
  const n = number(text);
  return Number.isInteger(n) ? n : Number.NaN;
};

/**
 * Checks the draft and builds the rule; every problem is named at its field, in German.
 * @example checkDraft({ ...EMPTY_RULE_DRAFT, name: 'X', key: 'x_y', indicator: 'sgb2_quote', value: '30,5' }).rule?.kind // 'threshold'
 */
export function checkDraft(d: RuleDraft): DraftCheck {
  const issues: Partial<Record<DraftField, string>> = {};
  const f = wt.form;
  if (!d.name.trim()) issues.name = f.required;
  if (!/^[a-z][a-z0-9_]{1,62}$/.test(d.key)) issues.key = d.key ? f.keyFormat : f.required;
  // index rules follow the index's own validity rules
  const min = d.kind === 'index_class' || d.minPopulation.trim() === '' ? null : integer(d.minPopulation);
  if (min !== null && !(min >= 0)) issues.minPopulation = f.integerRange(0, 10_000_000);
  const common = {
    key: d.key,
    name: d.name.trim(),
    description: d.description.trim(),
    severity: d.severity,
    active: d.active,
    minPopulation: min,
  };
  let rule: WarningRule | null = null;
  switch (d.kind) {
    case 'threshold': {
      const value = number(d.value);
      if (!d.indicator) issues.indicator = f.required;
      if (!Number.isFinite(value)) issues.value = f.number;
      rule = {
        ...common,
        kind: 'threshold',
        indicator: d.indicator,
        direction: d.direction,
        value,
        crossing: d.crossing,
      };
      break;
    }
    case 'rising': {
      const periods = integer(d.periods);
      if (!(periods >= 2 && periods <= 20)) issues.periods = f.integerRange(2, 20);
      rule = { ...common, kind: 'rising', indicator: d.indicator || null, periods };
      break;
    }
    case 'deviation': {
      const k = number(d.k);
      if (!(k > 0 && k <= 10)) issues.k = f.positive;
      rule = { ...common, kind: 'deviation', indicator: d.indicator || null, k };
      break;
    }
    case 'index_class':
      if (!d.index) issues.index = f.required;
      rule = { ...common, kind: 'index_class', index: d.index, part: d.part || null };
      break;
  }
  return Object.keys(issues).length ? { rule: null, issues } : { rule, issues: null };
}

type IndicatorInfo = Pick<Indicator, 'key' | 'name' | 'unit' | 'decimals'>;

/**
 * The condition of a rule in words, for the rule list.
 * @example describeCondition(rule, indicators, new Map([['berlin_mss', { name: 'MSS', parts: new Map([['status', 'Status-Index']]) }]]))
 */
export function describeCondition(
  rule: WarningRule,
  indicators: readonly IndicatorInfo[],
  indices: ReadonlyMap<string, { name: string; parts: ReadonlyMap<string, string> }>,
): string {
  const c = wt.condition;
  const ind = (key: string | null) =>
    key === null ? c.allIndicators : (indicators.find((i) => i.key === key)?.name ?? key);
  let text: string;
  switch (rule.kind) {
    case 'threshold': {
      const info = indicators.find((i) => i.key === rule.indicator);
      const value = info ? withUnit(rule.value, info.decimals, info.unit) : decimal(rule.value);
      const side = rule.direction === 'above' ? c.above : c.below;
      const when = rule.crossing ? ` · ${rule.direction === 'above' ? c.crossing : c.crossingBelow}` : '';
      text = `${ind(rule.indicator)} ${side} ${value}${when}`;
      break;
    }
    case 'rising':
      text = `${ind(rule.indicator)}: ${c.rising(rule.periods)}`;
      break;
    case 'deviation':
      text = `${ind(rule.indicator)}: ${c.deviation(decimal(rule.k))}`;
      break;
    case 'index_class': {
      const index = indices.get(rule.index);
      const part = rule.part === null ? null : (index?.parts.get(rule.part) ?? rule.part);
      text = `${index?.name ?? rule.index}: ${c.indexClass(part)}`;
      break;
    }
  }
  return rule.minPopulation === null ? text : `${text} · ${c.minPopulation(rule.minPopulation)}`;
}
