/**
 * Turns an error answer of the API into messages per form field: 400 `request.invalid` lists
 * schema issues as `/field: message` (zod's wording, partly English), read here in German.
 */
import { t } from '../texts.ts';

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
