/**
 * Schemas of file responses and uploads, shared by every route that sends or receives a file
 * (exports, reports, Kennblatt); the OpenAPI document shows them as binary bodies. `sendFile`
 * sends a download.
 */
import type { FastifyReply } from 'fastify';
import { z } from 'zod';

/** A file in a response or an upload: its bytes. */
export const FileBody = z.string().meta({ format: 'binary' });

/**
 * A 200 response in one of `mediaTypes`: JSON as `json` (any value without it), other text types
 * as a string, the rest as bytes. Files are sent as a string or a Buffer, which Fastify never
 * serialises; only an object sent as JSON goes through the `json` schema.
 */
export function fileResponse(description: string, mediaTypes: readonly string[], json?: z.ZodType) {
  const schemaOf = (type: string) =>
    type.includes('json') ? (json ?? z.unknown()) : type.startsWith('text/') ? z.string() : FileBody;
  return {
    description,
    content: Object.fromEntries(
      // `text/csv; charset=utf-8` as sent is documented as `text/csv`
      mediaTypes.map((sent) => sent.split(';')[0]!.trim()).map((type) => [type, { schema: schemaOf(type) }]),
    ),
  };
}

/** A file a route sends: its text or bytes, media type and name. */
export interface DownloadFile {
  body: string | Uint8Array;
  contentType: string;
  fileName: string;
}

/** Sends `file` as an attachment: the browser saves it under its name. */
export function sendFile(reply: FastifyReply, file: DownloadFile) {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename="${file.fileName}"`)
    .send(typeof file.body === 'string' ? file.body : Buffer.from(file.body));
}
