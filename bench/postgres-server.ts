/** The PostgreSQL server a benchmark runs on, found or started the same way by every bench. */
import pg from 'pg';
import { startCluster } from './postgis-peer.ts';

/** The local server of the development setup, used when the bench cannot start its own. */
const LOCAL_PG = 'postgres://postgres@127.0.0.1:54329/postgres';

export interface PostgresServer {
  /** Connection URL of the server's `postgres` database; null when none answers. */
  url: string | null;
  /** Which server it is, or why there is none. */
  note: string;
  stop: () => Promise<void>;
}

/**
 * LAGEBILD_BENCH_PG_URL, else a throwaway cluster of the installed PostgreSQL (in `dir`), else
 * the local development server; `url` null with the reason when none answers.
 */
export async function postgresServer(dir: string): Promise<PostgresServer> {
  const none = async () => undefined;
  const given = process.env.LAGEBILD_BENCH_PG_URL;
  if (given) return { url: given, note: 'PostgreSQL at LAGEBILD_BENCH_PG_URL', stop: none };
  const own = await startCluster(dir, { postgis: false }).catch(() => null);
  if (own) return { url: own.url, note: own.version, stop: own.stop };
  const probe = new pg.Client({ connectionString: LOCAL_PG });
  try {
    await probe.connect();
    await probe.end();
    return { url: LOCAL_PG, note: 'local PostgreSQL', stop: none };
  } catch (err) {
    return { url: null, note: `skipped: no PostgreSQL (${(err as Error).message})`, stop: none };
  }
}

/**
 * A fresh database on `server` for one bench run, dropped by `drop()`: the URL of the server with
 * the database's name instead of `postgres`.
 */
export async function freshDatabase(serverUrl: string, name: string) {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name}`).catch(() => undefined);
      await admin.end();
    },
  };
}
