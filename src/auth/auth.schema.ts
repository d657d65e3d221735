import { z } from 'zod';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './password-rules.ts';

export const Role = z
  .enum(['admin', 'planner', 'viewer', 'partner'])
  .describe(
    'admin > planner > viewer; partner: a viewer from outside the administration who also reads the bodies (Gremien) of their organisation',
  );
export type Role = z.infer<typeof Role>;

/**
 * The part of the installation an account works in: an area (in a Kreis, a municipality) by
 * level and Gebietsschlüssel. Inside it a planner sees unprotected values and edits data; outside
 * it only protected values, as a viewer (auth/scope.ts).
 */
export const Scope = z.object({
  level: z.string().min(1).max(100).describe('Ebene des Gebiets, z. B. „gemeinde“'),
  key: z.string().min(1).max(100).describe('Gebietsschlüssel, z. B. der AGS der Gemeinde'),
});
export type Scope = z.infer<typeof Scope>;

export const User = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: Role,
  scope: Scope.nullable()
    .optional()
    .describe('Zuständigkeit: nur dieses Gebiet (Gemeinde eines Kreises); fehlt/null = das ganze Gebiet'),
});
export type User = z.infer<typeof User>;

/** A user as administrators see it: with the account state. */
export const UserAccount = User.extend({
  active: z.boolean().describe('false: deactivated, cannot log in'),
  lastLoginAt: z.string().nullable().describe('Last successful login (ISO 8601)'),
  createdAt: z.string(),
  organisation: z
    .object({ id: z.number().int(), name: z.string() })
    .nullable()
    .describe(
      'The organisation the account belongs to (a partner reads its bodies); set under /api/organisations/{id}/users/{username}',
    ),
});
export type UserAccount = z.infer<typeof UserAccount>;

/** A new password: length checked, with German messages for the forms. */
export const NewPassword = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Das Passwort muss mindestens ${MIN_PASSWORD_LENGTH} Zeichen lang sein.`)
  .max(MAX_PASSWORD_LENGTH, `Das Passwort darf höchstens ${MAX_PASSWORD_LENGTH} Zeichen lang sein.`);

export const Username = z
  .string()
  .min(2, 'Der Benutzername muss mindestens 2 Zeichen lang sein.')
  .max(100, 'Der Benutzername darf höchstens 100 Zeichen lang sein.')
  .regex(
    /^[a-z0-9._-]+$/,
    'Der Benutzername darf nur a–z, 0–9, Punkt, Unterstrich und Bindestrich enthalten.',
  );

export const LoginBody = z.object({
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
});

export const CreateUserBody = z.object({
  username: Username,
  displayName: z.string().min(1, 'Bitte einen Namen angeben.').max(200),
  password: NewPassword,
  role: Role,
});
export type CreateUserBody = z.infer<typeof CreateUserBody>;

export const ChangePasswordBody = z.object({
  currentPassword: z.string().min(1, 'Bitte das bisherige Passwort angeben.').max(MAX_PASSWORD_LENGTH),
  newPassword: NewPassword,
});

export const ResetPasswordBody = z.object({ password: NewPassword });

export const UpdateUserBody = z
  .object({
    active: z.boolean().optional().describe('false: deactivate (ends all sessions); true: reactivate'),
    role: Role.optional(),
    displayName: z.string().min(1).max(200).optional(),
    scope: Scope.nullable()
      .optional()
      .describe('Zuständigkeit für ein Gebiet (Gemeinde) setzen; null = das ganze Gebiet'),
  })
  .refine(
    (b) =>
      b.active !== undefined || b.role !== undefined || b.displayName !== undefined || b.scope !== undefined,
    { message: 'Bitte mindestens eine Änderung angeben (active, role, displayName oder scope).' },
  );

export const UsernameParams = z.object({ username: z.string().min(1).max(100) });
