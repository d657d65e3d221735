import { describe, expect, it } from 'vitest';
import { emptyDraft, parsePlanArea, statementBody } from './statement-draft.ts';

const square = JSON.stringify({
  type: 'Polygon',
  coordinates: [
    [
      [6.95, 50.94],
      [6.96, 50.94],
      [6.96, 50.95],
      [6.95, 50.94],
    ],
  ],
});

describe('statement draft', () => {
  it('reads a polygon, a feature and a collection; refuses other JSON and non-JSON in German', () => {
    expect(parsePlanArea(square, 'plan.geojson').ok).toBe(true);
    expect(parsePlanArea(`{"type":"Feature","geometry":${square},"properties":{}}`, 'f.json').ok).toBe(true);
    const point = parsePlanArea('{"type":"Point","coordinates":[7,51]}', 'punkt.geojson');
    expect(point.ok).toBe(false);
    expect(!point.ok && point.message).toMatch(/^„punkt\.geojson“ enthält kein Polygon/);
    const text = parsePlanArea('Name;x;y', 'plan.csv');
    expect(text).toEqual({ ok: false, message: '„plan.csv“ ist keine GeoJSON-Datei (kein gültiges JSON).' });
  });

  it('builds the request body with whole numbers and leaves empty options out', () => {
    const draft = {
      ...emptyDraft('neubau_standard', 'stadtteil', 2028),
      name: ' Wohnen am Mühlenbach ',
      planAreaText: square,
      planAreaFile: 'plan.geojson',
      dwellings: [
        { type: 'efh', count: '40', year: '2028' },
        { type: 'mfh', count: '1.200', year: '2030' },
      ],
    };
    expect(statementBody(draft)).toEqual({
      ok: true,
      body: {
        name: 'Wohnen am Mühlenbach',
        planArea: JSON.parse(square) as unknown,
        dwellings: [
          { type: 'efh', count: 40, year: 2028 },
          { type: 'mfh', count: 1200, year: 2030 },
        ],
        profile: 'neubau_standard',
        level: 'stadtteil',
      },
    });
  });

  it('names every problem by its field', () => {
    const draft = {
      ...emptyDraft('', '', 2028),
      dwellings: [
        { type: 'mfh', count: 'viele', year: '28' },
        { type: 'efh', count: '0', year: '2029' },
      ],
    };
    const result = statementBody(draft);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual([
      'dwellings.0.count',
      'dwellings.0.year',
      'name',
      'planArea',
    ]);
    expect(result.errors['dwellings.0.year']).toBe(
      'Zeile 1: Jahr des Erstbezugs vierstellig angeben, z. B. 2028.',
    );
    const none = statementBody({
      ...draft,
      name: 'X',
      planAreaText: square,
      dwellings: [{ type: 'efh', count: '0', year: '2029' }],
    });
    expect(none).toEqual({
      ok: false,
      errors: { dwellings: 'Zusammen müssen es mehr als null Wohneinheiten sein.' },
    });
  });
});
