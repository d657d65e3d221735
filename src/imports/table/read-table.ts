/**
 * Reads a statistics table (CSV or XLSX) into normalised, validated records — pure parsing, no
 * database. Everything streams: CSV bytes are decoded and split as they come, XLSX rows come from
 * the streaming WorkbookReader; only the first rows (titles, header, a sample of 500 data rows)
 * are held to recognise the shape.
 *
 * Records are handed out while reading (batches of up to 1000), before the report is complete:
 * store them in a transaction and roll back unless the final result is `ok` (an unknown area key
 * in the last row refuses the whole file). Or read twice: once without callback to validate,
 * once to store.
 */
import { basename, extname } from 'node:path';
import { StreamingDecoder, encodingName } from './decode.ts';
import { KeyMatcher, detach, keyText } from './keys.ts';
import {
  classifyRow,
  detectLayout,
  filledCount,
  rowText,
  startsNotes,
  type Layout,
  type RowKind,
} from './layout.ts';
import { tableMessages } from './messages.ts';
import { emptyStats, RecordBuilder } from './records.ts';
import { Report } from './report.ts';
import { planShape, type Plan } from './shape.ts';
import { findLevelColumn, HigherRows } from './higher.ts';
import { LABEL_HEADER, normHeader } from './headers.ts';
import type { CellValue, ReadTableOptions, SourceRow, TableReadResult, TableRecord } from './types.ts';
import { conventionFromSample, type NumberConvention } from './values.ts';
import { csvBatches, firstBytes, type Context, type TableInput } from './sources.ts';
import { xlsxRows } from './xlsx.ts';

export type { TableInput } from './sources.ts';
export type { ReadTableOptions } from './types.ts';

const HEAD_ROWS = 600;
const SAMPLE_ROWS = 500;
const MAX_NOTES = 200;
/** Records handed out at a time (a wide row can add more than one record past it). */
const BATCH = 1000;

/**
 * Number convention per value column: the column's own sample, else the sample of all value
 * columns, else the delimiter (`;` is chosen precisely because `,` is the decimal separator:
 * German), else German without evidence (ambiguous numbers are then warned about).
 */
function conventions(
  plan: Plan,
  sample: readonly (readonly CellValue[])[],
  delimiter: string | null,
): Map<number, { convention: NumberConvention; evidence: boolean }> {
  const map = new Map<number, { convention: NumberConvention; evidence: boolean }>();
  const columns = plan.slots.map((s) => s.column);
  const fileWide =
    plan.shape === 'genesis-flat' || delimiter === ';'
      ? 'de'
      : conventionFromSample(columns.flatMap((c) => sample.map((r) => r[c] ?? null)));
  for (const c of columns) {
    const own = conventionFromSample(sample.map((r) => r[c] ?? null));
    map.set(c, { convention: own ?? fileWide ?? 'de', evidence: (own ?? fileWide) !== null });
  }
  return map;
}

function fileName(input: TableInput): string {
  return 'path' in input ? basename(input.path) : input.name;
}

/**
 * Reads a table and streams its records in batches; the generator's return value is the report.
 *
 * @throws `import.file_not_found` when the path does not exist (all other problems are in the report)
 */
