/**
 * Statistics tables (CSV, XLSX) → normalised, validated records. Pure parsing, no database.
 */
export { readTable, streamTable, type ReadTableOptions, type TableInput } from './read-table.ts';
export { checkNumeratorDenominator, type NumeratorDenominatorPair } from './checks.ts';
export { assertImportable, entryError } from './report.ts';
export {
  neutraliseSpreadsheetCell,
  looksLikeFormula,
  parseValue,
  parseNumberText,
  OFFICIAL_SYMBOLS,
  type ParsedValue,
  type NumberConvention,
} from './values.ts';
export { parseDateCell } from './dates.ts';
export { KeyMatcher, agsFromArs, keyText } from './keys.ts';
export { StreamingDecoder, type DecodeState, type TextEncoding } from './decode.ts';
export type { CountOption } from './shape.ts';
export type * from './types.ts';
