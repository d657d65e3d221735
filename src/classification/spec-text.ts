/**
 * A classification as text: the compact address parameter `klassen` and the breaks field of the
 * atlas (German decimal comma). Pure and zod-free, so that the browser can use it.
 *
 * Address parameter:
 * - `quantile-5`, `equal-4`, `natural-5`, `stddev-4`: method and number of classes
 * - `fixed:-1;1;1.5`: fixed inner breaks, ascending, decimal point, separated by `;`
 * - `categorical`: one class per distinct value
 */
import type { ClassificationMethod, ClassificationSpec } from './classification.schema.ts';
import { MIN_CLASSES } from './defaults.ts';
import { formatNumber } from '../core/format.ts';
import { fractionDigits } from './breaks.ts';

/** Name of the address parameter. */
export const CLASSIFICATION_PARAM = 'klassen';

const COUNTED: readonly ClassificationMethod[] = ['quantile', 'equal', 'natural', 'stddev'];
/** Fixed breaks in the address: at most as many as the schema allows. */
const MAX_BREAKS = 20;
/** The schema's maximum: deciles may be stored and linked although the atlas offers up to 9. */
const MAX_PARAM_CLASSES = 10;
/** Class count kept with fixed and categorical specs (they ignore it; the schema needs one). */
const FILLER_CLASSES = 5;

/**
 * The address form of a classification.
 * @example toParam({ method: 'natural', classes: 5 }) // 'natural-5'
 * @example toParam({ method: 'fixed', classes: 5, breaks: [-1, 1, 1.5] }) // 'fixed:-1;1;1.5'
 */
export function toParam(spec: ClassificationSpec): string {
  if (spec.method === 'fixed') return `fixed:${(spec.breaks ?? []).map((b) => String(b)).join(';')}`;
  if (spec.method === 'categorical') return 'categorical';
  return `${spec.method}-${spec.classes}`;
}

/**
 * Reads the address form; anything malformed gives null (the indicator's default applies).
 * Accepts class counts 2–10 (deciles) although the atlas offers 2–9.
 * @example fromParam('stddev-4') // { method: 'stddev', classes: 4 }
 * @example fromParam('fixed:1;-1') // null (not ascending)
 */
export function fromParam(text: string | null | undefined): ClassificationSpec | null {
  if (!text) return null;
  if (text === 'categorical') return { method: 'categorical', classes: FILLER_CLASSES };
  if (text.startsWith('fixed:')) {
    const parts = text.slice('fixed:'.length).split(';');
    if (parts.length > MAX_BREAKS || !parts.every((p) => /^-?\d+(\.\d+)?(e-?\d+)?$/.test(p))) return null;
    const breaks = parts.map(Number);
    return ascending(breaks) ? { method: 'fixed', classes: FILLER_CLASSES, breaks } : null;
  }
  const match = /^([a-z]+)-(\d{1,2})$/.exec(text);
  const method = match?.[1] as ClassificationMethod | undefined;
  const classes = Number(match?.[2]);
  if (!method || !COUNTED.includes(method) || classes < MIN_CLASSES || classes > MAX_PARAM_CLASSES)
    return null;
  return { method, classes };
}

const ascending = (xs: readonly number[]) =>
  xs.length > 0 && xs.every((x, i) => Number.isFinite(x) && (i === 0 || x > (xs[i - 1] as number)));

/** Result of reading the breaks field: the breaks, or a German message for the person. */
export type BreaksInput = { ok: true; breaks: number[] } | { ok: false; message: string };

/**
 * Reads fixed breaks as people type them: German decimal comma (`1,5`), separated by `;` or
 * spaces, minus as `-` or `−`. A dot is a thousands separator only in groups of three digits
 * (`1.000`); otherwise it is read as a decimal point (`1.5`).
 * @example parseBreaks('−1; 1; 1,5') // { ok: true, breaks: [-1, 1, 1.5] }
 */
export function parseBreaks(text: string): BreaksInput {
  const parts = text
    .replace(/\u2212/g, '-')
    .split(/[;\s]+/)
    .filter((p) => p.length > 0);
  if (parts.length === 0) return { ok: false, message: 'Mindestens eine Klassengrenze angeben.' };
  if (parts.length > MAX_BREAKS) return { ok: false, message: `Höchstens ${MAX_BREAKS} Klassengrenzen.` };
  const breaks: number[] = [];
  for (const part of parts) {
    const german = /^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(part)
      ? part.replace(/\./g, '').replace(',', '.')
      : part.replace(',', '.');
    if (!/^-?\d+(\.\d+)?$/.test(german))
      return { ok: false, message: `„${part}“ ist keine Zahl (Dezimalkomma, z. B. 1,5).` };
    breaks.push(Number(german));
  }
  if (!ascending(breaks)) return { ok: false, message: 'Klassengrenzen aufsteigend angeben.' };
  return { ok: true, breaks };
}

/**
 * Breaks as the field shows them.
 * @example formatBreaks([-1, 1, 1.5]) // '-1; 1; 1,5'
 */
export function formatBreaks(breaks: readonly number[]): string {
  return breaks.map((b) => formatNumber(b, fractionDigits(b))).join('; ');
}