export async function* streamTable(
  input: TableInput,
  opts: ReadTableOptions,
): AsyncGenerator<TableRecord[], TableReadResult> {
  const file = fileName(input);
  const report = new Report(file, opts.maxProblems ?? 1000);
  const ctx: Context = { file, report, opts, encoding: null, delimiter: null, xlsx: null };
  const matcher = new KeyMatcher(opts.knownKeys);
  const { head, size } = await firstBytes(input);
  const ext = extname(file).toLowerCase();
  const state: ReadState = {
    layout: null,
    headerLine: null,
    plan: null,
    builder: null,
    notes: [],
    emptyLines: 0,
    format: 'csv',
  };
  const done = () => buildResult(ctx, state);

  if (size === 0) {
    report.error('empty_file', null, null, tableMessages.emptyFile(file));
    return done();
  }
  const zip = head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
  const ole = head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0;
  if (ole || ext === '.xls' || ext === '.ods' || (zip && ext !== '.xlsx' && ext !== '.xlsm' && ext !== '')) {
    const what =
      ole || ext === '.xls'
        ? 'Das alte Excel-Format (.xls) wird nicht gelesen; bitte als .xlsx speichern.'
        : 'Das Dateiformat wird nicht erkannt.';
    report.error('unsupported_format', null, null, tableMessages.unsupportedFormat(file, what));
    return done();
  }
  let batches: AsyncGenerator<SourceRow[]>;
  let decoder: StreamingDecoder | null = null;
  if (zip) {
    state.format = 'xlsx';
    ctx.xlsx = { sheet: null, sheets: [] };
    batches = xlsxRows('path' in input ? input.path : input.data, opts.sheet, ctx.xlsx);
  } else {
    decoder = new StreamingDecoder();
    batches = csvBatches(input, ctx, decoder);
  }

  try {
    yield* readRows(batches, ctx, state, matcher);
  } catch (e) {
    if (state.format !== 'xlsx') throw e;
    report.error(
      'unreadable',
      null,
      null,
      tableMessages.unreadable(file, e instanceof Error ? e.message : String(e)),
    );
  } finally {
    await batches.return(undefined);
  }

  if (decoder) {
    ctx.encoding = decoder.state.encoding;
    const mixed = decoder.state.mixed;
    if (mixed) {
      const main = encodingName(decoder.state.encoding ?? 'utf-8');
      report.error(
        'mixed_encoding',
        mixed.line,
        null,
        tableMessages.mixedEncoding(file, mixed.line, main, encodingName(mixed.other)),
      );
    }
  }
  if (ctx.xlsx && ctx.xlsx.sheet === null && report.errors === 0) {
    if (opts.sheet !== undefined)
      report.error(
        'sheet_not_found',
        null,
        null,
        tableMessages.sheetNotFound(file, opts.sheet, ctx.xlsx.sheets),
      );
    else report.error('no_table', null, null, tableMessages.noSheetWithData(file));
  }
  return done();
}

interface ReadState {
  layout: Layout | null;
  headerLine: number | null;
  plan: Plan | null;
  builder: RecordBuilder | null;
  notes: string[];
  emptyLines: number;
  format: 'csv' | 'xlsx';
}

