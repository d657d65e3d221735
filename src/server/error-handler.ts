/**
 * The one place that turns errors into HTTP responses: `{ code, message, details? }` with a
 * German message. Validation errors of the zod schemas become `request.invalid` (400).
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { LagebildError } from '../core/errors.ts';

export interface ErrorBody {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

export function errorHandler(err: FastifyError | Error, req: FastifyRequest, reply: FastifyReply) {
  if (err instanceof LagebildError) {
    return reply.status(err.status).send({ code: err.code, message: err.message, details: err.details });
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const issues = err.validation.map((v) => `${v.instancePath || '(Anfrage)'}: ${v.message}`);
    return reply.status(400).send({
      code: 'request.invalid',
      message: `Ungültige Anfrage: ${issues.join('; ')}`,
      details: { issues },
    });
  }
  const status = (err as FastifyError).statusCode ?? 500;
  if (status === 429) {
    return reply
      .status(429)
      .send({ code: 'request.rate_limited', message: 'Zu viele Versuche. Bitte später erneut versuchen.' });
  }
  if (status < 500) {
    return reply
      .status(status)
      .send({ code: (err as FastifyError).code ?? 'request.error', message: err.message });
  }
  req.log.error(err);
  return reply
    .status(500)
    .send({ code: 'internal', message: 'Interner Fehler. Bitte später erneut versuchen.' });
}
