/**
 * The hard requirement: Berlin's Monitoring Soziale Stadtentwicklung reproduced from the
 * published tables in ../shared/data (see their SOURCE.txt). 2021: all 536 valid Planungsräume get
 * the published status class, dynamics class and code; z-values within 1e-4 (5 dp published),
 * indices within 0.01 (2 dp published). The computed 2021 table is a golden file beside this test
 * (regenerate on purpose with REGEN=1).
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { computeIndex, type IndexInput } from './engine.ts';
import { outputColumns, outputRows, presentResult, rowsToCsv } from './index.present.ts';
import { presetDefinition } from './presets.ts';
import { readWideTable } from './wide-table.ts';
import { expectGolden, goldenFile } from '../test/golden.ts';

const data = (path: string) => new URL(`../../../shared/data/${path}`, import.meta.url);
const csv = (path: string) =>
  parse<Record<string, string>>(readFileSync(data(path), 'utf8'), { columns: true, bom: true });
const goldenPath = goldenFile(import.meta.url, 'mss2021.golden.csv');

/** All 542 PLR from the FIS-Broker export, invalid ones with their -9999 placeholders as values. */
function wfs2021(): { input: IndexInput; names: string[] } {
  const rows = csv('berlin-mss-2021/wfs_mss_2021_index_indikatoren.csv');
  const codes = ['S1', 'S3', 'S4', 'D1', 'D3', 'D4'];
  return {
    input: {
      ids: rows.map((r) => r.PLR_ID!),
      population: rows.map((r) => (r.EW === '' ? null : Number(r.EW))),
      values: new Map(codes.map((c) => [c.toLowerCase(), Float64Array.from(rows, (r) => Number(r[c]))])),
    },
    names: rows.map((r) => r.PLR_NAME!),
  };
}

const mss = (codes: string[], excluded: string[]) => ({
  ...presetDefinition(
    'berlin-mss',
    codes.map((c) => ({ indicator: c.toLowerCase(), code: c })),
  ),
  validity: { minPopulation: 300, excluded },
});

