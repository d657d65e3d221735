import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LagebildError } from '../../core/errors.ts';
import { resolveCrs } from '../../geo/crs.ts';
import type { AggregateMicrodataOptions, MicrodataArea, MicrodataResult } from './aggregate.ts';
import { aggregateMicrodata } from './aggregate.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lagebild-microdata-rules-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const KEYS: MicrodataArea[] = [{ key: 'A' }, { key: 'B' }];
const DATE = '2024-12-31';
let serial = 0;

async function run(
  content: string | Buffer,
  areas: MicrodataArea[] = KEYS,
  options: Partial<AggregateMicrodataOptions> = {},
): Promise<MicrodataResult> {
  const path = join(dir, `f${serial++}.csv`);
  await writeFile(path, content);
  return aggregateMicrodata(path, areas, { date: DATE, fileName: 'personen.csv', ...options });
}

const get = (r: MicrodataResult, area: string, variable: string, breakdown = '') =>
  r.counts.find((c) => c.area === area && c.variable === variable && c.breakdown === breakdown)?.value;

/** `n` valid filler rows in area A (adults, German, own households). */
const filler = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => `p${from + i};1980-06-01;w;deutsch;F${from + i};0;A`).join('\n');

const HEADER = 'pseudonym;geburtsdatum;geschlecht;staatsangehoerigkeit;haushalt;sgb2;gebiet';

/** A lon/lat square (RFC 7946 ring order). */
const square = (x0: number, y0: number, size: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [x0, y0],
      [x0 + size, y0],
      [x0 + size, y0 + size],
      [x0, y0 + size],
      [x0, y0],
    ],
  ],
});

