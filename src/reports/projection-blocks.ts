/**
 * The Prognose of a Steckbrief as a report table: the area, its district and the city at the last
 * observed Stichtag and the projected ones the profile shows, for the indicators of the table it
 * follows. Its caption says that it is a projection — method, variant, base, rounded and uncertain,
 * and which areas the public sees only within their district.
 */
import { formatDate } from '../core/format.ts';
import { areaWithLevel } from '../core/level-names.ts';
import type {
  ProfileCell,
  ProfileIndicator,
  ProfileProjection,
  Steckbrief,
} from '../profile/profile.schema.ts';
import {
  projectionCellText,
  projectionMethodText,
  projectionTexts,
  smallAreasText,
} from '../profile/projection-text.ts';
import type { ReportTable } from './report-model.ts';

/**
 * The Prognose table of `profile` for the indicators `shown` (an indicator table's), or none when
 * the profile has no Prognose or none of these indicators is projected.
 * @example projectionTable(profile, rows) // [{ kind: 'table', title: 'Prognose für Altstadt – …', … }]
 */
export function projectionTable(profile: Steckbrief, shown: readonly ProfileIndicator[]): ReportTable[] {
  const p = profile.projection;
  if (!p) return [];
  const keys = new Set(shown.map((i) => i.key));
  const chosen = p.indicators.filter((i) => keys.has(i.key));
  if (!chosen.length) return [];
  const { area } = profile;
  const district =
    area.parentLevelName && area.parentName ? areaWithLevel(area.parentLevelName, area.parentName) : null;
  const columns = [
    'Indikator',
    'Gebiet',
    ...chosen[0]!.values.map((v) =>
      v.projected ? projectionTexts.projected(v.date) : projectionTexts.observed(v.date),
    ),
  ];
  type Value = ProfileProjection['indicators'][number]['values'][number];
  const rows = chosen.flatMap((i) => {
    const name = i.unit ? `${i.name} (${i.unit})` : i.name;
    const line = (who: string, pick: (v: Value) => ProfileCell | null, own = false) => [
      name,
      who,
      ...i.values.map((v) => projectionCellText(pick(v), i.decimals, own && v.projected)),
    ];
    return [
      line(areaWithLevel(area.levelName, area.name), (v) => v.value, true),
      ...(district ? [line(district, (v) => v.district)] : []),
      line('Stadt', (v) => v.city),
    ];
  });
  const small = smallAreasText(p, area.parentLevelName);
  return [
    {
      kind: 'table',
      title: `Prognose für ${area.name} – ${projectionMethodText(p)}${small ? `. ${small}` : ''}`,
      columns,
      numeric: columns.map((_, c) => c > 1),
      rows,
      highlight: null,
      source: `Quelle: Lagebild, Bevölkerungsvorausberechnung „${p.name}“; Basis ${formatDate(p.base)}`,
    },
  ];
}
