/**
 * `lagebild users …`: accounts from the command line (first administrator, password resets).
 * Without `--password-stdin` a random password is made and printed once.
 */
import { Command } from 'commander';
import { CreateUserBody, NewPassword, Role } from '../auth/auth.schema.ts';
import { createUser, resetPassword, updateUser } from '../auth/auth.service.ts';
import { listAccounts } from '../auth/user.repository.ts';
import { badRequest } from '../core/errors.ts';
import { randomPassword } from '../demo/demo-users.ts';
import { output, withDb, type GlobalOptions } from './context.ts';

/** The first line of standard input (a password piped in, never shown in the process list). */
export async function readStdinLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return (Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '').trimEnd();
}

/** The password from stdin (checked) or a new random one; `shown` says whether to print it. */
async function choosePassword(fromStdin: boolean | undefined): Promise<{ password: string; shown: boolean }> {
  if (!fromStdin) return { password: randomPassword(), shown: true };
  const parsed = NewPassword.safeParse(await readStdinLine());
  if (!parsed.success)
    throw badRequest('users.invalid_password', parsed.error.issues[0]?.message ?? 'Ungültiges Passwort.');
  return { password: parsed.data, shown: false };
}

function parseRole(value: string): Role {
  const role = Role.safeParse(value);
  if (!role.success)
    throw badRequest(
      'users.invalid_role',
      `Unbekannte Rolle „${value}“ (möglich: admin, planner, viewer, partner).`,
    );
  return role.data;
}

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString('de-DE', { timeZone: 'UTC' }) : '–');

export function usersCommands() {
  const cmd = new Command('users').description(
    'Benutzer verwalten (anlegen, auflisten, Passwort, deaktivieren)',
  );
  cmd
    .command('add <name>')
    .description(
      'Benutzer anlegen; ohne --password-stdin wird ein Zufallspasswort erzeugt und einmal angezeigt',
    )
    .requiredOption(
      '--role <role>',
      'Rolle: admin, planner, viewer oder partner (extern: liest die Gremien seiner Organisation)',
    )
    .option('--display-name <text>', 'angezeigter Name (Standard: der Benutzername)')
    .option('--password-stdin', 'Passwort aus der Standardeingabe lesen (erste Zeile)')
    .action(
      async (
        name: string,
        opts: { role: string; displayName?: string; passwordStdin?: boolean },
        sub: Command,
      ) => {
        const g = sub.optsWithGlobals<GlobalOptions>();
        const role = parseRole(opts.role);
        const { password, shown } = await choosePassword(opts.passwordStdin);
        const input = CreateUserBody.safeParse({
          username: name,
          displayName: opts.displayName ?? name,
          password,
          role,
        });
        if (!input.success)
          throw badRequest('users.invalid', input.error.issues.map((i) => i.message).join(' '));
        const user = await withDb(g, (db) => createUser(db, input.data));
        output(g, { user, ...(shown ? { password } : {}) }, () =>
          [
            `Benutzer „${user.username}“ angelegt (${user.role}).`,
            shown ? `Passwort (nur jetzt angezeigt): ${password}` : null,
          ]
            .filter(Boolean)
            .join('\n'),
        );
      },
    );
  cmd
    .command('list')
    .description('Benutzer mit Rolle, Zustand und letzter Anmeldung')
    .action(async (_opts: unknown, sub: Command) => {
      const g = sub.optsWithGlobals<GlobalOptions>();
      const users = await withDb(g, (db) => listAccounts(db));
      output(g, users, () =>
        users
          .map((u) =>
            [
              u.username,
              u.role,
              u.active ? 'aktiv' : 'deaktiviert',
              `letzte Anmeldung: ${when(u.lastLoginAt)}`,
              u.scope ? `zuständig für ${u.scope.level} ${u.scope.key}` : 'ganzes Gebiet',
            ].join('\t'),
          )
          .join('\n'),
      );
    });
  cmd
    .command('reset-password <name>')
    .description('Passwort neu setzen (beendet alle Sitzungen); ohne --password-stdin ein Zufallspasswort')
    .option('--password-stdin', 'Passwort aus der Standardeingabe lesen (erste Zeile)')
    .action(async (name: string, opts: { passwordStdin?: boolean }, sub: Command) => {
      const g = sub.optsWithGlobals<GlobalOptions>();
      const { password, shown } = await choosePassword(opts.passwordStdin);
      const user = await withDb(g, (db) => resetPassword(db, name, password));
      output(g, { user, ...(shown ? { password } : {}) }, () =>
        [
          `Passwort von „${user.username}“ neu gesetzt; alle Sitzungen beendet.`,
          shown ? `Neues Passwort (nur jetzt angezeigt): ${password}` : null,
        ]
          .filter(Boolean)
          .join('\n'),
      );
    });
  for (const [verb, active] of [
    ['deactivate', false],
    ['activate', true],
  ] as const) {
    cmd
      .command(`${verb} <name>`)
      .description(
        active
          ? 'deaktivierten Benutzer wieder zulassen'
          : 'Benutzer deaktivieren (keine Anmeldung, Sitzungen enden)',
      )
      .action(async (name: string, _opts: unknown, sub: Command) => {
        const g = sub.optsWithGlobals<GlobalOptions>();
        const user = await withDb(g, (db) => updateUser(db, name, { active }));
        output(g, user, () => `Benutzer „${user.username}“ ${active ? 'wieder aktiviert' : 'deaktiviert'}.`);
      });
  }
  cmd
    .command('scope <name> [area]')
    .description(
      'Zuständigkeit auf ein Gebiet beschränken, z. B. „gemeinde:05999008“ (in einem Kreis die Gemeinde); ohne Gebiet: wieder das ganze Gebiet',
    )
    .action(async (name: string, area: string | undefined, _opts: unknown, sub: Command) => {
      const g = sub.optsWithGlobals<GlobalOptions>();
      const scope = area === undefined ? null : parseScope(area);
      const user = await withDb(g, (db) => updateUser(db, name, { scope }));
      output(g, user, () =>
        user.scope
          ? `„${user.username}“ ist nun zuständig für ${user.scope.level} ${user.scope.key}.`
          : `„${user.username}“ ist nun für das ganze Gebiet zuständig.`,
      );
    });
  return cmd;
}

/** `gemeinde:05999008` → the scope of that area. */
function parseScope(value: string): { level: string; key: string } {
  const at = value.indexOf(':');
  if (at <= 0 || at === value.length - 1)
    throw badRequest(
      'users.invalid_scope',
      `Gebiet „${value}“ bitte als Ebene:Schlüssel angeben, z. B. „gemeinde:05999008“.`,
    );
  return { level: value.slice(0, at), key: value.slice(at + 1) };
}
