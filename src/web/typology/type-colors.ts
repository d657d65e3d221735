/**
 * Colours of the Sozialraumtypen: Paul Tol's "muted" qualitative scheme (Tol 2021, "Colour
 * Schemes", SRON/EPS/TN/09-002; designed to stay distinct for colour-blind readers). Types are
 * categories, not an order, so a sequential scheme would suggest a ranking the map does not mean.
 */
export const TYPE_COLORS = [
  '#332288',
  '#88ccee',
  '#44aa99',
  '#117733',
  '#999933',
  '#ddcc77',
  '#cc6677',
  '#882255',
] as const;

/**
 * The fill of Typ n (1-based); beyond eight types the scheme repeats.
 * @example typeColor(1) // '#332288'
 */
export function typeColor(number: number): string {
  return TYPE_COLORS[(((number - 1) % TYPE_COLORS.length) + TYPE_COLORS.length) % TYPE_COLORS.length]!;
}
