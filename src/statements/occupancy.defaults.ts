/**
 * The built-in occupancy profile of new residential quarters, installed into every database that
 * lacks it by key (setup/seed.ts). Its values are defaults for a city to replace with its own
 * evaluations of the population register (Melderegister) for recent new-build quarters; how they
 * were set is in docs/methods.md §7 („Belegung von Neubauquartieren“).
 */
import type { Db } from '../db/db.ts';
import type { DwellingType } from './occupancy.schema.ts';
import { insertProfileIfMissing } from './occupancy.repository.ts';

/** The profile statements use unless they name another. */
export const DEFAULT_PROFILE_KEY = 'neubau_standard';

const PROJEKT_CHECK =
  'Projekt-Check / RegioProjektCheck (HafenCity Universität Hamburg, Gertz Gutsche Rümenapp), ' +
  'Vorgabewerte der Projektdefinition Wohnen: mittlere Zahl der Bewohner je Wohneinheit kurz nach dem ' +
  'Bezug 3,2 im Einfamilienhaus, 3,0 im Doppel- und Reihenhaus, 2,1 im Mehrfamilienhaus';
const AGE_PATTERN =
  'Altersverteilung beim Erstbezug: Lagebild-Standardannahme nach dem Muster, das Auswertungen von ' +
  'Neubaugebieten zeigen – viele Familien mit kleinen Kindern, wenige Ältere (z. B. P. Geißer: Die ' +
  'Bevölkerungsstruktur in ausgewählten Münchner Neubaugebieten, Münchner Statistik 3/2013); Jahre 2–10 ' +
  'fortgeschrieben mit Alterung, Geburten und Fluktuation (docs/methods.md §7)';

/** Age shares in % (AGE_BANDS order: 0–2, 3–5, 6–9, 10–14, 15–17, 18–29, 30–44, 45–64, 65–79, 80+). */
const EFH_AGES = [
  [9, 7, 7, 6, 2.5, 5, 40, 18, 4, 1.5],
  [7.8, 7.5, 7.4, 6.4, 2.8, 5.3, 37.1, 19.4, 4.5, 1.8],
  [6.5, 8, 7.9, 6.8, 3.1, 5.6, 34.4, 20.8, 5, 1.9],
  [5.3, 8.5, 8.3, 7.2, 3.4, 5.9, 31.9, 21.8, 5.5, 2.2],
  [4.9, 7.4, 9.2, 7.6, 3.3, 6.5, 29.5, 23.2, 6, 2.4],
  [4.6, 6.3, 9.7, 8.4, 3.3, 7.1, 27.3, 24.3, 6.5, 2.5],
  [4.3, 5.2, 10.1, 8.8, 3.7, 7.6, 25.2, 25.5, 6.9, 2.7],
  [4, 4.9, 9.6, 9.2, 4.1, 8.1, 23.2, 26.7, 7.3, 2.9],
  [3.8, 4.6, 8.6, 10, 4.5, 8.7, 21.3, 27.7, 7.7, 3.1],
  [3.5, 4.4, 7.6, 10.9, 4.4, 9.6, 19.5, 28.7, 8.1, 3.3],
];
const MFH_AGES = [
  [6, 3.5, 3, 3, 1.5, 24, 33, 15, 8, 3],
  [5.5, 4.2, 3.3, 3.1, 1.6, 22.3, 32.4, 16.1, 8.1, 3.4],
  [5, 4.8, 3.6, 3.2, 1.6, 20.9, 31.8, 17.1, 8.2, 3.8],
  [4.6, 5.3, 3.9, 3.2, 1.7, 19.7, 31.4, 17.9, 8.2, 4.1],
  [4.6, 5, 4.6, 3.3, 1.7, 18.6, 31, 18.5, 8.3, 4.4],
  [4.5, 4.6, 5, 3.6, 1.7, 17.7, 30.6, 19.3, 8.3, 4.7],
  [4.5, 4.4, 5.4, 3.8, 1.7, 16.9, 30.3, 19.7, 8.4, 4.9],
  [4.4, 4.3, 5.5, 3.9, 1.8, 16.2, 30, 20.4, 8.4, 5.1],
  [4.4, 4.3, 5.3, 4.4, 1.8, 15.6, 29.8, 20.6, 8.5, 5.3],
  [4.4, 4.3, 5.1, 4.8, 1.8, 15.1, 29.6, 21, 8.5, 5.4],
];
const GEFOERDERT_AGES = [
  [7, 5.5, 6, 6.5, 3, 18, 29, 15, 7, 3],
  [6.1, 5.9, 6.2, 6.6, 3.2, 17.3, 28.2, 15.9, 7.2, 3.4],
  [5.3, 6.2, 6.4, 6.7, 3.4, 16.7, 27.5, 16.8, 7.3, 3.7],
  [4.5, 6.5, 6.6, 6.8, 3.6, 16.1, 26.9, 17.4, 7.5, 4.1],
  [4.5, 5.9, 7.1, 6.8, 3.6, 15.8, 26.3, 18.1, 7.6, 4.3],
  [4.4, 5.2, 7.4, 7.1, 3.6, 15.5, 25.8, 18.7, 7.7, 4.6],
  [4.3, 4.7, 7.6, 7.3, 3.7, 15.3, 25.3, 19.2, 7.8, 4.8],
  [4.3, 4.6, 7.4, 7.4, 3.7, 15.1, 24.9, 19.6, 7.9, 5.1],
  [4.2, 4.5, 6.9, 7.8, 3.8, 14.9, 24.5, 20.1, 8, 5.3],
  [4.2, 4.5, 6.4, 8.1, 3.8, 14.8, 24.2, 20.5, 8.1, 5.4],
];

