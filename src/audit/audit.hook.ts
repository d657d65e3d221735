/**
 * Names the actor of every request for the audit log: the handler and everything it starts run as
 * the logged-in user (db/actor.ts). Anonymous requests run without an actor, so that what they
 * may write (survey answers, remarks) is never tied to anyone — also not to the process that
 * started the server.
 */
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { runAs, runWithoutActor } from '../db/actor.ts';

export function actorHook(req: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction) {
  // the handler runs from `done`, inside the context entered here
  if (req.user) runAs(req.user.username, done);
  else runWithoutActor(done);
}
