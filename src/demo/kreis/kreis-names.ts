/*
 * Invented names of Wohnplätze in the hills east of the Rhine: villages and hamlets named in the
 * Bergisch way (-rath, -scheid, -siefen, -hausen). Generic enough to occur in many places; none
 * is meant to point at a real one.
 */

const STEMS = [
  'Alten',
  'Birken',
  'Buchen',
  'Dorn',
  'Eichen',
  'Erlen',
  'Espen',
  'Finken',
  'Hasel',
  'Hecken',
  'Herken',
  'Hollen',
  'Kalk',
  'Kirch',
  'Linden',
  'Mühlen',
  'Neuen',
  'Ober',
  'Roden',
  'Sand',
  'Schlehen',
  'Stein',
  'Unter',
  'Wolfs',
];
const ENDINGS = ['rath', 'scheid', 'siefen', 'hausen', 'bach', 'berg', 'feld', 'hof', 'broich', 'höhe'];

/** Every village name the generator can use, in a fixed order (240). */
export const VILLAGE_NAMES: readonly string[] = STEMS.flatMap((s) => ENDINGS.map((e) => s + e));
