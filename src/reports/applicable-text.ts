/**
 * Template texts are written for any city. A sentence that speaks of something this city does not
 * have — a composite index it cannot compute, an indicator whose inputs are missing — is left out
 * whole: a report then says nothing about it, rather than "nicht verfügbar" in mid-sentence.
 */

/** A placeholder of a template text: `{scope:key.field}`, e.g. `{indicator:sgb2_quote.city}`. */
export interface Placeholder {
  scope: string;
  key: string | null;
  field: string | null;
}

const PLACEHOLDER = /\{([a-z]+)(?::([a-z0-9_]+))?(?:\.([a-z]+))?\}/g;
// A sentence ends with . ! or ? followed by space and a capital, digit, quote or bracket.
const SENTENCE_END = /(?<=[.!?])\s+(?=[A-ZÄÖÜ0-9„"(])/;

/**
 * The text without the sentences holding a placeholder that does not apply. A sentence without
 * placeholders that follows a left-out one continues its topic ("Die Robustheit der Einordnung
 * wurde … geprüft.") and is left out with it.
 * @returns the remaining sentences, or '' when none is left
 * @example
 * applicableSentences('Die Stadt hat {areas.count} Gebiete. Der Index {index.name} ordnet sie.',
 *   (p) => p.scope !== 'index') // 'Die Stadt hat {areas.count} Gebiete.'
 */
export function applicableSentences(text: string, applies: (p: Placeholder) => boolean): string {
  const kept: string[] = [];
  let dropping = false;
  for (const sentence of text.split(SENTENCE_END)) {
    const placeholders = [...sentence.matchAll(PLACEHOLDER)].map((m) => ({
      scope: m[1]!,
      key: m[2] ?? null,
      field: m[3] ?? null,
    }));
    if (placeholders.length) dropping = !placeholders.every(applies);
    if (!dropping) kept.push(sentence);
  }
  return kept.join(' ');
}
