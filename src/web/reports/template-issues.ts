/**
 * Turns an error answer of PUT /api/reports/templates/:key or the import into German messages per
 * form field. A 400 `request.invalid` lists schema issues as `/chapters/0/blocks/1/text: message`;
 * `reports.invalid_template` names the field in `details.path` (`chapters.0.title`). The dotted
 * path is also the id suffix of the field's input, so the summary can link to it.
 */
import { germanIssue, schemaProblems, type ErrorAnswer, type PathProblems } from '../ui/form-issues.ts';
import { rt } from './texts.ts';

/** German message per field path (`name`, `chapters.0.blocks.1.text`, …). */
export type TemplateProblems = PathProblems;

const e = rt.editor;

/**
 * A readable name of a field path.
 * @example fieldLabel('chapters.0.blocks.1.text') // 'Kapitel 1, Baustein 2: Text'
 */
export function fieldLabel(path: string): string {
  const segments = path.split('.');
  const places: string[] = [];
  let field: string | null = null;
  for (let i = 0; i < segments.length; i++) {
    const name = segments[i] ?? '';
    const next = segments[i + 1];
    const position = next !== undefined && /^\d+$/.test(next) ? Number(next) + 1 : null;
    // an import of several templates: the first segment is the template's place in the file
    if (i === 0 && /^\d+$/.test(name)) {
      places.push(e.templateN(Number(name) + 1));
      continue;
    }
    if (name === 'chapters' && position !== null) places.push(e.chapter(position));
    else if (name === 'blocks' && position !== null) places.push(e.block(position));
    else if (/^\d+$/.test(name)) continue;
    else {
      field = e.fieldNames[name] ?? name;
      // an item of a list (`items.2`) is still the list field
      if (position !== null) i++;
      continue;
    }
    i++;
  }
  if (field === null) return places.join(', ') || path;
  if (path === 'title') return e.docTitle;
  // a chapter's title is labelled „Überschrift“ in the form
  if (/^chapters\.\d+\.title$/.test(path.replace(/^\d+\./, ''))) field = e.chapterTitle;
  return places.length ? `${places.join(', ')}: ${field}` : field;
}

/** `/chapters/0/title` or `chapters.0.title` (or an array of segments) as a dotted path. */
function dotted(path: unknown): string | null {
  if (Array.isArray(path)) return path.join('.');
  if (typeof path !== 'string' || !path || path === '(Wurzel)') return null;
  return path.replace(/^\//, '').split('/').join('.');
}

/**
 * Field messages and a summary for an error answer of the template API.
 * @example templateProblems({ code: 'request.invalid', message: '…', details: { issues: ['/name: Too small: expected string to have >=1 characters'] } })
 * // { fields: { name: 'Bitte ausfüllen.' }, summary: 'Die Vorlage ist noch nicht vollständig:' }
 */
export function templateProblems(error: ErrorAnswer): TemplateProblems {
  const schema = schemaProblems(
    error,
    (message, path) => germanIssue(message, path.split('.').at(-1) ?? path),
    e.invalid,
  );
  if (schema) return schema;
  const fields: Record<string, string> = {};
  const path = dotted(error.details.path);
  if (path) fields[path] = error.message;
  if (/builtin|exists|key/.test(error.code) && !path) fields.key = error.message;
  return { fields, summary: error.message };
}

/**
 * The German message of a refused import: each schema issue with the place in words and the field
 * path as in the JSON file, so the person finds it in the file.
 * @example importProblemText({ code: 'request.invalid', message: '…', details: { issues: ['/chapters/0/title: Too small: expected string to have >=1 characters'] } })
 * // 'Import abgelehnt, keine Vorlage übernommen. Kapitel 1: Titel (Feld „chapters.0.title“): Bitte ausfüllen.'
 */
export function importProblemText(error: ErrorAnswer): string {
  if (error.code !== 'request.invalid' || !Array.isArray(error.details.issues)) return error.message;
  const problems = templateProblems(error);
  const lines = Object.entries(problems.fields).map(
    ([path, message]) => `${fieldLabel(path)} (${e.fieldPath(path)}): ${message}`,
  );
  return lines.length ? `${e.importRejected} ${lines.join(' ')}` : error.message;
}
