/**
 * Footnotes for values converted from an earlier Gebietsstand (src/areas/convert, docs/methods.md
 * §10.1): a table or chart marks each such value with a superscript number and says once, under
 * it, what the number means — „¹ umgerechnet vom Gebietsstand 01.01.2000 (flächengewichtet)“. The
 * marks are per area and Stichtag, as `/api/indicators/{key}/values` shows them publicly, so a
 * report reveals nothing about protected cells that the values route does not.
 */
import { convertedNote } from '../areas/convert/converted-note.ts';

const SUPERSCRIPT = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

/**
 * The footnote marker of the n-th footnote (1-based) in superscript digits, so that it reads the
 * same in HTML, PDF and Word without markup.
 * @example footnoteMarker(1) // '¹'
 * @example footnoteMarker(12) // '¹²'
 */
export function footnoteMarker(n: number): string {
  return [...String(n)].map((d) => SUPERSCRIPT[Number(d)]!).join('');
}

/**
 * Collects the conversions one table or chart shows: one footnote per source Gebietsstand and
 * method, numbered in the order the marks are asked for.
 * @example const f = convertedFootnotes(); f.mark('64', { method: 'area', from: '2000-01-01' }) // '64¹'
 * f.notes() // ['¹ umgerechnet vom Gebietsstand 01.01.2000 (flächengewichtet)']
 */
export function convertedFootnotes() {
  const numbers = new Map<string, { n: number; note: string }>();
  const markerOf = (c: { method: string; from: string }) => {
    const key = `${c.from}|${c.method}`;
    let entry = numbers.get(key);
    if (!entry) numbers.set(key, (entry = { n: numbers.size + 1, note: convertedNote(c) }));
    return footnoteMarker(entry.n);
  };
  return {
    /**
     * The text with the marker of its conversion appended; unchanged when not converted or when
     * the text is the „–“ of no value (nothing there to qualify).
     */
    mark(text: string, c: { method: string; from: string } | undefined): string {
      return c && text !== '–' ? `${text}${markerOf(c)}` : text;
    },
    /** The footnotes, each with its marker; empty when nothing was marked. */
    notes(): string[] {
      return [...numbers.values()].map((e) => `${footnoteMarker(e.n)} ${e.note}`);
    },
  };
}

/** `{ footnotes }` for a table or chart, only when there are any (models without stay as they were). */
export const footnotesOf = (f: ReturnType<typeof convertedFootnotes>) => {
  const notes = f.notes();
  return notes.length ? { footnotes: notes } : {};
};