describe('ages, sexes, nationality', () => {
  it('counts completed years at the Stichtag, from birth dates in every spelling or an age column', async () => {
    const rows = [
      'a;2024-12-31;m;deutsch;H1;0;A', // born on the Stichtag: 0
      'b;2022-01-01;m;deutsch;H2;0;A', // 2
      'c;01.01.2022;m;deutsch;H3;0;A', // 2 (German date)
      'd;1.1.2021;w;deutsch;H4;0;A', // 3 (spreadsheet date)
      'e;20210101;w;deutsch;H5;0;A', // 3 (compact)
      'f;1944-12-31;w;deutsch;H6;0;A', // 80 exactly on the Stichtag
      'g;1945-01-01;w;deutsch;H7;0;A', // 79
    ];
    const r = await run(`${HEADER}\n${rows.join('\n')}\n`);
    expect(get(r, 'A', 'bev', 'age=0-2;sex=m')).toBe(3);
    expect(get(r, 'A', 'bev', 'age=3-5;sex=w')).toBe(2);
    expect(get(r, 'A', 'bev', 'age=80-;sex=w')).toBe(1);
    expect(get(r, 'A', 'bev', 'age=65-79;sex=w')).toBe(1);
    expect(get(r, 'A', 'ew_u3')).toBe(3);
    expect(get(r, 'A', 'ew_80plus')).toBe(1);

    const withAge = await run(
      'id;alter;sex;nationality;household;area\n' +
        [
          'a;0;m;DE;H1;A',
          'b;2;1;DE;H2;A',
          'c;2;M;DE;H3;A',
          'd;3;2;DE;H4;A',
          'e;3;W;DE;H5;A',
          'f;80;w;DE;H6;A',
          'g;79;w;DE;H7;A',
        ].join('\n'),
    );
    for (const c of r.counts.filter((x) => x.variable === 'bev' || x.variable.startsWith('ew')))
      expect(get(withAge, c.area, c.variable, c.breakdown), `${c.variable} ${c.breakdown}`).toBe(c.value);
  });

  it('gives someone born on 29 February their birthday on 1 March in common years', async () => {
    const content = `${HEADER}\na;2020-02-29;m;deutsch;H1;0;A\n`;
    const before = await run(content, KEYS, { date: '2023-02-28', ageGroups: '0-2,3-' });
    expect(get(before, 'A', 'bev', 'age=0-2;sex=m')).toBe(1);
    const on = await run(content, KEYS, { date: '2023-03-01', ageGroups: '0-2,3-' });
    expect(get(on, 'A', 'bev', 'age=3-;sex=m')).toBe(1);
  });

  it('counts every non-German nationality as ausländisch', async () => {
    const r = await run(
      `${HEADER}\n` +
        ['a;1990-01-01;m;deutsch;H1;0;A', 'b;1990-01-01;m;DE;H2;0;A', 'c;1990-01-01;m;000;H3;0;A']
          .concat([
            'd;1990-01-01;m;TR;H4;0;A',
            'e;2010-01-01;w;staatenlos;H5;0;A',
            'f;1990-01-01;w;DEU;H6;0;A',
          ])
          .join('\n'),
    );
    expect(get(r, 'A', 'ausl')).toBe(2);
    expect(get(r, 'A', 'ausl_u18')).toBe(1);
  });

  it('assigns divers to m or w by birth month (odd: m), or publishes it separately on request', async () => {
    const rows = Array.from(
      { length: 12 },
      (_, i) => `p${i};1990-${String(i + 1).padStart(2, '0')}-15;d;deutsch;H${i};0;A`,
    );
    rows.push('q;15.02.1990;x;deutsch;H;0;A');
    const r = await run(`${HEADER}\n${rows.join('\n')}\n`);
    expect([get(r, 'A', 'ew_m'), get(r, 'A', 'ew_w'), get(r, 'A', 'ew_d')]).toEqual([6, 7, undefined]);

    const s = await run(`${HEADER}\n${rows.join('\n')}\n`, KEYS, { divers: 'separate' });
    expect(get(s, 'A', 'ew_d')).toBe(13);
    expect(get(s, 'A', 'bev', 'age=25-44;sex=d')).toBe(13);
    expect(get(s, 'A', 'ew')).toBe(13);
  });

  it('assigns divers by a hash of the pseudonym when only the age is known', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => `p${i};34;divers;A`).join('\n');
    const r = await run(`pseudonym;alter;geschlecht;gebiet\n${rows}\n`);
    const m = get(r, 'A', 'ew_m')!;
    expect(m + get(r, 'A', 'ew_w')!).toBe(40);
    expect(m).toBeGreaterThan(5);
    expect(m).toBeLessThan(35);
    expect((await run(`pseudonym;alter;geschlecht;gebiet\n${rows}\n`)).counts).toEqual(r.counts);
  });

  it('takes custom age groups and refuses groups with gaps', async () => {
    const r = await run(`${HEADER}\n${filler(3)}\n`, KEYS, { ageGroups: ['0-17', '18-64', '65-'] });
    expect(r.counts.filter((c) => c.variable === 'bev').map((c) => c.breakdown)).toContain('age=18-64;sex=w');
    await expect(run(`${HEADER}\n${filler(3)}\n`, KEYS, { ageGroups: '0-5,7-' })).rejects.toThrow(
      /sollte bei 6 beginnen/,
    );
    await expect(run(`${HEADER}\n${filler(3)}\n`, KEYS, { ageGroups: '0-5,6-80' })).rejects.toThrow(/offen/);
  });
});

