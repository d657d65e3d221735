/**
 * The OpenAPI document (`/api/docs/json`): the routes declare what they are — who may call them
 * (`schema.access`), their multipart uploads (`schema.upload`), their zod schemas — and this module
 * derives the rest centrally, so a new route cannot forget it: security per operation, an
 * operationId from method and path, the error responses every request can meet, named component
 * schemas and no unused ones. openapi.test.ts lints the result with Redocly's recommended rules
 * and checks each declared access against what the server really does.
 */
import type { FastifySchema, RouteOptions } from 'fastify';
import type { SwaggerTransform, SwaggerTransformObject } from '@fastify/swagger';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Role } from '../auth/auth.schema.ts';
import { can, withinScope, type Action } from '../auth/policy.ts';
import { SESSION_COOKIE } from '../auth/session.ts';
import { registerComponentSchemas } from './openapi-components.ts';
import { ErrorBody } from '../core/error.schema.ts';
import { FileBody } from '../core/file-response.ts';
import { isLocalCliRoute, LOCAL_TOKEN_HEADER } from './local-cli.ts';

/**
 * Who may call a route:
 * - `public`: everyone, the session is not looked at;
 * - `optional`: everyone; with a session the answer depends on the role (unpublished content,
 *   values without disclosure control);
 * - `user`: any logged-in user;
 * - an {@link Action} of the policy: logged-in users whose role may perform it;
 * - `setup`: the Einrichtung (from the server's own machine or with the setup token).
 */
export type Access = 'public' | 'optional' | 'user' | 'setup' | Action;

/** A multipart/form-data upload, documented as the request body (the handler reads the parts). */
export interface UploadDoc {
  /** The text fields, as the handler validates them after reading the parts. */
  fields: z.ZodObject;
  /** The file part `file`; `multiple`: several file parts are read. */
  file: { description: string; multiple?: boolean };
}

declare module 'fastify' {
  interface FastifySchema {
    /** Who may call the route: becomes `security` in the OpenAPI document (required on every route). */
    access?: Access;
    /** A multipart upload: becomes the `multipart/form-data` request body. */
    upload?: UploadDoc;
  }
}

export const SECURITY_SCHEMES = {
  session: {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description: 'Sitzungs-Cookie, gesetzt von `POST /api/auth/login` (oder der Einrichtung).',
  },
  localCli: {
    type: 'apiKey',
    in: 'header',
    name: LOCAL_TOKEN_HEADER,
    description:
      'Token der lokalen Kommandozeile aus der Sperrdatei der Datenbank: nur von localhost ohne Proxy und nur auf den Routen, die `lagebild` an den laufenden Server weitergibt.',
  },
  setupToken: {
    type: 'apiKey',
    in: 'query',
    name: 'token',
    description: 'Einmal-Token der Einrichtung, ausgegeben von `lagebild serve` (auch als `token` im Body).',
  },
} as const;

type Requirement = Record<string, string[]>;

/** Roles of the policy that may perform `action`. */
export function rolesFor(action: Action): Role[] {
  return Role.options.filter((role) => can({ id: 0, username: '', displayName: '', role }, action));
}

/** Operation extension listing the roles that may call an operation that needs a session. */
export const ROLES_EXTENSION = 'x-lagebild-roles';

/**
 * Operation extension: what a planner bound to one area (a municipality of a Kreis) may do with
 * an operation that needs a role — `own-area` (only for the data of that area) or `none`.
 */
export const SCOPE_EXTENSION = 'x-lagebild-scoped';

const isAction = (access: Access): access is Action =>
  access !== 'public' && access !== 'optional' && access !== 'user' && access !== 'setup';

/** The roles that may call a route of this access; null: no session needed. */
export function rolesOf(access: Access): Role[] | null {
  if (access === 'public' || access === 'optional' || access === 'setup') return null;
  return access === 'user' ? [...Role.options] : rolesFor(access);
}

