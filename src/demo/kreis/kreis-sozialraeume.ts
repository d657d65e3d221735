/**
 * Sozialräume of the demo Kreis's Mittelzentrum: the one Gemeinde with a level of its own between
 * Gemeinde and Wohnplatz, as larger towns of a Kreis plan in Sozialräume while the others stay
 * with their Wohnplätze (a ragged hierarchy). Derived from the layout alone, without random
 * numbers, so the rest of the Kreis is the same with or without them.
 */
import type { LayoutGemeinde, LayoutWohnplatz } from './kreis-layout.ts';

/** One Sozialraum: a union of neighbouring Wohnplätze of one Gemeinde. */
export interface SozialraumGroup {
  /** Gemeindeschlüssel + `S` + 2-digit running number (`05999020S01`). */
  key: string;
  name: string;
  /** Keys of its Wohnplätze, ascending. */
  wohnplaetze: string[];
}

/** Wohnplätze closer to the centre than this (relative distance `r`) form the Innenstadt. */
const INNER = 0.3;

/** Six sectors of 60° around the centre, counter-clockwise from east-north-east, with their names. */
const SECTORS = ['Nordost', 'Nord', 'Nordwest', 'Südwest', 'Süd', 'Südost'] as const;

/**
 * Groups a Gemeinde's Wohnplätze into Sozialräume: the Innenstadt (the centre and the Wohnplätze
 * around it), then one Sozialraum per 60° sector around the centre that has Wohnplätze, named
 * after its direction; a sector of a single Wohnplatz joins the next one. Sectors are numbered from north-east, so keys do not depend on the seed's
 * geometry beyond which sectors are empty.
 * @param gemeinde the Gemeinde with its centre
 * @param wohnplaetze its Wohnplätze (others are ignored)
 * @returns Sozialräume, Innenstadt first
 * @example groupSozialraeume(mz, wps).map((s) => s.name) // ['Musterhausen-Innenstadt', 'Musterhausen-Nordost', …]
 */
export function groupSozialraeume(
  gemeinde: LayoutGemeinde,
  wohnplaetze: readonly LayoutWohnplatz[],
): SozialraumGroup[] {
  const own = wohnplaetze.filter((w) => w.gemeinde.key === gemeinde.spec.key);
  const inner = own.filter((w) => w.r < INNER || w.key.endsWith('001'));
  const sectors = SECTORS.map(() => [] as LayoutWohnplatz[]);
  for (const w of own) {
    if (inner.includes(w)) continue;
    const angle = Math.atan2(w.centroid[1] - gemeinde.centre[1], w.centroid[0] - gemeinde.centre[0]);
    const turn = (((angle * 180) / Math.PI + 360) % 360) / 60; // 0 … 6 from east, counter-clockwise
    sectors[Math.floor(turn) % SECTORS.length]!.push(w);
  }
  // A lone Wohnplatz would be a Sozialraum equal to itself: it joins the next sector instead.
  for (let i = 0; i < sectors.length; i++) {
    if (sectors[i]!.length !== 1) continue;
    for (let step = 1; step < sectors.length; step++) {
      const next = sectors[(i + step) % sectors.length]!;
      if (!next.length) continue;
      next.push(...sectors[i]!.splice(0));
      break;
    }
  }
  const groups = [
    { name: 'Innenstadt', members: inner },
    ...SECTORS.map((name, i) => ({ name, members: sectors[i]! })),
  ].filter((g) => g.members.length > 0);
  return groups.map((g, i) => ({
    key: `${gemeinde.spec.key}S${String(i + 1).padStart(2, '0')}`,
    name: `${gemeinde.spec.name}-${g.name}`,
    wohnplaetze: g.members.map((w) => w.key).sort(),
  }));
}
