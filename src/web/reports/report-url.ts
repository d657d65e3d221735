/**
 * The choice on the reports page lives in the address, so a link reproduces it:
 *
 * | parameter    | meaning                                            | example       |
 * |--------------|----------------------------------------------------|---------------|
 * | `vorlage`    | template key                                       | `steckbrief`  |
 * | `ebene`      | level key                                          | `sozialraum`  |
 * | `gebiet`     | area key (area templates)                          | `101`         |
 * | `stichtag`   | Stichtag (YYYY-MM-DD)                              | `2024-12-31`  |
 * | `format`     | `pdf`, `docx` or `html`                            | `docx`        |
 * | `intern`     | `1`: with unprotected values (planners only)       | `1`           |
 *
 * Without `intern` a report is public (only disclosure-protected values): the safe default.
 */
import { REPORT_FORMATS, type ReportFormat } from './api.ts';

export interface ReportChoice {
  template: string | null;
  level: string | null;
  area: string | null;
  date: string | null;
  format: ReportFormat;
  /** Unprotected values (an internal draft); only planners may ask for it. */
  internal: boolean;
}

const PARAMS = { template: 'vorlage', level: 'ebene', area: 'gebiet', date: 'stichtag' } as const;
const TEXT_FIELDS = Object.keys(PARAMS) as (keyof typeof PARAMS)[];

const isFormat = (value: string | null): value is ReportFormat =>
  value !== null && (REPORT_FORMATS as readonly string[]).includes(value);

/**
 * Reads the choice from a query string; missing parameters are null, the format defaults to PDF.
 * @example readReportChoice('?vorlage=steckbrief&format=docx').format // 'docx'
 */
export function readReportChoice(search: string): ReportChoice {
  const params = new URLSearchParams(search);
  const choice: ReportChoice = {
    template: null,
    level: null,
    area: null,
    date: null,
    format: 'pdf',
    internal: params.get('intern') === '1',
  };
  for (const field of TEXT_FIELDS) choice[field] = params.get(PARAMS[field]) || null;
  const format = params.get('format');
  if (isFormat(format)) choice.format = format;
  return choice;
}

/**
 * The query string of a choice (without `?`; empty fields and the default format left out).
 * @example reportChoiceQuery({ template: 'steckbrief', level: 'sozialraum', area: '101', date: null, format: 'pdf', internal: false })
 * // 'vorlage=steckbrief&ebene=sozialraum&gebiet=101'
 */
export function reportChoiceQuery(choice: ReportChoice): string {
  const params = new URLSearchParams();
  for (const field of TEXT_FIELDS) {
    const value = choice[field];
    if (value) params.set(PARAMS[field], value);
  }
  if (choice.format !== 'pdf') params.set('format', choice.format);
  if (choice.internal) params.set('intern', '1');
  return params.toString();
}

/** Writes the choice into the address without a new history entry (the page stays the same). */
export function writeReportChoice(choice: ReportChoice): void {
  const query = reportChoiceQuery(choice);
  const next = `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`;
  if (next !== `${window.location.pathname}${window.location.search}${window.location.hash}`)
    window.history.replaceState(window.history.state, '', next);
}
