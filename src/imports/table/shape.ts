/**
 * Recognises the shape of a statistics table and plans how its rows become records.
 *
 * Shapes, tried in this order (an import profile overrides all of them):
 * - GENESIS flatfile (`Statistik_Code;…;Zeit;1_Merkmal_Code;1_Merkmal_Label;1_Auspraegung_Code;
 *   1_Auspraegung_Label;…;BEVSTD__Bevoelkerungsstand__Anzahl[;BEVSTD__Bevoelkerungsstand__q]`):
 *   the area is the Ausprägung code of the regional Merkmal (the Merkmal whose codes match the
 *   most known keys, else one named DLAND/REGBEZ/KREISE/GEMEIN/…); the Stichtag comes from `Zeit`
 *   (refined by a MONAT/QUARTG Merkmal); each `CODE__Label__Einheit` column is a variable `CODE`;
 *   the other Merkmale form the breakdown `MERKMAL=AUSPRAEGUNG` (an empty code means "Insgesamt"
 *   and is left out; an empty regional code is a total row and skipped).
 * - GENESIS ffcsv (2024 format: `time;…;1_variable_code;1_variable_attribute_code;…;value;
 *   value_unit;value_variable_code;value_q`): the same, in long form.
 * - Köln style long form (`raum_id, jahr, tab_id, zei_id, zahl`, labels `tabelle`, `zeile`):
 *   variable `tab_id.zei_id` (e.g. `020.10`), labelled `tabelle: zeile`.
 * - Wide table with dated columns (GENESIS table export with a Stichtag header row, or years as
 *   column headers): each column's date from its header, the variable from the rest of the header.
 * - Long form: a value column (wert|anzahl|value|zahl …) and a variable column (merkmal|variable|
 *   indikator …); other text columns are labels when they depend on the area alone (names),
 *   else breakdowns (`geschlecht=w`).
 * - Wide form: one row per area (and date), every numeric column a variable named by its header.
 * The area column is the one whose sample values match the most known keys; header names
 * (gebiet|raum|schluessel|id|area|ags …) only break ties or decide when nothing matches.
 */
import { parseDateCell } from './dates.ts';
import {
  COUNT_VALUE_HEADER,
  DATE_HEADER,
  ID_HEADER,
  LABEL_HEADER,
  META_HEADER,
  QUALITY_HEADER,
  VALUE_HEADER,
  VARIABLE_HEADER,
  normHeader,
} from './headers.ts';
import { keyText } from './keys.ts';
import type { Column } from './layout.ts';
import { cellText } from './layout.ts';
import { tableMessages } from './messages.ts';
import {
  chooseArea,
  contentOf,
  emptyPlan,
  fail,
  fixedDateOrError,
  isDateColumn,
  isTextColumn,
  uniqueVariables,
  type PlanInput,
  type PlanResult,
} from './plan.ts';
import { planGenesisFfcsv, planGenesisFlat, planKoeln } from './shape-genesis.ts';
import { planProfile } from './shape-profile.ts';

export type { Plan, PlanResult, Slot } from './plan.ts';
export { isCountVariable } from './headers.ts';
export type { CountOption } from './types.ts';

/** Plans the reading of a table; see the module comment for the rules. */
export function planShape(input: PlanInput): PlanResult {
  if (input.profile) return planProfile(input, input.profile);
  const names = input.columns.map((c) => c.name.trim());
  if (names.includes('Zeit') && names.some((n) => /^\d+_Auspraegung_Code$/.test(n)))
    return planGenesisFlat(input);
  if (
    names.includes('time') &&
    names.includes('value') &&
    names.some((n) => /^\d+_variable_attribute_code$/.test(n))
  ) {
    return planGenesisFfcsv(input);
  }
  const norms = input.columns.map((c) => normHeader(c.name));
  if (['raum_id', 'jahr', 'zahl', 'tab_id', 'zei_id'].every((n) => norms.includes(n)))
    return planKoeln(input, norms);
  return planGeneric(input, norms);
}

/** Date of a dated header column and the rest of its header (the variable), or null. */
function datedHeader(col: Column): { date: string; rest: string } | null {
  const parts = col.parts.length > 0 ? col.parts : [col.name];
  const i = parts.findIndex((p) => p !== '' && parseDateCell(p) !== null);
  if (i < 0) return null;
  const rest = parts.filter((p, k) => k !== i && p !== '').join(' ');
  return { date: parseDateCell(parts[i]!)!, rest };
}

