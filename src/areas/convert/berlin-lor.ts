/**
 * Berlin's Planungsräume before and after the LOR reform of 2021 with their inhabitants, from
 * ../shared/data (relative to the repository root), for the conversion's real-data test and bench.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildAreas } from '../readers/build-areas.ts';
import { readAreaFile } from '../readers/index.ts';
import { readSourceTable } from '../readers/read-area-files.ts';
import type { AreaFile } from '../readers/index.ts';
import type { ConvertArea } from './correspondence.ts';

const DATA = resolve('../shared/data');
const OLD_ID = 'broker Dow';

/**
 * The 448 old PLR (state 2019–2020: 09041403 „Allende II“ exists since 01.01.2019) as an area
 * file. The source file gives Charlottenburg's PLR „Schloßstraße“ the key of Steglitz's
 * „Schloßstraße“ (06010102); its own key 04030417, under which the population tables list it,
 * is put back here.
 */
export function readOldLor(): Promise<AreaFile> {
  const dir = `${DATA}/berlin-lor-pre2021-plr-shp`;
  const files = ['shp', 'shx', 'dbf', 'prj', 'cpg'].map((ext) => ({
    name: `lor_planungsraeume.${ext}`,
    data: readFileSync(`${dir}/lor_planungsraeume.${ext}`),
  }));
  const { table, main } = readSourceTable(files);
  const records = table.records.map((r) => {
    const wrongKey = r.texts[OLD_ID] === '06010102' && r.texts.BEZIRKSNAM === 'Charlottenburg-Wilmersdorf';
    const key = wrongKey ? '04030417' : r.texts[OLD_ID]!;
    return { ...r, texts: { ...r.texts, [OLD_ID]: key, BEZ: key.slice(0, 2) } };
  });
  return Promise.resolve(
    buildAreas(
      { ...table, fields: [...table.fields, 'BEZ'], records },
      { idField: OLD_ID, nameField: 'PLANUNGSRA', parentField: 'BEZ' },
      main.name,
    ),
  );
}

/** The 542 PLR of the LOR 2021 as an area file (parent: the Bezirk, field BEZ). */
export function readNewLor(): Promise<AreaFile> {
  return readAreaFile(`${DATA}/berlin-lor-2021-plr-shp/lor_planungsraeume_2021.shp`, {
    idField: 'PLR_ID',
    nameField: 'PLR_NAME',
    parentField: 'BEZ',
  });
}

/** Areas of an area file as the conversion takes them. */
export const convertAreas = (file: AreaFile): ConvertArea[] =>
  file.areas.map((a) => ({ key: a.key, parent: a.parentKey, geometry: a.geometry }));

/**
 * Inhabitants per PLR at a half-year (`2020-02` = 31.12.2020), by 8-digit PLR id (the four id
 * columns concatenated, see the data's SOURCE.txt).
 */
export function berlinInhabitants(half: string): Map<string, number> {
  const [head, ...lines] = readFileSync(
    `${DATA}/berlin-lor-population-agegroups/berlin-lor-population-${half}-t2.csv`,
    'utf8',
  )
    .trim()
    .split('\n');
  const cols = head!.split(',');
  const at = (name: string) => cols.indexOf(name);
  const ids = ['district_id', 'forecast_area_id', 'district_region_id', 'planning_area_id'].map(at);
  const total = at('inhabitants');
  return new Map(
    lines.map((line) => {
      const cells = line.split(',');
      return [ids.map((i) => cells[i]).join(''), Number(cells[total])];
    }),
  );
}
