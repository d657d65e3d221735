/**
 * Rows → normalised records, with the row-level checks: unknown and empty keys, dates, text or
 * formulas where numbers belong, negative counts, duplicates (same area, date, variable and
 * breakdown twice). Memory stays bounded: caches are cleared when large, duplicates are tracked
 * as one row-number array per (date, variable, breakdown) indexed by the area.
 */
import type { ValueStatus } from '../../core/value-status.ts';
import { refinePeriod } from './dates.ts';
import { DuplicateIndex } from './duplicates.ts';
import { detach, keyPattern, keyText, type KeyMatcher } from './keys.ts';
import type { HigherRows } from './higher.ts';
import { BLANK, RowKeys, TOTAL, UNKNOWN } from './row-keys.ts';
import { UnknownKeyLog } from './unknown-keys.ts';
import { cellText } from './layout.ts';
import { tableMessages } from './messages.ts';
import type { Report } from './report.ts';
import { isCountVariable, type CountOption, type Plan, type Slot } from './shape.ts';
import type { CellValue, SourceRow, TableReadStats, TableRecord, VariableInfo } from './types.ts';
import { parseValue, qualityStatus, quickNumber, type NumberConvention } from './values.ts';

const MAX_VARIABLES = 10_000;
const MAX_DATES = 10_000;

export interface BuilderOptions {
  file: string;
  plan: Plan;
  columnNames: readonly string[];
  matcher: KeyMatcher;
  report: Report;
  counts: CountOption;
  unknownKeys: 'refuse' | 'skip';
  /** Number convention per column index, and whether it came from evidence in the column. */
  conventions: ReadonlyMap<number, { convention: NumberConvention; evidence: boolean }>;
  /** Recognises rows of the city and of other levels and checks their totals; null: off. */
  higher: HigherRows | null;
  /** Known areas whose rows are refused, with the reason's wording (see `TableReadOptions`). */
  refused?: {
    keys: ReadonlySet<string>;
    message: (file: string, line: number, column: string, key: string) => string;
  };
}

/** Statistics of a table with nothing read yet. */
export const emptyStats = (): TableReadStats => ({
  rows: 0,
  records: 0,
  byStatus: { value: 0, secret: 0, missing: 0, estimated: 0 },
  emptyCells: 0,
  totalRows: 0,
  higherRows: 0,
  areas: 0,
});

export class RecordBuilder {
  readonly stats: TableReadStats = emptyStats();
  readonly variables = new Map<string, VariableInfo>();
  readonly dates = new Set<string>();
  readonly unknown = new UnknownKeyLog();
  private readonly countMemo = new Map<string, boolean>();
  private readonly keys: RowKeys;
  /** Result of `value()`, kept in fields to spare an object per cell. */
  private v: number | null = null;
  private st: ValueStatus = 'value';
  private sym: string | undefined = undefined;
  private readonly lastCombo: (
    { date: string; variable: string; breakdown: string; combo: string } | undefined
  )[] = [];
  private readonly areasSeen: Uint8Array;
  private readonly areasSeenDynamic = new Set<number>();
  private readonly duplicates: DuplicateIndex;
  private readonly ambiguousWarned = new Set<number>();
  private duplicateStopReported = false;

  constructor(private readonly o: BuilderOptions) {
    this.keys = new RowKeys(o.plan, o.matcher);
    this.areasSeen = new Uint8Array(o.matcher.keys.length);
    this.duplicates = new DuplicateIndex(Math.max(1, o.matcher.keys.length));
    for (const v of o.plan.variables) this.variables.set(v.key, v);
  }

  private col(i: number): string {
    return this.o.columnNames[i] ?? String(i + 1);
  }

  private isCount(variable: string, unit: string | null): boolean {
    const hit = this.countMemo.get(variable);
    if (hit !== undefined) return hit;
    const info = this.variables.get(variable);
    const count = info
      ? info.count
      : this.o.plan.valuesAreCounts || isCountVariable(variable, unit, this.o.counts);
    if (this.countMemo.size > MAX_VARIABLES) this.countMemo.clear();
    this.countMemo.set(variable, count);
    return count;
  }

  /** Key of (date, variable, breakdown), the string of the slot's last combination reused. */
  private combo(slot: number, date: string, variable: string, breakdown: string): string {
    const last = this.lastCombo[slot];
    if (last && last.date === date && last.variable === variable && last.breakdown === breakdown)
      return last.combo;
    const combo = `${date}\u0001${variable}\u0001${breakdown}`;
    this.lastCombo[slot] = { date, variable, breakdown, combo };
    return combo;
  }