function planGeneric(input: PlanInput, norms: readonly string[]): PlanResult {
  const { columns } = input;
  const all = columns.map((c) => c.index);
  const dated = columns.filter((c) => c.parts.length > 0 && datedHeader(c) !== null);
  const isDatedTable = dated.length >= 2;
  const dateCol = isDatedTable
    ? -1
    : (all.find((i) => DATE_HEADER.test(norms[i]!) && isDateColumn(input, i)) ?? -1);
  const valueCol = all.find((i) => VALUE_HEADER.test(norms[i]!) && i !== dateCol) ?? -1;
  const varCandidates = all.filter((i) => VARIABLE_HEADER.test(norms[i]!) && i !== dateCol && i !== valueCol);
  const variableCol = varCandidates.find((i) => /_(code|id|key)$/.test(norms[i]!)) ?? varCandidates[0] ?? -1;
  const isLong = !isDatedTable && valueCol >= 0 && variableCol >= 0;
  const datedSet = new Set(dated.map((c) => c.index));
  const areaCandidates = all.filter(
    (i) =>
      i !== dateCol &&
      (!isLong || (i !== valueCol && i !== variableCol)) &&
      !(isDatedTable && datedSet.has(i)),
  );
  const areaColumns = chooseArea(input, areaCandidates);
  if ('error' in areaColumns) return areaColumns;
  const area = areaColumns[0]!;
  const areaSet = new Set(areaColumns);
  const areaParts = areaColumns.length > 1 ? areaColumns : [];

  let fixed: string | null = null;
  if (dateCol < 0) {
    const f = fixedDateOrError(input, undefined);
    if (f !== null && typeof f !== 'string') return f;
    fixed = f;
  }
  if (isLong) {
    const plan = emptyPlan('long', area);
    plan.areaParts = areaParts;
    plan.dateColumn = dateCol >= 0 ? dateCol : null;
    plan.fixedDate = fixed;
    if (plan.dateColumn === null && fixed === null) return fail('no_date', tableMessages.noDate(input.file));
    plan.variableColumns = [variableCol];
    const labelCol = varCandidates.find((i) => i !== variableCol);
    if (labelCol !== undefined) plan.variableLabelColumns = [labelCol];
    plan.valuesAreCounts = COUNT_VALUE_HEADER.test(norms[valueCol]!) && input.counts !== 'none';
    plan.slots.push({
      column: valueCol,
      name: columns[valueCol]!.name,
      variable: null,
      date: null,
      quality: null,
    });
    const used = new Set([...areaColumns, dateCol, valueCol, variableCol, ...plan.variableLabelColumns]);
    for (const i of all) {
      if (used.has(i)) continue;
      const n = norms[i]!;
      if (QUALITY_HEADER.test(n) && plan.qualityColumn === null) plan.qualityColumn = i;
      else if (META_HEADER.test(n) || LABEL_HEADER.test(n) || !isBreakdownColumn(input, i, area))
        plan.ignored.push(i);
      else plan.breakdown.push({ name: columns[i]!.name, nameColumn: null, valueColumn: i });
    }
    return { plan };
  }

  const plan = emptyPlan(isDatedTable ? 'genesis-table' : 'wide', area);
  plan.areaParts = areaParts;
  plan.dateColumn = dateCol >= 0 ? dateCol : null;
  plan.fixedDate = fixed;
  for (const c of columns) {
    const i = c.index;
    if (areaSet.has(i) || i === dateCol) continue;
    const n = norms[i]!;
    const content = contentOf(input, i);
    const blankColumn = content.filled === 0 && c.name === c.letter;
    const label = LABEL_HEADER.test(n) || ID_HEADER.test(n) || META_HEADER.test(n) || isTextColumn(content);
    if (blankColumn || label) {
      plan.ignored.push(i);
      continue;
    }
    let variable = c.name;
    let date: string | null = null;
    if (isDatedTable) {
      const d = datedHeader(c);
      if (!d) {
        plan.ignored.push(i);
        continue;
      }
      date = d.date;
      variable = d.rest !== '' ? d.rest : (input.variable ?? '');
      if (variable === '') return fail('no_variable', tableMessages.noVariable(input.file));
    }
    plan.slots.push({ column: i, name: c.name, variable, date, quality: null });
  }
  if (plan.slots.length === 0)
    return fail(
      'no_value_columns',
      tableMessages.noValueColumns(
        input.file,
        columns.map((c) => c.name),
      ),
    );
  if (plan.dateColumn === null && plan.fixedDate === null && plan.slots.some((s) => s.date === null)) {
    return fail('no_date', tableMessages.noDate(input.file));
  }
  plan.variables = uniqueVariables(
    plan.slots.map((s) => s.variable!),
    input.counts,
  );
  return { plan };
}

/**
 * A further text column of a long table splits the values (breakdown) unless it is a label of the
 * area (one text per area, several areas) or a row identifier (a different text in every row).
 */
function isBreakdownColumn(input: PlanInput, c: number, area: number): boolean {
  const byArea = new Map<string, string>();
  const distinct = new Set<string>();
  let dependent = true;
  let rows = 0;
  for (const row of input.sample) {
    const v = cellText(row[c] ?? null);
    const a = keyText(row[area] ?? null);
    rows++;
    distinct.add(v);
    const prev = byArea.get(a);
    if (prev === undefined) byArea.set(a, v);
    else if (prev !== v) dependent = false;
  }
  if (rows >= 20 && distinct.size === rows) return false;
  if (dependent && byArea.size > 1 && distinct.size > 1) return false;
  return true;
}
