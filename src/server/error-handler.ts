/**
 * The one place that turns errors into HTTP responses: `{ code, message, details? }` with a
 * German message. Validation errors of the zod schemas become `request.invalid` (400); errors of
 * Fastify and its plugins about the request itself get German messages here too.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { LagebildError } from '../core/errors.ts';

export interface ErrorBody {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

/** Errors Fastify and @fastify/multipart raise about a request, in German. */
const REQUEST_ERRORS: Record<string, { code: string; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'request.too_large', message: 'Die Anfrage ist zu groß.' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: 'request.invalid',
    message: 'Die Längenangabe der Anfrage passt nicht zu ihrem Inhalt.',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'request.unsupported_media_type',
    message: 'Dieses Datenformat nimmt die Schnittstelle nicht an (erwartet: JSON oder multipart/form-data).',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'request.invalid', message: 'Die Anfrage enthält kein JSON.' },
  FST_ERR_CTP_INVALID_JSON_BODY: {
    code: 'request.invalid_json',
    message: 'Die Anfrage ist kein gültiges JSON.',
  },
  FST_ERR_BAD_URL: { code: 'request.invalid', message: 'Die Adresse der Anfrage ist ungültig.' },
  FST_ERR_INVALID_URL: { code: 'request.invalid', message: 'Die Adresse der Anfrage ist ungültig.' },
  FST_PARTS_LIMIT: { code: 'request.too_large', message: 'Das Formular hat zu viele Teile.' },
  FST_FILES_LIMIT: { code: 'request.too_large', message: 'Es wurden zu viele Dateien hochgeladen.' },
  FST_FIELDS_LIMIT: { code: 'request.too_large', message: 'Das Formular hat zu viele Felder.' },
  FST_REQ_FILE_TOO_LARGE: { code: 'request.too_large', message: 'Die hochgeladene Datei ist zu groß.' },
  FST_PROTO_VIOLATION: { code: 'request.invalid', message: 'Unzulässiger Feldname im Formular.' },
  FST_INVALID_MULTIPART_CONTENT_TYPE: {
    code: 'request.not_multipart',
    message: 'Bitte die Datei als multipart/form-data senden.',
  },
  FST_MP_PREMATURE_CLOSE: {
    code: 'request.incomplete',
    message: 'Die Übertragung wurde abgebrochen, bevor das Formular vollständig war.',
  },
};

/**
 * PostgreSQL refuses text it cannot store (a NUL byte in a query parameter or a JSON string):
 * that is invalid input, not a server fault. 22021 character_not_in_repertoire / invalid byte
 * sequence, 22P05 untranslatable_character (\u0000 in jsonb).
 */
const INVALID_TEXT_SQLSTATES = new Set(['22021', '22P05']);

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
  const fastifyCode = (err as FastifyError).code;
  if (typeof fastifyCode === 'string' && INVALID_TEXT_SQLSTATES.has(fastifyCode)) {
    return reply.status(400).send({
      code: 'request.invalid_characters',
      message:
        'Ungültige Anfrage: Sie enthält Zeichen, die nicht gespeichert werden können (z. B. ein Nullbyte).',
    });
  }
  const status = (err as FastifyError).statusCode ?? 500;
  if (status === 429) {
    return reply
      .status(429)
      .send({ code: 'request.rate_limited', message: 'Zu viele Versuche. Bitte später erneut versuchen.' });
  }
  if (status < 500) {
    const known = fastifyCode ? REQUEST_ERRORS[fastifyCode] : undefined;
    return reply.status(status).send(
      known ?? {
        code: fastifyCode ?? 'request.error',
        message: `Die Anfrage konnte nicht verarbeitet werden (HTTP ${status}).`,
      },
    );
  }
  req.log.error(err);
  return reply
    .status(500)
    .send({ code: 'internal', message: 'Interner Fehler. Bitte später erneut versuchen.' });
}
