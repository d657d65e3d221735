/**
 * Measures in reports (block `measures`, measures/measure.service.ts): the decided measures of the
 * city with status, progress and money; the effect on each goal in words that do not claim more
 * than the comparison with similar areas carries (measures/measure-effect.ts); the measures working
 * in one area; and the parts of the Beschlussvorlage of one measure (scope `measure`). Values as
 * the report's reader may see them: planners unprotected, the public protected.
 */
import type { User } from '../auth/auth.schema.ts';
import { formatDate, formatNumber, formatValue } from '../core/format.ts';
import { LagebildError } from '../core/errors.ts';
import type { Db } from '../db/db.ts';
import type { Goal, HistoryEntry, Measure } from '../measures/measure.schema.ts';
import { measureEffect } from '../measures/measure-effect.ts';
import { isPublic } from '../measures/progress.ts';
import type { ReportBlock, ReportTable } from './report-model.ts';

type View = 'overview' | 'effect' | 'proposal' | 'goals' | 'budget' | 'history';

export const STATUS_LABELS: Record<Measure['status'], string> = {
  idee: 'Idee',
  vorschlag: 'Vorschlag',
  beschlossen: 'beschlossen',
  in_umsetzung: 'in Umsetzung',
  abgeschlossen: 'abgeschlossen',
  bewertet: 'bewertet',
};

const KIND_LABELS: Record<Measure['kind'], string> = {
  programm: 'Programm',
  handlungsfeld: 'Handlungsfeld',
  massnahme: 'Maßnahme',
};

const SOURCE = 'Lagebild, Maßnahmen und Ziele der Sozialplanung';

/** „40 %“ of the way; „–“ without goals. */
export const progressText = (p: number | null) =>
  p === null ? '–' : `${formatNumber(Math.round(100 * Math.min(1, Math.max(0, p))), 0)} %`;

/** „250.000 €“; „–“ when not given. */
export const euro = (x: number | null) => (x === null ? '–' : `${formatNumber(x, 0)} €`);

const goalValue = (g: Goal, x: number | null) =>
  x === null ? '·' : formatValue(x, 'value', g.decimals, g.unit);

function table(title: string, columns: string[], numeric: boolean[], rows: string[][]): ReportTable {
  return { kind: 'table', title, columns, numeric, rows, highlight: null, source: SOURCE };
}

/** The decided measures (the accountability view), programmes and fields of action as context. */
function overviewTable(measures: readonly Measure[], title: string): ReportBlock[] {
  const decided = measures.filter((m) => m.kind === 'massnahme' && isPublic(m.status));
  if (!decided.length) return [{ kind: 'note', text: 'Es sind noch keine Maßnahmen beschlossen.' }];
  const byId = new Map(measures.map((m) => [m.id, m]));
  return [
    table(
      title,
      [
        'Maßnahme',
        'Programm / Handlungsfeld',
        'Status',
        'Gebiete',
        'Fortschritt',
        'Mittel geplant',
        'ausgegeben',
      ],
      [false, false, false, false, true, true, true],
      decided.map((m) => [
        m.title,
        m.parentId === null ? '–' : (byId.get(m.parentId)?.title ?? '–'),
        STATUS_LABELS[m.status],
        m.areas.map((a) => a.name).join(', ') || '–',
        progressText(m.progress),
        euro(m.budgetPlanned),
        euro(m.budgetSpent),
      ]),
    ),
  ];
}

function goalsTable(m: Measure): ReportBlock[] {
  if (!m.goals.length) return [{ kind: 'note', text: `Für „${m.title}“ sind noch keine Ziele festgelegt.` }];
  return [
    table(
      `Ziele von „${m.title}“`,
      ['Indikator', 'Gebiet', 'Ausgangswert', 'Zielwert', 'aktuell', 'Fortschritt'],
      [false, false, true, true, true, true],
      m.goals.map((g) => [
        g.indicatorName,
        g.areaName,
        `${goalValue(g, g.baselineValue)} (${formatDate(g.baselineDate)})`,
        `${goalValue(g, g.targetValue)} (bis ${formatDate(g.targetDate)})`,
        `${goalValue(g, g.current.value)} (${formatDate(g.current.date)})`,
        progressText(g.progress),
      ]),
    ),
  ];
}

/** The effect on every goal: the sentences and notes of the comparison, or why there is none. */
async function effectBlocks(db: Db, user: User | null, m: Measure): Promise<ReportBlock[]> {
  const out: ReportBlock[] = [];
  for (const g of m.goals) {
    const lead = `${m.title} – ${g.indicatorName}${g.area === null ? '' : `, ${g.areaName}`}: `;
    try {
      const e = await measureEffect(db, user, m.id, g.id);
      out.push({ kind: 'paragraph', text: lead + e.text.sentences.join(' ') });
      if (e.text.notes.length) out.push({ kind: 'note', text: e.text.notes.join(' ') });
    } catch (err) {
      if (!(err instanceof LagebildError) || err.status >= 500) throw err;
      out.push({ kind: 'note', text: lead + err.message });
    }
  }
  return out;
}

