/**
 * Where the rows come from: the bytes of a path or a buffer, format sniffing, and CSV rows
 * (decoding, delimiter from the first lines, splitting), in batches.
 */
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { importError } from '../../core/errors.ts';
import { CsvRowSplitter, rankDelimiters } from './csv.ts';
import type { StreamingDecoder } from './decode.ts';
import { tableMessages } from './messages.ts';
import type { Report } from './report.ts';
import type { ReadTableOptions, SourceRow } from './types.ts';
import type { XlsxSource } from './xlsx.ts';

export type TableInput = { path: string } | { name: string; data: Uint8Array };

/** Bytes are read in chunks of this size: small enough to keep a chunk's rows few. */
const CHUNK = 256 * 1024;
const SNIFF_LINES = 60;
const SNIFF_CHARS = 512 * 1024;

/** What a read knows about its file while going. */
export interface Context {
  file: string;
  report: Report;
  opts: ReadTableOptions;
  encoding: string | null;
  delimiter: string | null;
  xlsx: XlsxSource | null;
}

export async function* bytesOf(input: TableInput): AsyncGenerator<Uint8Array> {
  if ('path' in input) {
    for await (const chunk of createReadStream(input.path, { highWaterMark: CHUNK })) yield chunk as Buffer;
    return;
  }
  for (let i = 0; i < input.data.length; i += CHUNK) yield input.data.subarray(i, i + CHUNK);
}

export async function firstBytes(input: TableInput): Promise<{ head: Uint8Array; size: number }> {
  if (!('path' in input)) return { head: input.data.subarray(0, 8), size: input.data.length };
  let size: number;
  try {
    const s = await stat(input.path);
    if (!s.isFile()) throw new Error('not a file');
    size = s.size;
  } catch {
    throw importError('file_not_found', tableMessages.fileNotFound(input.path), { file: input.path });
  }
  const fh = await open(input.path, 'r');
  try {
    const head = new Uint8Array(8);
    const { bytesRead } = await fh.read(head, 0, 8, 0);
    return { head: head.subarray(0, bytesRead), size };
  } finally {
    await fh.close();
  }
}

/** CSV rows in batches: decoding, delimiter from the first lines, splitting. */
export async function* csvBatches(
  input: TableInput,
  ctx: Context,
  decoder: StreamingDecoder,
): AsyncGenerator<SourceRow[]> {
  let sniff = '';
  let splitter: CsvRowSplitter | null = null;
  let out: SourceRow[] = [];
  const start = (): boolean => {
    const d = chooseDelimiter(sniff, ctx);
    if (d === null) return false;
    ctx.delimiter = d;
    splitter = new CsvRowSplitter(d);
    splitter.push(sniff, out);
    sniff = '';
    return true;
  };
  for await (const chunk of bytesOf(input)) {
    const text = decoder.write(chunk);
    if (splitter === null) {
      sniff += text;
      if (countLines(sniff) < SNIFF_LINES && sniff.length < SNIFF_CHARS) continue;
      if (!start()) return;
    } else {
      (splitter as CsvRowSplitter).push(text, out);
    }
    if (out.length > 0) {
      yield out;
      out = [];
    }
  }
  const tail = decoder.end();
  ctx.encoding = decoder.state.encoding;
  if (splitter === null) {
    sniff += tail;
    if (!start()) return;
  } else {
    (splitter as CsvRowSplitter).push(tail, out);
  }
  (splitter as unknown as CsvRowSplitter).end(out);
  if (out.length > 0) yield out;
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0 && n < SNIFF_LINES; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** The delimiter, or null after reporting why none fits (one column, declared one wrong). */
function chooseDelimiter(sniff: string, ctx: Context): string | null {
  const lines = sniff.split('\n').slice(0, SNIFF_LINES);
  const nonEmpty = lines.findIndex((l) => l.trim() !== '');
  if (nonEmpty < 0) {
    ctx.report.error('empty_file', null, null, tableMessages.emptyFile(ctx.file));
    return null;
  }
  const ranked = rankDelimiters(lines);
  const best = ranked[0]!;
  const declared = ctx.opts.delimiter;
  if (declared !== undefined) {
    const d = ranked.find((g) => g.delimiter === declared)!;
    const clearlyOther =
      best.delimiter !== declared && best.columns >= 2 && best.consistentLines > d.consistentLines;
    if (d.columns < 2 || clearlyOther) {
      if (best.columns >= 2 && best.delimiter !== declared) {
        ctx.report.error(
          'wrong_delimiter',
          nonEmpty + 1,
          null,
          tableMessages.wrongDelimiter(ctx.file, declared, best.delimiter, nonEmpty + 1),
        );
      } else {
        ctx.report.error(
          'wrong_delimiter',
          nonEmpty + 1,
          null,
          tableMessages.oneColumn(ctx.file, nonEmpty + 1, lines[nonEmpty]!.trim()),
        );
      }
      return null;
    }
    return declared;
  }
  if (best.columns < 2) {
    ctx.report.error(
      'wrong_delimiter',
      nonEmpty + 1,
      null,
      tableMessages.oneColumn(ctx.file, nonEmpty + 1, lines[nonEmpty]!.trim()),
    );
    return null;
  }
  return best.delimiter;
}
