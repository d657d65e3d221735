import polygonClipping from 'polygon-clipping';
import type { Rng } from './rng.ts';
import type { MultiPoly, Pt } from './planar.ts';
import { multiPolyCentroid, orientRing } from './planar.ts';
import type { CityFrame } from './outline.ts';
import { cityFrame, cityOutline, utmToFrame } from './outline.ts';
import { buildCells } from './cells.ts';
import type { AreaTraits } from './traits.ts';
import { cellTraits, centrality, traitFields } from './traits.ts';
import { DISTRICT_COUNT, assignDistricts, nameDistricts } from './districts.ts';
import { NamePool, quarterName } from './names.ts';

/** A Sozialraum in planar geometry with its latent traits. */
export interface LayoutSozialraum {
  key: string;
  name: string;
  districtKey: string;
  utm: MultiPoly;
  /** Planar area in m². */
  area: number;
  traits: AreaTraits;
}

/** A Stadtbezirk or the whole city in planar geometry. */
export interface LayoutUnit {
  key: string;
  name: string;
  utm: MultiPoly;
}

/** The spatial skeleton of Musterstadt in EPSG:25832. */
export interface CityLayout {
  frame: CityFrame;
  city: LayoutUnit;
  districts: LayoutUnit[];
  /** Sorted by key. */
  sozialraeume: LayoutSozialraum[];
}

/** Union of planar multipolygons, rings in RFC 7946 order. */
function union(parts: MultiPoly[]): MultiPoly {
  const [first, ...rest] = parts;
  if (!first) return [];
  return polygonClipping.union(first, ...rest).map((poly) => poly.map((r, k) => orientRing(r, k === 0)));
}

/**
 * Outline, Sozialräume (Voronoi cells), their traits and names, Stadtbezirke and keys.
 * Keys: Stadt '0'; Stadtbezirke '1'…'6' (Mitte = '1', then clockwise from north); Sozialräume
 * district digit + two-digit running number, numbered from the city centre outwards.
 */
export function buildLayout(rng: Rng): CityLayout {
  const frame = cityFrame(rng.fork('frame'));
  const outline = cityOutline(frame, rng.fork('outline'));
  const cellRng = rng.fork('cells');
  const count = cellRng.int(58, 62);
  const weight = (x: number, y: number) => {
    const [u, v] = utmToFrame(frame, x, y);
    return 1 + 6 * centrality(u * 0.75, v * 0.75);
  };
  const cells = buildCells(outline, count, weight, cellRng);
  const traits = cellTraits(cells, frame, traitFields(rng.fork('fields')), rng.fork('traits'));
  const districtOf = assignDistricts(cells, frame, rng.fork('districts'));

  const centre: Pt = [frame.cx, frame.cy];
  const districtParts = Array.from({ length: DISTRICT_COUNT }, (_, d) =>
    cells.cells.filter((_, i) => districtOf[i] === d).map((c) => c.geometry),
  );
  const districtGeoms = districtParts.map(union);
  const industrial = traits.findIndex((t) => t.role === 'industrial');
  const { order, names } = nameDistricts(
    districtGeoms.map((g) => multiPolyCentroid(g)),
    centre,
    districtOf[industrial] ?? -1,
  );
  const districtKey = (d: number) => String(order.indexOf(d) + 1);

  const pool = new NamePool(rng.fork('names'));
  pool.reserve(names);
  const sozialraeume: LayoutSozialraum[] = [];
  for (const d of order) {
    const members = cells.cells
      .map((cell, i) => ({ cell, i }))
      .filter(({ i }) => districtOf[i] === d)
      .sort((a, b) => dist(a.cell.centroid, centre) - dist(b.cell.centroid, centre) || a.i - b.i);
    members.forEach(({ cell, i }, n) => {
      const t = traits[i] as AreaTraits;
      sozialraeume.push({
        key: `${districtKey(d)}${String(n + 1).padStart(2, '0')}`,
        name: quarterName(pool, t.role, d === 0),
        districtKey: districtKey(d),
        utm: cell.geometry,
        area: cell.area,
        traits: t,
      });
    });
  }
  return {
    frame,
    city: { key: '0', name: 'Musterstadt', utm: union(cells.cells.map((c) => c.geometry)) },
    districts: order.map((d) => ({ key: districtKey(d), name: names[d] ?? '', utm: districtGeoms[d] ?? [] })),
    sozialraeume,
  };
}

function dist(a: Pt, b: Pt): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1]);
}