/** The OpenAPI security requirements and a German sentence for people, from a route's access. */
export function securityOf(access: Access, method: string, url: string) {
  const local: Requirement[] = isLocalCliRoute(method, url) ? [{ localCli: [] }] : [];
  const localNote = local.length ? ' Auch die lokale Kommandozeile (`localCli`).' : '';
  switch (access) {
    case 'public':
      // the local CLI's token is accepted on the routes it forwards to, public ones included
      return {
        security: local.length ? [{}, ...local] : [],
        note: `Öffentlich, ohne Anmeldung.${localNote}`,
      };
    case 'optional':
      return {
        security: [{}, { session: [] }, ...local],
        note: `Ohne Anmeldung möglich; mit Sitzung hängt die Antwort von Benutzer und Rolle ab (etwa Unveröffentlichtes, Werte ohne Geheimhaltung).${localNote}`,
      };
    case 'user':
      return { security: [{ session: [] }, ...local], note: `Nur angemeldet (jede Rolle).${localNote}` };
    case 'setup':
      return {
        security: [{}, { setupToken: [] }, ...local],
        note: `Nur solange es keinen Benutzer gibt; vom Server selbst (localhost ohne Proxy) oder mit dem Einrichtungs-Token.${localNote}`,
      };
    default:
      return {
        security: [{ session: [] }, ...local],
        note: `Nur angemeldet mit der Rolle ${rolesFor(access).join(' oder ')} (Berechtigung \`${access}\`).${localNote}`,
      };
  }
}

const pascal = (text: string) =>
  text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('');

/** `GET /api/indicators/:key/values` → `getIndicatorsByKeyValues`: unique as long as routes are. */
export function operationIdOf(method: string, url: string): string {
  const parts = url
    .split('/')
    .filter((segment) => segment && segment !== 'api')
    .map((segment) => (segment.startsWith(':') ? `By${pascal(segment.slice(1))}` : pascal(segment)));
  return method.toLowerCase() + parts.join('');
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const methodOf = (route: RouteOptions) =>
  (Array.isArray(route.method) ? route.method[0] : route.method) ?? 'GET';

/**
 * Adds the responses every request of the route can meet, from the hooks in front of every
 * handler: 400 for invalid input, 401 without a required session, 403 for a cross-origin change.
 */
function withCommonErrors(schema: FastifySchema, method: string, access: Access | undefined) {
  const response = { ...(schema.response as Record<string, unknown> | undefined) };
  const add = (code: number) => {
    response[code] ??= ErrorBody;
  };
  if (schema.body || schema.querystring || schema.params || schema.upload) add(400);
  if (access !== undefined && !['public', 'optional', 'setup'].includes(access)) add(401);
  if (MUTATING.has(method)) add(403);
  return response;
}

/** Multipart fields plus the file part as the JSON schema of a request body. */
function uploadBody(upload: UploadDoc) {
  const file = upload.file.multiple ? z.array(FileBody).min(1) : FileBody;
  return upload.fields.extend({ file: file.describe(upload.file.description) });
}

/** Swagger `transform`: the zod transform plus everything derived from the route's declarations. */
export const openapiTransform: SwaggerTransform = (input) => {
  const { schema, route } = input;
  if (!schema || schema.hide) return jsonSchemaTransform(input);
  const method = methodOf(route);
  const { access, upload, ...rest } = schema;
  const declared: FastifySchema = {
    ...rest,
    ...(upload ? { body: uploadBody(upload), consumes: ['multipart/form-data'] } : {}),
    response: withCommonErrors(schema, method, access),
  };
  const out = jsonSchemaTransform({ ...input, schema: declared });
  const transformed = out.schema as Record<string, unknown> & FastifySchema;
  // "no content" needs a null type for @fastify/swagger to leave the response without a body
  const responses = transformed.response as Record<string, Record<string, unknown>> | undefined;
  if (responses?.['204']) responses['204'] = { type: 'null', description: 'Kein Inhalt' };
  transformed.operationId ??= operationIdOf(method, route.url);
  if (access) {
    // route.url keeps the `:param` form the local CLI's list uses
    const { security, note } = securityOf(access, method, route.url);
    transformed.security = security;
    transformed.description = schema.description ? `${schema.description}\n\n${note}` : note;
    const roles = rolesOf(access);
    if (roles) transformed[ROLES_EXTENSION] = roles;
    if (roles && isAction(access))
      transformed[SCOPE_EXTENSION] = roles.includes('planner') && withinScope(access) ? 'own-area' : 'none';
  }
  // `/api/areas/` is the prefix's own route: documented without the trailing slash
  const url = out.url.length > 1 ? out.url.replace(/\/$/, '') : out.url;
  return { schema: transformed, url };
};

/** Every `$ref` target in `value`. */
function refsIn(value: unknown, into: Set<string>): Set<string> {
  if (Array.isArray(value)) for (const item of value) refsIn(item, into);
  else if (value && typeof value === 'object')
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string') into.add(child.replace('#/components/schemas/', ''));
      else refsIn(child, into);
    }
  return into;
}

