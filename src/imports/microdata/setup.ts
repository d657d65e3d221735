/*
 * From the header line to everything the row visitor needs: which column is what, how persons
 * are placed (coordinates in which CRS, or area keys), which flags are counted.
 */
import { importError } from '../../core/errors.ts';
import { resolveCrs } from '../../geo/crs.ts';
import { AGES } from './counts.ts';
import type { CsvHeader } from './csv.ts';
import { HouseholdCounter } from './households.ts';
import { AreaLocator } from './locator.ts';
import { microdataMessages as msg } from './messages.ts';
import type { AggregateMicrodataOptions, ColumnRole, MicrodataArea } from './options.ts';
import {
  COLUMN_CANDIDATES,
  DEFAULT_FLAGS,
  findColumn,
  flagVariable,
  foldName,
  headerIndex,
} from './options.ts';
import type { RowSetup } from './rows.ts';

type Prepared = Omit<RowSetup, 'stichtag' | 'date' | 'persons' | 'log'>;

/** What {@link prepareRows} found out: the visitor's setup and what the result reports. */
export interface PreparedRows {
  setup: Prepared;
  flagSpecs: { variable: string; under: readonly number[] }[];
  crsLabel: string | null;
  columnNames: Partial<Record<ColumnRole, string>>;
}

/**
 * Resolves columns, placement and flags from the header.
 * @throws `import.microdata_missing_column`, `…_unknown_column`, `…_no_location`, `…_no_geometry`
 */
export function prepareRows(
  header: CsvHeader,
  areas: readonly MicrodataArea[],
  options: AggregateMicrodataOptions,
  file: string,
  expectedHouseholds: number,
): PreparedRows {
  const names = header.names;
  const col = (role: ColumnRole) => findColumn(names, role, options.columns?.[role], file);
  const need = (role: ColumnRole, what: string, index: number) => {
    if (index >= 0) return index;
    throw importError(
      'microdata_missing_column',
      msg.missingColumn(file, what, COLUMN_CANDIDATES[role], names),
      {
        file,
        column: role,
      },
    );
  };
  const birthDate = col('birthDate');
  const age = birthDate >= 0 ? -1 : need('age', 'das Geburtsdatum oder das Alter', col('age'));
  const columns: Prepared['columns'] = {
    pseudonym: col('pseudonym'),
    birthDate,
    age,
    sex: need('sex', 'das Geschlecht', col('sex')),
    nationality: col('nationality'),
    household: col('household'),
    x: col('x'),
    y: col('y'),
    area: col('area'),
  };
  const hasXy = columns.x >= 0 && columns.y >= 0;
  const mode = options.location ?? 'auto';
  const byCoordinates = mode === 'coordinates' || (mode === 'auto' && hasXy);
  let locator: AreaLocator | null = null;
  let crsLabel: string | null = null;
  if (byCoordinates) {
    need('x', 'die x-Koordinate (Rechtswert bzw. Länge)', columns.x);
    need('y', 'die y-Koordinate (Hochwert bzw. Breite)', columns.y);
    const lonLat = /^(lon|lng|longitude|laenge)$/.test(foldName(names[columns.x]!));
    const crs = resolveCrs({ crs: options.crs ?? (lonLat ? 'EPSG:4326' : 'EPSG:25832'), fileName: file });
    crsLabel = crs.label;
    const geometries = areas.map((a) => {
      if (!a.geometry)
        throw importError('microdata_no_geometry', msg.noGeometry(file, a.key), { file, area: a.key });
      return a.geometry;
    });
    locator = new AreaLocator(geometries, crs.label === 'EPSG:4326' ? null : crs.fromWgs84);
  } else if (columns.area < 0) {
    if (mode === 'key') need('area', 'den Gebietsschlüssel', -1);
    throw importError('microdata_no_location', msg.noLocation(file), { file });
  }

  const flagSpecs = (options.flags ?? DEFAULT_FLAGS.filter((f) => headerIndex(names, f.column) >= 0)).map(
    (f) => {
      const column = headerIndex(names, f.column);
      if (column < 0) {
        throw importError('microdata_unknown_column', msg.unknownColumn(file, f.column, names), {
          file,
          column: f.column,
        });
      }
      return { column, variable: flagVariable(f), under: f.under ?? [] };
    },
  );
  // Only the columns actually used are named in the result.
  const used = { ...columns, ...(byCoordinates ? { area: -1 } : { x: -1, y: -1 }) };
  const columnNames: Partial<Record<ColumnRole, string>> = {};
  for (const [role, index] of Object.entries(used) as [ColumnRole, number][]) {
    if (index >= 0) columnNames[role] = names[index]!;
  }

  const lookup = new Map<string, number>();
  const unpadded = new Map<string, number>();
  areas.forEach((a, i) => {
    if (!lookup.has(a.key)) lookup.set(a.key, i);
    // Spreadsheets drop leading zeros of numeric keys: '01' comes back as '1'.
    const bare = a.key.replace(/^0+(?=\d)/, '');
    unpadded.set(bare, unpadded.has(bare) ? -1 : i);
  });
  const areaOfKey = (key: string) =>
    lookup.get(key) ?? (/^\d+$/.test(key) ? (unpadded.get(key.replace(/^0+(?=\d)/, '')) ?? -1) : -1);

  const setup: Prepared = {
    header: names,
    encoding: header.encoding,
    decimalComma: header.delimiter !== ',',
    columns,
    locator,
    areaOfKey,
    divers: options.divers ?? 'random',
    households: columns.household >= 0 ? new HouseholdCounter(expectedHouseholds) : null,
    flags: flagSpecs.map((f) => ({ column: f.column, counts: new Int32Array(areas.length * AGES) })),
  };
  return {
    setup,
    flagSpecs: flagSpecs.map(({ variable, under }) => ({ variable, under })),
    crsLabel,
    columnNames,
  };
}
