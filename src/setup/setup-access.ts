/**
 * Who may run the Einrichtung: a browser on the server's own machine (a loopback peer that no
 * proxy forwarded), or anyone holding the one-time token `serve` printed at start. Before the
 * setup there is no user, so this is the only thing between a fresh server on a network and a
 * stranger making themselves administrator.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { LagebildError } from '../core/errors.ts';

const PROXY_HEADERS = ['x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'forwarded', 'x-real-ip'];

/** True for 127.0.0.0/8, ::1 and their IPv4-mapped forms. */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return v4.startsWith('127.') || address === '::1';
}

/** The peer of the TCP connection itself (never a forwarded address) is loopback, and no proxy sits between. */
export function fromLocalMachine(req: FastifyRequest): boolean {
  if (PROXY_HEADERS.some((h) => req.headers[h] !== undefined)) return false;
  return isLoopback(req.socket.remoteAddress);
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Constant-time comparison of a presented token with the expected one. */
export function tokenMatches(presented: string | undefined, expected: string | undefined): boolean {
  if (!presented || !expected) return false;
  return timingSafeEqual(digest(presented), digest(expected));
}

export const setupForbidden = () =>
  new LagebildError(
    'setup.forbidden',
    'Die Einrichtung ist nur auf dem Server selbst (localhost) oder mit dem Link möglich, den „lagebild serve“ beim Start ausgibt.',
    403,
  );

/** Throws 403 unless the request comes from the local machine or carries the setup token. */
export function requireSetupAccess(
  req: FastifyRequest,
  presented: string | undefined,
  expected: string | undefined,
) {
  if (fromLocalMachine(req) || tokenMatches(presented, expected)) return;
  throw setupForbidden();
}
