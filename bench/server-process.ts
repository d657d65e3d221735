/** Starts `lagebild serve` as a child process and measures the time to the first served page. */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

export interface RunningServer {
  url: string;
  /** Milliseconds from process spawn to the first successful GET / (HTML). */
  firstPageMs: number;
  stop(): Promise<void>;
}

export async function startServer(dbSpec: string, port: number, timeoutMs = 180_000): Promise<RunningServer> {
  const t0 = performance.now();
  const child: ChildProcess = spawn(
    'node',
    // known demo passwords, so that measurements can log in as the demo users
    [
      resolve('bin/lagebild.js'),
      '--db',
      dbSpec,
      'serve',
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
      '--demo-passwords',
    ],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (performance.now() - t0 > timeoutMs) {
      child.kill();
      throw new Error('server did not start in time');
    }
    try {
      const res = await fetch(`${url}/`);
      if (res.ok && (res.headers.get('content-type') ?? '').includes('text/html')) {
        await res.text();
        break;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  const firstPageMs = performance.now() - t0;
  return {
    url,
    firstPageMs,
    stop: () =>
      new Promise<void>((done) => {
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}
