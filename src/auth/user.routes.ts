/** Benutzerverwaltung (administrators): list, create, reset a password, (de)activate, change role. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody } from '../core/error.schema.ts';
import {
  CreateUserBody,
  ResetPasswordBody,
  UpdateUserBody,
  UserAccount,
  UsernameParams,
} from './auth.schema.ts';
import { createUser, resetPassword, updateUser } from './auth.service.ts';
import { authorize } from './policy.ts';
import { listAccounts } from './user.repository.ts';

const tags = ['Benutzer'];
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags,
        access: 'users.manage',
        summary: 'Benutzer auflisten (Administration)',
        response: { 200: z.array(UserAccount), 401: ErrorBody, 403: ErrorBody },
      },
    },
    async (req) => {
      authorize(req.user, 'users.manage');
      return listAccounts(app.db);
    },
  );

  app.post(
    '/',
    {
      schema: {
        tags,
        access: 'users.manage',
        summary: 'Benutzer anlegen (Administration)',
        body: CreateUserBody,
        response: { 201: UserAccount, ...errors },
      },
    },
    async (req, reply) => {
      authorize(req.user, 'users.manage');
      const user = await createUser(app.db, req.body);
      return reply.status(201).send(user);
    },
  );

  app.put(
    '/:username/password',
    {
      schema: {
        tags,
        access: 'users.manage',
        summary: 'Passwort eines Benutzers neu setzen (Administration; beendet seine Sitzungen)',
        params: UsernameParams,
        body: ResetPasswordBody,
        response: { 200: UserAccount, ...errors },
      },
    },
    async (req) => {
      authorize(req.user, 'users.manage');
      return resetPassword(app.db, req.params.username, req.body.password);
    },
  );

  app.patch(
    '/:username',
    {
      schema: {
        tags,
        access: 'users.manage',
        summary: 'Benutzer deaktivieren, wieder aktivieren, Rolle oder Namen ändern (Administration)',
        params: UsernameParams,
        body: UpdateUserBody,
        response: { 200: UserAccount, ...errors },
      },
    },
    async (req) => {
      authorize(req.user, 'users.manage');
      return updateUser(app.db, req.params.username, req.body);
    },
  );
};
