import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DemoCity } from './generate.ts';
import { generateCity } from './generate.ts';
import { sgb2Quote, sozialraumKeys, totalsIndex } from './test-helpers.ts';

const hash = (city: DemoCity) => createHash('sha256').update(JSON.stringify(city)).digest('hex');

let city: DemoCity;
let get: ReturnType<typeof totalsIndex>;
let srs: string[];
beforeAll(() => {
  city = generateCity({ seed: 1 });
  get = totalsIndex(city);
  srs = sozialraumKeys(city);
});

describe('generateCity: structure', () => {
  it('is deterministic per seed', () => {
    expect(hash(generateCity({ seed: 1 }))).toBe(hash(city));
    expect(hash(generateCity({ seed: 2 }))).not.toBe(hash(city));
  });

  it('has one Stadt, six Stadtbezirke and 55–65 Sozialräume with proper keys and parents', () => {
    const by = (level: string) => city.areas.filter((a) => a.level === level);
    expect(by('stadt').map((a) => a.key)).toEqual(['0']);
    expect(by('stadtbezirk').map((a) => a.key)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(by('stadtbezirk')[0]?.name).toBe('Mitte');
    const sr = by('sozialraum');
    expect(sr.length).toBeGreaterThanOrEqual(55);
    expect(sr.length).toBeLessThanOrEqual(65);
    for (const a of sr) {
      expect(a.key).toMatch(/^[1-6]\d\d$/);
      expect(a.parentKey).toBe(a.key[0]);
    }
    const names = city.areas.map((a) => a.name);
    expect(new Set(names).size).toBe(names.length);
    expect(city.levels.map((l) => [l.key, l.rank, l.parent])).toEqual([
      ['stadt', 0, null],
      ['stadtbezirk', 1, 'stadt'],
      ['sozialraum', 2, 'stadtbezirk'],
    ]);
  });

  it('has ten Stichtage and every variable for every Sozialraum and date exactly once', () => {
    expect(city.dates).toEqual(Array.from({ length: 10 }, (_, i) => `${2015 + i}-12-31`));
    const seen = new Set(city.observations.map((o) => `${o.variable}|${o.area}|${o.date}|${o.breakdown}`));
    expect(seen.size).toBe(city.observations.length);
    const perAreaDate = 2 * 101 + city.variables.length - 1;
    expect(city.observations.length).toBe(perAreaDate * srs.length * city.dates.length);
    expect(new Set(city.observations.map((o) => o.variable))).toEqual(
      new Set(city.variables.map((v) => v.key)),
    );
  });
});

describe('generateCity: population', () => {
  it('meets the requested population (exactly at the latest Stichtag, ±2 % before)', () => {
    for (const date of city.dates) {
      const total = srs.reduce((s, a) => s + get('ew', a, date), 0);
      expect(Math.abs(total / 250_000 - 1)).toBeLessThan(0.02);
    }
    expect(srs.reduce((s, a) => s + get('ew', a, city.dates.at(-1) ?? ''), 0)).toBe(250_000);
  });

  it('has one tiny area under 300 inhabitants and all others between 300 and 9,000', () => {
    const last = city.dates.at(-1) ?? '';
    const tiny = srs.filter((a) => get('ew', a, last) < 300);
    expect(tiny).toHaveLength(1);
    for (const date of city.dates) {
      for (const a of srs) {
        const ew = get('ew', a, date);
        if (tiny.includes(a)) expect(ew).toBeLessThan(300);
        else expect(ew).toBeGreaterThanOrEqual(300);
        expect(ew).toBeLessThanOrEqual(9000);
      }
    }
  });

  it('keeps bev and the totals exactly consistent', () => {
    const bev = new Map<string, number[]>();
    const mismatches: string[] = [];
    for (const o of city.observations) {
      if (o.variable !== 'bev') continue;
      const m = /^age=(\d+);sex=([mw])$/.exec(o.breakdown);
      if (!m) mismatches.push(`breakdown ${o.breakdown}`);
      const key = `${o.area}|${o.date}`;
      const cells = bev.get(key) ?? new Array<number>(202).fill(0);
      cells[(m?.[2] === 'w' ? 101 : 0) + Number(m?.[1])] = o.value;
      bev.set(key, cells);
    }
    for (const [key, cells] of bev) {
      const [area = '', date = ''] = key.split('|');
      const sum = (from: number, to: number, sexes = [0, 1]) =>
        sexes.reduce(
          (s, sex) => s + cells.slice(sex * 101 + from, sex * 101 + to + 1).reduce((a, b) => a + b, 0),
          0,
        );
      const expected: Record<string, number> = {
        ew: sum(0, 100),
        ew_m: sum(0, 100, [0]),
        ew_w: sum(0, 100, [1]),
        ew_u3: sum(0, 2),
        ew_3_5: sum(3, 5),
        ew_u6: sum(0, 5),
        ew_6_9: sum(6, 9),
        ew_u15: sum(0, 14),
        ew_u18: sum(0, 17),
        ew_15_64: sum(15, 64),
        ew_18_64: sum(18, 64),
        ew_65plus: sum(65, 100),
        ew_80plus: sum(80, 100),
      };
      for (const [variable, value] of Object.entries(expected)) {
        if (get(variable, area, date) !== value) mismatches.push(`${variable} ${area} ${date}`);
      }
    }
    expect(bev.size).toBe(srs.length * city.dates.length);
    expect(mismatches).toEqual([]);
  });

  it('respects the subgroup rules for every area and year', () => {
    const le = (a: string, b: string) => [a, b] as const;
    const rules = [
      le('sgb2_u15', 'ew_u15'),
      le('sgb2_u15', 'sgb2'),
      le('sgb2_elb', 'sgb2'),
      le('sgb2_elb', 'ew_15_64'),
      le('alo', 'ew_15_64'),
      le('alo_sgb2', 'alo'),
      le('alo_sgb2', 'sgb2_elb'),
      le('gsia', 'ew_65plus'),
      le('hh_1p_65', 'hh_1p'),
      le('hh_1p_65', 'ew_65plus'),
      le('hh_1p', 'hh'),
      le('hh_alleinerz', 'hh_kinder'),
      le('hh_kinder', 'hh'),
      le('hh_kinder', 'ew_u18'),
      le('hh', 'ew'),
      le('ausl', 'ew'),
      le('ausl_u18', 'ausl'),
      le('ausl_u18', 'ew_u18'),
    ];
    expect(city.observations.filter((o) => !Number.isInteger(o.value) || o.value < 0)).toEqual([]);
    const violations: string[] = [];
    for (const date of city.dates) {
      for (const a of srs) {
        for (const [small, large] of rules) {
          if (get(small, a, date) > get(large, a, date))
            violations.push(`${small} > ${large} in ${a} ${date}`);
        }
        // sgb2 counts only people under 65: the 15–64 part must fit into ew_15_64.
        if (get('sgb2', a, date) - get('sgb2_u15', a, date) > get('ew_15_64', a, date))
          violations.push(`sgb2 ${a}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('ages cohorts from year to year instead of redrawing them', () => {
    const cells = new Map(
      city.observations
        .filter((o) => o.variable === 'bev')
        .map((o) => [`${o.area}|${o.date}|${o.breakdown}`, o.value]),
    );
    const bev = (area: string, date: string, age: number, sex: string) =>
      cells.get(`${area}|${date}|age=${age};sex=${sex}`) ?? 0;
    const area = srs.find((a) => get('ew', a, '2020-12-31') > 3000) ?? '';
    let moved = 0;
    let total = 0;
    for (let age = 0; age < 99; age++) {
      for (const sex of ['m', 'w']) {
        const before = bev(area, '2020-12-31', age, sex);
        moved += Math.abs(bev(area, '2021-12-31', age + 1, sex) - before);
        total += before;
      }
    }
    expect(moved / total).toBeLessThan(0.15);
  });
});

describe('generateCity: social data', () => {
  it('has plausible levels for the city and its Sozialräume', () => {
    const last = city.dates.at(-1) ?? '';
    const sum = (v: string) => srs.reduce((s, a) => s + get(v, a, last), 0);
    const cityQuote = (100 * sum('sgb2')) / (sum('ew') - sum('ew_65plus'));
    expect(cityQuote).toBeGreaterThan(8);
    expect(cityQuote).toBeLessThan(14);
    const big = srs.filter((a) => get('ew', a, last) >= 300);
    const range = (f: (a: string) => number) => {
      const values = big.map(f);
      return [Math.min(...values), Math.max(...values)];
    };
    const share = (num: string, den: string) => range((a) => (100 * get(num, a, last)) / get(den, a, last));
    const [qMin, qMax] = range((a) => sgb2Quote(get, a, last));
    expect(qMin).toBeGreaterThan(2);
    expect(qMax).toBeGreaterThan(20);
    expect(qMax).toBeLessThan(35);
    expect(share('sgb2_u15', 'ew_u15')[1]).toBeLessThan(55);
    expect(share('alo', 'ew_15_64')[1]).toBeLessThan(15);
    const [fMin, fMax] = share('ausl', 'ew');
    expect(fMin).toBeGreaterThan(4);
    expect(fMax).toBeLessThan(42);
    const [oMin, oMax] = share('ew_65plus', 'ew');
    expect(oMin).toBeGreaterThan(8);
    expect(oMax).toBeLessThan(33);
    expect(share('ew_80plus', 'ew')[1]).toBeLessThan(12);
    const [hMin, hMax] = share('hh_1p', 'hh');
    expect(hMin).toBeGreaterThan(28);
    expect(hMax).toBeLessThan(58);
  });

  it('has quarters that improve and one that worsens', () => {
    const first = city.dates[0] ?? '';
    const last = city.dates.at(-1) ?? '';
    const change = srs
      .filter((a) => get('ew', a, last) >= 300)
      .map((a) => sgb2Quote(get, a, last) - sgb2Quote(get, a, first));
    expect(change.filter((c) => c < -2).length).toBeGreaterThanOrEqual(2);
    expect(change.filter((c) => c > 5).length).toBeGreaterThanOrEqual(1);
  });

  it('shows the 2022 refugee wave in the number of foreigners', () => {
    const sum = (v: string, d: string) => srs.reduce((s, a) => s + get(v, a, d), 0);
    expect(sum('ausl', '2022-12-31') - sum('ausl', '2021-12-31')).toBeGreaterThan(0.005 * 250_000);
  });
});