/** The dwelling types of the default profile. */
export const DEFAULT_TYPES: readonly DwellingType[] = [
  {
    key: 'efh',
    name: 'Ein- und Zweifamilienhaus',
    persons: [3.2, 3.3, 3.3, 3.3, 3.3, 3.2, 3.2, 3.1, 3.1, 3.0],
    ageShares: EFH_AGES,
    source:
      'Jahr 1: Vorgabewert von Projekt-Check für das Einfamilienhaus; danach Lagebild-Annahme (Zuwachs durch ' +
      'Geburten, ab dem 6. Jahr leichter Rückgang durch ausziehende Kinder).',
  },
  {
    key: 'mfh',
    name: 'Mehrfamilienhaus (frei finanziert)',
    persons: [2.1, 2.1, 2.1, 2.0, 2.0, 2.0, 2.0, 1.9, 1.9, 1.9],
    ageShares: MFH_AGES,
    source:
      'Jahr 1: Vorgabewert von Projekt-Check für das Mehrfamilienhaus; danach Lagebild-Annahme (leichter ' +
      'Rückgang durch Mieterwechsel).',
  },
  {
    key: 'gefoerdert',
    name: 'Geförderter Wohnungsbau',
    persons: [2.5, 2.5, 2.5, 2.5, 2.4, 2.4, 2.4, 2.4, 2.3, 2.3],
    ageShares: GEFOERDERT_AGES,
    source:
      'Lagebild-Annahme zwischen Mehrfamilien- und Einfamilienhaus, weil geförderte Wohnungen nach ' +
      'Haushaltsgröße vergeben werden und häufiger an Familien gehen; bitte mit den Belegungsdaten der ' +
      'Wohnraumförderung der Stadt ersetzen.',
  },
];

/** The built-in profiles (one), as inserted. */
export const DEFAULT_PROFILES = [
  {
    key: DEFAULT_PROFILE_KEY,
    name: 'Neubauquartiere (Standardannahme)',
    description:
      'Bewohner je Wohneinheit und Altersverteilung der Bewohner in den ersten zehn Jahren nach dem Erstbezug, ' +
      'je Wohnform. Vorgabewerte: bitte mit eigenen Auswertungen des Melderegisters für Neubauquartiere der ' +
      'Stadt anpassen.',
    source: `${PROJEKT_CHECK}. ${AGE_PATTERN}. Alle Werte sind Vorgaben und von der Stadt anzupassen.`,
    types: DEFAULT_TYPES,
  },
] as const;

export const DEFAULT_PROFILE_KEYS: readonly string[] = DEFAULT_PROFILES.map((p) => p.key);

/**
 * Installs the built-in profiles a database lacks, by key; a profile that exists (changed or
 * not) is left as it is. Safe when several processes start at once.
 */
export async function ensureDefaultProfiles(db: Db): Promise<void> {
  for (const p of DEFAULT_PROFILES) await insertProfileIfMissing(db, { ...p, types: [...p.types] });
}
