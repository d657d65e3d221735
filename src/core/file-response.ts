/**
 * Schemas of file responses and uploads, shared by every route that sends or receives a file
 * (exports, reports, Kennblatt); the OpenAPI document shows them as binary bodies.
 */
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