describe('households', () => {
  it('derives household types from the members of a household id', async () => {
    const rows = [
      's1;1990-01-01;m;deutsch;SINGLE;0;A', // Einpersonenhaushalt
      's2;1950-01-01;w;deutsch;OLD;0;A', // Einpersonenhaushalt 65+
      'p1;1990-01-01;w;deutsch;LONE;1;A', // Alleinerziehende: one adult, two children
      'k1;2015-01-01;m;deutsch;LONE;1;A',
      'k2;2012-01-01;w;deutsch;LONE;1;A',
      'c1;1985-01-01;m;deutsch;COUPLE;0;A', // Paar mit Kind
      'c2;1986-01-01;w;deutsch;COUPLE;0;A',
      'c3;2020-01-01;w;deutsch;COUPLE;0;B', // placed in B: the household stays in A, reported as split
      'a1;1960-01-01;m;deutsch;ADULTS;0;B', // two adults, no children
      'a2;2005-01-01;m;deutsch;ADULTS;0;B', // 19: adult
      'y1;2008-01-01;w;deutsch;YOUTH;0;B', // minors only: with children, not Alleinerziehende
    ];
    const r = await run(`${HEADER}\n${rows.join('\n')}\n`);
    expect(['hh', 'hh_1p', 'hh_1p_65', 'hh_kinder', 'hh_alleinerz'].map((k) => get(r, 'A', k))).toEqual([
      4, 2, 1, 2, 1,
    ]);
    expect(['hh', 'hh_1p', 'hh_1p_65', 'hh_kinder', 'hh_alleinerz'].map((k) => get(r, 'B', k))).toEqual([
      2, 1, 0, 1, 0,
    ]);
    expect(r.households).toEqual({ counted: 6, split: 1, unplaced: 0 });
    expect(r.notes).toEqual([
      '1 Haushalt hat Mitglieder in verschiedenen Gebieten und zählt im Gebiet seines ersten Mitglieds.',
    ]);
    expect(get(r, 'A', 'sgb2')).toBe(3);
    expect(get(r, 'A', 'sgb2_u15')).toBe(2);
  });

  it('counts a person without household id, but in no household (warning)', async () => {
    const r = await run(`${HEADER}\na;1990-01-01;m;deutsch;;0;A\n${filler(200)}\n`);
    expect(get(r, 'A', 'ew')).toBe(201);
    expect(get(r, 'A', 'hh')).toBe(200);
    expect(r.problems).toEqual([
      {
        file: 'personen.csv',
        row: 2,
        column: 'haushalt',
        code: 'household_missing',
        severity: 'warning',
        message:
          'Datei „personen.csv“, Zeile 2, Spalte „haushalt“: Die Haushaltsnummer fehlt; die Person wird gezählt, aber keinem Haushalt zugerechnet.',
      },
    ]);
    expect(r.invalidRows).toBe(0);
  });
});

