/**
 * The built-in norms (Richtwerte), installed into every database that lacks them by key
 * (setup/seed.ts). Care norms are not among them: their rates depend on the Land and arrive with
 * the care planning.
 *
 * Kitas: where a delivery names the places per age group (`plaetze_u3`, `plaetze_ue3`), each age
 * group's norm counts its own places; where only the total is known (Berlin's `e_platz`),
 * `kita_gesamt` compares all places with the demand of both groups (docs/methods.md §7).
 */
import { formatDate } from '../core/format.ts';
import type { Db } from '../db/db.ts';
import { listDates } from '../observations/observation.repository.ts';
import {
  insertIfMissing,
  insertVersion,
  lockOpenVersion,
  closeVersion,
  type NewNormVersion,
} from './norm.repository.ts';
import type { Norm } from './norm.schema.ts';

type Default = Omit<NewNormVersion, 'validFrom' | 'recordedBy' | 'published'>;

const BMFSFJ = 'BMFSFJ, Kindertagesbetreuung Kompakt – Ausbaustand und Bedarf 2023';

export const DEFAULT_NORMS: readonly Default[] = [
  {
    key: 'kita_gesamt',
    facilityType: 'kita',
    name: 'Kita-Plätze für Kinder bis zum Schuleintritt',
    demand: ['ew_u3', 'ew_3_5'],
    weights: [0.51, 0.97],
    factor: 1,
    catchment: { kind: 'area' },
    source: `Elternbedarf 2023: U3 51 %, 3 Jahre bis Schuleintritt 97 % (${BMFSFJ})`,
    description:
      'Bedarf: 51 % der Kinder unter 3 Jahren und 97 % der Kinder von 3 bis unter 6 Jahren. ' +
      'Versorgung: alle Plätze der Kitas im Gebiet (auch wo die Plätze nicht nach Altersgruppen vorliegen).',
  },
  {
    key: 'kita_u3',
    facilityType: 'kita',
    name: 'Kita-Plätze für Kinder unter 3 Jahren',
    demand: ['ew_u3'],
    factor: 0.51,
    supplyProperty: 'plaetze_u3',
    catchment: { kind: 'area' },
    source: `Elternbedarf U3 2023: 51 % (${BMFSFJ})`,
    description:
      'Bedarf: 51 % der Kinder unter 3 Jahren wünschen einen Platz. Versorgung: die Plätze für unter ' +
      '3-Jährige (Eigenschaft „plaetze_u3“) der Kitas im Gebiet; eine Kita ohne diese Angabe zählt 0.',
  },
  {
    key: 'kita_ue3',
    facilityType: 'kita',
    name: 'Kita-Plätze für Kinder von 3 Jahren bis zum Schuleintritt',
    demand: ['ew_3_5'],
    factor: 0.97,
    supplyProperty: 'plaetze_ue3',
    catchment: { kind: 'area' },
    source: `Elternbedarf 3 Jahre bis Schuleintritt 2023: 97 % (${BMFSFJ})`,
    description:
      'Bedarf: 97 % der Kinder von 3 bis unter 6 Jahren wünschen einen Platz. Versorgung: die Plätze für ' +
      'Kinder ab 3 Jahren (Eigenschaft „plaetze_ue3“) der Kitas im Gebiet; eine Kita ohne diese Angabe zählt 0.',
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
 * The first built-in Kita norms, as databases seeded before the supply properties hold them:
 * each age group's demand against ALL places of the Kitas (about 330 % for U3 in the demo city).
 */
export const SUPERSEDED_DEFAULTS: readonly {
  key: string;
  demand: string[];
  factor: number;
  ending: string;
}[] = [
  { key: 'kita_u3', demand: ['ew_u3'], factor: 0.51, ending: 'Versorgung: alle Plätze der Kitas im Gebiet.' },
  {
    key: 'kita_ue3',
    demand: ['ew_3_5'],
    factor: 0.97,
    ending: 'Versorgung: alle Plätze der Kitas im Gebiet.',
  },
];

/** The corrected norms hold from here at the latest (before any Stichtag a city keeps). */
const CORRECTED_FROM = '2000-01-01';

const isSuperseded = (open: Norm, old: (typeof SUPERSEDED_DEFAULTS)[number]) =>
  open.validFrom === null &&
  open.supplyProperty === null &&
  open.catchment.kind === 'area' &&
  open.factor === old.factor &&
  JSON.stringify(open.demand) === JSON.stringify(old.demand) &&
  open.weights.every((w) => w === 1) &&
  open.description.endsWith(old.ending);

/**
 * Moves a database's unchanged first Kita norms to the corrected ones: the old version ends and
 * the built-in one starts on 1 January 2000 or at the earliest Stichtag with data, whichever is
 * earlier, so every Stichtag uses the corrected norm and the old one stays in the history. A norm
 * a planner has changed is left as it is. Runs with the seed that installs `kita_gesamt`; safe
 * when several processes start at once (the open version is locked and checked again).
 * @returns the keys moved
 */
export async function supersedeOldDefaults(db: Db): Promise<string[]> {
  const moved: string[] = [];
  const first = (await listDates(db))[0];
  const from = first && first < CORRECTED_FROM ? first : CORRECTED_FROM;
  for (const old of SUPERSEDED_DEFAULTS) {
    const now = DEFAULT_NORMS.find((n) => n.key === old.key)!;
    const done = await db.transaction(async (tx) => {
      const open = await lockOpenVersion(tx, old.key);
      if (!open || !isSuperseded(open, old)) return false;
      await closeVersion(tx, open.id, from);
      await insertVersion(tx, {
        ...now,
        published: open.published,
        validFrom: from,
        recordedBy: null,
        description: `${now.description} Vor dem ${formatDate(from)} zählten alle Plätze der Kitas, auch die der anderen Altersgruppe.`,
      });
      return true;
    });
    if (done) moved.push(old.key);
  }
  return moved;
}

/**
 * Installs the built-in norms a database lacks, by key; a norm that exists (changed or not) is
 * left as it is, except the unchanged first Kita norms (supersedeOldDefaults). Safe when several
 * processes start at once (ON CONFLICT DO NOTHING).
 */
export async function ensureDefaultNorms(db: Db): Promise<void> {
  await supersedeOldDefaults(db);
  for (const n of DEFAULT_NORMS) await insertIfMissing(db, n);
}
