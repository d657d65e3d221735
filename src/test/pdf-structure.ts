/**
 * Test support: the logical structure of a tagged PDF (ISO 32000-1, 14.7) read back with pdf-lib
 * — element types, alt texts, the page each element is on, the parent tree — to check what a
 * screen reader would get.
 */
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString } from 'pdf-lib';
import type { PDFObject } from 'pdf-lib';

export interface StructNode {
  /** Structure type, e.g. `Document`, `H1`, `P`, `Table`, `TH`, `Figure`. */
  type: string;
  alt: string | null;
  /** 1-based page of the element (its own /Pg or the nearest ancestor's), null if none. */
  page: number | null;
  kids: StructNode[];
}

export interface PdfStructure {
  marked: boolean;
  lang: string | null;
  root: StructNode | null;
  /** /StructParents of every page in page order (null where missing). */
  pageKeys: (number | null)[];
  /** Keys of the parent tree. */
  parentTreeKeys: Set<number>;
}

const text = (o: PDFObject | undefined) =>
  o instanceof PDFString || o instanceof PDFHexString ? o.decodeText() : null;

export async function readStructure(pdf: Uint8Array): Promise<PdfStructure> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const pages = new Map<PDFRef, number>(doc.getPages().map((p, i) => [p.ref, i + 1]));
  const ctx = doc.context;
  const walk = (ref: PDFObject, inherited: number | null): StructNode | null => {
    const dict = ctx.lookup(ref);
    if (!(dict instanceof PDFDict)) return null; // a marked-content id (number) or reference
    const type = dict.get(PDFName.of('S'));
    if (!(type instanceof PDFName)) return null; // an object reference (OBJR) or MCR
    const pg = dict.get(PDFName.of('Pg'));
    const page = pg instanceof PDFRef ? (pages.get(pg) ?? null) : inherited;
    const k = dict.get(PDFName.of('K'));
    const kids = (k instanceof PDFArray ? k.asArray() : k ? [k] : [])
      .map((kid) => walk(kid, page))
      .filter((n): n is StructNode => n !== null);
    return { type: type.decodeText(), alt: text(dict.get(PDFName.of('Alt'))), page, kids };
  };
  const rootDict = doc.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  const top = rootDict?.get(PDFName.of('K'));
  const parentTreeKeys = new Set<number>();
  const collect = (node: PDFDict | undefined) => {
    const nums = node?.lookupMaybe(PDFName.of('Nums'), PDFArray);
    for (let i = 0; nums && i < nums.size(); i += 2) {
      const key = nums.lookup(i);
      if (key instanceof PDFNumber) parentTreeKeys.add(key.asNumber());
    }
    const kids = node?.lookupMaybe(PDFName.of('Kids'), PDFArray);
    for (let i = 0; kids && i < kids.size(); i++) collect(kids.lookupMaybe(i, PDFDict));
  };
  collect(rootDict?.lookupMaybe(PDFName.of('ParentTree'), PDFDict));
  const markInfo = doc.catalog.lookupMaybe(PDFName.of('MarkInfo'), PDFDict);
  return {
    marked: markInfo?.get(PDFName.of('Marked'))?.toString() === 'true',
    lang: text(doc.catalog.get(PDFName.of('Lang'))),
    root: top ? walk(top, null) : null,
    pageKeys: doc
      .getPages()
      .map((p) => p.node.lookupMaybe(PDFName.of('StructParents'), PDFNumber)?.asNumber() ?? null),
    parentTreeKeys,
  };
}

/** Every element below `node` in reading order (pre-order), `node` included. */
export function flatten(node: StructNode): StructNode[] {
  return [node, ...node.kids.flatMap(flatten)];
}
