/**
 * Test support: reads exported geodata the way GIS software does, with GDAL's `ogrinfo` (Debian's
 * `gdal-bin`; installed here and in CI by .ci/run, never needed at runtime). A missing ogrinfo
 * fails the test rather than skipping it: the exports are only proven by another reader.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One layer as `ogrinfo -al` prints it. */
export interface OgrLayer {
  name: string;
  geometry: string;
  featureCount: number;
  /** `[minX, minY, maxX, maxY]` as ogrinfo prints it (six decimals). */
  extent: [number, number, number, number];
  /** `ID["EPSG",n]` of the layer's SRS, null when GDAL names none. */
  epsg: number | null;
  /** Field name → GDAL type (`String`, `Real`, `Date` …). */
  fields: Map<string, string>;
  /** Each feature's fields as printed (text), and its geometry's WKT. */
  features: { values: Map<string, string>; wkt: string }[];
  /** Layer metadata (`IDENTIFIER`, `DESCRIPTION` …). */
  metadata: Map<string, string>;
  /** What ogrinfo wrote to stderr (warnings, errors). */
  stderr: string;
}

const run = (args: string[]) => {
  const r = spawnSync('ogrinfo', args, { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  if ((r.error as { code?: string } | undefined)?.code === 'ENOENT')
    throw new Error('ogrinfo fehlt: bitte das Debian-Paket gdal-bin installieren (.ci/run tut das).');
  if (r.error || r.status !== 0)
    throw new Error(`ogrinfo ${args.join(' ')} failed: ${r.stderr || r.error?.message}`);
  return { stdout: r.stdout, stderr: r.stderr };
};

/**
 * Writes `data` to a temporary file named `fileName` (the extension chooses GDAL's driver) and
 * reads its one layer with `ogrinfo -al` (summary with `-so`, then every feature).
 */
export function readWithOgr(data: string | Uint8Array, fileName: string): OgrLayer {
  const dir = mkdtempSync(join(tmpdir(), 'lagebild-ogr-'));
  try {
    const file = join(dir, fileName);
    writeFileSync(file, data);
    const summary = run(['-ro', '-al', '-so', file]);
    const full = run(['-ro', '-al', '-nomd', file]);
    return parseOgrinfo(summary.stdout, full.stdout, summary.stderr + full.stderr);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function parseOgrinfo(summary: string, full: string, stderr: string): OgrLayer {
  const line = (re: RegExp) => re.exec(summary)?.[1] ?? '';
  const fields = new Map<string, string>();
  // field lines follow the SRS block and geometry column: "Name: Type (w.p)"
  const afterSrs = summary.slice(summary.search(/^Data axis to CRS axis mapping/m));
  for (const m of afterSrs.matchAll(/^([^\s:][^:\n]*): (\w+) \(\d+\.\d+\)$/gm)) fields.set(m[1]!, m[2]!);
  const metadata = new Map<string, string>();
  const mdBlock = /^Metadata:\n((?: {2}.*\n)+)/m.exec(summary)?.[1] ?? '';
  for (const m of mdBlock.matchAll(/^ {2}([^=\n]+)=(.*)$/gm)) metadata.set(m[1]!, m[2]!);
  const epsg = /ID\["EPSG",(\d+)\]\]\s*$/m.exec(summary.slice(0, summary.search(/^Data axis/m)));
  const features = full
    .split(/^OGRFeature\([^)]*\):\d+\n/m)
    .slice(1)
    .map((block) => {
      const values = new Map<string, string>();
      let wkt = '';
      for (const l of block.split('\n')) {
        const m = /^ {2}(.+?) \((\w+)\) = (.*)$/.exec(l);
        if (m) values.set(m[1]!, m[3]!);
        else if (/^ {2}(MULTI)?POLYGON|^ {2}POLYGON EMPTY/.test(l)) wkt = l.trim();
      }
      return { values, wkt };
    });
  return {
    name: line(/^Layer name: (.*)$/m),
    geometry: line(/^Geometry: (.*)$/m),
    featureCount: Number(line(/^Feature Count: (\d+)$/m)),
    extent: (/^Extent: \((\S+), (\S+)\) - \((\S+), (\S+)\)$/m.exec(summary)?.slice(1, 5).map(Number) ?? [
      NaN,
      NaN,
      NaN,
      NaN,
    ]) as [number, number, number, number],
    epsg: epsg ? Number(epsg[1]) : null,
    fields,
    features,
    metadata,
    stderr,
  };
}
