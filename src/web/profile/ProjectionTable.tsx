import { areaWithLevel } from '../../core/level-names.ts';
import { projectionCellText, projectionNote } from '../../profile/projection-text.ts';
import type { Steckbrief } from './api.ts';
import { pt, type WholeWords } from './texts.ts';

type Projection = NonNullable<Steckbrief['projection']>;
type Value = Projection['indicators'][number]['values'][number];
type Cell = Value['value'];

/**
 * The published Prognose of the area: per projected indicator the area, its district and the city
 * at the last observed Stichtag and at the projected ones, with the note on method, rounding,
 * uncertainty and the areas shown only within their district.
 */
export function ProjectionTable({
  profile,
  projection,
  whole,
}: {
  profile: Steckbrief;
  projection: Projection;
  whole: WholeWords;
}) {
  const { area } = profile;
  const district =
    area.parentName && area.parentLevelName
      ? areaWithLevel(area.parentLevelName, area.parentName)
      : area.parentName;
  const head = projection.indicators[0]?.values ?? [];
  const whos: { key: string; name: string; pick: (v: Value) => Cell | null; own?: boolean }[] = [
    { key: 'area', name: areaWithLevel(area.levelName, area.name), pick: (v) => v.value, own: true },
    ...(district ? [{ key: 'district', name: district, pick: (v: Value) => v.district }] : []),
    { key: 'city', name: whole.name, pick: (v) => v.city },
  ];
  return (
    <>
      <div className="profile-table-scroll">
        <table className="profile-indicators profile-projection" data-testid="profile-projection">
          <caption className="visually-hidden">
            {pt.projection.caption(projection.name, projection.rounded)}
          </caption>
          <thead>
            <tr>
              <th scope="col">{pt.projection.area}</th>
              {head.map((v) => (
                <th
                  key={v.date}
                  scope="col"
                  className={v.projected ? 'num profile-projection__ahead' : 'num'}
                  data-date={v.date}
                >
                  {v.projected ? pt.projection.projected(v.date) : pt.projection.observed(v.date)}
                </th>
              ))}
            </tr>
          </thead>
          {projection.indicators.map((ind) => (
            <tbody key={ind.key} data-key={ind.key}>
              <tr className="profile-indicators__theme">
                <th scope="rowgroup" colSpan={head.length + 1}>
                  {ind.name}
                  {ind.unit && ` (${ind.unit})`}
                </th>
              </tr>
              {whos.map((who) => (
                <tr key={who.key} data-who={who.key}>
                  <th scope="row">{who.name}</th>
                  {ind.values.map((v) => {
                    const cell = who.pick(v);
                    const ownProjected = who.own === true && v.projected;
                    const hidden = ownProjected && cell?.status === 'secret';
                    return (
                      <td
                        key={v.date}
                        className={hidden ? 'num profile-projection__hidden' : 'num'}
                        data-date={v.date}
                      >
                        {projectionCellText(cell, ind.decimals, ownProjected)}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </div>
      <p className="profile-note" data-testid="profile-projection-note">
        {projectionNote(projection, area.parentLevelName)}
      </p>
    </>
  );
}
