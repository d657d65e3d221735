/**
 * A PDF object kept as its finished bytes. pdf-lib holds every object as a graph of JavaScript
 * objects (a dictionary is a Map of name objects to value objects), about 2 KB each; a tagged
 * report of 1,100 pages has some 300,000 structure elements, so their graph alone would take
 * 600 MB of heap until the document is saved. An element that will not change again is written
 * once, here, and kept as a one-byte string of its serialisation (~100 bytes). pdf-lib writes it
 * like any other object, into the compressed object streams.
 */
import { PDFDict, PDFName, PDFObject, PDFRef, type PDFContext } from 'pdf-lib';

export class FrozenObject extends PDFObject {
  private constructor(private readonly text: string) {
    super();
  }

  /** The object's serialisation as pdf-lib writes it (byte for byte, as latin-1 characters). */
  static of(object: PDFObject): FrozenObject {
    const bytes = new Uint8Array(object.sizeInBytes());
    object.copyBytesInto(bytes, 0);
    return new FrozenObject(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1'));
  }

  override clone(): FrozenObject {
    return this;
  }

  override toString(): string {
    return this.text;
  }

  override sizeInBytes(): number {
    return this.text.length;
  }

  override copyBytesInto(buffer: Uint8Array, offset: number): number {
    const { text } = this;
    for (let i = 0; i < text.length; i++) buffer[offset + i] = text.charCodeAt(i);
    return text.length;
  }
}

const TYPE = PDFName.of('Type');
const STRUCT_ELEM = PDFName.of('StructElem');

/**
 * Freezes the structure elements among the indirect objects numbered from `first` on: once a
 * chunk's tree is copied in, its references (pages, parents, annotations) are final.
 * @returns how many were frozen
 */
export function freezeStructElements(context: PDFContext, first: number): number {
  let frozen = 0;
  for (let n = first; n <= context.largestObjectNumber; n++) {
    const ref = PDFRef.of(n);
    const object = context.lookup(ref);
    if (object instanceof PDFDict && object.get(TYPE) === STRUCT_ELEM) {
      context.assign(ref, FrozenObject.of(object));
      frozen++;
    }
  }
  return frozen;
}
