import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LagebildError } from '../core/errors.ts';
import { readCostMatrix } from './matrix-file.ts';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
const bytes = (text: string) => new TextEncoder().encode(text);

describe('readCostMatrix', () => {
  it("reads QGIS's linear distance matrix (InputID, TargetID, Distance) by its column names", () => {
    const m = readCostMatrix(fixture('qgis-distance-matrix.csv'), 'qgis.csv');
    expect(m.columns).toEqual({ origin: 'InputID', destination: 'TargetID', cost: 'Distance' });
    expect(m.origin).toEqual(['101', '101', '102', '102']);
    expect(m.destination).toEqual(['K1', 'K2', 'K1', 'K2']);
    expect(m.cost).toEqual([850.4, 2310, 1204.7, 640.2]);
  });

  it('reads an OpenRouteService matrix in long form with a given cost column and decimal commas', () => {
    const m = readCostMatrix(fixture('ors-matrix-long.csv'), 'ors.csv', { cost: 'duration_s' });
    expect(m.columns).toEqual({ origin: 'source_id', destination: 'destination_id', cost: 'duration_s' });
    expect(m.cost).toEqual([612.5, 1480, 905, 401.25]);
  });

  it('refuses a file with every problem named: no number, negative, empty id, a pair twice', () => {
    const text = 'from,to,cost\n101,K1,abc\n101,K2,-5\n,K1,3\n102,K1,10\n102,K1,11\n';
    let err: unknown;
    try {
      readCostMatrix(bytes(text), 'bad.csv');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(LagebildError);
    const e = err as LagebildError;
    expect(e.code).toBe('import.matrix_invalid');
    expect(e.status).toBe(422);
    const problems = e.details.problems as string[];
    expect(problems).toHaveLength(4);
    expect(problems[0]).toContain('Zeile 2');
    expect(problems[0]).toContain('„abc“ ist keine Zahl');
    expect(problems[1]).toContain('negativ');
    expect(problems[2]).toContain('Zeile 4');
    expect(problems[3]).toContain('steht schon in Zeile 5');
  });

  it('names the columns there are when it cannot find one', () => {
    expect(() => readCostMatrix(bytes('a,b,c\n1,2,3\n'), 'x.csv')).toThrow(
      /Vorhandene Spalten: „a“, „b“, „c“/,
    );
    expect(() => readCostMatrix(bytes('from,to,cost\n1,2,3\n'), 'x.csv', { cost: 'Dauer' })).toThrow(
      /Die Spalte „Dauer“ gibt es nicht/,
    );
  });
});
