import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { trustProxyFromEnv } from '../cli/serve.command.ts';
import { openDb } from '../db/db.ts';
import { buildApp } from './app.ts';
import { appCsp, sameOriginAllowed, tileOrigin } from './security.ts';

const host = 'localhost:3000';
const protocol = 'http';

describe('sameOriginAllowed', () => {
  it('trusts the browser’s Sec-Fetch-Site: same-origin and none pass, same-site and cross-site do not', () => {
    expect(sameOriginAllowed({ secFetchSite: 'same-origin', host, protocol })).toBe(true);
    expect(sameOriginAllowed({ secFetchSite: 'none', host, protocol })).toBe(true);
    expect(sameOriginAllowed({ secFetchSite: 'same-site', host, protocol })).toBe(false);
    expect(sameOriginAllowed({ secFetchSite: 'cross-site', host, protocol })).toBe(false);
    // a matching Origin does not overrule what the browser says
    expect(
      sameOriginAllowed({ secFetchSite: 'cross-site', origin: 'http://localhost:3000', host, protocol }),
    ).toBe(false);
  });

  it('compares Origin with Host including the port when Sec-Fetch-Site is absent', () => {
    expect(sameOriginAllowed({ origin: 'http://localhost:3000', host, protocol })).toBe(true);
    expect(sameOriginAllowed({ origin: 'http://LOCALHOST:3000', host, protocol })).toBe(true);
    expect(sameOriginAllowed({ origin: 'http://localhost:4000', host, protocol })).toBe(false);
    expect(sameOriginAllowed({ origin: 'http://localhost', host, protocol })).toBe(false);
    expect(sameOriginAllowed({ origin: 'https://evil.example', host, protocol })).toBe(false);
    expect(sameOriginAllowed({ origin: 'null', host, protocol })).toBe(false);
    // default ports are the same host:port whether written or not
    expect(
      sameOriginAllowed({ origin: 'https://atlas.example', host: 'atlas.example:443', protocol: 'https' }),
    ).toBe(true);
    expect(sameOriginAllowed({ origin: 'http://atlas.example', host: 'atlas.example', protocol })).toBe(true);
  });

  it('lets programs without Origin and Sec-Fetch-Site through (they hold their own credentials)', () => {
    expect(sameOriginAllowed({ host, protocol })).toBe(true);
  });
});

describe('Content-Security-Policy', () => {
  it('allows the map worker and blob images, frames nothing and is framed by no one', () => {
    const csp = appCsp(null);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("worker-src 'self' blob:");
    expect(csp).toContain("img-src 'self' data: blob:;");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it('adds the host of the optional basemap tiles to images and connections', () => {
    expect(tileOrigin('https://tiles.example.org/osm/{z}/{x}/{y}.png')).toBe('https://tiles.example.org');
    expect(tileOrigin('javascript:alert(1)')).toBeNull();
    expect(tileOrigin('')).toBeNull();
    const csp = appCsp('https://tiles.example.org:8443/{z}/{x}/{y}.png');
    expect(csp).toContain("img-src 'self' data: blob: https://tiles.example.org:8443");
    expect(csp).toContain("connect-src 'self' https://tiles.example.org:8443");
  });
});

describe('behind a reverse proxy', () => {
  it('reads LAGEBILD_TRUST_PROXY', () => {
    expect(trustProxyFromEnv(undefined)).toBe(false);
    expect(trustProxyFromEnv('0')).toBe(false);
    expect(trustProxyFromEnv('1')).toBe(true);
    expect(trustProxyFromEnv('2')).toBe(2);
    expect(trustProxyFromEnv(' 127.0.0.1,10.0.0.0/8 ')).toBe('127.0.0.1,10.0.0.0/8');
  });

  it('compares Origin with the forwarded host only when the proxy is trusted', async () => {
    const db = await openDb('memory://');
    const request = (app: FastifyInstance) =>
      app.inject({
        method: 'POST',
        url: '/api/auth/login',
        // an empty password: refused after the origin check without any password hashing
        payload: { username: 'planer', password: '' },
        headers: {
          host: '127.0.0.1:3000',
          origin: 'https://atlas.example',
          'x-forwarded-host': 'atlas.example',
          'x-forwarded-proto': 'https',
        },
      });
    try {
      for (const [trustProxy, status] of [
        [true, 400],
        [1, 400],
        [false, 403],
      ] as const) {
        const app = await buildApp({ db, webDir: '/nonexistent', trustProxy });
        expect((await request(app)).statusCode, String(trustProxy)).toBe(status);
        await app.close();
      }
    } finally {
      await db.close();
    }
  });
});
