/**
 * Rows of the monitoring table (pure): one per area with its part indices and classes, code,
 * rank interval and class stability, filtered by a matrix cell and sorted by a column.
 */
import { areaCell, areaClass, type IndexArea } from './matrix.ts';
import type { IndexResult, RobustnessResult } from './types.ts';

export type Robust = RobustnessResult['areas'][number];

/** 'name' | 'parent' | 'code' | 'rank' | 'stability' | `index:<part>` | `class:<part>` */
export type SortColumn = string;
export interface Sort {
  column: SortColumn;
  descending: boolean;
}

export interface TableRow {
  area: IndexArea;
  cell: string | null;
  robust: Robust | null;
  /** The lowest class stability over the parts (0…1), or null before the robustness is known. */
  stability: number | null;
}

const collator = new Intl.Collator('de', { numeric: true });

/** Compares two optional numbers; missing ones go last in both directions. */
function byNumber(a: number | null | undefined, b: number | null | undefined, sign: number): number {
  const hasA = a !== null && a !== undefined && Number.isFinite(a);
  const hasB = b !== null && b !== undefined && Number.isFinite(b);
  if (hasA && hasB) return sign * (a - b);
  return hasA === hasB ? 0 : hasA ? -1 : 1;
}

/**
 * @param cell only areas of this matrix cell (null: all)
 * @example tableRows(result, null, '4|-', { column: 'index:status', descending: true })[0] // worst status in 4-
 */
export function tableRows(
  result: IndexResult,
  robustness: ReadonlyMap<string, Robust> | null,
  cell: string | null,
  sort: Sort,
): TableRow[] {
  const rows: TableRow[] = [];
  for (const area of result.areas) {
    const c = areaCell(area, result);
    if (cell !== null && c !== cell) continue;
    const robust = robustness?.get(area.id) ?? null;
    const stabilities = robust ? Object.values(robust.classStability) : [];
    rows.push({
      area,
      cell: c,
      robust,
      stability: stabilities.length ? Math.min(...stabilities) : null,
    });
  }
  const sign = sort.descending ? -1 : 1;
  const [kind, partKey] = sort.column.split(':');
  const part = result.parts.find((p) => p.key === partKey);
  const severity = (row: TableRow, p: IndexResult['parts'][number]) => areaClass(row.area, p)?.severity;
  const compare = (a: TableRow, b: TableRow): number => {
    switch (kind) {
      case 'parent':
        return sign * collator.compare(a.area.parentName ?? '', b.area.parentName ?? '');
      case 'index':
        return part ? byNumber(a.area.parts[part.key]?.index, b.area.parts[part.key]?.index, sign) : 0;
      case 'class':
        return part ? byNumber(severity(a, part), severity(b, part), sign) : 0;
      case 'code':
        for (const p of result.parts) {
          const d = byNumber(severity(a, p), severity(b, p), sign);
          if (d !== 0) return d;
        }
        return 0;
      case 'rank':
        return byNumber(a.robust?.baseRank, b.robust?.baseRank, sign);
      case 'stability':
        return byNumber(a.stability, b.stability, sign);
      default:
        return 0;
    }
  };
  // ties (and the name column) by name; ascending unless the name column itself is reversed
  const nameSign = kind === 'name' ? sign : 1;
  return rows.sort((a, b) => compare(a, b) || nameSign * collator.compare(a.area.name, b.area.name));
}
