import type { MultiPolygon, Polygon } from 'geojson';

/**
 * Level of a demo area hierarchy: Stadt (0) → Stadtbezirk (1) → Sozialraum (2) in the city,
 * Kreis (0) → Gemeinde (1) → Wohnplatz (2) in the Kreis.
 */
export interface DemoLevel {
  key: string;
  name: string;
  rank: number;
  parent: string | null;
}

/** One area (Gebiet) with WGS84 geometry in RFC 7946 ring order. */
export interface DemoArea {
  level: string;
  key: string;
  name: string;
  parentKey: string | null;
  /**
   * Level of the parent when it is not the level's parent level (a ragged hierarchy: a Wohnplatz
   * under a Sozialraum of the Mittelzentrum); absent otherwise.
   */
  parentLevel?: string;
  geometry: Polygon | MultiPolygon;
}

/** Metadata of a variable (Merkmal). */
export interface DemoVariable {
  key: string;
  name: string;
  unit: string;
  description: string;
}

/** One count for a Sozialraum at a Stichtag; `breakdown` is '' or e.g. 'age=7;sex=w'. */
export interface DemoObservation {
  variable: string;
  area: string;
  date: string;
  breakdown: string;
  value: number;
}

/** Kinds of social infrastructure in the demo city. */
export type FacilityKind = 'kita' | 'pflegeheim' | 'tagespflege' | 'spielplatz' | 'begegnungsstaette';

/** One facility (Einrichtung) at its latest state. */
export interface DemoFacility {
  kind: FacilityKind;
  key: string;
  name: string;
  /** Places; for playgrounds the play area in m². */
  capacity: number;
  lon: number;
  lat: number;
  /** Key of the Sozialraum the facility lies in. */
  area: string;
  address: string;
  /** Delivered fields beyond the capacity: a Kita's places per age group (`plaetze_u3`, `plaetze_ue3`). */
  properties?: Record<string, number>;
  /** Träger when the generator knows it (the Kreis); else derived from the name (`demoCarrier`). */
  carrier?: string | null;
}

/** A generated demo territory: the city "Musterstadt" or the Kreis "Musterkreis". */
export interface DemoCity {
  territory: { key: string; name: string; kind: 'stadt' | 'kreis' };
  levels: DemoLevel[];
  areas: DemoArea[];
  variables: DemoVariable[];
  /** Stichtage 31.12. of ten years, oldest first. */
  dates: string[];
  /** Finest level only (Sozialraum, Wohnplatz); the app aggregates to higher levels. */
  observations: DemoObservation[];
  facilities: DemoFacility[];
}
