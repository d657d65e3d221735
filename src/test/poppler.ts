/**
 * Test support: looks at PDFs the way a reader does, with poppler-utils (installed here and in CI;
 * never needed at runtime) — text per page (`pdftotext`), page images (`pdftoppm`, binary PPM),
 * fonts (`pdffonts`) — and with qpdf's structural check.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** An RGB page image. */
export interface Raster {
  width: number;
  height: number;
  /** width × height × 3 bytes, row by row. */
  rgb: Uint8Array;
}

/** A PDF written to a temporary directory for the poppler tools; `dispose` removes it. */
export function pdfFile(pdf: Uint8Array) {
  const dir = mkdtempSync(join(tmpdir(), 'lagebild-pdf-'));
  const file = join(dir, 'r.pdf');
  writeFileSync(file, pdf);
  const run = (tool: string, args: string[]) =>
    execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return {
    /** Number of pages (pdfinfo). */
    pages: () => Number(/^Pages:\s+(\d+)/m.exec(run('pdfinfo', [file]))![1]),
    /** Whether pdfinfo reports a tagged PDF (a structure tree marked as such). */
    tagged: () => /^Tagged:\s+yes$/m.test(run('pdfinfo', [file])),
    /** The fonts as pdffonts lists them: name, embedded, subset. */
    fonts: (): { name: string; embedded: boolean; subset: boolean }[] =>
      run('pdffonts', [file])
        .trim()
        .split('\n')
        .slice(2)
        .map((line) => {
          // name, type (may contain spaces), encoding, emb, sub, uni, object id, generation
          const cells = line.trim().split(/\s+/);
          const [emb, sub] = cells.slice(-5, -3);
          return { name: cells[0]!, embedded: emb === 'yes', subset: sub === 'yes' };
        }),
    /** qpdf's structural check (xref, streams, object syntax); throws with its report on errors. */
    check: () => run('qpdf', ['--check', file]),
    /** Text of every page, in reading order (one pdftotext call; pages end with form feeds). */
    pageTexts: (): string[] => run('pdftotext', [file, '-']).split('\f').slice(0, -1),
    /** Text of one page (1-based) with its layout kept (`-layout`). */
    layoutText: (page: number) =>
      run('pdftotext', ['-layout', '-f', String(page), '-l', String(page), file, '-']),
    /** Images embedded in the PDF (pdfimages -list), 0 when all figures are vector paths. */
    imageCount: () => run('pdfimages', ['-list', file]).trim().split('\n').length - 2,
    /** Page `page` rendered at `dpi` as RGB (pdftoppm without -png writes binary PPM, P6). */
    raster(page: number, dpi = 60): Raster {
      execFileSync('pdftoppm', [
        '-r',
        String(dpi),
        '-f',
        String(page),
        '-l',
        String(page),
        file,
        join(dir, 'p'),
      ]);
      const name = readdirSync(dir).find((f) => f.startsWith('p') && f.endsWith('.ppm'))!;
      const bytes = readFileSync(join(dir, name));
      rmSync(join(dir, name));
      return parsePpm(bytes);
    },
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Binary PPM (P6): "P6", width, height, max value (255), separated by whitespace, then RGB bytes. */
export function parsePpm(bytes: Uint8Array): Raster {
  const fields: string[] = [];
  let i = 0;
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(bytes[i]!))) i++;
    let field = '';
    while (!/\s/.test(String.fromCharCode(bytes[i]!))) field += String.fromCharCode(bytes[i++]!);
    fields.push(field);
  }
  if (fields[0] !== 'P6' || fields[3] !== '255') throw new Error(`kein 8-Bit-PPM: ${fields.join(' ')}`);
  const [width, height] = [Number(fields[1]), Number(fields[2])];
  return { width, height, rgb: bytes.subarray(i + 1, i + 1 + width * height * 3) };
}

/** Pixels whose colour is within `tolerance` (per channel) of `hex`. */
export function countColour(img: Raster, hex: string, tolerance = 8): number {
  const [r, g, b] = [1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16)) as [number, number, number];
  let n = 0;
  for (let p = 0; p < img.rgb.length; p += 3)
    if (
      Math.abs(img.rgb[p]! - r) <= tolerance &&
      Math.abs(img.rgb[p + 1]! - g) <= tolerance &&
      Math.abs(img.rgb[p + 2]! - b) <= tolerance
    )
      n++;
  return n;
}
