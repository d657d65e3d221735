/**
 * The disclosure-control step of the microdata benchmark: the area × age/sex table linked up
 * the hierarchy (fine area → Sozialraum → Stadtbezirk → Stadt) with margins, protected by
 * primary and secondary suppression and the final audit.
 */
import { protectTable } from '../src/disclosure/protect.ts';
import { flatDimension, hierarchyDimension, productTable } from '../src/disclosure/table.ts';
import type { generateCity } from '../src/demo/generate.ts';

export /** Primary + secondary suppression and the final audit of the area × age/sex table. */
async function protectFine(
  city: ReturnType<typeof generateCity>,
  fine: { key: string; parent: string }[],
  bev: Record<string, number>,
) {
  const tree = [
    ...city.areas
      .filter((a) => a.level !== 'sozialraum')
      .map((a) => ({ id: `c${a.key}`, parent: a.parentKey ? `c${a.parentKey}` : null })),
    ...city.areas
      .filter((a) => a.level === 'sozialraum')
      .map((a) => ({ id: `c${a.key}`, parent: `c${a.parentKey}` })),
    ...fine.map((f) => ({ id: `f${f.key}`, parent: `c${f.parent}` })),
  ];
  const groups = [...new Set(Object.keys(bev).map((k) => k.slice(k.indexOf('|') + 1)))];
  const values = new Map(Object.entries(bev).map(([k, v]) => [`f${k}`, v]));
  const t0 = performance.now();
  const result = await protectTable(
    productTable(hierarchyDimension(tree), flatDimension(groups, { total: '*' }), values),
    {
      intervals: false,
    },
  );
  return {
    ms: performance.now() - t0,
    primary: result.audit.primary,
    secondary: result.audit.secondary,
    cells: result.status.size,
  };
}
