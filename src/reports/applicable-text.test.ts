import { describe, expect, it } from 'vitest';
import { applicableSentences } from './applicable-text.ts';

const noIndex = (p: { scope: string }) => p.scope !== 'index';

describe('applicableSentences', () => {
  it('leaves out the sentences about an index the city does not have, keeping the others', () => {
    const text =
      'Das Sozialmonitoring beobachtet {areas.count} {level.name} mit dem Sozialindex {index.name}. ' +
      'Die SGB-II-Quote der Stadt liegt bei {indicator:sgb2_quote.city} ' +
      '(Veränderung: {indicator:sgb2_quote.change}).';
    expect(applicableSentences(text, noIndex)).toBe(
      'Die SGB-II-Quote der Stadt liegt bei {indicator:sgb2_quote.city} (Veränderung: {indicator:sgb2_quote.change}).',
    );
  });

  it('leaves out sentences with an unavailable indicator, and everything when nothing applies', () => {
    const text = 'Kinderarmut: {indicator:kinderarmut.value}. Einwohner: {indicator:ew.value}.';
    const without = (key: string) => (p: { key: string | null }) => p.key !== key;
    expect(applicableSentences(text, without('kinderarmut'))).toBe('Einwohner: {indicator:ew.value}.');
    expect(applicableSentences('Der Index {index.name} ordnet die Gebiete.', noIndex)).toBe('');
  });

  it('leaves out the sentences continuing a left-out one, up to the next with placeholders', () => {
    const text =
      'Der Sozialindex ({index.name}) fasst die {level.name} in Klassen zusammen. ' +
      'Die Robustheit der Einordnung wurde geprüft. Beobachtet werden {areas.count} Gebiete. Mehr folgt.';
    expect(applicableSentences(text, noIndex)).toBe('Beobachtet werden {areas.count} Gebiete. Mehr folgt.');
    expect(applicableSentences(text, () => true)).toBe(text);
  });

  it('keeps a text without placeholders as it is', () => {
    const text = 'Stand 31.12.2024, z. B. im Bezirk 1. Weitere Angaben folgen.';
    expect(applicableSentences(text, () => false)).toBe(text);
  });
});
