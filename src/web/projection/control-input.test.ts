import { describe, expect, it } from 'vitest';
import { controlQuery, formatControlInput, MAX_CONTROL_POINTS, parseControlInput } from './control-input.ts';

const BASE = '2024-12-31';
const TO = '2040-12-31';
const parse = (text: string, to = TO) => parseControlInput(text, BASE, to);
const message = (text: string, to = TO) => {
  const r = parse(text, to);
  if (r.ok) throw new Error(`accepted: ${text}`);
  return r.message;
};

describe('parseControlInput', () => {
  it('reads one Eckwert per line in the German form, sorted by date', () => {
    expect(parse('31.12.2040: 530.000\n\n  31.12.2030: 512.000  \n')).toEqual({
      ok: true,
      points: [
        { date: '2030-12-31', total: 512000 },
        { date: '2040-12-31', total: 530000 },
      ],
    });
  });

  it('takes ISO dates, bare years (the day of the base), other separators and plain numbers', () => {
    expect(parse('2030-12-31;512000\n2035 = 515 000\n2040\t520000\n2045 521000')).toEqual({
      ok: true,
      points: [
        { date: '2030-12-31', total: 512000 },
        { date: '2035-12-31', total: 515000 },
        { date: '2040-12-31', total: 520000 },
        { date: '2045-12-31', total: 521000 },
      ],
    });
    expect(parse('1.1.2041: 5', '2040-12-31')).toMatchObject({ ok: false });
  });

  it('means no Eckwerte when nothing is typed', () => {
    expect(parse('')).toEqual({ ok: true, points: [] });
    expect(parse(' \n \n')).toEqual({ ok: true, points: [] });
  });

  it('names the line that is no Eckwert', () => {
    expect(message('31.12.2030: 512.000\n31.12.2040 512,5')).toBe(
      'Zeile 2: „31.12.2040 512,5“ ist kein Eckwert. Erwartet: Stichtag und Einwohnerzahl, z. B. 31.12.2040: 512.000.',
    );
    expect(message('Eckwert 2040')).toMatch(/^Zeile 1: „Eckwert 2040“ ist kein Eckwert/);
    expect(message('31.12.2040: -5')).toMatch(/^Zeile 1: .* ist kein Eckwert/);
    expect(message('31.12.2040: 51.20')).toMatch(/ist kein Eckwert/);
  });

  it('refuses a date that does not exist', () => {
    expect(message('31.02.2040: 500.000')).toBe('Zeile 1: „31.02.2040“ ist kein gültiges Datum.');
  });

  it('refuses a Stichtag that is not whole years after the base, as the server does', () => {
    expect(message('30.06.2040: 500.000')).toBe(
      'Zeile 1: Der Eckwert zum 30.06.2040 liegt nicht ganze Jahre nach dem Ausgangsstichtag 31.12.2024; Eckwerte gelten am 31.12. eines späteren Jahres.',
    );
    expect(message('31.12.2024: 500.000')).toMatch(/nicht ganze Jahre nach/);
    expect(message('31.12.2020: 500.000')).toMatch(/nicht ganze Jahre nach/);
  });

  it('refuses two Eckwerte for one date, and none persons', () => {
    expect(message('2040: 500.000\n31.12.2040: 501.000')).toBe(
      'Zeile 2: Für den 31.12.2040 ist schon ein Eckwert angegeben.',
    );
    expect(message('2040: 0')).toBe('Zeile 1: Der Eckwert zum 31.12.2040 ist keine positive Einwohnerzahl.');
  });

  it('needs an Eckwert for the last projected year', () => {
    expect(message('31.12.2030: 512.000\n31.12.2035: 515.000')).toBe(
      'Die Eckwerte reichen nur bis 31.12.2035; die Prognose bis 31.12.2040 braucht einen Eckwert für ihr letztes Jahr.',
    );
    expect(parse('31.12.2035: 515.000', '2035-12-31')).toMatchObject({ ok: true });
  });

  it('takes no more Eckwerte than the server stores', () => {
    const lines = Array.from({ length: MAX_CONTROL_POINTS + 1 }, (_, i) => `${2025 + i}: 500000`);
    expect(message(lines.join('\n'))).toBe(`Es sind höchstens ${MAX_CONTROL_POINTS} Eckwerte möglich.`);
    expect(parse(lines.slice(1).join('\n'))).toMatchObject({ ok: true });
  });
});

describe('formatControlInput and controlQuery', () => {
  const points = [
    { date: '2030-12-31', total: 512000 },
    { date: '2040-12-31', total: 530000 },
  ];

  it('writes the Eckwerte back as typed, and parses back to the same', () => {
    const text = formatControlInput(points);
    expect(text).toBe('31.12.2030: 512.000\n31.12.2040: 530.000');
    expect(parse(text)).toEqual({ ok: true, points });
  });

  it('writes the query of the projection route, nothing for no Eckwerte', () => {
    expect(controlQuery(points)).toBe('2030-12-31:512000,2040-12-31:530000');
    expect(controlQuery([])).toBeUndefined();
    expect(controlQuery(null)).toBeUndefined();
  });
});
