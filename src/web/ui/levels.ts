/**
 * Which level a page shows. App hands the pages the levels with areas, coarse to fine, and shows
 * the pages that need one only when there is at least one.
 */

/** The finest level. */
export function finestLevel<L>(levels: readonly L[]): L {
  const level = levels.at(-1);
  if (level === undefined) throw new Error('Keine Ebene mit Gebieten');
  return level;
}

/**
 * The first of `keys` that names one of the levels (the one in the address, then the city's
 * default level …), else the finest.
 * @example chosenLevel(levels, view.level, config.defaultLevel)
 */
export function chosenLevel<L extends { key: string }>(
  levels: readonly L[],
  ...keys: readonly (string | null | undefined)[]
): L {
  for (const key of keys) {
    const level = key ? levels.find((l) => l.key === key) : undefined;
    if (level) return level;
  }
  return finestLevel(levels);
}
