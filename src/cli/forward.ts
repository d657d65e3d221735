/**
 * The CLI beside a running server. A PGlite directory admits one process; when `lagebild serve`
 * of this installation holds it, the CLI sends its writes (imports, derived levels, sums) to
 * that server's API instead of opening the database, authenticated by the local token from the
 * lock file (server/local-cli.ts). Every other command gets the lock's message (stop the server
 * or use the web app).
 */
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { request, type IncomingMessage } from 'node:http';
import { hostname } from 'node:os';
import { basename } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { LagebildError } from '../core/errors.ts';
import { isPostgresUrl } from '../db/db.ts';
import { INSTALLATION, liveHolder } from '../db/lock.ts';
import { LOCAL_TOKEN_HEADER } from '../server/local-cli.ts';
import type { Db } from '../db/db.ts';
import { dbSpec, withDb, type GlobalOptions } from './context.ts';

/** A server of this installation holding the database directory. */
export interface LocalServer {
  url: string;
  token: string;
  pid: number;
  port: number;
}

/** Where to reach a server listening on `host` from this machine; null when not by loopback. */
function loopbackHost(host: string | null): string | null {
  if (host === null || host === 'localhost') return 'localhost';
  if (host === '0.0.0.0' || /^127\./.test(host)) return host === '0.0.0.0' ? '127.0.0.1' : host;
  if (host === '::' || host === '::1') return '[::1]';
  return null; // bound to another address only: the server accepts the token from loopback only
}

/** The running server that holds the database of `opts`, if it is one the CLI may forward to. */
export function localServer(opts: GlobalOptions): LocalServer | null {
  const spec = dbSpec(opts);
  if (isPostgresUrl(spec) || spec === 'memory://') return null;
  const h = liveHolder(spec);
  if (!h || h.role !== 'server' || h.port === null || !h.token) return null;
  if (h.installation !== INSTALLATION || h.host !== hostname()) return null;
  const host = loopbackHost(h.listenHost);
  return host ? { url: `http://${host}:${h.port}`, token: h.token, pid: h.pid, port: h.port } : null;
}

/** Tells on stderr (stdout stays the command's result) that the work goes through the server. */
export function announce(server: LocalServer): void {
  process.stderr.write(
    `Die Datenbank wird vom laufenden Server verwendet (Prozess ${server.pid}, Port ${server.port}): der Auftrag läuft über dessen API.\n`,
  );
}

/**
 * Runs a command through the running server of this installation (`remote`, announced on
 * stderr) or, when none holds the database, on the database itself (`local`).
 */
export async function throughServerOrDb<T>(
  opts: GlobalOptions,
  remote: (server: LocalServer) => Promise<T>,
  local: (db: Db) => Promise<T>,
): Promise<T> {
  const server = localServer(opts);
  if (!server) return withDb(opts, local);
  announce(server);
  return remote(server);
}

interface Reply {
  status: number;
  body: unknown;
}

async function readReply(res: IncomingMessage): Promise<Reply> {
  const chunks: Buffer[] = [];
  for await (const chunk of res) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: kept as text for the error message
  }
  return { status: res.statusCode ?? 0, body };
}

const unreachable = (server: LocalServer, err: unknown) =>
  new LagebildError(
    'cli.server_unreachable',
    `Die Datenbank wird vom Server auf Port ${server.port} (Prozess ${server.pid}) verwendet, er ist aber nicht erreichbar (${(err as Error).message}). Nichts wurde gespeichert. Bitte den Server prüfen oder beenden und den Befehl wiederholen.`,
    409,
    { pid: server.pid, port: server.port },
  );

/** The server's answer as the result, or its error as the same LagebildError (same exit code). */
function resultOf<T>(server: LocalServer, reply: Reply): T {
  if (reply.status >= 200 && reply.status < 300) return reply.body as T;
  const e = reply.body as { code?: string; message?: string; details?: Record<string, unknown> };
  if (typeof e?.code === 'string' && typeof e.message === 'string')
    throw new LagebildError(e.code, e.message, reply.status, e.details ?? {});
  throw new LagebildError(
    'cli.server_error',
    `Der Server auf Port ${server.port} hat den Auftrag mit Status ${reply.status} abgelehnt.`,
    reply.status >= 500 ? 500 : reply.status,
  );
}

function send(
  server: LocalServer,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  headers: Record<string, string>,
  write: (req: ReturnType<typeof request>) => Promise<void>,
): Promise<Reply> {
  return new Promise<Reply>((resolve, reject) => {
    // no timeout: a large import takes as long as it takes; the server answers when it committed
    const req = request(`${server.url}${path}`, {
      method,
      headers: { ...headers, [LOCAL_TOKEN_HEADER]: server.token },
    });
    req.on('response', (res) => void readReply(res).then(resolve, reject));
    req.on('error', (err) => reject(unreachable(server, err)));
    write(req).then(
      () => req.end(),
      (err: unknown) => {
        req.destroy();
        reject(err instanceof Error ? err : new Error(String(err)));
      },
    );
  });
}

/** GET `path` on the server as the local CLI. */
export async function getJson<T>(server: LocalServer, path: string): Promise<T> {
  return resultOf<T>(server, await send(server, 'GET', path, {}, () => Promise.resolve()));
}

/** Sends `body` as JSON (none for DELETE) to `path` on the server as the local CLI. */
export async function sendJson<T>(
  server: LocalServer,
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<T> {
  const payload = body === undefined ? null : JSON.stringify(body);
  const headers: Record<string, string> = payload === null ? {} : { 'content-type': 'application/json' };
  const reply = await send(server, method, path, headers, (req) => {
    if (payload !== null) req.write(payload);
    return Promise.resolve();
  });
  return resultOf<T>(server, reply);
}

/** A file part's header: the name as UTF-8 (RFC 7578 allows it raw in `filename`). */
const fileHeader = (boundary: string, name: string) =>
  `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name.replace(/["\r\n]/g, '_')}"\r\nContent-Type: application/octet-stream\r\n\r\n`;

/**
 * POSTs `fields` and the files at `paths` as multipart/form-data, streaming the files from disk
 * (deliveries may be larger than memory should hold).
 */
export async function postFiles<T>(
  server: LocalServer,
  path: string,
  fields: Record<string, string | undefined>,
  paths: readonly string[],
): Promise<T> {
  const boundary = `lagebild-${randomBytes(16).toString('hex')}`;
  const reply = await send(
    server,
    'POST',
    path,
    { 'content-type': `multipart/form-data; boundary=${boundary}` },
    async (req) => {
      for (const [name, value] of Object.entries(fields))
        if (value !== undefined)
          req.write(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
      for (const p of paths) {
        req.write(fileHeader(boundary, basename(p)));
        await pipeline(createReadStream(p), req, { end: false });
        req.write('\r\n');
      }
      req.write(`--${boundary}--\r\n`);
    },
  );
  return resultOf<T>(server, reply);
}
