/**
 * Einrichtung (first start of a real installation) and the city settings: schemas with German
 * messages for the forms, shared by API, CLI and web app.
 */
import { z } from 'zod';
import { NewPassword, Username } from '../auth/auth.schema.ts';

/** Key of the level that is the whole city or Kreis (rank 0, one area). */
export const CITY_LEVEL_KEY = 'stadt';

/** Amtlicher Gemeindeschlüssel (AGS): 8 digits, Kreise end in 000. */
export const CityKey = z
  .string()
  .trim()
  .regex(/^\d{8}$/, 'Der Gemeindeschlüssel (AGS) hat genau 8 Ziffern, z. B. 05315000 für Köln.');

export const CityName = z
  .string()
  .trim()
  .min(2, 'Bitte den Namen der Stadt oder des Kreises angeben.')
  .max(200, 'Der Name darf höchstens 200 Zeichen lang sein.');

export const TerritoryKind = z.enum(['stadt', 'kreis']).describe('Stadt or Kreis');

/** A level below the whole city, e.g. `stadtbezirk` / Stadtbezirk; order = position in the list. */
export const LevelSpec = z.object({
  key: z
    .string()
    .trim()
    .regex(
      /^[a-z][a-z0-9_]{1,39}$/,
      'Der Schlüssel einer Ebene besteht aus 2–40 Zeichen a–z, 0–9 und Unterstrich und beginnt mit einem Buchstaben.',
    )
    .refine(
      (k) => k !== CITY_LEVEL_KEY,
      `Der Schlüssel „${CITY_LEVEL_KEY}“ ist für die Gesamtstadt vergeben.`,
    ),
  name: z
    .string()
    .trim()
    .min(2, 'Bitte einen Namen für die Ebene angeben.')
    .max(100, 'Der Name einer Ebene darf höchstens 100 Zeichen lang sein.'),
});
export type LevelSpec = z.infer<typeof LevelSpec>;

export const LevelList = z
  .array(LevelSpec)
  .min(1, 'Bitte mindestens eine Gebietsebene angeben (z. B. Stadtbezirk).')
  .max(8, 'Höchstens 8 Gebietsebenen.')
  .refine(
    (ls) => new Set(ls.map((l) => l.key)).size === ls.length,
    'Jeder Ebenenschlüssel darf nur einmal vorkommen.',
  );

export const SetupBody = z
  .object({
    admin: Username,
    displayName: z.string().trim().max(200).optional(),
    password: NewPassword,
    passwordRepeat: z.string().max(200),
    city: CityName,
    key: CityKey,
    kind: TerritoryKind.default('stadt'),
    levels: LevelList,
    token: z
      .string()
      .max(200)
      .optional()
      .describe('One-time token printed by `serve` (not needed on localhost)'),
  })
  .refine((b) => b.password === b.passwordRepeat, {
    message: 'Die beiden Passwörter stimmen nicht überein.',
    path: ['passwordRepeat'],
  });
export type SetupBody = z.infer<typeof SetupBody>;

/** Stadt settings: name and key as in the territory, the rest in app_setting `city`. */
export const CitySettings = z.object({
  name: z.string(),
  key: z.string(),
  kind: TerritoryKind,
  defaultDate: z.string().nullable().describe('Stichtag pages open at (YYYY-MM-DD); null: the latest'),
  publisher: z.string().describe('Herausgeber, named in source lines (e.g. „Stadt Köln, Amt für Statistik“)'),
  licence: z
    .string()
    .describe('Licence of published data (e.g. „Datenlizenz Deutschland – Namensnennung – 2.0“)'),
});
export type CitySettings = z.infer<typeof CitySettings>;

export const CitySettingsBody = z.object({
  name: CityName.optional(),
  key: CityKey.optional(),
  defaultDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Der Stichtag hat die Form JJJJ-MM-TT.')
    .nullable()
    .optional(),
  publisher: z.string().trim().max(300, 'Der Herausgeber darf höchstens 300 Zeichen lang sein.').optional(),
  licence: z.string().trim().max(300, 'Die Lizenz darf höchstens 300 Zeichen lang sein.').optional(),
});
export type CitySettingsBody = z.infer<typeof CitySettingsBody>;

/** `stadtbezirk:Stadtbezirk,stadtteil:Stadtteil` → level specs (the CLI's `--levels`). */
export function parseLevelList(text: string): { key: string; name: string }[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const [key = '', ...rest] = part.split(':');
      const name = rest.join(':').trim();
      return { key: key.trim(), name: name || key.trim().charAt(0).toUpperCase() + key.trim().slice(1) };
    });
}
