/**
 * The Sozialmonitoring blocks of a city report: the status/dynamics matrix of the composite index
 * (areas per cell, as in the MSS publication), the class map, robustness, the findings of a
 * Beschlussvorlage and the early-warning table. Everything from the index and warning services,
 * with the values the user may see.
 */
import { formatDate, formatNumber } from '../core/format.ts';
import type { IndexResult, RobustnessResult } from '../indices/index.schema.ts';
import type { WarningList } from '../warnings/warning.schema.ts';
import { convertedFootnotes, footnotesOf } from './converted-footnotes.ts';
import { raise, sourceLine, type ReportBlock, type ReportMap, type ReportTable } from './report-model.ts';

export interface CityIndex {
  result: IndexResult;
  robustness: RobustnessResult | null;
}

/** Matrix cell colours: light (best status, positive dynamics) to dark (worst, negative). */
const TONES = ['#fef0d9', '#fdd49e', '#fdbb84', '#fc8d59', '#e34a33', '#b30000'];

const names = (list: string[], limit: number) =>
  list.length <= limit
    ? list.join(', ')
    : `${list.slice(0, limit).join(', ')} und ${formatNumber(list.length - limit, 0)} weitere`;

/** Areas per status × dynamics class (two-part indices) or per class (one part). */
export function indexMatrix(index: CityIndex, levelName: string): ReportTable {
  const { result } = index;
  const [status, dynamics] = result.parts;
  if (!status) raise(new Error('index without parts'));
  const valid = result.areas.filter((a) => a.valid);
  const count = (s: string, d?: string) =>
    valid.filter((a) => a.parts[status.key]?.class === s && (!d || a.parts[dynamics!.key]?.class === d))
      .length;
  const source = sourceLine(`Lagebild, eigene Berechnung (${result.name})`, result.date);
  if (!dynamics)
    return {
      kind: 'table',
      title: `${result.name}: ${levelName} je Klasse`,
      columns: [status.label, 'Gebiete'],
      numeric: [false, true],
      rows: status.classes.map((c) => [c.label, formatNumber(count(c.code), 0)]),
      highlight: null,
      source,
    };
  const rows = status.classes.map((s) => [
    s.label,
    ...dynamics.classes.map((d) => formatNumber(count(s.code, d.code), 0)),
    formatNumber(count(s.code), 0),
  ]);
  const shading = status.classes.map((_, si) => [
    null,
    ...dynamics.classes.map((_, di) => TONES[Math.min(TONES.length - 1, si + di)] ?? null),
    null,
  ]);
  return {
    kind: 'table',
    title: `${result.name}: ${levelName} nach ${status.label} und ${dynamics.label}`,
    columns: [`${status.label} \\ ${dynamics.label}`, ...dynamics.classes.map((d) => d.label), 'zusammen'],
    numeric: [false, ...dynamics.classes.map(() => true), true],
    rows,
    highlight: null,
    shading,
    source: `${source}; gültig: ${formatNumber(valid.length, 0)} von ${formatNumber(result.areas.length, 0)} Gebieten`,
  };
}

/** The first part's class of every area as a map (worst class darkest). */
export function indexClassMap(index: CityIndex, base: ReportMap, levelName: string): ReportMap {
  const { result } = index;
  const status = result.parts[0]!;
  const byArea = new Map(result.areas.map((a) => [a.id, a]));
  const k = status.classes.length;
  // spread the classes over the five map colours so the worst is always the darkest
  const colourOf = (ci: number) => (k <= 1 ? 4 : Math.round((ci * 4) / (k - 1)));
  return {
    ...base,
    title: `${result.name}: ${status.label} nach ${levelName}`,
    shapes: base.shapes.map((s) => {
      const a = byArea.get(s.key);
      const ci = a?.valid ? status.classes.findIndex((c) => c.code === a.parts[status.key]?.class) : -1;
      return { ...s, cls: ci < 0 ? null : colourOf(ci), highlight: false };
    }),
    legend: [
      ...status.classes.map((c, ci) => ({ cls: colourOf(ci), label: c.label })),
      { cls: null, label: 'nicht bewertet (zu wenige Einwohner oder geheim)' },
    ],
    source: sourceLine(`Lagebild, eigene Berechnung (${result.name})`, result.date),
  };
}