async function* readRows(
  batches: AsyncGenerator<SourceRow[]>,
  ctx: Context,
  state: ReadState,
  matcher: KeyMatcher,
): AsyncGenerator<TableRecord[]> {
  const { report, file, opts } = ctx;
  const headRows: SourceRow[] = [];
  for (;;) {
    const next = await batches.next();
    if (next.done) break;
    for (const r of next.value) headRows.push(r);
    if (headRows.length >= HEAD_ROWS) break;
  }
  if (headRows.length === 0) {
    if (report.errors === 0 && state.format === 'csv')
      report.error('empty_file', null, null, tableMessages.emptyFile(file));
    return;
  }
  const isKey = (t: string) => !matcher.acceptsAll && t !== '' && matcher.indexOf(keyText(t)) >= 0;
  const layout = detectLayout(headRows.slice(0, 300), isKey);
  if (!layout) {
    const anyText = headRows.some((r) => r.cells.some((c) => c !== null && c !== ''));
    report.error(
      anyText ? 'no_table' : 'empty_file',
      null,
      null,
      anyText ? tableMessages.noTable(file) : tableMessages.emptyFile(file),
    );
    return;
  }
  state.layout = layout;
  state.headerLine = layout.headerRows.length > 0 ? headRows[layout.headerRows[0]!]!.line : null;
  state.emptyLines = layout.emptyLines;
  const sample: CellValue[][] = [];
  const sampleEnd = new TableEnd(state.format === 'xlsx');
  for (const r of headRows.slice(layout.dataStart)) {
    const kind = sampleEnd.classify(r);
    if (kind === 'separator') break;
    if (kind === 'data') sample.push(r.cells);
    if (sample.length >= SAMPLE_ROWS) break;
  }
  const planned = planShape({
    file,
    columns: layout.columns,
    sample,
    matcher,
    profile: opts.mapping,
    date: opts.date,
    variable: opts.variable,
    counts: opts.counts ?? 'auto',
  });
  if ('error' in planned) {
    report.error(planned.error.code, null, planned.error.column, planned.error.message);
    return;
  }
  const plan = planned.plan;
  state.plan = plan;
  const builder = new RecordBuilder({
    file,
    plan,
    columnNames: layout.columns.map((c) => c.name),
    matcher,
    report,
    counts: opts.counts ?? 'auto',
    unknownKeys: opts.unknownKeys ?? 'refuse',
    conventions: conventions(plan, sample, ctx.delimiter),
    higher: higherRows(ctx, plan, layout, sample, matcher),
    ...(opts.refused ? { refused: opts.refused } : {}),
  });
  state.builder = builder;

  let out: TableRecord[] = [];
  let inNotes = false;
  const end = new TableEnd(state.format === 'xlsx');
  let rows: readonly SourceRow[] = headRows.slice(layout.dataStart);
  for (;;) {
    for (const r of rows) {
      if (inNotes) {
        note(state, r.cells);
        continue;
      }
      const kind = end.classify(r);
      if (kind === 'separator' && filledCount(r.cells) > 0 && !/^[_-]{3,}/.test(rowText(r.cells)))
        note(state, r.cells);
      if (kind === 'data') {
        builder.row(r, out);
        // Batches stay small however wide the table or large the chunk.
        if (out.length >= BATCH) {
          yield out;
          out = [];
        }
      } else if (kind === 'empty') state.emptyLines++;
      else if (kind === 'separator') inNotes = true;
      else note(state, r.cells);
    }
    const next = await batches.next();
    if (next.done) break;
    rows = next.value;
  }
  builder.finish(opts.levelName ?? null, opts.gebietsstand ?? null);
  if (builder.stats.rows === 0 && report.errors === 0) {
    const headerLine = state.headerLine ?? headRows[0]!.line;
    report.error('header_only', headerLine, null, tableMessages.headerOnly(file, headerLine));
  }
  if (out.length > 0) yield out;
}

/** The recogniser of rows of other levels, when there are known keys to tell them apart. */
function higherRows(
  ctx: Context,
  plan: Plan,
  layout: Layout,
  sample: readonly (readonly CellValue[])[],
  matcher: KeyMatcher,
): HigherRows | null {
  if (matcher.acceptsAll) return null;
  const keyOf = (row: readonly CellValue[]) =>
    plan.areaParts.length > 0
      ? plan.areaParts.map((c) => keyText(row[c] ?? null)).join('')
      : keyText(row[plan.area] ?? null);
  const names = layout.columns.map((c) => c.name);
  // Name columns: one text per key of the sample (Köln's `raum`), unlike row ids (`010.005.2005.101.010`)
  // or table titles; those named like names first.
  const named = (c: number) => (LABEL_HEADER.test(normHeader(names[c] ?? '')) ? 0 : 1);
  const nameColumns = plan.ignored
    .filter((c) => {
      const byKey = new Map<string, string>();
      const texts = new Set<string>();
      let rows = 0;
      for (const row of sample) {
        const k = keyOf(row);
        if (matcher.indexOf(k) < 0) continue;
        rows++;
        const t = keyText(row[c] ?? null);
        if (/^[\d\s.,/_-]+$/.test(t)) return false;
        texts.add(t);
        if ((byKey.get(k) ?? t) !== t) return false;
        byKey.set(k, t);
      }
      return texts.size > 1 || rows === 1;
    })
    .sort((a, b) => named(a) - named(b));
  return new HigherRows({
    file: ctx.file,
    matcher,
    otherAreas: ctx.opts.otherAreas ?? [],
    city: ctx.opts.city ?? null,
    labelColumns: [...(plan.areaParts.length > 0 ? [] : [plan.area]), ...nameColumns],
    levelColumn: findLevelColumn(names, sample, keyOf, matcher),
  });
}

