/**
 * Test support: opens a document with LibreOffice (headless, Debian's libreoffice-writer-nogui;
 * installed here and in CI, never needed at runtime) and saves it in another format — how an office
 * that works with LibreOffice sees our Word files. Each call has its own user profile, so calls
 * never wait for another instance.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** `bytes` saved as `name`, converted by LibreOffice to `to` (e.g. `odt`, `pdf`); returns the file. */
export function convertWithLibreOffice(bytes: Uint8Array, name: string, to: 'odt' | 'pdf'): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'lagebild-lo-'));
  try {
    writeFileSync(join(dir, name), bytes);
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
        '--headless',
        '--convert-to',
        to,
        '--outdir',
        join(dir, 'out'),
        join(dir, name),
      ],
      { stdio: 'pipe', timeout: 240_000 },
    );
    return readFileSync(join(dir, 'out', name.replace(/\.[^.]+$/, `.${to}`)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
