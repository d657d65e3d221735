/**
 * `lagebild setup`: the Einrichtung from the terminal (first administrator, city, levels) and
 * `lagebild city set|show`: the city settings. Without `--password-stdin` a random password is
 * made and printed once.
 */
import { Command } from 'commander';
import { badRequest } from '../core/errors.ts';
import { randomPassword } from '../demo/demo-users.ts';
import { readCity, updateCity } from '../setup/city.service.ts';
import { CitySettingsBody, parseLevelList, SetupBody, type CitySettings } from '../setup/setup.schema.ts';
import { runSetup } from '../setup/setup.service.ts';
import type { User } from '../auth/auth.schema.ts';
import { output, withDb, type GlobalOptions } from './context.ts';
import { sendJson, throughServerOrDb } from './forward.ts';
import { readStdinLine } from './users.command.ts';

interface SetupOptions {
  admin: string;
  displayName?: string;
  passwordStdin?: boolean;
  city: string;
  key: string;
  kind: string;
  levels: string;
  publisher?: string;
  licence?: string;
}

const invalid = (issues: { message: string }[]) =>
  badRequest('setup.invalid', issues.map((i) => i.message).join(' '));

function cityLines(c: CitySettings): string[] {
  return [
    `${c.kind === 'kreis' ? 'Kreis' : 'Stadt'}: ${c.name} (AGS ${c.key})`,
    `Stichtag beim Öffnen: ${c.defaultDate ?? 'der neueste'}`,
    `Herausgeber: ${c.publisher || '–'}`,
    `Lizenz: ${c.licence || '–'}`,
  ];
}

export function setupCommand() {
  return new Command('setup')
    .description('Einrichtung einer leeren Datenbank: erster Administrator, Stadt oder Kreis, Gebietsebenen')
    .requiredOption('--admin <name>', 'Benutzername des ersten Administrators')
    .option('--display-name <text>', 'angezeigter Name (Standard: der Benutzername)')
    .option('--password-stdin', 'Passwort aus der Standardeingabe lesen (erste Zeile); sonst zufällig')
    .requiredOption('--city <name>', 'Name der Stadt oder des Kreises')
    .requiredOption('--key <AGS>', 'Amtlicher Gemeindeschlüssel (8 Ziffern)')
    .option('--kind <kind>', 'stadt oder kreis', 'stadt')
    .requiredOption(
      '--levels <list>',
      'Ebenen von grob nach fein, z. B. "stadtbezirk:Stadtbezirk,stadtteil:Stadtteil"',
    )
    .option('--publisher <text>', 'Herausgeber für Quellenangaben')
    .option('--licence <text>', 'Lizenz der veröffentlichten Daten')
    .action(async (opts: SetupOptions, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const password = opts.passwordStdin ? await readStdinLine() : randomPassword();
      const parsed = SetupBody.safeParse({
        admin: opts.admin,
        displayName: opts.displayName,
        password,
        passwordRepeat: password,
        city: opts.city,
        key: opts.key,
        kind: opts.kind,
        levels: parseLevelList(opts.levels),
      });
      if (!parsed.success) throw invalid(parsed.error.issues);
      const input = parsed.data;
      const meta = CitySettingsBody.safeParse({ publisher: opts.publisher, licence: opts.licence });
      if (!meta.success) throw invalid(meta.error.issues);
      const settings = { publisher: meta.data.publisher, licence: meta.data.licence };
      const { user, city } = await throughServerOrDb(
        g,
        async (server) => {
          // a server started on the empty database waits for its setup: done here as in its web page
          const done = await sendJson<{ user: User; city: CitySettings }>(
            server,
            'POST',
            '/api/setup',
            input,
          );
          if (settings.publisher === undefined && settings.licence === undefined) return done;
          const { city } = await sendJson<{ city: CitySettings }>(server, 'PUT', '/api/city', settings);
          return { ...done, city };
        },
        (db) => runSetup(db, { ...input, ...settings }),
      );
      output(g, { user, city, levels: input.levels, ...(opts.passwordStdin ? {} : { password }) }, () =>
        [
          `Eingerichtet: ${city.name} (AGS ${city.key}), Ebenen: ${input.levels.map((l) => l.name).join(' → ')}.`,
          `Administrator „${user.username}“ angelegt.`,
          ...(opts.passwordStdin ? [] : [`Passwort (nur jetzt sichtbar): ${password}`]),
          'Nächster Schritt: Gebiete importieren, z. B. lagebild import areas bezirke.shp --level ' +
            (input.levels[0]?.key ?? 'stadtbezirk'),
        ].join('\n'),
      );
    });
}

export function cityCommands() {
  const cmd = new Command('city').description('Einstellungen der Stadt oder des Kreises');
  cmd
    .command('show')
    .description('Name, Schlüssel, Stichtag, Herausgeber und Lizenz anzeigen')
    .action(async (_opts: unknown, sub: Command) => {
      const g = sub.optsWithGlobals<GlobalOptions>();
      const city = await withDb(g, (db) => readCity(db));
      output(g, { city }, () =>
        city ? cityLines(city).join('\n') : 'Noch keine Stadt eingerichtet (lagebild setup).',
      );
    });
  cmd
    .command('set')
    .description('Einstellungen ändern (nur die angegebenen)')
    .option('--name <name>', 'Name der Stadt oder des Kreises')
    .option('--key <AGS>', 'Amtlicher Gemeindeschlüssel (8 Ziffern)')
    .option('--date <YYYY-MM-DD>', 'Stichtag, auf dem die Seiten öffnen ("" für den neuesten)')
    .option('--publisher <text>', 'Herausgeber für Quellenangaben')
    .option('--licence <text>', 'Lizenz der veröffentlichten Daten')
    .action(
      async (
        opts: { name?: string; key?: string; date?: string; publisher?: string; licence?: string },
        sub: Command,
      ) => {
        const g = sub.optsWithGlobals<GlobalOptions>();
        const parsed = CitySettingsBody.safeParse({
          name: opts.name,
          key: opts.key,
          defaultDate: opts.date === undefined ? undefined : opts.date === '' ? null : opts.date,
          publisher: opts.publisher,
          licence: opts.licence,
        });
        if (!parsed.success) throw invalid(parsed.error.issues);
        const city = await withDb(g, (db) => updateCity(db, parsed.data));
        output(g, { city }, () => ['Gespeichert.', ...cityLines(city)].join('\n'));
      },
    );
  return cmd;
}
