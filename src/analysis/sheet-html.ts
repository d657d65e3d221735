/**
 * The Kennblatt (metadata sheet) of an indicator as a printable HTML document (A4, German): the
 * facts of the Kennblatt page plus the city value at every Stichtag. Pure: the same input gives
 * the same document (golden file beside the test). The labels are those of the web page
 * (indicators/sheet-labels.ts), so page and PDF never say different things.
 */
import { formatDate, formatValue, withUnit } from '../core/format.ts';
import { escapeHtml } from '../core/html.ts';
import type { ValueStatus } from '../core/value-status.ts';
import type { Indicator } from '../indicators/indicator.schema.ts';
import {
  APP_NAME,
  FORMULA_LABELS,
  formulaWritten,
  POLARITY_LABELS,
  SHEET_LABELS,
} from '../indicators/sheet-labels.ts';

export interface SheetInput {
  indicator: Indicator;
  /** The Stichtag the sheet is printed for (YYYY-MM-DD), null when there is no data yet. */
  date: string | null;
  /** Name of the territory, e.g. Musterstadt. */
  cityName: string | null;
  /** The city value at every Stichtag, ascending (protected values for the public). */
  citySeries: readonly { date: string; value: number | null; status: ValueStatus }[];
  /** Day the sheet was made (YYYY-MM-DD). */
  generatedOn: string;
}

/** Paragraphs of a free text (blank lines separate them). */
const paragraphs = (text: string) =>
  text
    .trim()
    .split(/\n\s*\n/)
    .map((p) => `<p>${escapeHtml(p.trim()).replace(/\n/g, '<br>')}</p>`)
    .join('');

const CSS = `
@page { size: A4; }
* { box-sizing: border-box; }
body { font: 10.5pt/1.45 "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #1d232b; margin: 0; }
.eyebrow { text-transform: uppercase; letter-spacing: .06em; font-size: 8.5pt; color: #4b5563; margin: 0 0 2mm; }
h1 { font-size: 19pt; line-height: 1.2; margin: 0 0 2mm; color: #0b2540; }
.meta { color: #4b5563; margin: 0 0 6mm; }
h2 { font-size: 12.5pt; margin: 7mm 0 2mm; color: #0b2540; break-after: avoid; }
dl { display: grid; grid-template-columns: 42mm 1fr; margin: 0; border-top: 1px solid #d1d5db; }
dt, dd { margin: 0; padding: 2.2mm 0; border-bottom: 1px solid #e5e7eb; break-inside: avoid; }
dt { font-weight: bold; padding-right: 4mm; }
dd p { margin: 0 0 1.5mm; } dd p:last-child { margin: 0; }
code { font: 9.5pt "DejaVu Sans Mono", monospace; background: #f3f4f6; padding: 0 1mm; }
.formula { display: block; margin: 1mm 0; }
.muted { color: #6b7280; }
table { border-collapse: collapse; min-width: 90mm; }
th, td { padding: 1.2mm 3mm; border-bottom: 1px solid #e5e7eb; text-align: left; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
thead th { border-bottom: 1.5px solid #9ca3af; }
.note { margin-top: 8mm; font-size: 8.5pt; color: #4b5563; }
`;

/** Title used for the document and the page footer, e.g. `Kennblatt: SGB-II-Quote`. */
export const sheetTitle = (indicator: Pick<Indicator, 'name'>) =>
  `${SHEET_LABELS.eyebrow}: ${indicator.name}`;

/**
 * @returns a complete HTML document with inline CSS and no external resources
 * @example renderSheetHtml({ indicator, date: '2024-12-31', cityName: 'Musterstadt', citySeries: [], generatedOn: '2025-01-15' })
 */
export function renderSheetHtml(input: SheetInput): string {
  const { indicator: ind, date, cityName, citySeries, generatedOn } = input;
  const stated = (text: string) =>
    text.trim() ? escapeHtml(text.trim()) : `<span class="muted">${SHEET_LABELS.notStated}</span>`;
  const fact = (label: string, html: string, id?: string) =>
    `<dt>${escapeHtml(label)}</dt><dd${id ? ` data-fact="${id}"` : ''}>${html}</dd>`;
  const numbers = (value: number) => withUnit(value, ind.decimals, ind.unit);

  const facts = [
    fact(
      SHEET_LABELS.definition,
      ind.description.trim() ? paragraphs(ind.description) : escapeHtml(SHEET_LABELS.noDefinition),
      'definition',
    ),
    fact(
      SHEET_LABELS.formula,
      `${escapeHtml(FORMULA_LABELS[ind.formula](ind.periodYears))}` +
        `<code class="formula">${escapeHtml(formulaWritten(ind))}</code>` +
        `${SHEET_LABELS.numerator}: <code>${escapeHtml(ind.numerator)}</code> · ${SHEET_LABELS.denominator}: ` +
        (ind.denominator ? `<code>${escapeHtml(ind.denominator)}</code>` : SHEET_LABELS.noDenominator),
      'formula',
    ),
    fact(
      SHEET_LABELS.unit,
      `${stated(ind.unit)} <span class="muted">(${SHEET_LABELS.decimals(ind.decimals)})</span>`,
    ),
    fact('Interpretation', escapeHtml(POLARITY_LABELS[ind.polarity]), 'interpretation'),
    fact(
      'Zielwert',
      ind.target === null ? '<span class="muted">kein Zielwert festgelegt</span>' : numbers(ind.target),
      'target',
    ),
    fact(SHEET_LABELS.source, stated(ind.source), 'source'),
    fact(SHEET_LABELS.date, date ? formatDate(date) : escapeHtml(SHEET_LABELS.noDate), 'date'),
    fact(SHEET_LABELS.updateCycle, stated(ind.updateCycle), 'update-cycle'),
    fact(SHEET_LABELS.key, `<code>${escapeHtml(ind.key)}</code>`),
  ].join('\n');

  const series = citySeries.length
    ? `<h2>Stadtwert je Stichtag${cityName ? ` (${escapeHtml(cityName)})` : ''}</h2>
<table><thead><tr><th scope="col">${SHEET_LABELS.date}</th><th scope="col">${escapeHtml(
        ind.unit ? `Wert (${ind.unit})` : 'Wert',
      )}</th></tr></thead><tbody>
${citySeries
  .map(
    (p) =>
      `<tr><td>${formatDate(p.date)}</td><td class="num">${formatValue(p.value, p.status, ind.decimals, ind.unit, { unit: false })}</td></tr>`,
  )
  .join('\n')}
</tbody></table>`
    : '';

  return `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<title>${escapeHtml(sheetTitle(ind))}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<p class="eyebrow">${SHEET_LABELS.eyebrow} · ${escapeHtml(ind.theme)}</p>
<h1>${escapeHtml(ind.name)}</h1>
<p class="meta">${escapeHtml([APP_NAME, cityName, date ? `${SHEET_LABELS.date} ${formatDate(date)}` : null].filter(Boolean).join(' · '))}</p>
</header>
<dl>
${facts}
</dl>
${series}
<p class="note">Erstellt am ${formatDate(generatedOn)} mit ${APP_NAME}. ${
    ind.published ? '' : 'Nicht veröffentlichter Indikator – nur für den Dienstgebrauch. '
  }Geheim gehaltene Werte erscheinen als ·, fehlende als –.</p>
</body>
</html>
`;
}
