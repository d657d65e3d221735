/**
 * What a visitor learns before reading values: levels and Stichtage (`/api/config`), the
 * indicator catalogue with each formula (`/api/indicators`) and the area tree (`/api/areas`).
 */
import type { AreaNode, CityFrame, PublicIndicator, PublicNorm } from './model.ts';
import { arr, num, obj, str, type Visitor } from './visitor.ts';

/** Node key of an area. */
export const nodeKey = (level: string, id: string) => `${level}:${id}`;

/** Reads the frame of the city as an anonymous visitor. */
export async function readFrame(visitor: Visitor): Promise<CityFrame> {
  const config = obj(await visitor.json('/api/config'));
  const levels = arr(config.levels)
    .map(obj)
    .map((l) => ({ key: str(l.key), name: str(l.name), rank: num(l.rank) ?? 0, parent: l.parent }))
    .sort((a, b) => a.rank - b.rank);
  const dates = arr(config.dates).map(str).sort();
  const indicators = new Map<string, PublicIndicator>();
  for (const raw of arr(await visitor.json('/api/indicators'))) {
    const i = obj(raw);
    indicators.set(str(i.key), {
      key: str(i.key),
      name: str(i.name),
      unit: str(i.unit),
      numerator: str(i.numerator),
      denominator: typeof i.denominator === 'string' ? i.denominator : null,
      formula: str(i.formula),
      periodYears: num(i.periodYears),
      decimals: num(i.decimals) ?? 0,
    });
  }
  const nodes = new Map<string, AreaNode>();
  for (const level of levels) {
    const parentLevel = typeof level.parent === 'string' ? level.parent : null;
    for (const raw of arr(await visitor.json(`/api/areas?level=${encodeURIComponent(level.key)}`))) {
      const a = obj(raw);
      const id = str(a.id);
      const parentId = typeof a.parent === 'string' ? a.parent : null;
      // in a ragged hierarchy the parent may lie on a level between (a Sozialraum of one Gemeinde)
      const onLevel = typeof a.parentLevel === 'string' ? a.parentLevel : parentLevel;
      nodes.set(nodeKey(level.key, id), {
        key: nodeKey(level.key, id),
        level: level.key,
        id,
        name: str(a.name),
        parent: onLevel && parentId !== null ? nodeKey(onLevel, parentId) : null,
      });
    }
  }
  // The city: the one area of the top level, else a node above the top level's areas.
  const top = levels[0];
  const topAreas = [...nodes.values()].filter((n) => n.level === top?.key);
  let root: string;
  if (topAreas.length === 1) root = topAreas[0]!.key;
  else {
    root = 'city:';
    nodes.set(root, { key: root, level: 'city', id: '', name: 'Stadt', parent: null });
    for (const a of topAreas) a.parent = root;
  }
  const children = new Map<string, string[]>();
  for (const n of nodes.values())
    if (n.parent && nodes.has(n.parent)) children.set(n.parent, [...(children.get(n.parent) ?? []), n.key]);
  return {
    norms: await readNorms(visitor),
    levels: levels.map(({ key, name, rank }) => ({ key, name, rank })),
    dates,
    indicators,
    nodes,
    root,
    cityKey: typeof obj(config.territory).key === 'string' ? str(obj(config.territory).key) : undefined,
    children,
  };
}

/** The published norms with every published version (an older server without norms: none). */
async function readNorms(visitor: Visitor): Promise<Map<string, PublicNorm[]>> {
  const norms = new Map<string, PublicNorm[]>();
  const list = await visitor.get('/api/norms');
  if (list.status !== 200) return norms;
  for (const raw of arr(JSON.parse(list.body))) {
    const key = str(obj(raw).key);
    const versions = arr(obj(await visitor.json(`/api/norms/${encodeURIComponent(key)}`)).history).map(obj);
    norms.set(
      key,
      versions.map((v) => {
        const c = obj(v.catchment);
        return {
          key,
          demand: arr(v.demand).map(str),
          weights: arr(v.weights).map((w) => num(w) ?? 1),
          factor: num(v.factor) ?? 0,
          districtLevel: c.kind === 'district' ? str(c.level) : null,
          validFrom: typeof v.validFrom === 'string' ? v.validFrom : null,
          validTo: typeof v.validTo === 'string' ? v.validTo : null,
        };
      }),
    );
  }
  return norms;
}
