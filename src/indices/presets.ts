/**
 * Index presets: the methods of German cities as definitions (docs/methods.md §3).
 * A preset is a template: parts with class breaks and rules; its indicators are whatever the
 * data offers with the part's code prefix (`S…` status, `D…` dynamics), so the MSS 2017 edition
 * with S2/D2 and the later ones with S1, S3, S4 / D1, D3, D4 run with the same preset.
 */
import { badRequest } from '../core/errors.ts';
import type { IndexClass, IndexDefinition, IndexPart } from './index.schema.ts';

const cls = (
  code: string,
  label: string,
  severity: number,
  min: number | null,
  minInclusive: boolean,
  max: number | null,
  maxInclusive: boolean,
): IndexClass => ({ code, label, min, minInclusive, max, maxInclusive, severity });

/** MSS Status-Index: SI < −1 hoch (1); −1 ≤ SI ≤ 1 mittel (2); 1 < SI ≤ 1.5 niedrig (3); SI > 1.5 sehr niedrig (4). */
export const MSS_STATUS_CLASSES: IndexClass[] = [
  cls('1', 'hoch', 0, null, false, -1, false),
  cls('2', 'mittel', 1 / 3, -1, true, 1, true),
  cls('3', 'niedrig', 2 / 3, 1, false, 1.5, true),
  cls('4', 'sehr niedrig', 1, 1.5, false, null, false),
];

/** MSS Dynamik-Index: DI < −1 positiv (+); −1 ≤ DI ≤ 1 stabil (+/-); DI > 1 negativ (-). */
export const MSS_DYNAMICS_CLASSES: IndexClass[] = [
  cls('+', 'positiv', 0, null, false, -1, false),
  cls('+/-', 'stabil', 0.5, -1, true, 1, true),
  cls('-', 'negativ', 1, 1, false, null, false),
];

/**
 * Münster-style status classes on the MEAN of the z-values (not re-standardised): the mean of
 * three correlated z-values spreads less than one z-value, so the breaks sit at ±0.5 and 1.
 */
export const SIMPLE_STATUS_CLASSES: IndexClass[] = [
  cls('1', 'hoch', 0, null, false, -0.5, false),
  cls('2', 'mittel', 1 / 3, -0.5, true, 0.5, true),
  cls('3', 'niedrig', 2 / 3, 0.5, false, 1, true),
  cls('4', 'sehr niedrig', 1, 1, false, null, false),
];