describe('invalid rows', () => {
  const bad = [
    'x1;1980-02-30;m;deutsch;H1;0;A', // row 2: no such day
    'x2;2025-01-01;m;deutsch;H2;0;A', // row 3: after the Stichtag
    'x3;1890-01-01;m;deutsch;H3;0;A', // row 4: 134 years
    'x4;1980-01-01;q;deutsch;H4;0;A', // row 5: unknown sex
    'x5;1980-01-01;m;;H5;0;A', // row 6: no nationality
    'x6;1980-01-01;m;deutsch;H6;2;A', // row 7: flag 2
    'x7;1980-01-01;m;deutsch;H7;0', // row 8: a column short
    'x8;kein Datum;unbekannt;deutsch;H8;0;A', // row 9: two problems, one invalid row
  ];

  it('reports file, row, column and problem in German, and leaves such rows out', async () => {
    const r = await run(`${HEADER}\n${bad.join('\n')}\n${filler(992, 100)}\n`);
    expect(r.rows).toBe(1000);
    expect(r.invalidRows).toBe(8);
    expect(get(r, 'A', 'ew')).toBe(992);
    expect(r.problems.map((p) => [p.row, p.column, p.code, p.severity])).toEqual([
      [2, 'geburtsdatum', 'birth_date_invalid', 'error'],
      [3, 'geburtsdatum', 'birth_date_after', 'error'],
      [4, 'geburtsdatum', 'age_too_high', 'error'],
      [5, 'geschlecht', 'sex_unknown', 'error'],
      [6, 'staatsangehoerigkeit', 'nationality_missing', 'error'],
      [7, 'sgb2', 'flag_invalid', 'error'],
      [8, null, 'field_count', 'error'],
      [9, 'geburtsdatum', 'birth_date_invalid', 'error'],
      [9, 'geschlecht', 'sex_unknown', 'error'],
    ]);
    expect(r.problems[0]!.message).toBe(
      'Datei „personen.csv“, Zeile 2, Spalte „geburtsdatum“: Das Geburtsdatum ist kein gültiges Datum ' +
        '(erwartet JJJJ-MM-TT, TT.MM.JJJJ oder JJJJMMTT).',
    );
    expect(r.problems[2]!.message).toContain('Das Alter von 134 Jahren ist unplausibel');
    expect(r.problems[3]!.message).toContain('Das Geschlecht „q“ ist unbekannt');
    expect(r.problems[6]!.message).toBe(
      'Datei „personen.csv“, Zeile 8: Die Zeile hat 6 statt 7 Spalten. Steht ein Trennzeichen im Text ohne Anführungszeichen?',
    );
    expect(r.problemCounts).toContainEqual({
      code: 'sex_unknown',
      column: 'geschlecht',
      severity: 'error',
      count: 2,
    });
  });

  it('refuses a file with more than 1 % invalid rows', async () => {
    const error = await run(`${HEADER}\n${bad.join('\n')}\n${filler(592, 100)}\n`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LagebildError);
    expect((error as LagebildError).code).toBe('import.microdata_too_many_invalid');
    expect((error as LagebildError).message).toMatch(
      /^Die Datei „personen.csv“ wird nicht übernommen: 8 von 600 Zeilen \(1,33 %\) sind fehlerhaft, erlaubt sind höchstens 1 %\. Erster Fehler: Datei „personen.csv“, Zeile 2/,
    );
  });

  it('names missing and unknown columns', async () => {
    await expect(run('pseudonym;geburtsdatum;gebiet\na;1980-01-01;A\n')).rejects.toThrow(
      /Es fehlt eine Spalte für das Geschlecht \(gesucht: geschlecht, sex, gender, geschl; vorhanden: pseudonym, geburtsdatum, gebiet\)/,
    );
    await expect(run(`${HEADER}\n${filler(2)}\n`, KEYS, { columns: { sex: 'sexus' } })).rejects.toThrow(
      'Die angegebene Spalte „sexus“ gibt es nicht',
    );
    await expect(run('geburtsdatum;geschlecht\n1980-01-01;m\n')).rejects.toThrow(/Weder Koordinaten/);
    await expect(run('')).rejects.toThrow('enthält keine Kopfzeile');
    await expect(run(`${HEADER}\n`)).rejects.toThrow('enthält keine Personenzeilen');
  });
});

