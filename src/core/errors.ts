/**
 * Named errors with a stable code and a German message for people.
 * One serializer (server/error-handler.ts) turns them into HTTP responses,
 * and the CLI (cli/fail.ts) into an exit code and a message on stderr.
 */
export class LagebildError extends Error {
  constructor(
    /** Stable, machine-readable code, e.g. `import.unknown_crs`. */
    readonly code: string,
    /** German message for people: names the file, the record and the problem. */
    message: string,
    /** HTTP status this error maps to. */
    readonly status: number = 400,
    /** Structured context (file, record, field …) for clients. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'LagebildError';
  }
}

/** Input that cannot be imported (file, record and problem named in the message). */
export const importError = (code: string, message: string, details: Record<string, unknown> = {}) =>
  new LagebildError(`import.${code}`, message, 422, details);

export const notFound = (code: string, message: string, details: Record<string, unknown> = {}) =>
  new LagebildError(code, message, 404, details);

export const badRequest = (code: string, message: string, details: Record<string, unknown> = {}) =>
  new LagebildError(code, message, 400, details);

export const unauthorized = () => new LagebildError('auth.unauthenticated', 'Anmeldung erforderlich.', 401);

export const forbidden = (action: string) =>
  new LagebildError('auth.forbidden', `Keine Berechtigung für diese Aktion (${action}).`, 403, { action });
