/**
 * Assembles a long PDF from the chunks Chromium printed (pdf-lib): copies each chunk's pages in as
 * soon as it is done (so only the merged document, not every chunk, stays in memory), keeps the
 * named destinations Chromium wrote for the sections (start pages, working TOC links), adds a
 * bookmark outline, and stamps the footer „Titel · Seite n von N“ — numbered over the whole
 * document — and, for internal drafts, the mark „Intern – nicht zur Veröffentlichung“ on every page.
 *
 * The result stays a tagged PDF (PDF/UA, ISO 14289-1, as far as Chromium tags the HTML): each
 * chunk's structure tree (headings, lists, tables with TH, figures with their alt text) is moved
 * below one Document element in page order, its parent tree renumbered; the stamps are marked as
 * pagination artifacts; every font is embedded (the stamps in DejaVu Sans, the report's own face)
 * and every subset gets a tag of its own — Chromium starts each chunk at AAAAAA+, so merged
 * chunks would otherwise carry different subsets under one name.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFObjectCopier,
  PDFOperator,
  PDFOperatorNames,
  PDFPage,
  PDFRef,
  PDFString,
  rgb,
  type PDFFont,
  type PDFPageLeaf,
  type PDFObject,
} from 'pdf-lib';
import type { ChunkLayout } from './paginate.ts';
import { collectGarbage } from './collect-garbage.ts';
import { freezeStructElements } from './pdf-frozen.ts';

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

/** DejaVu Sans (regular, bold) from the npm package, read once per process. */
let stampFonts: { regular: Uint8Array; bold: Uint8Array } | null = null;
function stampFontBytes() {
  if (!stampFonts) {
    const require = createRequire(import.meta.url);
    const dir = require.resolve('dejavu-fonts-ttf/package.json').replace(/package\.json$/, 'ttf/');
    stampFonts = {
      regular: readFileSync(`${dir}DejaVuSans.ttf`),
      bold: readFileSync(`${dir}DejaVuSans-Bold.ttf`),
    };
  }
  return stampFonts;
}

/** Replaces characters the font has no glyph for instead of printing an empty box. */
function encodable(font: PDFFont, text: string): string {
  const set = new Set(font.getCharacterSet());
  return [...text].map((c) => (set.has(c.codePointAt(0)!) ? c : '?')).join('');
}

/** The n-th subset tag: six capital letters (ISO 32000-1, 9.6.4), `AAAAAA`, `BAAAAA`, … */
export function subsetTag(n: number): string {
  let tag = '';
  for (let i = 0; i < 6; i++, n = Math.floor(n / 26)) tag += String.fromCharCode(65 + (n % 26));
  return tag;
}

/**
 * Gives every font subset of `doc` a fresh tag from `nextTag` (the same new tag for a font, its
 * descendant font and its descriptor, which share the old one).
 */
function retagSubsets(doc: PDFDocument, nextTag: () => string): void {
  const tags = new Map<string, string>();
  const retag = (dict: PDFDict, key: 'BaseFont' | 'FontName') => {
    const name = dict.get(PDFName.of(key));
    const m = name instanceof PDFName ? /^([A-Z]{6})\+(.+)$/.exec(name.decodeText()) : null;
    if (!m) return;
    let tag = tags.get(m[1]!);
    if (!tag) tags.set(m[1]!, (tag = nextTag()));
    dict.set(PDFName.of(key), PDFName.of(`${tag}+${m[2]!}`));
  };
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict)) continue;
    const type = obj.get(PDFName.of('Type'));
    if (type === PDFName.of('Font')) retag(obj, 'BaseFont');
    else if (type === PDFName.of('FontDescriptor')) retag(obj, 'FontName');
  }
}

/** Entries of a number tree (the parent tree), flat, following /Kids. */
function numberTree(doc: PDFDocument, node: PDFDict | undefined, out: [number, PDFObject][] = []) {
  if (!node) return out;
  const nums = node.lookupMaybe(PDFName.of('Nums'), PDFArray);
  for (let i = 0; nums && i + 1 < nums.size(); i += 2) {
    const key = nums.lookup(i);
    if (key instanceof PDFNumber) out.push([key.asNumber(), nums.get(i + 1)]);
  }
  const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
  for (let i = 0; kids && i < kids.size(); i++) numberTree(doc, kids.lookupMaybe(i, PDFDict), out);
  return out;
}

