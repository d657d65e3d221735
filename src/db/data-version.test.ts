/**
 * The data version (migration 004) on every engine: raised once per writing statement on data
 * behind public outputs, inside the writer's transaction, and not by sessions or users.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDefaults } from '../setup/seed.ts';
import { dataVersion } from './data-version.ts';
import { engines } from '../test/databases.ts';
import { openDb, type Db } from './db.ts';
import { migrate } from './migrate.ts';

describe.each(engines)('data version on $name', (engine) => {
  let db: Db;
  let spec: string;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    ({ db, spec, drop } = await engine.create());
  });
  afterAll(async () => {
    await drop?.();
  });

  const version = async () => Number(await dataVersion(db));

  it('is a number that a write to public data raises once per statement', async () => {
    const before = await version();
    expect(before).toBeGreaterThan(0);
    await db.query(`INSERT INTO app_setting (key, value) VALUES ('a', '1'), ('b', '2'), ('c', '3')`);
    expect(await version()).toBe(before + 1);
    await db.query(`UPDATE app_setting SET value = '4' WHERE key IN ('a', 'b')`);
    await db.query(`DELETE FROM app_setting WHERE key IN ('a', 'b', 'c')`);
    expect(await version()).toBe(before + 3);
  });

  it('does not count statements that change no rows', async () => {
    await db.query(`INSERT INTO app_setting (key, value) VALUES ('kept', '1')`);
    const before = await version();
    await db.query(`INSERT INTO app_setting (key, value) VALUES ('kept', '2') ON CONFLICT (key) DO NOTHING`);
    await db.query(`UPDATE app_setting SET value = '3' WHERE key = 'none'`);
    await db.query(`DELETE FROM app_setting WHERE key = 'none'`);
    expect(await version()).toBe(before);
    await db.query(
      `INSERT INTO app_setting (key, value) VALUES ('kept', '2') ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    );
    expect(await version()).toBe(before + 1);
  });

  it('stays as it is when a process starts on a set-up database', async () => {
    const before = await version();
    await migrate(db);
    await seedDefaults(db);
    expect(await version()).toBe(before);
  });

  it('watches every table behind public outputs', async () => {
    const rows = await db.query<{ tab: string }>(
      `SELECT DISTINCT c.relname AS tab FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
       WHERE t.tgname LIKE '%\\_data\\_version\\_%' AND t.tgenabled = 'A' ORDER BY 1`,
    );
    const watched = rows.map((r) => r.tab);
    for (const tab of [
      'area',
      'area_level',
      'data_source',
      'indicator',
      'observation',
      'variable',
      'variable_sum',
      'report_template',
      'facility',
      'facility_type',
    ])
      expect(watched).toContain(tab);
    for (const tab of ['user_session', 'report']) expect(watched).not.toContain(tab);
  });

  it('counts bulk loads, which the embedded engine runs with triggers in replica mode', async () => {
    if (!db.copyCsv) return;
    const before = await version();
    await db.copyCsv('app_setting', ['key', 'value'], 'bulk,"{""x"": 1}"\n');
    expect(await version()).toBe(before + 1);
  });

  it('counts new and removed accounts (public: whether any exists), not logins and sessions', async () => {
    const before = await version();
    const [user] = await db.query<{ id: number }>(
      `INSERT INTO app_user (username, display_name, role, password_hash)
       VALUES ('dv', 'DV', 'viewer', 'x') RETURNING id`,
    );
    expect(await version()).toBe(before + 1);
    await db.query(`UPDATE app_user SET password_hash = 'y' WHERE id = $1`, [user!.id]);
    await db.query(
      `INSERT INTO user_session (token_hash, user_id, expires_at) VALUES ('h', $1, now() + interval '1 day')`,
      [user!.id],
    );
    await db.query('DELETE FROM user_session');
    expect(await version()).toBe(before + 1);
    await db.query('DELETE FROM app_user WHERE id = $1', [user!.id]);
    expect(await version()).toBe(before + 2);
  });

  it('changes with the commit of the write, not before, and not on rollback', async () => {
    const before = await version();
    await expect(
      db.transaction(async (tx) => {
        await tx.query(`INSERT INTO app_setting (key, value) VALUES ('rolled', '1')`);
        expect(Number(await dataVersion(tx))).toBe(before + 1);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await version()).toBe(before);
  });

  it('is the same for a second connection to the same database', async () => {
    if (engine.name !== 'postgres') return; // an embedded database has one process
    const other = await openDb(spec);
    try {
      await db.query(`INSERT INTO app_setting (key, value) VALUES ('shared', '1')`);
      expect(await dataVersion(other)).toBe(await dataVersion(db));
      await other.query(`DELETE FROM app_setting WHERE key = 'shared'`);
      expect(await dataVersion(db)).toBe(await dataVersion(other));
    } finally {
      await other.close();
    }
  });
});
