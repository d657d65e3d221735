/**
 * Turns an error answer of POST/PUT /api/indices into German messages per form field. A 400
 * `request.invalid` lists schema issues as `/parts/0/indicators/1/weight: message`; the field is
 * named by that path (`parts.0.indicators.1.weight`), which is also the id suffix of its input.
 */
import { germanIssue, schemaProblems, type ErrorAnswer, type PathProblems } from '../ui/form-issues.ts';
import { et } from './editor-texts.ts';
import type { IndexDefinition } from './types.ts';

/** German message per field path (`name`, `parts.0.classes.2.max`, `parts.1.classes` …). */
export type IndexFormProblems = PathProblems;

/**
 * A German reading of one schema issue of an index field.
 * @example indexIssue('Too small: expected number to be >0') // 'Muss größer als 0 sein.'
 */
export function indexIssue(message: string, field: string): string {
  if (/^Too small: expected number to be >0$/.test(message)) return et.issues.positive;
  if (/^Invalid input: expected number/.test(message)) return et.issues.number;
  if (/^Invalid input: expected int/.test(message)) return et.issues.integer;
  if (/^Too small: expected array to have >=1 items?$/.test(message)) return et.issues.atLeastOne;
  if (/^Invalid input$/.test(message) && field.endsWith('.direction')) return et.issues.option;
  return germanIssue(message, field.split('.').at(-1) ?? field);
}

/**
 * A readable name of a field path for the error summary.
 * @example fieldLabel('parts.0.indicators.1.weight') // 'Teilindex 1, Indikator 2: Gewicht'
 */
export function fieldLabel(path: string): string {
  const segments = path.split('.');
  const out: string[] = [];
  for (let i = 0; i < segments.length; i++) {
    const name = segments[i] ?? '';
    const next = segments[i + 1];
    const position = next !== undefined && /^\d+$/.test(next) ? Number(next) + 1 : null;
    if (name === 'parts' && position !== null) out.push(et.part(position));
    else if (name === 'indicators' && position !== null) out.push(et.indicatorRow(position));
    else if (name === 'classes' && position !== null) out.push(et.classRow(position));
    else if (/^\d+$/.test(name)) continue;
    else {
      out.push(et.fieldNames[name] ?? name);
      continue;
    }
    i++;
  }
  if (out.length <= 1) return out[0] ?? path;
  return `${out.slice(0, -1).join(', ')}: ${out.at(-1)}`;
}

/**
 * Field messages and a summary for an error answer of the index API.
 * @param draft the definition sent, to place errors that name indicators (422 unknown_indicator)
 */
export function indexFormProblems(
  error: ErrorAnswer,
  draft?: Pick<IndexDefinition, 'parts'>,
): IndexFormProblems {
  const schema = schemaProblems(error, indexIssue, et.invalid);
  if (schema) return schema;
  const fields: Record<string, string> = {};
  if (error.code === 'indices.unknown_indicator' && Array.isArray(error.details.indicators) && draft) {
    const unknown = new Set(error.details.indicators.filter((v): v is string => typeof v === 'string'));
    draft.parts.forEach((p, pi) =>
      p.indicators.forEach((i, ii) => {
        if (unknown.has(i.indicator))
          fields[`parts.${pi}.indicators.${ii}.indicator`] = et.issues.unknownIndicator;
      }),
    );
  }
  // named errors of the service may point at a field themselves
  const path = error.details.path;
  if (typeof path === 'string' && path) fields[path.replace(/^\//, '').split('/').join('.')] = error.message;
  if (Array.isArray(path)) fields[path.join('.')] = error.message;
  if (/duplicate|exists|key_mismatch/.test(error.code)) fields.key = error.message;
  return { fields, summary: error.message };
}