/** „n von m Gebieten sind robust eingeordnet …“ with the names of the others. */
export function robustnessText(index: CityIndex): string | null {
  const r = index.robustness;
  if (!r) return null;
  const nameOf = new Map(index.result.areas.map((a) => [a.id, a.name]));
  const shaky = r.areas.filter((a) => !a.robust).map((a) => nameOf.get(a.id) ?? a.id);
  return (
    `In ${formatNumber(r.runs, 0)} Simulationen mit veränderten Gewichten, Standardisierungen und ` +
    `Aggregationen behalten ${formatNumber(r.areas.length - shaky.length, 0)} von ` +
    `${formatNumber(r.areas.length, 0)} Gebieten ihre Klassen in mindestens 90 % der Läufe` +
    (shaky.length ? `; nicht robust eingeordnet: ${names(shaky, 12)}.` : '.')
  );
}

/**
 * The findings of the monitoring as sentences with numbers: the areas in the worst status class,
 * those that also worsen, and the warnings (robustness is said with the matrix).
 */
export function findings(index: CityIndex | null, warnings: WarningList, limit: number): string[] {
  const out: string[] = [];
  if (index) {
    const [status, dynamics] = index.result.parts;
    const worst = status?.classes.at(-1);
    const falling = dynamics?.classes.at(-1);
    const valid = index.result.areas.filter((a) => a.valid);
    const inWorst = valid.filter((a) => status && a.parts[status.key]?.class === worst?.code);
    if (status && worst)
      out.push(
        `${formatNumber(inWorst.length, 0)} von ${formatNumber(valid.length, 0)} Gebieten haben im ` +
          `${index.result.name} den ${status.label} „${worst.label}“` +
          (inWorst.length
            ? `: ${names(
                inWorst.map((a) => a.name),
                limit,
              )}.`
            : '.'),
      );
    if (dynamics && falling) {
      const both = inWorst.filter((a) => a.parts[dynamics.key]?.class === falling.code);
      out.push(
        both.length
          ? `Besonderer Handlungsbedarf (${status!.label} „${worst!.label}“ und ${dynamics.label} ` +
              `„${falling.label}“): ${names(
                both.map((a) => a.name),
                limit,
              )}.`
          : `Kein Gebiet verbindet den ${status!.label} „${worst!.label}“ mit dem ${dynamics.label} „${falling.label}“.`,
      );
    }
  }
  const urgent = warnings.entries.filter((e) => e.severity === 'hoch');
  const areas = new Set(warnings.entries.map((e) => e.area));
  const byRule = new Map<string, number>();
  for (const e of warnings.entries) byRule.set(e.ruleName, (byRule.get(e.ruleName) ?? 0) + 1);
  const top = [...byRule].sort((a, b) => b[1] - a[1])[0];
  out.push(
    warnings.entries.length
      ? `Die Frühwarnung meldet zum ${formatDate(warnings.date)} ${formatNumber(warnings.entries.length, 0)} ` +
          `Hinweise in ${formatNumber(areas.size, 0)} Gebieten, davon ${formatNumber(urgent.length, 0)} mit ` +
          `hoher Dringlichkeit; am häufigsten „${top![0]}“ (${formatNumber(top![1], 0)}).`
      : `Die Frühwarnung meldet zum ${formatDate(warnings.date)} keine Hinweise.`,
  );
  return out;
}

/** The warnings as a table, most urgent first. */
export function warningTable(warnings: WarningList, limit: number, levelName: string): ReportBlock[] {
  if (!warnings.entries.length)
    return [
      { kind: 'paragraph', text: `Die Frühwarnung meldet zum ${formatDate(warnings.date)} keine Hinweise.` },
    ];
  const shown = warnings.entries.slice(0, limit);
  // a reason comparing converted values is marked at its earliest conversion
  const notes = convertedFootnotes();
  const blocks: ReportBlock[] = [
    {
      kind: 'table',
      title: `Frühwarnungen (${formatNumber(shown.length, 0)} von ${formatNumber(warnings.entries.length, 0)})`,
      columns: [levelName, 'Hinweis', 'Dringlichkeit', 'Begründung'],
      numeric: [false, false, false, false],
      rows: shown.map((e) => [e.areaName, e.ruleName, e.severity, notes.mark(e.reason, e.converted?.[0])]),
      highlight: null,
      ...footnotesOf(notes),
      source: sourceLine('Lagebild, Frühwarnregeln', warnings.date),
    },
  ];
  return blocks;
}