/**
 * Row kinds below the header, with the one rule that needs the row before: after an empty row
 * (CSV) or a gap in the row numbers (XLSX leaves empty rows out), a row that starts like a note
 * ends the table.
 */
class TableEnd {
  private gap = false;
  private last: number | null = null;

  /** @param sheet rows of a sheet, whose numbers skip the empty rows (CSV lines do not). */
  constructor(private readonly sheet: boolean) {}

  classify(r: SourceRow): RowKind {
    const kind = classifyRow(r.cells);
    const gap = this.gap || (this.sheet && this.last !== null && r.line > this.last + 1);
    this.last = r.line;
    if (kind === 'empty') {
      this.gap = true;
      return kind;
    }
    this.gap = false;
    return gap && kind !== 'separator' && startsNotes(r.cells) ? 'separator' : kind;
  }
}

function note(state: ReadState, cells: readonly CellValue[]): void {
  if (state.notes.length >= MAX_NOTES) return;
  const t = rowText(cells);
  if (t !== '') state.notes.push(detach(t.length > 500 ? `${t.slice(0, 500)} …` : t));
}

function buildResult(ctx: Context, state: ReadState): TableReadResult {
  const { report } = ctx;
  const names = state.layout?.columns.map((c) => c.name) ?? [];
  const name = (i: number | null) => (i === null || i < 0 ? null : (names[i] ?? null));
  const plan = state.plan;
  const b = state.builder;
  const stats = b?.stats ?? emptyStats();
  return {
    file: ctx.file,
    ok: report.errors === 0,
    format: state.format,
    encoding: ctx.encoding,
    delimiter: ctx.delimiter,
    sheet: ctx.xlsx?.sheet ?? null,
    shape: plan?.shape ?? null,
    headerRow: state.headerLine,
    columns: {
      area: plan
        ? plan.areaParts.length > 0
          ? plan.areaParts.map((i) => names[i]!).join(' + ')
          : name(plan.area)
        : null,
      areaParts: plan
        ? (plan.areaParts.length > 0 ? plan.areaParts : [plan.area])
            .map((i) => names[i] ?? '')
            .filter((n) => n !== '')
        : [],
      date: plan ? name(plan.dateColumn) : null,
      variable: plan ? plan.variableColumns.map((i) => names[i]!) : [],
      value: plan ? [...new Set(plan.slots.map((s) => s.name))].slice(0, 500) : [],
      breakdown: plan ? plan.breakdown.map((p) => p.name ?? names[p.valueColumn]!) : [],
      ignored: plan ? plan.ignored.map((i) => names[i]!).slice(0, 500) : [],
    },
    titleLines: state.layout?.titleLines ?? [],
    notes: state.notes,
    emptyLines: state.emptyLines,
    variables: b ? [...b.variables.values()] : [],
    dates: b ? [...b.dates].sort() : [],
    stats,
    unknownKeys: b ? [...b.unknown.keys.values()] : [],
    unknownKeysLeftOff: b?.unknown.leftOff ?? 0,
    problems: report.sorted(),
    problemsLeftOff: report.leftOff,
    problemCounts: { ...report.counts },
  };
}

/**
 * Reads a table completely; records go to `onRecords` / `onRecord` as they are read (awaited, so
 * a slow consumer slows the reading instead of filling memory).
 *
 * @example
 * const result = await readTable({ path: 'bevoelkerung.csv' }, { knownKeys, onRecords: (rs) => insert(rs) });
 * if (!result.ok) rollback(); // result.problems: German messages naming file, row and column
 */
export async function readTable(input: TableInput, opts: ReadTableOptions): Promise<TableReadResult> {
  const gen = streamTable(input, opts);
  for (;;) {
    const next = await gen.next();
    if (next.done) return next.value;
    if (opts.onRecords) await opts.onRecords(next.value);
    if (opts.onRecord) {
      for (const r of next.value) {
        const p = opts.onRecord(r);
        if (p) await p;
      }
    }
  }
}