describe('Berlin MSS 2021 (542 PLR, LOR 2021)', () => {
  const { input, names } = wfs2021();
  const def = mss(['S1', 'S3', 'S4', 'D1', 'D3', 'D4'], ['10100205']);
  const comp = computeIndex(def, input);
  const published = new Map(csv('berlin-mss-2021/mss2021_merged_for_tests.csv').map((r) => [r.plr_id!, r]));
  const [status, dynamics] = comp.parts;
  // table 3 (z-values): the converter shifted columns; 'z_d4_…' holds zD1 with 5 decimals (SOURCE.txt)
  const table3 = new Map(csv('berlin-mss-2021/mss2021-table-3.csv').map((r) => [r.id!, r]));

  it('finds the same 536 valid PLR, leaving out the outlier and the five under 300 inhabitants', () => {
    const validIds = input.ids.filter((_, i) => comp.valid[i]);
    const pubValid = [...published.values()].filter((r) => r.validity === 'gültig').map((r) => r.plr_id);
    expect(validIds.length).toBe(536);
    expect(new Set(validIds)).toEqual(new Set(pubValid));
    const reason = (id: string) => comp.invalidReason[input.ids.indexOf(id)];
    expect(reason('10100205')).toMatch(/Von Hand ausgeschlossen/);
    expect(reason('03300515')).toBe('Weniger als 300 Einwohner'); // Blankenburger Süden, 38 EW
    expect(reason('03400831')).toMatch(/Einwohnerzahl unbekannt/); // Pankower Tor, no EW published
  });

  it('reproduces every published z-value, sum, index, class and code', () => {
    let checked = 0;
    input.ids.forEach((id, i) => {
      if (!comp.valid[i]) return;
      const p = published.get(id)!;
      const z = (k: string) => comp.standardised.get(k)![i]!;
      // zS and the status sum are published with 5 decimals (zD1 too, in table 3), the rest with
      // 2; the publisher rounded from unrounded shares, our inputs have 5 decimals: hence 0.006
      expect(Math.abs(z('s1') - Number(p.pub_zS1)), `${id} zS1`).toBeLessThan(1e-4);
      expect(Math.abs(z('s3') - Number(p.pub_zS3)), `${id} zS3`).toBeLessThan(1e-4);
      expect(Math.abs(z('s4') - Number(p.pub_zS4)), `${id} zS4`).toBeLessThan(1e-4);
      expect(
        Math.abs(
          z('d1') - Number(table3.get(id)!.z_d4_percentage_transfer_payments_recipients_below_15_years),
        ),
        `${id} zD1`,
      ).toBeLessThan(1e-4);
      expect(Math.abs(z('d1') - Number(p.pub_zD1)), `${id} zD1`).toBeLessThan(0.006);
      expect(Math.abs(z('d3') - Number(p.pub_zD3)), `${id} zD3`).toBeLessThan(0.006);
      expect(Math.abs(z('d4') - Number(p.pub_zD4)), `${id} zD4`).toBeLessThan(0.006);
      expect(Math.abs(status!.sum[i]! - Number(p.pub_status_sum)), `${id} sum`).toBeLessThan(1e-4);
      expect(Math.abs(status!.index[i]! - Number(p.pub_status_index)), `${id} SI`).toBeLessThan(0.01);
      expect(Math.abs(dynamics!.sum[i]! - Number(p.pub_dynamik_sum)), `${id} DS`).toBeLessThan(0.01);
      expect(Math.abs(dynamics!.index[i]! - Number(p.pub_dynamik_index)), `${id} DI`).toBeLessThan(0.01);
      expect(status!.classes[status!.classIdx[i]!]!.label, `${id} status class`).toBe(p.pub_status_class);
      expect(dynamics!.classes[dynamics!.classIdx[i]!]!.label, `${id} dynamics class`).toBe(
        p.pub_dynamik_class,
      );
      expect(comp.code[i], `${id} code`).toBe(p.pub_gesamt_code);
      checked++;
    });
    expect(checked).toBe(536);
  });

  it('agrees with the FIS-Broker index layer (classes and Gesamtindex of all 536)', () => {
    const wfs = csv('berlin-mss-2021/wfs_mss_2021_indizes.csv').filter((r) => r.KOM === 'gültig');
    expect(wfs.length).toBe(536);
    for (const r of wfs) {
      const i = input.ids.indexOf(r.PLR_ID!);
      expect(status!.classes[status!.classIdx[i]!]!.label, r.PLR_ID).toBe(r.SI_V);
      expect(dynamics!.classes[dynamics!.classIdx[i]!]!.label, r.PLR_ID).toBe(r.DI_V);
      expect(comp.code[i], r.PLR_ID).toBe(r.SDI);
    }
  });

  it('gets the same result from the published indicator table (table 2-1, 536 rows) read as a batch input', () => {
    const t = readWideTable(readFileSync(data('berlin-mss-2021/mss2021-table-2-1.csv'), 'utf8'), 'table-2-1');
    const fromTable = computeIndex(def, {
      ids: t.ids,
      population: t.population,
      values: new Map(t.columns.map((c) => [c.code.toLowerCase(), c.values])),
    });
    expect(fromTable.validCount).toBe(536);
    t.ids.forEach((id, j) => {
      const i = input.ids.indexOf(id);
      expect(fromTable.code[j], id).toBe(comp.code[i]);
      expect(fromTable.parts[0]!.index[j]).toBeCloseTo(status!.index[i]!, 10);
    });
  });

  it('matches the golden file of the computed 2021 table', () => {
    const result = presentResult(
      def,
      {
        level: 'planungsraum',
        date: '2020-12-31',
        areas: input.ids.map((key, i) => ({ key, name: names[i]!, parentKey: null, parentName: null })),
      },
      input,
      comp,
    );
    const columns = outputColumns(['status', 'dynamics']);
    const text = rowsToCsv(outputRows(result), columns);
    expectGolden(goldenPath, text);
  });

  it('does not reproduce the published values with the sample SD (n − 1), as docs/methods.md §3 warns', () => {
    const sample = computeIndex({ ...def, standardisation: 'z_sample' }, input);
    let maxDiff = 0;
    input.ids.forEach((id, i) => {
      if (!comp.valid[i]) return;
      maxDiff = Math.max(
        maxDiff,
        Math.abs(sample.standardised.get('s1')![i]! - Number(published.get(id)!.pub_zS1)),
      );
    });
    expect(maxDiff).toBeGreaterThan(1e-3);
  });
});

