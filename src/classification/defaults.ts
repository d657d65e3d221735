/**
 * Constants of the map classification that the browser needs without zod (the schema file pulls
 * zod in; the web bundle imports only types from it).
 */
import type { ClassificationMethod, ClassificationSpec } from './classification.schema.ts';

/** The app's default when an indicator names none: quintiles. */
export const DEFAULT_CLASSIFICATION: ClassificationSpec = { method: 'quantile', classes: 5 };

/** All methods, in the order the atlas offers them. */
export const METHODS: readonly ClassificationMethod[] = [
  'quantile',
  'equal',
  'natural',
  'stddev',
  'fixed',
  'categorical',
];

/** Class counts a person can choose in the atlas (ColorBrewer schemes go up to 9). */
export const MIN_CLASSES = 2;
export const MAX_CLASSES = 9;

/** More distinct values than this are not drawn as categories (quantiles instead). */
export const MAX_CATEGORIES = 10;

/** Whether two specifications classify alike (class count is ignored where the method ignores it). */
export function sameSpec(a: ClassificationSpec, b: ClassificationSpec): boolean {
  if (a.method !== b.method) return false;
  if (a.method === 'categorical') return true;
  if (a.method === 'fixed') {
    const x = a.breaks ?? [];
    const y = b.breaks ?? [];
    return x.length === y.length && x.every((v, i) => v === y[i]);
  }
  return a.classes === b.classes;
}
