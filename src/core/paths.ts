/**
 * Files of the installation (the checkout) that the server and the CLI read at run time. This
 * module lies two levels below the root both in the sources (`src/core/`) and in the CLI build
 * (`dist/cli/`, one flat folder of chunks; esbuild.config.ts checks it), so the same relative URL
 * finds the root in both. Everything else resolves from here rather than from its own
 * `import.meta.url`, whose folder changes when it is bundled.
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The root of the installation, without a trailing slash. */
export const INSTALLATION_ROOT = resolve(fileURLToPath(new URL('../../', import.meta.url)));

/** The web app built by Vite (`npm run build:web`). */
export const WEB_DIR = join(INSTALLATION_ROOT, 'dist', 'web');

/** The SQL migrations, read from the sources (a build carries no copies that could be stale). */
export const MIGRATIONS_DIR = join(INSTALLATION_ROOT, 'src', 'db', 'migrations');
