/**
 * Table import on the demo city, on every engine: a German CSV as offices deliver it, re-import
 * with history, and bad input that is refused with a German report while the database stays
 * as it was. Also the API: preview, commit, profile, 401/403.
 */
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../test/databases.ts';
import { demoApp, expectGuarded } from '../test/demo-app.ts';
import { importTable } from './table-import.service.ts';

const csv = (text: string, name = 'lieferung.csv', encoding = 'utf-8') => ({
  name,
  data: new Uint8Array(iconv.encode(text, encoding)),
});

const DELIVERY = [
  'Einwohnermelderegister Musterstadt',
  'Bevölkerung am 31.12.2025 nach Sozialräumen',
  '',
  'Sozialraum;Einwohner insgesamt;Ausländer;Kinder unter 3',
  '101;6.512;1.204;210',
  '0102;4.001;·;-',
  '',
  'Quelle: Einwohnermelderegister, Statistikstelle',
].join('\r\n');

describe.each(engines)('table import on $name', (engine) => {
  let t: Awaited<ReturnType<typeof demoApp>>;
  beforeAll(async () => {
    t = await demoApp(engine);
  });
  afterAll(() => t?.close());

  const count = async () =>
    (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM observation'))[0]!.n;

  it('imports a Windows-1252 wide table with title, footnote, thousands dots, symbols and leading zeros', async () => {
    const before = await count();
    const r = await importTable(t.db, csv(DELIVERY, 'ew-2025.csv', 'windows-1252'), {
      level: 'sozialraum',
      date: '2025-12-31',
    });
    expect(r.committed).toBe(true);
    expect(r.stored).toBe(6);
    expect(await count()).toBe(before + 6);
    const rows = await t.db.query<{ key: string; area: string; value: number | null; status: string }>(
      `SELECT v.key, a.key AS area, o.value, o.status FROM observation o JOIN variable v ON v.id = o.variable_id
         JOIN area a ON a.id = o.area_id WHERE o.ref_date = '2025-12-31' ORDER BY a.key, v.key`,
    );
    expect(
      rows.find((x) => x.area === '101' && x.value === 6512 && x.key === 'einwohner_insgesamt'),
    ).toBeTruthy();
    const names = await t.db.query<{ name: string }>(
      "SELECT name FROM variable WHERE key = 'kinder_unter_3'",
    );
    expect(names[0]?.name).toBe('Kinder unter 3');
    expect(rows.find((x) => x.area === '102' && x.status === 'secret')).toBeTruthy();
    const source = await t.db.query<{ file_name: string; file_hash: string }>(
      "SELECT file_name, file_hash FROM data_source WHERE kind = 'table' ORDER BY id DESC LIMIT 1",
    );
    expect(source[0]).toMatchObject({
      file_name: 'ew-2025.csv',
      file_hash: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown,
    });
  });

  it('replaces a re-import of the same variables and Stichtag and keeps the previous values in history', async () => {
    const r = await importTable(t.db, csv(DELIVERY.replace('6.512', '6.600')), {
      level: 'sozialraum',
      date: '2025-12-31',
    });
    expect(r.replaced).toBe(6);
    const hist = await t.db.query<{ value: number }>(
      "SELECT value FROM observation_history h JOIN area a ON a.id = h.area_id WHERE a.key = '101' AND h.ref_date = '2025-12-31' AND value > 6000",
    );
    expect(hist.map((h) => h.value)).toContain(6512);
  });

  const refused: [string, string, RegExp][] = [
    ['unknown area key', 'Sozialraum;Einwohner\n101;10\n999;12\n', /„999“/],
    ['text where a number belongs', 'Sozialraum;Einwohner\n101;10\n102;zehn\n103;12\n', /Zeile 3/],
    ['negative count', 'Sozialraum;Einwohner\n101;-5\n', /Zeile 2/],
    ['formula cell', 'Sozialraum;Einwohner\n101;10\n102;=1+1\n103;12\n', /Zeile 3/],
    ['header only', 'Sozialraum;Einwohner\n', /./],
    ['empty file', '', /./],
    ['duplicate rows', 'Sozialraum;Einwohner\n101;10\n101;11\n', /Zeile 3/],
    [
      'keys of another Gebietsstand',
      'Sozialraum;Einwohner\n901;10\n902;11\n903;12\n904;13\n',
      /sie sehen aus wie Gebiete der Ebene „Sozialraum“ eines anderen Gebietsstands|Sozialräume eines anderen Gebietsstands/,
    ],
    ['a footnote read as a row', 'Sozialraum;Einwohner\n101;10\nSumme der Zeilen;10\n', /Zeile 3/],
  ];
  it.each(refused)(
    'refuses %s with a German message naming file and row, database unchanged',
    async (_name, text, where) => {
      const before = await count();
      const err = (await importTable(t.db, csv(text, 'kaputt.csv'), {
        level: 'sozialraum',
        date: '2025-12-31',
      }).catch((e: unknown) => e)) as { code: string; message: string };
      expect(err.code).toMatch(/^import\./);
      expect(err.message).toMatch(/kaputt\.csv/);
      expect(err.message).toMatch(where);
      expect(await count()).toBe(before);
    },
  );

  it('refuses a numerator above its denominator (Kinderarmut: SGB II unter 15 > Einwohner unter 15)', async () => {
    const before = await count();
    const text = 'Sozialraum;sgb2_u15;ew_u15\n101;500;400\n';
    await expect(
      importTable(t.db, csv(text, 'plausi.csv'), { level: 'sozialraum', date: '2025-12-31' }),
    ).rejects.toMatchObject({
      code: expect.stringMatching(/^import\./) as unknown,
    });
    expect(await count()).toBe(before);
  });

  it('imports a quotient whose numerator exceeds its denominator (Altenquotient: 65+ per 18–64)', async () => {
    const r = await importTable(t.db, csv('Sozialraum;ew_65plus;ew_18_64\n101;500;400\n', 'alte.csv'), {
      level: 'sozialraum',
      date: '2025-06-30',
      dryRun: true,
    });
    expect(r.report.ok, JSON.stringify(r.report.problems)).toBe(true);
  });

  it('recognises rows of the city and a Stadtbezirk, stores only the Sozialräume and warns about a differing total', async () => {
    const areas = await t.db.query<{ key: string; parent: string | null; level: string }>(
      `SELECT a.key, p.key AS parent, l.key AS level FROM area a JOIN area_level l ON l.id = a.level_id
         LEFT JOIN area p ON p.id = a.parent_id WHERE a.valid_to IS NULL ORDER BY a.key`,
    );
    const sozial = areas.filter((a) => a.level === 'sozialraum');
    const bezirk = sozial[0]!.parent!;
    const children = sozial.filter((a) => a.parent === bezirk);
    const city = areas.find((a) => a.level === 'stadt')!;
    const lines = [
      'Gebiet;Name;Einwohner Summentest',
      `${city.key};Musterstadt;${sozial.length * 10}`,
      `${bezirk};Bezirk;${children.length * 10 + 1}`,
      ...sozial.map((a) => `${a.key};Sozialraum ${a.key};10`),
      '',
      'Quelle: Einwohnermelderegister; · = geheim',
    ];
    const before = await count();
    const r = await importTable(t.db, csv(lines.join('\n'), 'mit-summen.csv'), {
      level: 'sozialraum',
      date: '2025-06-30',
    });
    expect(r.committed).toBe(true);
    expect(r.stored).toBe(sozial.length);
    expect(await count()).toBe(before + sozial.length);
    expect(r.report.stats.higherRows).toBe(2);
    const mismatch = r.report.problems.filter((p) => p.code === 'import.total_mismatch');
    expect(mismatch).toHaveLength(1);
    expect(mismatch[0]).toMatchObject({ row: 3, column: 'Einwohner Summentest', severity: 'warning' });
    expect(mismatch[0]!.message).toContain(
      `ergibt für Stichtag 30.06.2025, Merkmal „Einwohner Summentest“ ${children.length * 10}; geliefert ist ${children.length * 10 + 1} (Differenz -1)`,
    );
    const stored = await t.db.query<{ level: string }>(
      `SELECT DISTINCT l.key AS level FROM observation o JOIN variable v ON v.id = o.variable_id
         JOIN area a ON a.id = o.area_id JOIN area_level l ON l.id = a.level_id WHERE v.key = 'einwohner_summentest'`,
    );
    expect(stored).toEqual([{ level: 'sozialraum' }]);
  });

  it('API: preview, commit with a saved profile, and guarded for anonymous and viewers', async () => {
    const form = (dryRun: boolean) => {
      const f = new FormData();
      f.append('level', 'sozialraum');
      f.append('date', '2026-12-31');
      f.append('dryRun', dryRun ? '1' : '0');
      f.append(
        'mapping',
        JSON.stringify({ areaColumn: 'Sozialraum', variables: { 'Einwohner insgesamt': 'ew_test' } }),
      );
      f.append('saveProfile', 'ew-lieferung');
      f.append('file', new Blob([DELIVERY]), 'ew.csv');
      return f;
    };
    const preview = await t.app.inject({
      method: 'POST',
      url: '/api/imports/table',
      payload: form(true),
      headers: { cookie: t.planner },
    });
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({ committed: false, stored: 0 });
    const commit = await t.app.inject({
      method: 'POST',
      url: '/api/imports/table',
      payload: form(false),
      headers: { cookie: t.planner },
    });
    expect(commit.json()).toMatchObject({ committed: true, stored: 2 });
    const profiles = await t.app.inject({ url: '/api/imports/profiles', headers: { cookie: t.planner } });
    expect(profiles.json()).toEqual([expect.objectContaining({ name: 'ew-lieferung', level: 'sozialraum' })]);
    await expectGuarded(t.app, { method: 'POST', url: '/api/imports/table', payload: form(true) }, t.viewer);
  });
});
