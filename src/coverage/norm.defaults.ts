/**
 * The built-in norms (Richtwerte), installed into every database that lacks them by key
 * (setup/seed.ts). Care norms are not among them: their rates depend on the Land and arrive with
 * the care planning.
 */
import type { Db } from '../db/db.ts';
import { insertIfMissing, type NewNormVersion } from './norm.repository.ts';

type Default = Omit<NewNormVersion, 'validFrom' | 'recordedBy' | 'published'>;

export const DEFAULT_NORMS: readonly Default[] = [
  {
    key: 'kita_u3',
    facilityType: 'kita',
    name: 'Kita-Plätze für Kinder unter 3 Jahren',
    demand: ['ew_u3'],
    factor: 0.51,
    catchment: { kind: 'area' },
    source: 'Elternbedarf U3 2023: 51 % (BMFSFJ, Kindertagesbetreuung Kompakt – Ausbaustand und Bedarf 2023)',
    description:
      'Bedarf: 51 % der Kinder unter 3 Jahren wünschen einen Platz. Versorgung: alle Plätze der Kitas im Gebiet.',
  },
  {
    key: 'kita_ue3',
    facilityType: 'kita',
    name: 'Kita-Plätze für Kinder von 3 Jahren bis zum Schuleintritt',
    demand: ['ew_3_5'],
    factor: 0.97,
    catchment: { kind: 'area' },
    source:
      'Elternbedarf 3 Jahre bis Schuleintritt 2023: 97 % (BMFSFJ, Kindertagesbetreuung Kompakt – Ausbaustand und Bedarf 2023)',
    description:
      'Bedarf: 97 % der Kinder von 3 bis unter 6 Jahren wünschen einen Platz. Versorgung: alle Plätze der Kitas im Gebiet.',
  },
  {
    key: 'spielplatz_flaeche',
    facilityType: 'spielplatz',
    name: 'Spielplatzfläche je Einwohner',
    demand: ['ew'],
    factor: 1.5,
    catchment: { kind: 'area' },
    source: 'Kommunaler Richtwert der Spielplatzplanung: 1,5 m² Spielfläche je Einwohnerin und Einwohner',
    description:
      'Bedarf: 1,5 m² Spielfläche je Einwohner. Versorgung: Spielfläche der Spielplätze im Gebiet.',
  },
  {
    key: 'spielplatz_din18034_u6',
    facilityType: 'spielplatz',
    name: 'Spielplatz in 200 m Fußweg für Kinder unter 6 Jahren',
    demand: ['ew_u6'],
    factor: 1,
    catchment: { kind: 'walking', maxDistance: 200, detour: 1.3 },
    source: 'DIN 18034:2020-10 Spielplätze und Freiräume zum Spielen: Kinder unter 6 Jahren bis 200 m Fußweg',
    description:
      'Anteil der Kinder unter 6 Jahren, die einen Spielplatz in 200 m Fußweg (Luftlinie × 1,3) erreichen, ' +
      'auf einem 100-m-Raster aus den Kinderzahlen der Gebiete.',
  },
];

/** The keys of the built-in norms (the seed's check of what a database lacks). */
export const DEFAULT_NORM_KEYS: readonly string[] = DEFAULT_NORMS.map((n) => n.key);

/**
 * Installs the built-in norms a database lacks, by key; a norm that exists (changed or not) is
 * left as it is. Safe when several processes start at once (ON CONFLICT DO NOTHING).
 */
export async function ensureDefaultNorms(db: Db): Promise<void> {
  for (const n of DEFAULT_NORMS) await insertIfMissing(db, n);
}