describe('placement by coordinates', () => {
  // Two squares of 0.01° side by side near Münster (lon/lat).
  const AREAS: MicrodataArea[] = [
    { key: 'W', geometry: square(7.6, 51.9, 0.01) },
    { key: 'O', geometry: square(7.61, 51.9, 0.01) },
  ];

  it('takes lon/lat columns as EPSG:4326 and puts the rest into „nicht zuordenbar“', async () => {
    const head = 'id;geburtsdatum;geschlecht;lon;lat';
    const rows = [
      'a;1980-01-01;m;7.605;51.905', // W
      'b;1980-01-01;w;7.615;51.905', // O
      'c;1980-01-01;w;7.615;51.95', // outside
      'd;1980-01-01;w;;51.905', // missing
      'e;1980-01-01;w;7,6x;51.905', // unreadable
      'f;1980-01-01;w;7.61;51.905', // on the shared border: exactly one area
    ];
    const r = await run(`${head}\n${rows.join('\n')}\n`, AREAS, { maxUnplacedShare: 0.5 });
    expect(r.source).toMatchObject({
      crs: 'EPSG:4326',
      location: 'coordinates',
      columns: { x: 'lon', y: 'lat' },
    });
    expect(get(r, 'W', 'ew')! + get(r, 'O', 'ew')!).toBe(3);
    expect(get(r, 'W', 'ew_m')).toBe(1);
    expect(r.unplaced).toEqual([
      { reason: 'outside', label: 'Koordinaten außerhalb aller Gebiete', count: 1, rows: [4] },
      { reason: 'missing_coordinates', label: 'Koordinaten fehlen', count: 1, rows: [5] },
      { reason: 'invalid_coordinates', label: 'Koordinaten nicht lesbar', count: 1, rows: [6] },
    ]);
    expect(r.persons).toBe(3);
    expect(get(r, 'W', 'hh')).toBeUndefined(); // no household column, no household counts
    expect(get(r, 'W', 'ausl')).toBeUndefined();
  });

  it('reads UTM coordinates with decimal commas and refuses a file that mostly falls outside', async () => {
    const [x, y] = resolveCrs({ crs: 'EPSG:25832', fileName: 'x' }).fromWgs84(7.605, 51.905);
    const inside = `a;1980-01-01;m;${x.toFixed(2).replace('.', ',')};${y.toFixed(2).replace('.', ',')}`;
    const r = await run(`id;geburtsdatum;geschlecht;x;y\n${inside}\n`, AREAS);
    expect(get(r, 'W', 'ew')).toBe(1);
    const wrongCrs = `id;geburtsdatum;geschlecht;x;y\n${inside}\nb;1980-01-01;m;7.605;51.905\n`;
    await expect(run(wrongCrs, AREAS)).rejects.toThrow(
      /1 von 2 Personen \(50 %\) lassen sich keinem Gebiet zuordnen \(Koordinaten außerhalb aller Gebiete: 1\).*Stimmt das Koordinatensystem \(angenommen: EPSG:25832\)/,
    );
  });
});

describe('file formats', () => {
  it('reads Windows-1252 with umlauts in header, values and area keys', async () => {
    const text =
      'Pseudonym;Geburtsdatum;Geschlecht;Staatsangehörigkeit;Haushalt;Gebiet\r\n' +
      'a;01.01.1980;männlich;deutsch;H1;Süd\r\n' +
      'b;01.01.1990;weiblich;türkisch;H2;Süd\r\n' +
      'c;01.01.2000;Weiblich;Deutsch;H3;Nord\r\n';
    const r = await run(Buffer.from(text, 'latin1'), [{ key: 'Nord' }, { key: 'Süd' }]);
    expect(r.source.encoding).toBe('windows-1252');
    expect(r.source.columns.nationality).toBe('Staatsangehörigkeit');
    expect(r.problems).toEqual([]);
    expect([
      get(r, 'Süd', 'ew_m'),
      get(r, 'Süd', 'ew_w'),
      get(r, 'Süd', 'ausl'),
      get(r, 'Nord', 'ew_w'),
    ]).toEqual([1, 1, 1, 1]);
  });

  it('reads UTF-8 with BOM, commas, quotes and a missing last line end', async () => {
    const text =
      '\ufeff"pseudonym","geburtsdatum","geschlecht","gebiet","haushalt"\n' +
      '"a, b","1980-01-01","w","A","H ""1"""\n' +
      'c,1980-01-01,m,"B",H2\n\n' +
      'd,1980-01-01,m,B,H2';
    const r = await run(text);
    expect(r.source).toMatchObject({ encoding: 'utf-8', delimiter: ',' });
    expect(r.rows).toBe(3);
    expect([get(r, 'A', 'ew'), get(r, 'B', 'ew'), get(r, 'B', 'hh')]).toEqual([1, 2, 1]);
  });

  it('counts any 0/1 column as a flag when asked', async () => {
    const r = await run(
      'id;alter;geschlecht;gebiet;Wohngeld\na;10;m;A;1\nb;40;w;A;ja\nc;40;w;A;0\nd;40;w;A;\n',
      KEYS,
      {
        flags: [{ column: 'Wohngeld', under: [18] }],
      },
    );
    expect([get(r, 'A', 'wohngeld'), get(r, 'A', 'wohngeld_u18'), get(r, 'A', 'sgb2')]).toEqual([
      2,
      1,
      undefined,
    ]);
  });
});
