/**
 * Assembles a long PDF from the chunks Chromium printed (pdf-lib): copies each chunk's pages in as
 * soon as it is done (so only the merged document, not every chunk, stays in memory), keeps the
 * named destinations Chromium wrote for the sections (start pages, working TOC links), adds a
 * bookmark outline, and stamps the footer „Titel · Seite n von N“ — numbered over the whole
 * document — and, for internal drafts, the mark „Intern – nicht zur Veröffentlichung“ on every page.
 */
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFRef,
  PDFString,
  rgb,
  StandardFonts,
  type PDFFont,
  type PDFObject,
  type PDFPage,
} from 'pdf-lib';
import type { ChunkLayout } from './paginate.ts';

/** An entry of the bookmark outline: a section (by id = destination name), areas nested. */
export interface OutlineEntry {
  id: string;
  title: string;
  children: OutlineEntry[];
}

export interface StampOptions {
  /** Left of the footer, e.g. the report's short title. */
  footer: string;
  /** Text of the internal mark stamped at the top right of every page; null = public. */
  mark: string | null;
}

const MM = 72 / 25.4;
// parsing and saving yield to the event loop every this many objects (the server keeps serving)
const OBJECTS_PER_TICK = 2000;

/** Named destinations of a document: Chromium writes a `/Dests` dictionary; name trees too. */
function namedDests(doc: PDFDocument): Map<string, PDFArray> {
  const out = new Map<string, PDFArray>();
  const dests = doc.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  for (const [name, value] of dests?.entries() ?? []) {
    const arr = doc.context.lookupMaybe(value, PDFArray);
    if (arr) out.set(name.decodeText(), arr);
  }
  const walk = (node: PDFDict | undefined) => {
    if (!node) return;
    const names = node.lookupMaybe(PDFName.of('Names'), PDFArray);
    for (let i = 0; names && i + 1 < names.size(); i += 2) {
      const key = names.lookup(i);
      const value = doc.context.lookup(names.get(i + 1));
      const arr = value instanceof PDFDict ? value.lookupMaybe(PDFName.of('D'), PDFArray) : value;
      if ((key instanceof PDFString || key instanceof PDFHexString) && arr instanceof PDFArray)
        out.set(key.decodeText(), arr);
    }
    const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
    for (let i = 0; kids && i < kids.size(); i++) walk(kids.lookupMaybe(i, PDFDict));
  };
  walk(doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict)?.lookupMaybe(PDFName.of('Dests'), PDFDict));
  return out;
}

/** Replaces characters the standard font cannot encode (WinAnsi) instead of failing. */
function encodable(font: PDFFont, text: string): string {
  const set = new Set(font.getCharacterSet());
  return [...text].map((c) => (set.has(c.codePointAt(0)!) ? c : '?')).join('');
}