const asArray = (o: PDFObject | undefined): PDFObject[] =>
  o === undefined ? [] : o instanceof PDFArray ? o.asArray() : [o];

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
  /** The merged structure tree: its root, the one Document element and that element's kids. */
  private readonly structRoot: PDFRef;
  private readonly structDocument: PDFRef;
  private structKids: PDFObject[] = [];
  private readonly parentTree: [number, PDFObject][] = [];
  private nextParentKey = 0;
  private tags = 0;

  private constructor(readonly doc: PDFDocument) {
    this.structRoot = doc.context.nextRef();
    this.structDocument = doc.context.nextRef();
  }

  static async create(title: string): Promise<PdfBook> {
    const doc = await PDFDocument.create();
    doc.registerFontkit(fontkit);
    doc.setTitle(title, { showInWindowTitleBar: true });
    doc.setLanguage('de-DE');
    doc.setCreator('Lagebild');
    doc.setProducer('Lagebild (Chromium, pdf-lib)');
    return new PdfBook(doc);
  }

  get pageCount(): number {
    return this.doc.getPageCount();
  }

  private nextTag = () => subsetTag(this.tags++);

  /**
   * Copies all pages of a chunk to position `at` (default: the end; the only other place is the
   * front, for the TOC) and returns its layout: page count and the page where each named
   * destination (section id) starts. `keepDests: false` for a chunk whose destinations are
   * stand-ins (the TOC's link targets): the real ones win.
   */
  async add(bytes: Uint8Array, at = this.pageCount, keepDests = true): Promise<ChunkLayout> {
    const src = await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: OBJECTS_PER_TICK });
    retagSubsets(src, this.nextTag);
    const ctx = this.doc.context;
    const firstCopied = ctx.largestObjectNumber + 1;
    // One copier for pages and structure, so that the elements' /Pg point to the copied pages.
    const copier = PDFObjectCopier.for(src.context, ctx);
    const srcRootRef = src.catalog.get(PDFName.of('StructTreeRoot'));
    const srcRoot = src.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
    let kids: PDFObject[] = [];
    if (srcRootRef instanceof PDFRef && srcRoot) {
      // the chunk's root and Document element become the merged ones: copied kids hang below ours
      const traversed = (copier as unknown as { traversedObjects: Map<PDFObject, PDFObject> })
        .traversedObjects;
      traversed.set(srcRootRef, this.structRoot);
      kids = asArray(srcRoot.get(PDFName.of('K')));
      const only = kids.length === 1 ? kids[0] : undefined;
      const top = only ? src.context.lookup(only) : undefined;
      if (only && top instanceof PDFDict && top.get(PDFName.of('S')) === PDFName.of('Document')) {
        traversed.set(only, this.structDocument);
        kids = asArray(top.get(PDFName.of('K')));
      }
    }
    const offset = this.nextParentKey;
    const srcPages = src.getPages();
    const index = new Map<PDFRef, number>(srcPages.map((p, i) => [p.ref, i]));
    const pages = srcPages.map((p) => {
      const ref = copier.copy<PDFRef>(p.ref);
      const page = PDFPage.of(ctx.lookup(ref) as PDFPageLeaf, ref, this.doc);
      this.renumber(page, offset);
      return page;
    });
    pages.forEach((p, i) => this.doc.insertPage(at + i, p));
    if (srcRoot) {
      const entries = numberTree(src, srcRoot.lookupMaybe(PDFName.of('ParentTree'), PDFDict));
      for (const [key, value] of entries) this.parentTree.push([key + offset, copier.copy(value)]);
      const next = srcRoot.lookupMaybe(PDFName.of('ParentTreeNextKey'), PDFNumber)?.asNumber();
      this.nextParentKey = offset + Math.max(next ?? 0, ...entries.map(([k]) => k + 1));
      const copied = kids.map((k) => copier.copy(k));
      this.structKids = at === 0 ? [...copied, ...this.structKids] : [...this.structKids, ...copied];
      freezeStructElements(ctx, firstCopied);
    }
    const starts = new Map<string, number>();
    for (const [name, arr] of namedDests(src)) {
      const target = arr.get(0);
      const i = target instanceof PDFRef ? index.get(target) : undefined;
      if (i === undefined) continue;
      starts.set(name, i);
      if (keepDests) this.dests.set(name, { page: pages[i]!, view: arr.asArray().slice(1) });
    }
    // the parsed chunk is garbage now; collected at once, it does not pile up across chunks
    collectGarbage();
    return { pages: pages.length, starts };
  }

  /** Moves a copied page's (and its annotations') keys into the merged parent tree's range. */
  private renumber(page: PDFPage, offset: number): void {
    const node = page.node;
    const own = node.lookupMaybe(PDFName.of('StructParents'), PDFNumber);
    if (own) node.set(PDFName.of('StructParents'), PDFNumber.of(own.asNumber() + offset));
    const annots = node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    for (let i = 0; annots && i < annots.size(); i++) {
      const a = annots.lookupMaybe(i, PDFDict);
      const key = a?.lookupMaybe(PDFName.of('StructParent'), PDFNumber);
      if (a && key) a.set(PDFName.of('StructParent'), PDFNumber.of(key.asNumber() + offset));
    }
    // PDF/UA: the tab order of annotations follows the structure
    if (annots) node.set(PDFName.of('Tabs'), PDFName.of('S'));
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

  /** The merged structure tree and the catalog entries of a tagged PDF. */
  private writeStructure(): void {
    const ctx = this.doc.context;
    const nums: PDFObject[] = [];
    for (const [key, value] of [...this.parentTree].sort((a, b) => a[0] - b[0]))
      nums.push(PDFNumber.of(key), value);
    ctx.assign(
      this.structDocument,
      ctx.obj({
        Type: 'StructElem',
        S: 'Document',
        P: this.structRoot,
        K: this.structKids,
        Lang: PDFString.of('de-DE'),
      }),
    );
    ctx.assign(
      this.structRoot,
      ctx.obj({
        Type: 'StructTreeRoot',
        K: this.structDocument,
        ParentTree: ctx.register(ctx.obj({ Nums: nums })),
        ParentTreeNextKey: this.nextParentKey,
      }),
    );
    this.doc.catalog.set(PDFName.of('StructTreeRoot'), this.structRoot);
    this.doc.catalog.set(PDFName.of('MarkInfo'), ctx.obj({ Marked: true }));
  }

  /** Stamps footer (and mark) on every page, writes destinations and outline, returns the bytes. */
  async finish(stamp: StampOptions, outline: readonly OutlineEntry[] = []): Promise<Uint8Array> {
    const bytes = stampFontBytes();
    const font = await this.doc.embedFont(bytes.regular, {
      subset: true,
      customName: `${this.nextTag()}+DejaVuSans`,
    });
    const bold = await this.doc.embedFont(bytes.bold, {
      subset: true,
      customName: `${this.nextTag()}+DejaVuSans-Bold`,
    });
    const grey = rgb(0.33, 0.33, 0.33);
    const red = rgb(0.698, 0.094, 0.169); // #b2182b, as the mark in the HTML
    const pages = this.doc.getPages();
    const total = pages.length;
    const mark = stamp.mark === null ? null : encodable(bold, stamp.mark);
    const footer = encodable(font, stamp.footer);
    // stamps are pagination artifacts: not content, so assistive technology skips them
    const artifact = (subtype: 'Footer' | 'Header') =>
      PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [
        PDFName.of('Artifact'),
        // an inline property list; PDFOperator's argument type omits dictionaries it writes fine
        this.doc.context.obj({ Type: 'Pagination', Subtype: subtype }) as unknown as PDFName,
      ]);
    const end = PDFOperator.of(PDFOperatorNames.EndMarkedContent);
    pages.forEach((page, i) => {
      const { width, height } = page.getSize();
      const right = `Seite ${i + 1} von ${total}`;
      const rightWidth = font.widthOfTextAtSize(right, 8);
      const left = clip(font, footer, 8, width - 36 * MM - rightWidth - 8 * MM);
      page.pushOperators(artifact('Footer'));
      page.drawText(left, { x: 18 * MM, y: 9 * MM, size: 8, font, color: grey });
      page.drawText(right, { x: width - 18 * MM - rightWidth, y: 9 * MM, size: 8, font, color: grey });
      page.pushOperators(end);
      if (mark) {
        const w = bold.widthOfTextAtSize(mark, 9);
        const [x, y] = [width - 18 * MM - w - 3 * MM, height - 12 * MM];
        page.pushOperators(artifact('Header'));
        page.drawRectangle({
          x,
          y: y - 1.6 * MM,
          width: w + 6 * MM,
          height: 6 * MM,
          borderColor: red,
          borderWidth: 0.6,
        });
        page.drawText(mark, { x: x + 3 * MM, y, size: 9, font: bold, color: red });
        page.pushOperators(end);
      }
    });
    this.writeDests();
    this.writeOutline(outline);
    this.writeStructure();
    return this.doc.save({ objectsPerTick: OBJECTS_PER_TICK });
  }
}
