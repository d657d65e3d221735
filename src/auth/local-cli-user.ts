/**
 * The local command line as a user: the principal a server gives the CLI of its own
 * installation (server/local-cli.ts), and how the routes that store imports recognise it.
 */
import type { User } from './auth.schema.ts';

/** Admin-equivalent on the forwarded routes; stored imports record no user for it, as in the CLI. */
export const LOCAL_CLI_USER: User = Object.freeze({
  id: 0,
  username: 'lokale-kommandozeile',
  displayName: 'Kommandozeile (lokal)',
  role: 'admin',
});

/** The user id an import records as importer: none for the local CLI (as when it opens the database itself). */
export const importerId = (user: User): number | null => (user === LOCAL_CLI_USER ? null : user.id);
