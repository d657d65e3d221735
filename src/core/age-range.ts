/**
 * The age range a count variable stands for, read from its key as the catalogue names them. One
 * parser for every room that turns variables into ages: the demand of a norm, a statement's
 * residents, the population projection.
 */

/** An age range [from, to) in years; `to` null: open. */
export interface AgeRange {
  from: number;
  to: number | null;
}

/**
 * The age range a variable key stands for: `ew` (everyone), `ew_u<n>` (under n), `ew_<a>_<b>` (a
 * to b inclusive), `ew_<a>plus` (a and older); null for anything else (sex, households, transfers:
 * not derivable from ages).
 * @example variableRange('ew_3_5') // { from: 3, to: 6 }
 */
export function variableRange(variable: string): AgeRange | null {
  if (variable === 'ew') return { from: 0, to: null };
  let m = /^ew_u(\d{1,3})$/.exec(variable);
  if (m) return { from: 0, to: Number(m[1]) };
  m = /^ew_(\d{1,3})_(\d{1,3})$/.exec(variable);
  if (m && Number(m[2]) >= Number(m[1])) return { from: Number(m[1]), to: Number(m[2]) + 1 };
  m = /^ew_(\d{1,3})plus$/.exec(variable);
  if (m) return { from: Number(m[1]), to: null };
  return null;
}