/** OpenAPI 3.0's form of null: `nullable` needs a `type` beside it, and the type is irrelevant. */
const NULL_SCHEMA = { type: 'string', nullable: true, enum: [null] };

/**
 * Rewrites two forms zod's OpenAPI 3.0 output takes around references that 3.0 does not read as
 * meant: `nullable` without a `type` beside it (beside `$ref`, `allOf` or `anyOf`: ignored there)
 * becomes an `anyOf` with null; an `allOf` of one schema and nothing else becomes that schema.
 */
function tidy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(tidy);
  if (!value || typeof value !== 'object') return value;
  const node: Record<string, unknown> = Object.fromEntries(
    Object.entries(value).map(([key, child]) => [key, tidy(child)]),
  );
  const { $ref, allOf, anyOf, nullable, ...rest } = node;
  const single = Array.isArray(allOf) && allOf.length === 1 ? (allOf as unknown[]) : null;
  if (nullable === true && node.type === undefined && (allOf === undefined || single)) {
    const branches: unknown[] = [
      ...(typeof $ref === 'string' ? [{ $ref }] : []),
      ...(single ?? []),
      ...(Array.isArray(anyOf) ? (anyOf as unknown[]) : []),
    ];
    if (branches.length) return { ...rest, anyOf: [...branches, NULL_SCHEMA] };
  }
  if (single && Object.keys(node).length === 1) return single[0];
  return node;
}

/** Descriptions of responses whose schema brings none (@fastify/swagger says "Default Response"). */
const STATUS_TEXT: Record<string, string> = {
  200: 'Erfolg',
  201: 'Angelegt',
  202: 'Angenommen, wird im Hintergrund erzeugt',
  400: 'Ungültige Anfrage',
  401: 'Nicht angemeldet',
  403: 'Keine Berechtigung (Rolle) oder Änderung von fremder Herkunft',
  404: 'Nicht gefunden',
  409: 'Konflikt mit dem gespeicherten Stand',
  422: 'Inhaltlich nicht verarbeitbar',
  429: 'Zu viele Anfragen',
  503: 'Vorübergehend nicht verfügbar',
};

type Operations = Record<string, Record<string, { responses?: Record<string, { description?: string }> }>>;

function describeResponses(paths: Operations) {
  for (const operations of Object.values(paths))
    for (const operation of Object.values(operations))
      for (const [code, response] of Object.entries(operation.responses ?? {}))
        if (response.description === 'Default Response')
          response.description = STATUS_TEXT[code] ?? 'Antwort';
}

/**
 * Swagger `transformObject`: the named component schemas, without those no operation uses
 * (the zod registry gives an input and an output variant of each), and German descriptions of
 * responses.
 */
export const openapiTransformObject: SwaggerTransformObject = (document) => {
  const doc = tidy(jsonSchemaTransformObject(document)) as {
    paths?: Operations;
    components?: { schemas?: Record<string, unknown> };
  };
  const schemas = doc.components?.schemas ?? {};
  const used = refsIn(doc.paths, new Set());
  for (let grown = true; grown;) {
    const before = used.size;
    for (const name of [...used]) refsIn(schemas[name], used);
    grown = used.size > before;
  }
  describeResponses(doc.paths ?? {});
  const kept = Object.fromEntries(Object.entries(schemas).filter(([name]) => used.has(name)));
  return { ...doc, components: { ...doc.components, schemas: kept } } as ReturnType<SwaggerTransformObject>;
};

/** Options of @fastify/swagger for the Lagebild API. */
export function swaggerOptions() {
  registerComponentSchemas();
  return {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Lagebild API',
        description: 'Sozialplanung: Gebiete, Daten, Indikatoren, Monitoring und Berichte',
        version: '0.1.0',
        license: { name: 'AGPL-3.0-or-later', url: 'https://www.gnu.org/licenses/agpl-3.0.html' },
      },
      servers: [{ url: '/', description: 'Dieser Server' }],
      components: { securitySchemes: SECURITY_SCHEMES },
    },
    transform: openapiTransform,
    transformObject: openapiTransformObject,
  };
}
