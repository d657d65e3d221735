/**
 * The command line while a server holds a PGlite directory — with real processes
 * (`node bin/lagebild.js …`): a second server refuses to start naming the first, imports, derived
 * levels, sums and the Einrichtung go through the server's API and show in the server, a reading
 * command is refused with what to do instead, and the server releases the directory when it stops.
 * Two processes writing one database: one-writer.cli.test.ts.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../db/lock.ts';
import {
  koelnShp,
  koelnTemplate,
  lagebild,
  lockOf,
  LONG,
  slice,
  table,
  until,
  withDb,
  type KoelnTemplate,
  type Proc,
} from '../test/cli-processes.ts';

describe('the command line while a server holds a PGlite directory', () => {
  let root: string;
  let keys: string[];
  let fresh: (name: string) => Promise<string>;
  let koeln: KoelnTemplate | undefined;

  beforeAll(async () => {
    koeln = await koelnTemplate('lagebild-through-server-');
    ({ root, keys, fresh } = koeln);
  }, LONG);
  afterAll(() => koeln?.remove());

  describe('with a server holding the directory', () => {
    let dir: string;
    let server: Proc;
    let port: number;
    beforeAll(async () => {
      dir = await fresh('served');
      server = lagebild(['--db', dir, 'serve', '--no-demo', '--port', '0', '--host', '127.0.0.1']);
      await until('the server to listen', () => {
        if (server.child.exitCode !== null) throw new Error(server.err());
        return (lockOf(dir)?.port ?? null) !== null;
      });
      port = lockOf(dir)!.port!;
    }, LONG);
    afterAll(async () => {
      if (server.child.exitCode === null) server.child.kill('SIGTERM');
      await server.exit;
    });

    it(
      'a second server refuses to start and names the first',
      async () => {
        const second = lagebild(['--db', dir, 'serve', '--no-demo', '--port', '0']);
        expect(await second.exit).toBe(2);
        expect(second.err()).toContain(
          `Die Datenbank ${dir} wird bereits von Prozess ${server.pid} (Server auf Port ${port}, seit `,
        );
        expect(second.out()).not.toContain('Lagebild läuft');
        expect(server.child.exitCode).toBeNull();
      },
      LONG,
    );

    it(
      'a CLI import goes through the server’s API and is visible in the server',
      async () => {
        const n = await table(join(root, 'e.csv'), keys, 20, '2023-12-31', 0);
        const r = lagebild(['--db', dir, 'import', 'table', join(root, 'e.csv'), '--level', 'stadtteil']);
        expect(await r.exit, r.err()).toBe(0);
        expect(r.err()).toContain(`vom laufenden Server verwendet (Prozess ${server.pid}, Port ${port})`);
        expect(r.out()).toContain(`${n} Werte importiert`);
        const variables = (await (await fetch(`http://127.0.0.1:${port}/api/variables`)).json()) as {
          key: string;
        }[];
        expect(variables.map((v) => v.key)).toContain('merkmal_0019');
        const areas = lagebild([
          '--db',
          dir,
          '--json',
          'import',
          'areas',
          koelnShp,
          '--level',
          'stadtteil_neu',
          '--id-field',
          'STT_NR',
          '--name-field',
          'STT_NAME',
        ]);
        expect(await areas.exit, areas.err()).toBe(0);
        expect(JSON.parse(areas.out())).toMatchObject({ level: 'stadtteil_neu', imported: 86 });
        const levels = (await (await fetch(`http://127.0.0.1:${port}/api/areas/levels`)).json()) as {
          key: string;
        }[];
        expect(levels.map((l) => l.key)).toContain('stadtteil_neu');
      },
      LONG,
    );

    it(
      'a derived level and a sum defined in the CLI go through the server’s API too',
      async () => {
        const derive = lagebild(
          [
            '--db',
            dir,
            '--json',
            'areas',
            'derive',
            '--level',
            'bezirk_neu',
            '--from',
            'stadtteil_neu',
          ].concat(['--key-prefix', '1']),
        );
        expect(await derive.exit, derive.err()).toBe(0);
        expect(derive.err()).toContain(
          `vom laufenden Server verwendet (Prozess ${server.pid}, Port ${port})`,
        );
        expect(JSON.parse(derive.out())).toMatchObject({ level: 'bezirk_neu', derived: 9, children: 86 });
        const bezirke = (await (
          await fetch(`http://127.0.0.1:${port}/api/areas?level=bezirk_neu`)
        ).json()) as unknown[];
        expect(bezirke).toHaveLength(9);

        const define = lagebild([
          '--db',
          dir,
          'variables',
          'define',
          'summe_merkmale',
          '--sum',
          'merkmal_0001+merkmal_0002',
        ]);
        expect(await define.exit, define.err()).toBe(0);
        expect(define.out()).toContain('summe_merkmale = merkmal_0001 + merkmal_0002');
        const bad = lagebild(['--db', dir, 'variables', 'define', 'summe_x', '--sum', 'gibt_es_nicht']);
        expect(await bad.exit).not.toBe(0);
        expect(bad.err()).toContain('Die Variable „gibt_es_nicht“ gibt es nicht.');
        const list = lagebild(['--db', dir, '--json', 'variables', 'list']);
        expect(await list.exit, list.err()).toBe(0);
        const listed = JSON.parse(list.out()) as { key: string; sum: string[] | null }[];
        expect(listed.find((v) => v.key === 'summe_merkmale')?.sum).toEqual(['merkmal_0001', 'merkmal_0002']);
        expect(listed.some((v) => v.key === 'summe_x')).toBe(false);
      },
      LONG,
    );

    it(
      'a reading command is refused with what to do instead',
      async () => {
        const r = lagebild(['--db', dir, 'areas', 'list', '--level', 'stadtteil']);
        expect(await r.exit).toBe(2);
        expect(r.err()).toContain(
          `Bitte die Web-App verwenden (http://localhost:${port}) oder den Server beenden`,
        );
      },
      LONG,
    );

    it(
      'the server releases the directory when it stops, with the forwarded import stored',
      async () => {
        server.child.kill('SIGTERM');
        expect(await server.exit).toBe(0);
        expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
        const s = await withDb(dir, (db) => slice(db, '2023-12-31'));
        expect(s).toMatchObject({ n: 86 * 20, uniqueKeys: true });
      },
      LONG,
    );
  });

  it(
    'the setup of an empty database a server waits on goes through that server',
    async () => {
      const dir = join(root, 'setup-served'); // empty: the server creates it
      const s = lagebild(['--db', dir, 'serve', '--no-demo', '--port', '0', '--host', '127.0.0.1']);
      try {
        await until('the server to listen', () => (lockOf(dir)?.port ?? null) !== null);
        const port = lockOf(dir)!.port!;
        const setup = () => {
          const p = lagebild(
            ['--db', dir, 'setup', '--admin', 'amt12', '--password-stdin', '--city', 'Köln'].concat(
              ['--key', '05315000', '--levels', 'stadtbezirk:Stadtbezirk,stadtteil:Stadtteil'],
              ['--publisher', 'Stadt Köln, Amt für Stadtentwicklung und Statistik'],
            ),
          );
          p.child.stdin!.end('sehr-geheim-123\n');
          return p;
        };
        const first = setup();
        expect(await first.exit, first.err()).toBe(0);
        expect(first.err()).toContain(`vom laufenden Server verwendet (Prozess ${s.pid}, Port ${port})`);
        expect(first.out()).toContain('Eingerichtet: Köln (AGS 05315000), Ebenen: Stadtbezirk → Stadtteil.');
        const { city } = (await (await fetch(`http://127.0.0.1:${port}/api/city`)).json()) as {
          city: Record<string, unknown>;
        };
        expect(city).toMatchObject({
          name: 'Köln',
          key: '05315000',
          publisher: 'Stadt Köln, Amt für Stadtentwicklung und Statistik',
        });
        // once set up, never again: the second is refused by the server
        const second = setup();
        expect(await second.exit).not.toBe(0);
        expect(second.err()).toMatch(/eingerichtet/);
      } finally {
        s.child.kill('SIGTERM');
        await s.exit;
      }
    },
    LONG,
  );
});
