/**
 * Once per run of the browser tests: the demo city loaded into a database directory, with the
 * known demo passwords (`lagebild demo --demo-passwords`). Each spec file's server starts on a copy
 * of it (server.ts), so the demo is generated only once. The demo Kreis gets an empty directory,
 * filled by the first spec file that needs it (server.ts). Returns the teardown that removes both.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { KREIS_TEMPLATE_ENV, TEMPLATE_ENV, TMP_PREFIX } from './server.ts';

/**
 * Removes the directories aborted runs left behind: older than an hour, so never one in use
 * (each holds a demo database of about 100 MB).
 */
function removeLeftovers(): void {
  for (const name of readdirSync(tmpdir())) {
    const path = join(tmpdir(), name);
    try {
      if (name.startsWith(TMP_PREFIX) && Date.now() - statSync(path).mtimeMs > 3600_000) {
        rmSync(path, { recursive: true, force: true });
      }
    } catch {
      // another run may be cleaning up at the same time
    }
  }
}

export default async function globalSetup(): Promise<(() => void) | undefined> {
  removeLeftovers();
  // against a running server (LAGEBILD_E2E_BASE_URL) no file starts a demo server of its own
  if (process.env.LAGEBILD_E2E_BASE_URL) return undefined;
  const dir = mkdtempSync(join(tmpdir(), `${TMP_PREFIX}template-`));
  const t0 = Date.now();
  try {
    await promisify(execFile)(
      process.execPath,
      [
        fileURLToPath(new URL('../bin/lagebild.js', import.meta.url)),
        'demo',
        '--db',
        dir,
        '--demo-passwords',
      ],
      // a fresh demo city takes about a minute on a busy machine
      { timeout: 300_000 },
    );
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  console.log(`[e2e] demo database built in ${Math.round((Date.now() - t0) / 1000)} s`);
  const kreis = mkdtempSync(join(tmpdir(), `${TMP_PREFIX}kreis-template-`));
  // the workers inherit the environment of this process
  process.env[TEMPLATE_ENV] = dir;
  process.env[KREIS_TEMPLATE_ENV] = kreis;
  return () => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(kreis, { recursive: true, force: true });
  };
}