  /** Turns one data row into records (appended to `out`). */
  row(row: SourceRow, out: TableRecord[]): void {
    const { plan, report, file } = this.o;
    const cells = row.cells;
    const line = row.line;
    this.stats.rows++;
    const areaCell = this.keys.areaCell(cells);
    const areaIdx = this.keys.areaOf(areaCell);
    let higher = -1;
    if (areaIdx < 0 && this.o.higher && !(areaIdx === BLANK && plan.blankAreaIsTotal))
      higher = this.o.higher.classify(areaIdx === BLANK ? '' : keyText(areaCell), cells, line);
    if (higher >= 0) this.stats.higherRows++;
    else if (areaIdx < 0) {
      if (areaIdx === UNKNOWN) this.unknown.note(keyText(areaCell), line);
      else if (areaIdx === TOTAL || plan.blankAreaIsTotal) this.stats.totalRows++;
      else
        report.warning(
          'empty_area_key',
          line,
          this.col(plan.area),
          tableMessages.emptyKey(file, line, this.col(plan.area)),
        );
      return;
    }
    const areaKey =
      higher >= 0 ? '' : this.o.matcher.acceptsAll ? keyText(areaCell) : this.o.matcher.keys[areaIdx]!;
    if (this.o.refused?.keys.has(areaKey)) {
      const c = this.col(plan.area);
      report.error('outside_scope', line, c, this.o.refused.message(file, line, c, areaKey));
      return;
    }

    let date = plan.fixedDate;
    if (plan.dateColumn !== null) {
      const cell = cells[plan.dateColumn] ?? null;
      date = this.keys.date(cell);
      if (date === null) {
        const c = this.col(plan.dateColumn);
        report.error('bad_date', line, c, tableMessages.badDate(file, line, c, cellText(cell) || '(leer)'));
        return;
      }
    }
    if (plan.periodColumn !== null && date !== null)
      date = refinePeriod(date, cellText(cells[plan.periodColumn] ?? null));

    let rowVariable: string | null = null;
    let unit: string | null = null;
    if (plan.variableColumns.length > 0) {
      rowVariable = this.keys.variableOf(cells);
      if (rowVariable === '') {
        const c = this.col(plan.variableColumns[0]!);
        report.error('empty_variable', line, c, tableMessages.emptyVariable(file, line, c));
        return;
      }
      if (plan.unitColumn !== null) unit = cellText(cells[plan.unitColumn] ?? null);
      if (higher < 0 && !this.variables.has(rowVariable) && this.variables.size < MAX_VARIABLES) {
        const info: VariableInfo = { key: rowVariable, count: this.isCount(rowVariable, unit) };
        const label = plan.variableLabelColumns
          .map((i) => cellText(cells[i] ?? null))
          .filter((t) => t !== '');
        if (label.length > 0) info.label = detach(label.join(': '));
        if (unit) info.unit = detach(unit);
        info.key = detach(rowVariable);
        this.variables.set(info.key, info);
      }
    }
    const breakdown = plan.breakdown.length === 0 ? '' : this.keys.breakdown(cells);
    const rowQuality =
      plan.qualityColumn !== null ? qualityStatus(cellText(cells[plan.qualityColumn] ?? null)) : null;

    const slots = plan.slots;
    for (let s = 0; s < slots.length; s++) {
      const slot = slots[s]!;
      const variable = slot.variable ?? rowVariable!;
      const d = slot.date ?? date!;
      if (higher >= 0) {
        // Totals are compared with the sums of their areas, never stored.
        if (this.isCount(variable, unit))
          this.o.higher!.deliver(
            higher,
            line,
            slot.name,
            this.combo(s, d, variable, breakdown),
            cells[slot.column] ?? null,
            this.o.conventions.get(slot.column)?.convention ?? 'de',
          );
        continue;
      }
      if (!this.value(slot, cells, line, rowQuality, variable, unit)) continue;
      const combo = this.combo(s, d, variable, breakdown);
      const first = this.duplicates.check(combo, areaIdx, line);
      if (first > 0) {
        const c = slot.name;
        report.error(
          'duplicate_record',
          line,
          c,
          tableMessages.duplicate(file, line, c, first, areaKey, d, variable, breakdown),
        );
        continue;
      }
      if (this.duplicates.stopped && !this.duplicateStopReported) {
        this.duplicateStopReported = true;
        report.warning(
          'duplicate_check_stopped',
          line,
          null,
          tableMessages.duplicateCheckStopped(file, line),
        );
      }
      const record: TableRecord = {
        row: line,
        areaKey,
        date: d,
        variable,
        breakdown,
        value: this.v,
        status: this.st,
      };
      if (this.sym !== undefined) record.symbol = this.sym;
      out.push(record);
      if (this.o.higher)
        this.o.higher.child(areaIdx, combo, this.st === 'value' || this.st === 'estimated' ? this.v : null);
      this.stats.records++;
      this.stats.byStatus[this.st]++;
      if (this.dates.size < MAX_DATES) this.dates.add(d);
      if (this.o.matcher.acceptsAll) this.areasSeenDynamic.add(areaIdx);
      else if (this.areasSeen[areaIdx] === 0) {
        this.areasSeen[areaIdx] = 1;
        this.stats.areas++;
      }
    }
  }

