import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { drawnPolygon, emptyDraft, parsePlanArea, statementBody } from './statement-draft.ts';

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
      planAreaSource: 'file' as const,
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
      planAreaSource: 'file',
      planAreaText: square,
      dwellings: [{ type: 'efh', count: '0', year: '2029' }],
    });
    expect(none).toEqual({
      ok: false,
      errors: { dwellings: 'Zusammen müssen es mehr als null Wohneinheiten sein.' },
    });
  });

  it('sends the drawn polygon in lon/lat, without the CRS typed for a file', () => {
    const polygon = JSON.parse(square) as Polygon;
    const draft = {
      ...emptyDraft('neubau_standard', 'stadtteil', 2028),
      name: 'Am Mühlenbach',
      planAreaDrawn: polygon,
      // a file chosen before the planner switched to drawing: not sent
      planAreaText: '{"type":"Point","coordinates":[7,51]}',
      crs: 'EPSG:25832',
      dwellings: [{ type: 'mfh', count: '80', year: '2029' }],
    };
    expect(draft.planAreaSource).toBe('drawn');
    const result = statementBody(draft);
    expect(result.ok && result.body.planArea).toEqual(polygon);
    expect(result.ok && 'crs' in result.body).toBe(false);
    // back to the file: its text and CRS count again
    const file = statementBody({ ...draft, planAreaSource: 'file' });
    expect(file).toEqual({
      ok: false,
      errors: {
        planArea:
          '„Plangebiet“ enthält kein Polygon: erwartet wird ein GeoJSON-Polygon, -MultiPolygon, -Feature oder eine FeatureCollection.',
      },
    });
  });

  it('asks for a drawing, or a file, while no polygon is closed', () => {
    const result = statementBody({
      ...emptyDraft('neubau_standard', 'stadtteil', 2028),
      name: 'X',
      dwellings: [{ type: 'mfh', count: '10', year: '2029' }],
    });
    expect(result).toEqual({
      ok: false,
      errors: {
        planArea:
          'Bitte das Plangebiet auf der Karte zeichnen und mit einem Klick auf den ersten Punkt schließen – oder eine Datei hochladen.',
      },
    });
  });

  it('takes the last closed polygon of a drawing, without the tool’s properties', () => {
    const ring = [
      [7, 51],
      [7.1, 51],
      [7.1, 51.1],
      [7, 51],
    ];
    const drawing = [
      { geometry: { type: 'Polygon' as const, coordinates: [ring] }, properties: { mode: 'polygon' } },
      { geometry: { type: 'Point' as const, coordinates: [7.05, 51.05] }, properties: { mode: 'point' } },
    ];
    const polygon = drawnPolygon(drawing);
    expect(polygon).toEqual({ type: 'Polygon', coordinates: [ring] });
    // a copy: later edits of the drawing do not change the draft
    expect(polygon?.coordinates[0]).not.toBe(ring);
    // still being drawn: two corners and the moving point, not yet a plan area
    const open = [{ geometry: { type: 'Polygon' as const, coordinates: [ring.slice(0, 3)] } }];
    expect(drawnPolygon(open)).toBeNull();
    expect(drawnPolygon([])).toBeNull();
  });
});
