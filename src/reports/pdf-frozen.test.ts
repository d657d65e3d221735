/**
 * Frozen structure elements are written byte for byte as pdf-lib would have written them, inside
 * the compressed object streams, and read back as the same dictionaries.
 */
import type { PDFNumber } from 'pdf-lib';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { FrozenObject, freezeStructElements } from './pdf-frozen.ts';

async function docWithElements() {
  const doc = await PDFDocument.create();
  const page = doc.addPage();
  const ctx = doc.context;
  const first = ctx.largestObjectNumber + 1;
  const td = ctx.register(
    ctx.obj({ Type: 'StructElem', S: 'TD', Pg: page.ref, K: [0, 1], Alt: PDFString.of('Zelle (1)') }),
  );
  const table = ctx.register(ctx.obj({ Type: 'StructElem', S: 'Table', K: [td] }));
  const other = ctx.register(ctx.obj({ Type: 'Annot', Subtype: 'Link' }));
  doc.catalog.set(PDFName.of('StructTreeRoot'), ctx.register(ctx.obj({ Type: 'StructTreeRoot', K: table })));
  return { doc, first, td, table, other };
}

describe('freezeStructElements', () => {
  it('freezes structure elements only, keeping their serialisation', async () => {
    const { doc, first, td, table, other } = await docWithElements();
    const before = doc.context.lookup(td)!.toString();
    expect(freezeStructElements(doc.context, first)).toBe(2);
    expect(doc.context.lookup(td)).toBeInstanceOf(FrozenObject);
    expect(doc.context.lookup(table)).toBeInstanceOf(FrozenObject);
    expect(doc.context.lookup(other)).toBeInstanceOf(PDFDict);
    expect(doc.context.lookup(td)!.toString()).toBe(before);
    expect(doc.context.lookup(td)!.sizeInBytes()).toBe(before.length);
  });

  it('reads back as the same dictionaries after saving with object streams', async () => {
    const { doc, first, td } = await docWithElements();
    freezeStructElements(doc.context, first);
    const again = await PDFDocument.load(await doc.save({ useObjectStreams: true }));
    const elem = again.context.lookup(td, PDFDict);
    expect(elem.get(PDFName.of('S'))).toBe(PDFName.of('TD'));
    expect(elem.lookup(PDFName.of('Alt'), PDFString).decodeText()).toBe('Zelle (1)');
    const kids = elem.lookup(PDFName.of('K'), PDFArray).asArray();
    expect(kids.map((k) => (k as PDFNumber).asNumber())).toEqual([0, 1]);
    expect(elem.get(PDFName.of('Pg'))).toEqual(again.getPage(0).ref);
  });
});