  /**
   * Reads the value of one cell into `v`, `st`, `sym`; false after reporting why there is none.
   */
  private value(
    slot: Slot,
    cells: readonly CellValue[],
    line: number,
    rowQuality: ValueStatus | null,
    variable: string,
    unit: string | null,
  ): boolean {
    const cell = cells[slot.column] ?? null;
    if (typeof cell === 'string') {
      const quick = quickNumber(cell);
      if (quick !== undefined)
        return this.number(slot, cells, line, rowQuality, variable, unit, quick, 'value');
    }
    const { report, file } = this.o;
    const conv = this.o.conventions.get(slot.column);
    const v = parseValue(cell, conv?.convention ?? 'de');
    switch (v.kind) {
      case 'empty':
        this.stats.emptyCells++;
        return false;
      case 'text':
        report.error(
          'not_a_number',
          line,
          slot.name,
          tableMessages.notANumber(file, line, slot.name, v.text),
        );
        return false;
      case 'formula':
        report.error('formula_cell', line, slot.name, tableMessages.formula(file, line, slot.name, v.text));
        return false;
      case 'symbol':
        this.v = null;
        this.st = v.status;
        this.sym = v.symbol;
        return true;
      case 'number':
        if (v.ambiguous && !conv?.evidence && !this.ambiguousWarned.has(slot.column)) {
          this.ambiguousWarned.add(slot.column);
          report.warning(
            'ambiguous_number',
            line,
            slot.name,
            tableMessages.ambiguousNumber(file, line, slot.name, cellText(cell), v.value),
          );
        }
        return this.number(slot, cells, line, rowQuality, variable, unit, v.value, v.status);
    }
  }

  private number(
    slot: Slot,
    cells: readonly CellValue[],
    line: number,
    rowQuality: ValueStatus | null,
    variable: string,
    unit: string | null,
    value: number,
    status: ValueStatus,
  ): boolean {
    if (value < 0 && this.isCount(variable, unit)) {
      const { report, file } = this.o;
      report.error(
        'negative_count',
        line,
        slot.name,
        tableMessages.negativeCount(file, line, slot.name, value, variable),
      );
      return false;
    }
    const q = slot.quality !== null ? qualityStatus(cellText(cells[slot.quality] ?? null)) : rowQuality;
    this.v = value;
    this.st = q === 'estimated' ? 'estimated' : status;
    this.sym = undefined;
    return true;
  }

  /** Reports the unknown keys (one entry per key, with its rows) and the rows of other levels. */
  finish(levelName: string | null, gebietsstand: string | null): void {
    const { report, file, plan } = this.o;
    const other = this.unknown.looksLikeOtherGebietsstand(keyPattern(this.o.matcher.keys), this.stats.areas);
    const column =
      plan.areaParts.length > 0 ? plan.areaParts.map((c) => this.col(c)).join(' + ') : this.col(plan.area);
    this.unknown.report(report, file, column, this.o.unknownKeys, other ? { levelName, gebietsstand } : null);
    this.o.higher?.finish(report, levelName);
    // e.g. a year or table-number column taken for the key: its values nest like higher keys
    const { rows, higherRows, totalRows } = this.stats;
    if (higherRows > 0 && higherRows + totalRows === rows)
      report.error('no_level_rows', null, column, tableMessages.noLevelRows(file, column, rows, levelName));
    if (this.o.matcher.acceptsAll) this.stats.areas = this.areasSeenDynamic.size;
  }
}
