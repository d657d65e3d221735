/**
 * Builds the command line into `dist/cli/` (on `npm ci` via `prepare`; `npm run build:cli`), so
 * `lagebild` starts without transpiling TypeScript. ESM for Node with code splitting: every
 * command module is its own chunk, loaded when the command runs (src/cli/commands.ts). Packages
 * stay in node_modules (PGlite, HiGHS and sql.js load their WebAssembly from there).
 *
 * `dist/cli/built-from.txt` records when the build started and the sources it was made from;
 * bin/lagebild.js runs the build only while none of them is newer, else the sources through tsx.
 * Files read at run time (web app, migrations) are found from the installation's root
 * (src/core/paths.ts), which requires all chunks in one flat folder two levels below it.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions, type Metafile } from 'esbuild';

const root = dirname(fileURLToPath(import.meta.url));
export const CLI_DIR = join(root, 'dist', 'cli');

export const cliBuildOptions = {
  absWorkingDir: root,
  entryPoints: { main: 'src/cli/main.ts' },
  outdir: CLI_DIR,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  metafile: true,
  logLevel: 'warning',
} satisfies BuildOptions;

/** What `bin/lagebild.js` reads to decide whether the build is current (`built-from.txt`). */
export interface BuildRecord {
  /** Start of the build (ms since 1970): a source changed later is not in it. */
  builtAt: number;
  /** The sources bundled, relative to the root. */
  inputs: string[];
}

/**
 * The overview (`lagebild --help`) must load no command module and no package but commander:
 * the static imports of the entry chunk may not reach one.
 * @returns what the entry loads that it should not (empty when all is well)
 */
export function eagerLoads(metafile: Metafile, entry: string): string[] {
  const seen = new Set<string>();
  const bad: string[] = [];
  const visit = (out: string) => {
    if (seen.has(out)) return;
    seen.add(out);
    const chunk = metafile.outputs[out]!;
    bad.push(...Object.keys(chunk.inputs).filter((i) => i.endsWith('.command.ts')));
    for (const imp of chunk.imports) {
      if (imp.kind !== 'import-statement') continue;
      if (!imp.external) visit(imp.path);
      else if (imp.path !== 'commander' && !imp.path.startsWith('node:')) bad.push(imp.path);
    }
  };
  visit(entry);
  return bad;
}

export async function buildCli(): Promise<BuildRecord> {
  const builtAt = Date.now();
  await rm(CLI_DIR, { recursive: true, force: true });
  await mkdir(CLI_DIR, { recursive: true });
  const { metafile } = await build(cliBuildOptions);
  const outputs = Object.keys(metafile.outputs);
  const nested = outputs.filter((o) => dirname(join(root, o)) !== CLI_DIR);
  if (nested.length) throw new Error(`CLI-Build: Dateien außerhalb von dist/cli/: ${nested.join(', ')}`);
  const entry = outputs.find((o) => metafile.outputs[o]!.entryPoint === 'src/cli/main.ts')!;
  const eager = eagerLoads(metafile, entry);
  if (eager.length)
    throw new Error(`CLI-Build: die Übersicht (--help) lädt ${[...new Set(eager)].join(', ')}`);
  const record: BuildRecord = { builtAt, inputs: Object.keys(metafile.inputs).sort() };
  // written last: a build without it counts as missing
  await writeFile(join(CLI_DIR, 'built-from.txt'), [builtAt, ...record.inputs].join('\n') + '\n');
  return record;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildCli();
