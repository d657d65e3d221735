import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody } from '../server/error.schema.ts';
import { CreateUserBody, User } from './auth.schema.ts';
import { createUser } from './auth.service.ts';
import { authorize } from './policy.ts';
import { listUsers } from './user.repository.ts';

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['Benutzer'],
        summary: 'Benutzer auflisten (Administration)',
        response: { 200: z.array(User), 401: ErrorBody, 403: ErrorBody },
      },
    },
    async (req) => {
      authorize(req.user, 'users.manage');
      return listUsers(app.db);
    },
  );

  app.post(
    '/',
    {
      schema: {
        tags: ['Benutzer'],
        summary: 'Benutzer anlegen (Administration)',
        body: CreateUserBody,
        response: { 201: User, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 409: ErrorBody },
      },
    },
    async (req, reply) => {
      authorize(req.user, 'users.manage');
      const user = await createUser(app.db, req.body);
      return reply.status(201).send(user);
    },
  );
};
