/** Shapes the engine's typed arrays as the API's {@link IndexResult} and as flat output rows. */
import type { IndexComputation, IndexInput } from './engine.ts';
import type { IndexAreaResult, IndexDefinition, IndexResult } from './index.schema.ts';

/** NaN and undefined become null (JSON has no NaN). */
export const num = (v: number | undefined) => (v === undefined || v !== v ? null : v);

export interface AreaMeta {
  key: string;
  name: string;
  parentKey: string | null;
  parentName: string | null;
}

/** The computation as an {@link IndexResult}; `areas` in the order of the engine input. */
export function presentResult(
  def: IndexDefinition,
  meta: { level: string; date: string; areas: readonly AreaMeta[] },
  input: IndexInput,
  comp: IndexComputation,
): IndexResult {
  const keys = def.parts.flatMap((p) => p.indicators.map((i) => i.indicator));
  const areas: IndexAreaResult[] = meta.areas.map((a, i) => {
    const valid = comp.valid[i] === 1;
    const parts: IndexAreaResult['parts'] = {};
    for (const p of comp.parts) {
      const k = p.classIdx[i]!;
      parts[p.key] = {
        sum: valid ? num(p.sum[i]) : null,
        index: valid ? num(p.index[i]) : null,
        class: valid && k >= 0 ? p.classes[k]!.code : null,
      };
    }
    const z: Record<string, number | null> = {};
    const values: Record<string, number | null> = {};
    for (const key of keys) {
      z[key] = valid ? num(comp.standardised.get(key)?.[i]) : null;
      values[key] = num(input.values.get(key)?.[i]);
    }
    return {
      id: a.key,
      name: a.name,
      parent: a.parentKey,
      parentName: a.parentName,
      valid,
      invalidReason: comp.invalidReason[i] ?? null,
      parts,
      z,
      values,
      code: comp.code[i] ?? null,
    };
  });
  return {
    index: def.key,
    name: def.name,
    level: meta.level,
    date: meta.date,
    parts: def.parts.map((p) => ({ key: p.key, label: p.label, classes: p.classes })),
    areas,
  };
}

/** The part keys of the batch output: status and dynamics first (the MSS columns), then any others. */
export const outputParts = (result: IndexResult) => [
  ...new Set(['status', 'dynamics', ...result.parts.map((p) => p.key)]),
];

export type OutputRow = Record<string, string | number | null>;

/**
 * One row per VALID area: `id`, then `<part>_sum`, `<part>_index`, `<part>_class` (the German
 * class label) per part, then `code` — for MSS-shaped indices exactly
 * `id,status_sum,status_index,status_class,dynamics_sum,dynamics_index,dynamics_class,code`.
 */
export function outputRows(result: IndexResult, partKeys = outputParts(result)): OutputRow[] {
  const labels = new Map(result.parts.map((p) => [p.key, new Map(p.classes.map((c) => [c.code, c.label]))]));
  return result.areas
    .filter((a) => a.valid)
    .map((a) => {
      const row: OutputRow = { id: a.id };
      for (const key of partKeys) {
        const p = a.parts[key];
        row[`${key}_sum`] = p?.sum ?? null;
        row[`${key}_index`] = p?.index ?? null;
        row[`${key}_class`] = p?.class == null ? null : (labels.get(key)?.get(p.class) ?? p.class);
      }
      row.code = a.code;
      return row;
    });
}

const cell = (v: string | number | null) => {
  if (v === null) return '';
  if (typeof v === 'number') return String(Math.round(v * 1e6) / 1e6 || 0);
  return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
};

/** CSV (comma, numbers with up to six decimals, a point as decimal separator) with a header line. */
export function rowsToCsv(rows: readonly OutputRow[], columns: readonly string[]): string {
  return (
    [columns.join(','), ...rows.map((r) => columns.map((c) => cell(r[c] ?? null)).join(','))].join('\n') +
    '\n'
  );
}

/** The output columns for the given part keys. */
export const outputColumns = (partKeys: readonly string[]) => [
  'id',
  ...partKeys.flatMap((k) => [`${k}_sum`, `${k}_index`, `${k}_class`]),
  'code',
];
