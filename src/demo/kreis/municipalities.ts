/**
 * The municipalities of the demo Kreis "Musterkreis", modelled on the Rheinisch-Bergischer Kreis:
 * one Mittelzentrum of about 110,000 inhabitants next to the big city, four towns of 20,000 to
 * 50,000 and three rural Gemeinden of 9,000 to 14,000, about 280,000 in all. Names and keys are
 * fixed (not seeded), so tests and scoped accounts can name a Gemeinde; only geometry and counts
 * depend on the seed. All names are invented.
 */

/** Kind of municipality; drives its age structure, deprivation and density. */
export type MunicipalityType = 'mittelzentrum' | 'stadt' | 'land';

/** One Gemeinde of the demo Kreis. */
export interface MunicipalitySpec {
  /** 8-digit Gemeindeschlüssel (AGS): Land 05, Regierungsbezirk 9, Kreis 99, Gemeinde 3 digits. */
  key: string;
  name: string;
  type: MunicipalityType;
  /** Inhabitants at the latest Stichtag the generator aims for. */
  population: number;
  /** Wohnplätze the layout aims for: more in big towns, few in small Gemeinden. */
  wohnplaetze: number;
}

/** The demo Kreis: 5-digit Kreisschlüssel, also the key of its one area on the top level. */
export const DEMO_KREIS = { key: '05999', name: 'Musterkreis', kind: 'kreis' } as const;

/**
 * Levels of the demo Kreis. The top level has the key every installation gives its whole
 * territory (`stadt`, named „Kreis“ for a Kreis), so the city-wide views work unchanged.
 */
export const KREIS_LEVELS = {
  kreis: 'stadt',
  gemeinde: 'gemeinde',
  /** Only in the Mittelzentrum, between its Gemeinde and its Wohnplätze. */
  sozialraum: 'sozialraum',
  wohnplatz: 'wohnplatz',
} as const;

/** Keys in alphabetical order of the names, as the statistical offices number them. */
export const MUNICIPALITIES: readonly MunicipalitySpec[] = [
  { key: '05999004', name: 'Eichtal', type: 'stadt', population: 28_000, wohnplaetze: 10 },
  { key: '05999008', name: 'Heiderath', type: 'land', population: 14_000, wohnplaetze: 7 },
  { key: '05999012', name: 'Hohenscheid', type: 'stadt', population: 40_000, wohnplaetze: 12 },
  { key: '05999016', name: 'Mühlenrath', type: 'stadt', population: 22_000, wohnplaetze: 8 },
  { key: '05999020', name: 'Musterhausen', type: 'mittelzentrum', population: 110_000, wohnplaetze: 22 },
  { key: '05999024', name: 'Oberdhünn', type: 'land', population: 11_000, wohnplaetze: 6 },
  { key: '05999028', name: 'Waldbruch', type: 'land', population: 9_000, wohnplaetze: 6 },
  { key: '05999032', name: 'Wiesenbach', type: 'stadt', population: 48_000, wohnplaetze: 14 },
];

/** Inhabitants of the whole Kreis at the latest Stichtag. */
export const KREIS_POPULATION = MUNICIPALITIES.reduce((s, m) => s + m.population, 0);

/** The Mittelzentrum (largest town) and the smallest rural Gemeinde, e.g. for scoped accounts. */
export const MITTELZENTRUM = MUNICIPALITIES.find((m) => m.type === 'mittelzentrum')!;
export const RURAL_GEMEINDE = MUNICIPALITIES.find((m) => m.key === '05999008')!;
