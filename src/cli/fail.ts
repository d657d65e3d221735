/** The one place that turns errors into a message on stderr and the CLI's exit code. */
import { LagebildError } from '../core/errors.ts';

/**
 * Error → message on stderr and a non-zero exit code (JSON with `--json`): 1 for „not found“,
 * 2 for a named error (bad input, refused work), 3 for anything unexpected.
 */
export function fail(err: unknown, json: boolean): never {
  if (err instanceof LagebildError) {
    if (json)
      process.stderr.write(
        JSON.stringify({ code: err.code, message: err.message, details: err.details }) + '\n',
      );
    else process.stderr.write(`Fehler: ${err.message}\n`);
    process.exit(err.status === 404 ? 1 : 2);
  }
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`Fehler: ${message}\n`);
  if (process.env.LAGEBILD_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
  process.exit(3);
}
