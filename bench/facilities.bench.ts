/**
 * Facilities: Berlin's 2,880 Kitas (GeoJSON, EPSG:25833) imported onto the 542 Planungsräume and
 * counted per Planungsraum, on the embedded database (target ≤ 2 s for both together).
 *
 * What is timed, median of 3 runs: the whole `importFacilities` call — reading and reprojecting
 * the file, checking every row, placing every point in its Planungsraum, one transaction with the
 * provenance row and 2,880 versions — and then `countFacilities` for the Planungsräume on the
 * level's own geometries, whose point index is rebuilt because the import changed the data
 * version. Between runs the Kitas are deleted, so each run is a first import, not an unchanged one.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importAreas } from '../src/areas/area.service.ts';
import { readAreaFile } from '../src/areas/readers/index.ts';
import { openDb } from '../src/db/db.ts';
import { migrate } from '../src/db/migrate.ts';
import { countFacilities } from '../src/facilities/facility-count.service.ts';
import { importFacilities } from '../src/facilities/facility-import.service.ts';
import type { Measurement } from './harness.ts';

const DATA = resolve(fileURLToPath(import.meta.url), '../../../shared/data');
const PLR = `${DATA}/berlin-lor-2021-plr-shp/lor_planungsraeume_2021.shp`;
const KITAS = `${DATA}/berlin-kitas-2022/kindertagesstaetten_2022-12_epsg25833.geojson`;
const RUNS = 3;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchFacilities(record: (m: Measurement) => void): Promise<void> {
  const db = await openDb('memory://');
  try {
    await migrate(db);
    await importAreas(db, await readAreaFile(PLR, { idField: 'PLR_ID', nameField: 'PLR_NAME' }), {
      level: 'planungsraum',
      validFrom: '2021-01-01',
    });
    const imports: number[] = [];
    const counts: number[] = [];
    const totals: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      await db.query("DELETE FROM facility WHERE type = 'kita'");
      const t0 = performance.now();
      const result = await importFacilities(db, { type: 'kita', paths: [KITAS], validFrom: '2022-12-31' });
      const t1 = performance.now();
      const counted = await countFacilities(db, { type: 'kita', level: 'planungsraum', date: '2022-12-31' });
      const t2 = performance.now();
      if (result.new !== 2880 || counted.total.count !== 2880 || counted.total.capacity !== 194979)
        throw new Error(`unexpected result: ${result.new} new, ${counted.total.count} counted`);
      imports.push(t1 - t0);
      counts.push(t2 - t1);
      totals.push(t2 - t0);
    }
    record({
      name: 'facilities: Berlin 2,880 Kitas import + count per PLR (PGlite)',
      value: median(totals),
      unit: 'ms',
      target: 2000,
      note: `import ${median(imports).toFixed(0)} ms, count ${median(counts).toFixed(0)} ms`,
    });
  } finally {
    await db.close();
  }
}
