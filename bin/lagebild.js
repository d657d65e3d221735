#!/usr/bin/env node
// `lagebild`: runs the CLI built at install time (dist/cli/, `npm ci` → prepare → esbuild.config.ts)
// while it is current, else the TypeScript sources through tsx. Current means: none of the sources
// it was built from (dist/cli/built-from.txt) changed after the build started — a stale build would
// silently run old code, the sources only start slower. LAGEBILD_CLI=sources always runs the
// sources, LAGEBILD_CLI=build the build (and fails when it is missing or stale).
import { readFileSync, statSync } from 'node:fs';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Whether dist/cli holds a build of the sources as they are now (one stat per source file). */
function currentBuild() {
  try {
    // the build's start time (ms), then the sources it was made from, one per line
    const text = readFileSync(`${root}dist/cli/built-from.txt`, 'utf8');
    const [builtAt, ...inputs] = text.trimEnd().split('\n');
    return inputs.length > 0 && inputs.every((file) => statSync(root + file).mtimeMs < Number(builtAt));
  } catch {
    return false; // no build, or a source it was made from is gone
  }
}

const from = process.env.LAGEBILD_CLI;
const built = from !== 'sources' && currentBuild();
if (from === 'build' && !built) {
  process.stderr.write('lagebild: dist/cli fehlt oder ist älter als die Quellen (npm run build:cli).\n');
  process.exit(3);
}
if (process.env.LAGEBILD_DEBUG) process.setSourceMapsEnabled(true);
if (built) await import('../dist/cli/main.js');
else {
  if (process.stderr.isTTY && from !== 'sources')
    process.stderr.write('lagebild: kein aktueller Build (npm run build:cli), starte aus den Quellen …\n');
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