/** Fits `text` into `width` points at `size`, ending in „…“ when cut. */
function clip(font: PDFFont, text: string, size: number, width: number): string {
  if (font.widthOfTextAtSize(text, size) <= width) return text;
  let cut = text;
  while (cut && font.widthOfTextAtSize(`${cut}…`, size) > width) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/** The merged document being built; see the module comment. */
export class PdfBook {
  private readonly dests = new Map<string, { page: PDFPage; view: PDFObject[] }>();

  private constructor(readonly doc: PDFDocument) {}

  static async create(title: string): Promise<PdfBook> {
    const doc = await PDFDocument.create();
    doc.setTitle(title, { showInWindowTitleBar: true });
    doc.setLanguage('de-DE');
    doc.setCreator('Lagebild');
    doc.setProducer('Lagebild (Chromium, pdf-lib)');
    return new PdfBook(doc);
  }

  get pageCount(): number {
    return this.doc.getPageCount();
  }

  /**
   * Copies all pages of a chunk to position `at` (default: the end) and returns its layout: page
   * count and the page where each named destination (section id) starts. `keepDests: false` for a
   * chunk whose destinations are stand-ins (the TOC's link targets): the real ones win.
   */
  async add(bytes: Uint8Array, at = this.pageCount, keepDests = true): Promise<ChunkLayout> {
    const src = await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: OBJECTS_PER_TICK });
    const index = new Map<PDFRef, number>(src.getPages().map((p, i) => [p.ref, i]));
    const pages = await this.doc.copyPages(src, src.getPageIndices());
    pages.forEach((p, i) => this.doc.insertPage(at + i, p));
    const starts = new Map<string, number>();
    for (const [name, arr] of namedDests(src)) {
      const target = arr.get(0);
      const i = target instanceof PDFRef ? index.get(target) : undefined;
      if (i === undefined) continue;
      starts.set(name, i);
      if (keepDests) this.dests.set(name, { page: pages[i]!, view: arr.asArray().slice(1) });
    }
    return { pages: pages.length, starts };
  }

  /** Page count of a chunk without keeping it (the TOC's first pass). */
  static async pageCount(bytes: Uint8Array): Promise<number> {
    return (
      await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: OBJECTS_PER_TICK })
    ).getPageCount();
  }

  /** Named destinations for the merged pages, so the TOC links and the outline find their pages. */
  private writeDests(): void {
    const ctx = this.doc.context;
    const dict = ctx.obj({});
    for (const [name, d] of this.dests) dict.set(PDFName.of(name), ctx.obj([d.page.ref, ...d.view]));
    this.doc.catalog.set(PDFName.of('Dests'), ctx.register(dict));
  }

  /** Bookmarks (PDF outline) of chapters with their areas folded in. */
  private writeOutline(entries: readonly OutlineEntry[]): void {
    const ctx = this.doc.context;
    const level = (items: readonly OutlineEntry[], parent: PDFRef) => {
      const refs = items.map(() => ctx.nextRef());
      items.forEach((item, i) => {
        const dict = ctx.obj({
          Title: PDFHexString.fromText(item.title),
          Parent: parent,
          Dest: PDFName.of(item.id),
        });
        if (i > 0) dict.set(PDFName.of('Prev'), refs[i - 1]!);
        if (i + 1 < refs.length) dict.set(PDFName.of('Next'), refs[i + 1]!);
        if (item.children.length) {
          const kids = level(item.children, refs[i]!);
          dict.set(PDFName.of('First'), kids[0]!);
          dict.set(PDFName.of('Last'), kids[kids.length - 1]!);
          dict.set(PDFName.of('Count'), ctx.obj(-item.children.length)); // closed
        }
        ctx.assign(refs[i]!, dict);
      });
      return refs;
    };
    if (!entries.length) return;
    const root = ctx.nextRef();
    const top = level(entries, root);
    ctx.assign(
      root,
      ctx.obj({ Type: 'Outlines', First: top[0]!, Last: top[top.length - 1]!, Count: top.length }),
    );
    this.doc.catalog.set(PDFName.of('Outlines'), root);
  }

  /** Stamps footer (and mark) on every page, writes destinations and outline, returns the bytes. */
  async finish(stamp: StampOptions, outline: readonly OutlineEntry[] = []): Promise<Uint8Array> {
    const font = await this.doc.embedFont(StandardFonts.Helvetica);
    const bold = await this.doc.embedFont(StandardFonts.HelveticaBold);
    const grey = rgb(0.33, 0.33, 0.33);
    const red = rgb(0.698, 0.094, 0.169); // #b2182b, as the mark in the HTML
    const pages = this.doc.getPages();
    const total = pages.length;
    const mark = stamp.mark === null ? null : encodable(bold, stamp.mark);
    pages.forEach((page, i) => {
      const { width, height } = page.getSize();
      const right = `Seite ${i + 1} von ${total}`;
      const rightWidth = font.widthOfTextAtSize(right, 8);
      const left = clip(font, encodable(font, stamp.footer), 8, width - 36 * MM - rightWidth - 8 * MM);
      page.drawText(left, { x: 18 * MM, y: 9 * MM, size: 8, font, color: grey });
      page.drawText(right, { x: width - 18 * MM - rightWidth, y: 9 * MM, size: 8, font, color: grey });
      if (mark) {
        const w = bold.widthOfTextAtSize(mark, 9);
        const [x, y] = [width - 18 * MM - w - 3 * MM, height - 12 * MM];
        page.drawRectangle({
          x,
          y: y - 1.6 * MM,
          width: w + 6 * MM,
          height: 6 * MM,
          borderColor: red,
          borderWidth: 0.6,
        });
        page.drawText(mark, { x: x + 3 * MM, y, size: 9, font: bold, color: red });
      }
    });
    this.writeDests();
    this.writeOutline(outline);
    return this.doc.save({ objectsPerTick: OBJECTS_PER_TICK });
  }
}