/** Old LOR (447 PLR): the table lists every PLR; the 11 all-zero rows are the invalid ones. */
function oldEdition(year: 2017 | 2019) {
  const t = readWideTable(
    readFileSync(data(`berlin-mss-${year}/mss${year}-table-2-1.csv`), 'utf8'),
    `mss${year}`,
  );
  return {
    t,
    input: {
      ids: t.ids,
      population: t.population,
      values: new Map(t.columns.map((c) => [c.code.toLowerCase(), c.values])),
    } satisfies IndexInput,
    codes: t.columns.map((c) => c.code),
  };
}

describe('Berlin MSS 2017 and 2019 (447 PLR, old LOR)', () => {
  // SOURCE.txt: valid are the 436 PLR of the published table 1; besides the nine under 300
  // inhabitants, two PLR with 300+ inhabitants are all zeros in table 2-1 and absent from table 1
  // (Messegelände 2017 / Stadion Wilmersdorf 2019, and Gewerbegebiet Bitterfelder Straße).
  it('2017 uses all four status and four dynamics indicators (S2/D2 included)', () => {
    const { input, codes } = oldEdition(2017);
    expect(codes).toEqual(['S1', 'S2', 'S3', 'S4', 'D1', 'D2', 'D3', 'D4']);
    const def = mss(codes, ['04020314', '10010203']);
    expect(def.parts.map((p) => p.indicators.map((i) => i.code))).toEqual([
      ['S1', 'S2', 'S3', 'S4'],
      ['D1', 'D2', 'D3', 'D4'],
    ]);
    const comp = computeIndex(def, input);
    expect(comp.validCount).toBe(436);
    // SOURCE.txt, from the published table 3: Stülerstraße's Status-Summe and Status-Index
    const i = input.ids.indexOf('01011101');
    expect(comp.parts[0]!.sum[i]).toBeCloseTo(-1.68012, 4);
    expect(comp.parts[0]!.index[i]).toBeCloseTo(-0.43309, 4);
  });

  it('2019 gives the published codes of sample PLR', () => {
    const { input, codes } = oldEdition(2019);
    const comp = computeIndex(mss(codes, ['04041239', '10010203']), input);
    expect(comp.validCount).toBe(436);
    // published table 1 of MSS 2019 (open-lifeworlds data product, commit e88cc0f, file …-2019-00-1.csv)
    const expected: Record<string, string> = {
      '01011101': '2+/-', // Stülerstraße
      '01011105': '1+/-', // Nördlicher Landwehrkanal
      '01022101': '4+', // Huttenkiez
      '01022102': '3+', // Beusselkiez
      '01022202': '2+', // Heidestraße
      '01033101': '4+/-', // Soldiner Straße
      '02010102': '4+', // Mehringplatz
      '02020201': '1+/-', // Gleisdreieck/Entwicklungsgebiet
      '03030405': '2-', // Karow Nord
      '03061430': '3-', // Volkspark Prenzlauer Berg
      '04010102': '4-', // Plötzensee
      '04020310': '2-', // Park Ruhwald
      '05010207': '4+', // Darbystraße
      '05020417': '2-', // Staakener Straße
    };
    for (const [id, code] of Object.entries(expected))
      expect(comp.code[input.ids.indexOf(id)], id).toBe(code);
  });
});
