/**
 * GENESIS exports (Statistisches Bundesamt, Regionaldatenbank Deutschland) and the Köln long form.
 * See shape.ts for the rules.
 */
import { findKeyColumn } from './keys.ts';
import { cellText } from './layout.ts';
import { tableMessages } from './messages.ts';
import {
  emptyPlan,
  fail,
  variableInfo,
  type Err,
  type Plan,
  type PlanInput,
  type PlanResult,
} from './plan.ts';

const REGIONAL_MERKMAL =
  /^(DG|DINSG|DLAND|LAND|REGBEZ|KREISE|KREIS|GEMEIN|GEMEINDE|GEMEINDEN|GEM|GEMVB|GEMVBZ|GVB|STADTT|BEZIRK|AGS|ARS|RS)$/;

function planGenesisDims(
  input: PlanInput,
  plan: Plan,
  dims: { merkmal: number; code: number }[],
): Err | null {
  const first = input.sample[0] ?? [];
  const merkmalOf = (d: { merkmal: number }) => cellText(first[d.merkmal] ?? null).toUpperCase();
  let area = -1;
  if (!input.matcher.acceptsAll) {
    const hit = findKeyColumn(
      input.sample,
      dims.map((d) => d.code),
      input.matcher,
    );
    if (hit) area = hit.column;
  }
  if (area < 0) area = dims.find((d) => REGIONAL_MERKMAL.test(merkmalOf(d)))?.code ?? -1;
  if (area < 0) {
    return fail(
      'no_area_column',
      tableMessages.noAreaColumn(
        input.file,
        input.columns.map((c) => c.name),
      ),
    );
  }
  plan.area = area;
  plan.blankAreaIsTotal = true;
  for (const d of dims) {
    if (d.code === area) continue;
    const m = merkmalOf(d);
    if (m === 'MONAT' || m === 'QUARTG') plan.periodColumn = d.code;
    else plan.breakdown.push({ name: null, nameColumn: d.merkmal, valueColumn: d.code });
  }
  return null;
}

export function planGenesisFlat(input: PlanInput): PlanResult {
  const { columns } = input;
  const plan = emptyPlan('genesis-flat', -1);
  const byName = new Map(columns.map((c) => [c.name.trim(), c.index]));
  plan.dateColumn = byName.get('Zeit') ?? null;
  const dims: { merkmal: number; code: number }[] = [];
  for (const c of columns) {
    const m = /^(\d+)_Merkmal_Code$/.exec(c.name.trim());
    const code = m ? byName.get(`${m[1]}_Auspraegung_Code`) : undefined;
    if (m && code !== undefined) dims.push({ merkmal: c.index, code });
  }
  const err = planGenesisDims(input, plan, dims);
  if (err) return err;
  const valueCols = columns
    .map((c) => ({ c, parts: c.name.trim().split('__') }))
    .filter(({ parts }) => parts.length >= 2 && parts[parts.length - 1] !== 'q');
  const codes = valueCols.map(({ parts }) => (parts.length >= 3 ? parts[0]! : parts.join('__')));
  for (const [i, { c, parts }] of valueCols.entries()) {
    const unique = codes.filter((x) => x === codes[i]).length === 1;
    const key = unique ? codes[i]! : c.name.trim();
    const prefix = parts.slice(0, -1).join('__');
    const quality = columns.find((q) => q.name.trim() === `${prefix}__q`)?.index ?? null;
    plan.slots.push({ column: c.index, name: c.name.trim(), variable: key, date: null, quality });
    const label = parts.length >= 3 ? parts[1]!.replace(/_/g, ' ') : parts[0]!.replace(/_/g, ' ');
    const unit = parts.length >= 3 ? parts.slice(2).join('__') : undefined;
    const info = variableInfo(key, label, unit, input.counts);
    if (Array.isArray(input.counts)) info.count = input.counts.includes(key);
    plan.variables.push(info);
  }
  if (plan.slots.length === 0)
    return fail(
      'no_value_columns',
      tableMessages.noValueColumns(
        input.file,
        columns.map((c) => c.name),
      ),
    );
  const used = new Set([
    plan.area,
    plan.dateColumn,
    ...plan.slots.map((s) => s.column),
    ...genesisUsed(plan),
  ]);
  plan.ignored = columns.map((c) => c.index).filter((i) => !used.has(i));
  return { plan };
}

/** Columns a GENESIS plan reads besides area, date and values. */
function genesisUsed(plan: Plan): number[] {
  return [
    ...plan.breakdown.flatMap((b) => [b.valueColumn, b.nameColumn ?? -1]),
    ...plan.slots.map((s) => s.quality ?? -1),
    ...plan.variableLabelColumns,
    plan.unitColumn ?? -1,
    plan.qualityColumn ?? -1,
    plan.periodColumn ?? -1,
  ];
}

export function planGenesisFfcsv(input: PlanInput): PlanResult {
  const { columns } = input;
  const plan = emptyPlan('genesis-ffcsv', -1);
  const byName = new Map(columns.map((c) => [c.name.trim(), c.index]));
  plan.dateColumn = byName.get('time') ?? null;
  const dims: { merkmal: number; code: number }[] = [];
  for (const c of columns) {
    const m = /^(\d+)_variable_code$/.exec(c.name.trim());
    const code = m ? byName.get(`${m[1]}_variable_attribute_code`) : undefined;
    if (m && code !== undefined) dims.push({ merkmal: c.index, code });
  }
  const err = planGenesisDims(input, plan, dims);
  if (err) return err;
  const variable = byName.get('value_variable_code');
  if (variable === undefined)
    return fail(
      'column_not_found',
      tableMessages.columnNotFound(
        input.file,
        'Merkmal',
        'value_variable_code',
        columns.map((c) => c.name),
      ),
    );
  plan.variableColumns = [variable];
  const label = byName.get('value_variable_label');
  if (label !== undefined) plan.variableLabelColumns = [label];
  plan.unitColumn = byName.get('value_unit') ?? null;
  plan.qualityColumn = byName.get('value_q') ?? null;
  const value = byName.get('value')!;
  plan.slots.push({ column: value, name: 'value', variable: null, date: null, quality: null });
  const used = new Set([plan.area, plan.dateColumn, variable, value, ...genesisUsed(plan)]);
  plan.ignored = columns.map((c) => c.index).filter((i) => !used.has(i));
  return { plan };
}

export function planKoeln(input: PlanInput, norms: readonly string[]): PlanResult {
  const at = (n: string) => norms.indexOf(n);
  const plan = emptyPlan('koeln', at('raum_id'));
  plan.dateColumn = at('jahr');
  plan.variableColumns = [at('tab_id'), at('zei_id')];
  plan.variableLabelColumns = [at('tabelle'), at('zeile')].filter((i) => i >= 0);
  plan.slots.push({
    column: at('zahl'),
    name: input.columns[at('zahl')]!.name,
    variable: null,
    date: null,
    quality: null,
  });
  plan.valuesAreCounts = input.counts === 'auto' || input.counts === 'all';
  const used = new Set([plan.area, plan.dateColumn, at('zahl'), ...plan.variableColumns]);
  plan.ignored = input.columns.map((c) => c.index).filter((i) => !used.has(i));
  return { plan };
}
