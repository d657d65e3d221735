/**
 * Reading by an explicit mapping (import profile): no detection, only the named columns.
 */
import { normHeader, resolveColumn, COUNT_VALUE_HEADER } from './headers.ts';
import type { Column } from './layout.ts';
import { tableMessages } from './messages.ts';
import {
  contentOf,
  emptyPlan,
  fail,
  fixedDateOrError,
  isTextColumn,
  uniqueVariables,
  type Err,
  type PlanInput,
  type PlanResult,
} from './plan.ts';
import type { ImportProfile } from './types.ts';

export function planProfile(input: PlanInput, profile: ImportProfile): PlanResult {
  const { columns, file } = input;
  const names = columns.map((c) => c.name);
  const need = (option: string, ref: string): Column | Err => {
    const c = resolveColumn(columns, ref);
    return c ?? fail('column_not_found', tableMessages.columnNotFound(file, option, ref, names), ref);
  };
  const areaRefs = Array.isArray(profile.areaColumn) ? profile.areaColumn : [profile.areaColumn];
  const areaCols: Column[] = [];
  for (const ref of areaRefs) {
    const c = need('Gebietsschlüssel', ref);
    if ('error' in c) return c;
    areaCols.push(c);
  }
  const area = areaCols[0]!;
  const areaParts = areaCols.length > 1 ? areaCols.map((c) => c.index) : [];
  const areaSet = new Set(areaCols.map((c) => c.index));
  let dateColumn: number | null = null;
  if (profile.dateColumn !== undefined) {
    const d = need('Stichtag', profile.dateColumn);
    if ('error' in d) return d;
    dateColumn = d.index;
  }
  const fixed = fixedDateOrError(input, profile.date);
  if (fixed !== null && typeof fixed !== 'string') return fixed;
  const base = { dateColumn, fixedDate: dateColumn === null ? fixed : null, areaParts };

  if (profile.valueColumn !== undefined) {
    const value = need('Wert', profile.valueColumn);
    if ('error' in value) return value;
    const plan = { ...emptyPlan('profile-long', area.index), ...base };
    const varRefs =
      profile.variableColumn === undefined
        ? []
        : Array.isArray(profile.variableColumn)
          ? profile.variableColumn
          : [profile.variableColumn];
    for (const ref of varRefs) {
      const v = need('Merkmal', ref);
      if ('error' in v) return v;
      plan.variableColumns.push(v.index);
    }
    const variable = varRefs.length === 0 ? (profile.variable ?? value.name) : null;
    plan.slots.push({ column: value.index, name: value.name, variable, date: null, quality: null });
    for (const ref of profile.breakdownColumns ?? []) {
      const b = need('Aufgliederung', ref);
      if ('error' in b) return b;
      plan.breakdown.push({ name: b.name, nameColumn: null, valueColumn: b.index });
    }
    plan.valuesAreCounts = COUNT_VALUE_HEADER.test(normHeader(value.name)) && input.counts !== 'none';
    if (variable !== null) plan.variables = uniqueVariables([variable], input.counts);
    if (plan.dateColumn === null && plan.fixedDate === null)
      return fail('no_date', tableMessages.noDate(file));
    const used = new Set([
      ...areaSet,
      dateColumn,
      value.index,
      ...plan.variableColumns,
      ...plan.breakdown.map((b) => b.valueColumn),
    ]);
    plan.ignored = columns.map((c) => c.index).filter((i) => !used.has(i));
    return { plan };
  }

  const plan = { ...emptyPlan('profile-wide', area.index), ...base };
  if (profile.variables !== undefined) {
    for (const [ref, variable] of Object.entries(profile.variables)) {
      const c = need('Merkmal', ref);
      if ('error' in c) return c;
      plan.slots.push({ column: c.index, name: c.name, variable, date: null, quality: null });
    }
  } else {
    for (const c of columns) {
      if (areaSet.has(c.index) || c.index === dateColumn) continue;
      const content = contentOf(input, c.index);
      if (content.filled === 0 || isTextColumn(content)) continue;
      plan.slots.push({ column: c.index, name: c.name, variable: c.name, date: null, quality: null });
    }
  }
  if (plan.slots.length === 0) return fail('no_value_columns', tableMessages.noValueColumns(file, names));
  if (plan.dateColumn === null && plan.fixedDate === null) return fail('no_date', tableMessages.noDate(file));
  plan.variables = uniqueVariables(
    plan.slots.map((s) => s.variable!),
    input.counts,
  );
  const used = new Set([...areaSet, dateColumn, ...plan.slots.map((s) => s.column)]);
  plan.ignored = columns.map((c) => c.index).filter((i) => !used.has(i));
  return { plan };
}
