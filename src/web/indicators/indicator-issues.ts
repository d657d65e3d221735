/**
 * Turns an error answer of the indicator API into messages per form field: 400 `request.invalid`
 * lists schema issues as `/field: message` (zod's wording, partly English), 422 names unknown
 * variables, 409 a duplicate key.
 */
import type { Indicator } from '../../indicators/indicator.schema.ts';
import { t } from '../texts.ts';
import { germanIssue, type ErrorAnswer } from '../ui/form-issues.ts';

export type Field = keyof Indicator;

export interface FormProblems {
  /** German message per field. */
  fields: Partial<Record<Field, string>>;
  /** What went wrong as a whole (shown above the fields). */
  summary: string;
}

const FIELDS = new Set<string>([
  'key',
  'name',
  'theme',
  'numerator',
  'denominator',
  'formula',
  'periodYears',
  'unit',
  'polarity',
  'decimals',
  'description',
  'source',
  'updateCycle',
  'published',
  'classification',
  'target',
]);
const isField = (name: string): name is Field => FIELDS.has(name);

/** Field messages and a summary for an error answer of POST/PUT /api/indicators. */
export function formProblems(
  error: ErrorAnswer,
  draft: Pick<Indicator, 'numerator' | 'denominator'>,
): FormProblems {
  const fields: FormProblems['fields'] = {};
  if (error.code === 'request.invalid' && Array.isArray(error.details.issues)) {
    const general: string[] = [];
    for (const issue of error.details.issues) {
      if (typeof issue !== 'string') continue;
      const match = /^\/([A-Za-z]+)[^:]*: (.*)$/s.exec(issue);
      const name = match?.[1] ?? '';
      if (match && isField(name)) {
        // the first problem of a field is the one to fix first
        fields[name] ??= germanIssue(match[2] ?? '', name);
      } else {
        general.push(issue);
      }
    }
    if (Object.keys(fields).length > 0) return { fields, summary: [t.editor.invalid, ...general].join(' ') };
    return { fields, summary: error.message };
  }
  if (error.code === 'indicators.unknown_variable' && Array.isArray(error.details.variables)) {
    const unknown = new Set(error.details.variables.filter((v): v is string => typeof v === 'string'));
    if (unknown.has(draft.numerator)) fields.numerator = t.issues.unknownVariable;
    if (draft.denominator !== null && unknown.has(draft.denominator))
      fields.denominator = t.issues.unknownVariable;
  } else if (error.code === 'indicators.duplicate' || error.code === 'indicators.key_mismatch') {
    fields.key = error.message;
  }
  return { fields, summary: error.message };
}
