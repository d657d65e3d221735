/**
 * Index class worsened (e.g. the MSS Status class from „mittel“ to „niedrig“): compares the
 * class of each index part of every area between two computable Stichtage. "Worse" is a higher
 * `severity` of the class (0 = best … 1 = worst, from the index definition), so the rule works
 * for any class scheme, not only the MSS one. A class computed from input values converted from
 * an earlier Gebietsstand is an estimate: the finding says at which compared Stichtag. Pure.
 */
import type { IndexAreaResult, IndexResult } from '../indices/index.schema.ts';
import { indexClassReason } from './reasons.ts';
import type { ConvertedMark, WarningEntry, WarningRule } from './warning.schema.ts';

export type IndexClassRule = Extract<WarningRule, { kind: 'index_class' }>;

/** Whether an index result has at least one class for the parts the rule looks at. */
export function computable(result: IndexResult, part: string | null): boolean {
  return result.areas.some(
    (a) =>
      a.valid && Object.entries(a.parts).some(([k, p]) => (part === null || k === part) && p.class !== null),
  );
}

/**
 * The „umgerechnet“ marks of a class comparison: the two compared Stichtage at which any input
 * value of the area was converted (the index results' `converted`), oldest first; undefined when
 * none was, so that findings without conversions stay as they were.
 * @example convertedClasses({ date: '2020-12-31', area: { converted: [{ method: 'area', from: '2000-01-01' }] } },
 *   { date: '2021-12-31', area: {} }) // [{ date: '2020-12-31', method: 'area', from: '2000-01-01' }]
 */
export function convertedClasses(
  previous: { date: string; area: Pick<IndexAreaResult, 'converted'> },
  current: { date: string; area: Pick<IndexAreaResult, 'converted'> },
): ConvertedMark[] | undefined {
  const marks = [previous, current].flatMap(({ date, area }) =>
    (area.converted ?? []).map((c) => ({ date, method: c.method, from: c.from })),
  );
  return marks.length ? marks : undefined;
}

/**
 * Entries for every area and part whose class got worse from `previous` to `current`.
 * Areas invalid at either date (too few inhabitants, excluded, secret inputs) are skipped.
 * @param rule an active index_class rule
 * @param current index result at the Stichtag of the evaluation
 * @param previous index result at the previous computable Stichtag
 */
export function indexClassEntries(
  rule: IndexClassRule,
  current: IndexResult,
  previous: IndexResult,
): WarningEntry[] {
  const before = new Map(previous.areas.map((a) => [a.id, a]));
  const parts = current.parts.filter((p) => rule.part === null || p.key === rule.part);
  const entries: WarningEntry[] = [];
  for (const area of current.areas) {
    const old = before.get(area.id);
    if (!area.valid || !old?.valid) continue;
    for (const part of parts) {
      const classOf = (code: string | null | undefined) =>
        code === null || code === undefined ? undefined : part.classes.find((c) => c.code === code);
      const now = area.parts[part.key];
      const was = classOf(old.parts[part.key]?.class);
      const is = classOf(now?.class);
      if (!was || !is || is.severity <= was.severity) continue;
      const converted = convertedClasses({ date: previous.date, area: old }, { date: current.date, area });
      entries.push({
        rule: rule.key,
        ruleName: rule.name,
        kind: 'index_class',
        indicator: null,
        indicatorName: null,
        theme: null,
        level: current.level,
        area: area.id,
        areaName: area.name,
        parent: area.parent,
        date: current.date,
        value: now?.index ?? null,
        severity: rule.severity,
        reason: indexClassReason({
          indexName: current.name,
          partLabel: part.label,
          previousDate: previous.date,
          previous: { code: was.code, label: was.label },
          date: current.date,
          current: { code: is.code, label: is.label },
          value: now?.index ?? null,
        }),
        ...(converted && { converted }),
      });
    }
  }
  return entries;
}
