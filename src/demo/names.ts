import type { Rng } from './rng.ts';
import type { AreaRole } from './traits.ts';

/*
 * German place and street names for Musterstadt. All invented or generic enough to occur in many
 * towns; none is meant to point at a real quarter.
 */

const CENTRE_NAMES = [
  'Bahnhofsviertel',
  'Neustadt',
  'Marktviertel',
  'Am Stadtpark',
  'Rathausviertel',
  'Schlossviertel',
  'Kirchviertel',
  'Wallviertel',
  'Theaterviertel',
  'Museumsviertel',
  'Gerichtsviertel',
  'Am Stadtgarten',
];
const ROLE_NAMES: Record<Exclude<AreaRole, 'regular'>, string[]> = {
  core: ['Altstadt'],
  deprived: [
    'Hüttenviertel',
    'Am Güterbahnhof',
    'Zechensiedlung',
    'Kanalviertel',
    'Am Schlachthof',
    'Hochfeld',
  ],
  estate: ['Neue Heimat', 'Am Sonnenberg', 'Parkstadt', 'Weißenburg-Siedlung'],
  affluent: ['Villenviertel', 'Am Waldpark', 'Rosenhöhe', 'Sonnenhang', 'Kaiserviertel', 'Am Schlosspark'],
  industrial: ['Gewerbegebiet Am Kanal', 'Gewerbegebiet Hafen', 'Gewerbepark Mühlbach'],
  newDevelopment: ['Lerchenfeld', 'Wiesenau', 'Apfelgarten', 'Sonnenfeld'],
};
const QUARTER_NAMES = [
  'Lindenhof',
  'Eichenkamp',
  'Buchholz',
  'Birkenfeld',
  'Heide',
  'Wiesental',
  'Mühlenfeld',
  'Holthausen',
  'Brockhausen',
  'Kirchdorf',
  'Altenhof',
  'Westerholz',
  'Sandfeld',
  'Hasselbeck',
  'Rottbruch',
  'Steinkamp',
  'Overbeck',
  'Niederfeld',
  'Oberfeld',
  'Am Stadtwald',
  'Grünau',
  'Ahornhof',
  'Erlenbruch',
  'Kastanienhof',
  'Rosental',
  'Schönblick',
  'Am Wasserturm',
  'Ziegelei',
  'Feldmark',
  'Auf der Heide',
  'Eschenhorst',
  'Espenloh',
  'Falkenhorst',
  'Hasenkamp',
  'Vogelsang',
  'Buschhausen',
  'Bruchheide',
  'Kirchhellweg',
  'Am Mühlenbach',
  'Marienthal',
  'Schwanenhof',
  'Dornbusch',
  'Kuhlenkamp',
  'Haarmühle',
  'Tannenbusch',
];
const PREFIXES = [
  'Linden',
  'Eick',
  'Holt',
  'Brock',
  'Oster',
  'Wester',
  'Nieder',
  'Ober',
  'Kirch',
  'Sand',
  'Stein',
];
const SUFFIXES = ['hausen', 'dorf', 'feld', 'kamp', 'heide', 'horst', 'beck', 'bruch', 'loh', 'rade'];

/** Draws names without repetition; falls back to generated compounds when a pool runs dry. */
export class NamePool {
  private readonly used = new Set<string>();
  constructor(private readonly rng: Rng) {}

  /** Mark names (e.g. of districts) as taken. */
  reserve(names: Iterable<string>): void {
    for (const n of names) this.used.add(n);
  }

  /** An unused name from the pool, or an unused generated compound. */
  take(pool: readonly string[]): string {
    const free = pool.filter((n) => !this.used.has(n));
    const name = free.length > 0 ? this.rng.pick(free) : this.compound();
    this.used.add(name);
    return name;
  }

  private compound(): string {
    for (let tries = 0; tries < 1000; tries++) {
      const name = this.rng.pick(PREFIXES) + this.rng.pick(SUFFIXES);
      if (!this.used.has(name)) return name;
    }
    throw new Error('Name pool exhausted');
  }
}

/** Name of a Sozialraum from its role; `central` picks inner-city names for Mitte. */
export function quarterName(pool: NamePool, role: AreaRole, central: boolean): string {
  if (role !== 'regular') return pool.take(ROLE_NAMES[role]);
  return pool.take(central ? CENTRE_NAMES : QUARTER_NAMES);
}

const STREET_BASES = [
  'Linden',
  'Eichen',
  'Birken',
  'Buchen',
  'Ahorn',
  'Kastanien',
  'Erlen',
  'Ulmen',
  'Rosen',
  'Tulpen',
  'Nelken',
  'Flieder',
  'Goethe',
  'Schiller',
  'Lessing',
  'Heine',
  'Beethoven',
  'Mozart',
  'Bach',
  'Kant',
  'Bahnhof',
  'Markt',
  'Kirch',
  'Schul',
  'Mühlen',
  'Hafen',
  'Garten',
  'Wiesen',
  'Feld',
  'Wald',
  'Berg',
  'Brunnen',
  'Post',
  'Sonnen',
  'Lerchen',
  'Amsel',
  'Drossel',
  'Finken',
  'Meisen',
  'Falken',
  'Kolping',
  'Zechen',
  'Hütten',
  'Kanal',
  'Weiden',
];
const STREET_PEOPLE = [
  'Friedrich-Ebert',
  'Gustav-Heinemann',
  'Konrad-Adenauer',
  'Willy-Brandt',
  'Sophie-Scholl',
  'Bertha-von-Suttner',
  'Annette-von-Droste',
  'Clara-Schumann',
  'Max-Planck',
  'Robert-Koch',
  'Albert-Schweitzer',
  'Käthe-Kollwitz',
];
const STREET_TYPES = ['straße', 'weg', 'allee', 'ring', 'gasse', 'pfad'];
const STREET_PLACES = ['Am Sportplatz', 'Im Winkel', 'An der Mühle', 'Am Anger', 'Auf dem Kamp', 'Zum Bach'];

/** Every street name the generator can use, in a fixed order. */
function allStreetNames(): string[] {
  const names: string[] = [];
  for (const b of STREET_BASES) for (const t of STREET_TYPES) names.push(b + t);
  for (const p of STREET_PEOPLE) names.push(`${p}-Straße`, `${p}-Platz`);
  names.push(...STREET_PLACES);
  return names;
}

/**
 * Hand out street names so that each Sozialraum has its own streets (no street in two areas).
 * @returns for each area a list of `perArea` street names
 */
export function streetsByArea(areaCount: number, perArea: number, rng: Rng): string[][] {
  const pool = rng.shuffle(allStreetNames());
  return Array.from({ length: areaCount }, (_, i) => {
    const streets: string[] = [];
    for (let k = 0; k < perArea; k++) streets.push(pool[(i * perArea + k) % pool.length] ?? 'Hauptstraße');
    return streets;
  });
}
