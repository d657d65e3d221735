/**
 * Turns an error answer of the indicator API into messages per form field: 400 `request.invalid`
 * lists schema issues as `/field: message` (zod's wording, partly English), 422 names unknown
 * variables, 409 a duplicate key.
 */
import type { Indicator } from '../indicators/indicator.schema.ts';
import { t } from './texts.ts';

export type Field = keyof Indicator;

export interface FormProblems {
  /** German message per field. */
  fields: Partial<Record<Field, string>>;
  /** What went wrong as a whole (shown above the fields). */
  summary: string;
}

/** An error answer of the API (see `ApiError`). */
export interface ErrorAnswer {
  code: string;
  message: string;
  details: Record<string, unknown>;
}

/** Messages by dotted field path (`parts.0.indicators.1.weight`) and a summary for the form. */
export interface PathProblems {
  fields: Record<string, string>;
  summary: string;
}

/**
 * The schema issues of a 400 `request.invalid` answer (`/parts/0/weight: message`) by dotted field
 * path — the first issue of a field, read in German by `read` — with `invalid` and the issues
 * without a path as the summary. null for any other answer (named errors of the services).
 */
export function schemaProblems(
  error: ErrorAnswer,
  read: (message: string, path: string) => string,
  invalid: string,
): PathProblems | null {
  if (error.code !== 'request.invalid' || !Array.isArray(error.details.issues)) return null;
  const fields: Record<string, string> = {};
  const general: string[] = [];
  for (const issue of error.details.issues) {
    if (typeof issue !== 'string') continue;
    const match = /^\/([A-Za-z0-9_/]+): (.*)$/s.exec(issue);
    if (match?.[1]) {
      const path = match[1].split('/').join('.');
      // the first problem of a field is the one to fix first
      fields[path] ??= read(match[2] ?? '', path);
    } else general.push(issue);
  }
  if (Object.keys(fields).length > 0) return { fields, summary: [invalid, ...general].join(' ') };
  return { fields, summary: error.message };
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

/**
 * A German reading of one schema issue; German messages (the server's own checks) stay as they are.
 * @example germanIssue('Too big: expected number to be <=4', 'decimals') // 'Höchstens 4.'
 */
export function germanIssue(message: string, field: string): string {
  let m: RegExpExecArray | null;
  if (/^Too small: expected string to have >=1 characters?$/.test(message)) return t.issues.required;
  if ((m = /^Too big: expected string to have <=(\d+) characters?$/.exec(message)))
    return t.issues.tooLong(m[1] ?? '');
  if ((m = /^Too small: expected string to have >=(\d+) characters?$/.exec(message)))
    return t.issues.tooShort(m[1] ?? '');
  if ((m = /^Too big: expected number to be <=(-?\d+)$/.exec(message))) return t.issues.max(m[1] ?? '');
  if ((m = /^Too small: expected number to be >=(-?\d+)$/.exec(message))) return t.issues.min(m[1] ?? '');
  if (/^Invalid input: expected (int|number)/.test(message)) return t.issues.number;
  if (/^Invalid option/.test(message)) return t.issues.option;
  if (/^Invalid string: must match pattern/.test(message))
    return field === 'key' ? t.issues.key : t.issues.pattern;
  return message;
}

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