export const PRESET_NAMES = ['berlin-mss', 'hamburg', 'muenster'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

interface PartTemplate {
  key: string;
  label: string;
  /** Code prefix of the part's indicators: 'S' (Status) or 'D' (Dynamik). */
  prefix: string;
  classes: IndexClass[];
}

type Template = Omit<IndexDefinition, 'parts'> & { parts: PartTemplate[] };

const STATUS = { key: 'status', label: 'Status-Index', prefix: 'S' };
const DYNAMICS = { key: 'dynamics', label: 'Dynamik-Index', prefix: 'D' };

export const PRESETS: Record<PresetName, Template> = {
  'berlin-mss': {
    key: 'berlin_mss',
    name: 'Monitoring Soziale Stadtentwicklung (Berliner Verfahren)',
    description:
      'Status-Index aus den z-Werten der Status-Indikatoren (Arbeitslosigkeit, Transferbezug, Kinderarmut), ' +
      'Dynamik-Index aus ihren Veränderungen über zwei Jahre. Summe der z-Werte, erneut z-standardisiert ' +
      '(Standardabweichung mit n). Klassen: Status hoch/mittel/niedrig/sehr niedrig bei −1, 1 und 1,5; ' +
      'Dynamik positiv/stabil/negativ bei ±1. Nur Gebiete ab 300 Einwohnern.',
    parts: [
      { ...STATUS, classes: MSS_STATUS_CLASSES },
      { ...DYNAMICS, classes: MSS_DYNAMICS_CLASSES },
    ],
    standardisation: 'z_population',
    aggregation: 'sum',
    mean: 'arithmetic',
    restandardise: true,
    validity: { minPopulation: 300, excluded: [] },
    missing: 'exclude_area',
    codeJoin: '',
  },
  hamburg: {
    key: 'hamburg_sozialmonitoring',
    name: 'Sozialmonitoring (Hamburger Verfahren)',
    description:
      'Nach dem Hamburger Sozialmonitoring (Integrierte Stadtteilentwicklung): bis zu sieben ' +
      'Aufmerksamkeitsindikatoren, Statusindex und Dynamikindex (Veränderung über drei Jahre) als ' +
      'erneut z-standardisierter Mittelwert der z-Werte, Klassen wie im Berliner Monitoring, nur ' +
      'Gebiete ab 300 Einwohnern.',
    parts: [
      { ...STATUS, label: 'Statusindex', classes: MSS_STATUS_CLASSES },
      { ...DYNAMICS, label: 'Dynamikindex', classes: MSS_DYNAMICS_CLASSES },
    ],
    standardisation: 'z_population',
    aggregation: 'mean',
    mean: 'arithmetic',
    restandardise: true,
    validity: { minPopulation: 300, excluded: [] },
    missing: 'exclude_area',
    codeJoin: '',
  },
  muenster: {
    key: 'muenster_status',
    name: 'Einfacher Statusindex (Münsteraner Art)',
    description:
      'Drei Indikatoren der sozialen Lage mit gleichen Gewichten: Mittelwert der z-Werte, ohne erneute ' +
      'Standardisierung. Klassen bei −0,5, 0,5 und 1.',
    parts: [{ ...STATUS, classes: SIMPLE_STATUS_CLASSES }],
    standardisation: 'z_population',
    aggregation: 'mean',
    mean: 'arithmetic',
    restandardise: false,
    validity: { minPopulation: null, excluded: [] },
    missing: 'exclude_area',
    codeJoin: '',
  },
};

const codeNumber = (code: string) => Number(code.slice(1)) || 0;

/**
 * The preset as a definition over the given indicators: each goes to the part whose prefix its
 * code starts with (case-insensitive), in code order, direction 1 and weight 1; indicators of
 * other prefixes are not used. A part without any indicator is an error.
 * @example presetDefinition('berlin-mss', [{ indicator: 's1', code: 'S1' }, { indicator: 'd1', code: 'D1' }])
 */
export function presetDefinition(
  preset: PresetName,
  indicators: readonly { indicator: string; code: string }[],
): IndexDefinition {
  const t = PRESETS[preset];
  const parts: IndexPart[] = t.parts.map(({ prefix, ...part }) => {
    const own = indicators
      .filter((i) => i.code.toUpperCase().startsWith(prefix))
      .sort((a, b) => codeNumber(a.code) - codeNumber(b.code));
    if (!own.length)
      throw badRequest(
        'indices.preset_part_empty',
        `Für den ${part.label} fehlen die Indikatoren (Spalten ${prefix.toLowerCase()}1_…, ${prefix.toLowerCase()}2_… usw.).`,
        { part: part.key },
      );
    return {
      ...part,
      indicators: own.map((i) => ({
        indicator: i.indicator,
        code: i.code.toUpperCase(),
        direction: 1,
        weight: 1,
      })),
    };
  });
  return { ...t, parts, validity: { ...t.validity, excluded: [...t.validity.excluded] } };
}

/**
 * The built-in stored indices, mapped onto the default indicator catalogue (demo city).
 * Berlin MSS: S1 Arbeitslosenanteil (MSS: Arbeitslose SGB II je 100 EW 15–64; the catalogue has
 * all Arbeitslose), S3 SGB-II-Quote (MSS: Transferbezug), S4 Kinderarmut; D = their change over
 * two years. Hamburg: six of its seven indicators exist in the catalogue (no school leavers), and
 * the catalogue has 2- and 5-year changes, not 3-year ones.
 */
const withNote = (d: IndexDefinition, note: string): IndexDefinition => ({
  ...d,
  description: d.description + note,
});

export const BUILTIN_INDICES: IndexDefinition[] = [
  presetDefinition('berlin-mss', [
    { indicator: 'arbeitslosenanteil', code: 'S1' },
    { indicator: 'sgb2_quote', code: 'S3' },
    { indicator: 'kinderarmut', code: 'S4' },
    { indicator: 'arbeitslosenanteil_veraenderung_2j', code: 'D1' },
    { indicator: 'sgb2_quote_veraenderung_2j', code: 'D3' },
    { indicator: 'kinderarmut_veraenderung_2j', code: 'D4' },
  ]),
  withNote(
    presetDefinition('hamburg', [
      { indicator: 'auslaenderanteil_u18', code: 'S1' },
      { indicator: 'alleinerziehende', code: 'S2' },
      { indicator: 'sgb2_quote', code: 'S3' },
      { indicator: 'arbeitslosenanteil', code: 'S4' },
      { indicator: 'kinderarmut', code: 'S5' },
      { indicator: 'grundsicherung_alter', code: 'S6' },
      { indicator: 'sgb2_quote_veraenderung_2j', code: 'D3' },
      { indicator: 'arbeitslosenanteil_veraenderung_2j', code: 'D4' },
      { indicator: 'kinderarmut_veraenderung_2j', code: 'D5' },
      { indicator: 'grundsicherung_alter_veraenderung_5j', code: 'D6' },
    ]),
    ' Im Standardkatalog: sechs der sieben Indikatoren (ohne Schulabschlüsse); die Dynamik nutzt die ' +
      'vorhandenen Veränderungen über zwei bzw. fünf Jahre statt drei.',
  ),
  presetDefinition('muenster', [
    { indicator: 'sgb2_quote', code: 'S1' },
    { indicator: 'arbeitslosenanteil', code: 'S2' },
    { indicator: 'alleinerziehende', code: 'S3' },
  ]),
];