/** `overview` and `effect` of a city report. */
export async function cityMeasuresBlocks(
  view: View,
  db: Db,
  user: User | null,
  measures: readonly Measure[],
) {
  if (view === 'overview') return overviewTable(measures, 'Beschlossene Maßnahmen');
  if (view === 'effect') {
    const decided = measures.filter((m) => isPublic(m.status) && m.goals.length);
    if (!decided.length)
      return [
        {
          kind: 'note',
          text: 'Für beschlossene Maßnahmen mit Zielen liegt noch kein Vergleich vor.',
        } as const,
      ];
    const out: ReportBlock[] = [
      {
        kind: 'paragraph',
        text:
          'Die Wirkung wird geschätzt, indem die Entwicklung in den Maßnahmegebieten mit ähnlichen Gebieten ohne ' +
          'die Maßnahme verglichen wird (Differenz von Differenzen; Unsicherheitsbereich aus Vergleichen mit ' +
          'zufällig gewählten Gebieten). Ein Unterschied spricht für eine Wirkung, beweist sie aber nicht.',
      },
    ];
    for (const m of decided) out.push(...(await effectBlocks(db, user, m)));
    return out;
  }
  return [{ kind: 'note', text: 'Dieser Teil gehört in die Vorlage einer Maßnahme.' } as const];
}

/** The measures working in one area (level and key), with their goals there. */
export async function areaMeasuresBlocks(
  view: View,
  db: Db,
  user: User | null,
  measures: readonly Measure[],
  area: { level: string; key: string; name: string },
): Promise<ReportBlock[]> {
  const here = measures.filter(
    (m) => m.kind === 'massnahme' && m.areas.some((a) => a.level === area.level && a.key === area.key),
  );
  if (!here.length) return [{ kind: 'note', text: `In ${area.name} sind keine Maßnahmen erfasst.` }];
  if (view === 'effect') {
    const out: ReportBlock[] = [];
    for (const m of here) out.push(...(await effectBlocks(db, user, m)));
    return out.length
      ? out
      : [{ kind: 'note', text: 'Für die Maßnahmen im Gebiet sind keine Ziele festgelegt.' }];
  }
  return [
    ...overviewTable(here, `Maßnahmen in ${area.name}`),
    ...here.flatMap((m) => (m.goals.length ? goalsTable(m) : [])),
  ];
}

/** The parts of the Beschlussvorlage of one measure. */
export async function measureParts(
  view: View,
  db: Db,
  user: User | null,
  m: Measure,
  all: readonly Measure[],
  history: readonly HistoryEntry[] | null,
): Promise<ReportBlock[]> {
  switch (view) {
    case 'proposal': {
      const parent = all.find((x) => x.id === m.parentId);
      const items = [
        `Der Ausschuss beschließt die ${KIND_LABELS[m.kind]} „${m.title}“${parent ? ` im ${KIND_LABELS[parent.kind]} „${parent.title}“` : ''}.`,
        ...(m.areas.length ? [`Sie wirkt in: ${m.areas.map((a) => a.name).join(', ')}.`] : []),
        ...(m.organisation ? [`Verantwortlich: ${m.organisation}.`] : []),
        ...(m.budgetPlanned !== null
          ? [`Dafür werden ${euro(m.budgetPlanned)}${m.funding ? ` aus „${m.funding}“` : ''} bereitgestellt.`]
          : []),
        ...(m.goals.length
          ? [
              `Ziele: ${m.goals
                .map(
                  (g) =>
                    `${g.indicatorName} in ${g.areaName} von ${goalValue(g, g.baselineValue)} auf ${goalValue(g, g.targetValue)} bis ${formatDate(g.targetDate)}`,
                )
                .join('; ')}.`,
            ]
          : []),
        'Über Fortschritt und Wirkung wird im Sozialbericht berichtet.',
      ];
      return [{ kind: 'list', items }];
    }
    case 'overview': {
      const rows: [string, string][] = [
        ['Art', KIND_LABELS[m.kind]],
        ['Status', STATUS_LABELS[m.status]],
        ['Verantwortlich', m.organisation || '–'],
        ['Gebiete', m.areas.map((a) => a.name).join(', ') || '–'],
        ['Beginn', m.startDate ? formatDate(m.startDate) : '–'],
        ['Ende', m.endDate ? formatDate(m.endDate) : '–'],
        ['Output', m.output || '–'],
        ['Outcome', m.outcome || '–'],
        ['Impact', m.impact || '–'],
      ];
      if (m.decision)
        rows.push([
          'Beschluss',
          `${m.decision.body}, ${formatDate(m.decision.date)}${m.decision.meeting ? ` (${m.decision.meeting})` : ''}${m.decision.text ? `: ${m.decision.text}` : ''}`,
        ]);
      return [
        ...(m.description ? [{ kind: 'paragraph', text: m.description } as const] : []),
        table(`Steckbrief der Maßnahme „${m.title}“`, ['', ''], [false, false], rows),
      ];
    }
    case 'goals':
      return goalsTable(m);
    case 'budget':
      return [
        table(
          'Finanzierung',
          ['Förderprogramm', 'Mittel geplant', 'ausgegeben'],
          [false, true, true],
          [[m.funding || '–', euro(m.budgetPlanned), euro(m.budgetSpent)]],
        ),
      ];
    case 'effect':
      return m.goals.length
        ? effectBlocks(db, user, m)
        : [{ kind: 'note', text: 'Ohne Ziele auf Indikatoren lässt sich die Wirkung nicht vergleichen.' }];
    case 'history':
      return history?.length
        ? [
            table(
              'Verlauf',
              ['Zeitpunkt', 'von', 'Änderung'],
              [false, false, false],
              history.map((h) => [
                formatDate(h.at.slice(0, 10)),
                h.by ?? 'Kommandozeile',
                HISTORY_LABELS[h.action] ?? h.action,
              ]),
            ),
          ]
        : [];
  }
}

const HISTORY_LABELS: Record<string, string> = {
  created: 'angelegt',
  changed: 'geändert',
  status: 'Status geändert',
  goal_added: 'Ziel hinzugefügt',
  goal_removed: 'Ziel entfernt',
};
